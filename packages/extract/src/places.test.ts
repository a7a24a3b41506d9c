import { describe, expect, it } from 'vitest';
import { findPlaces } from './places.js';

describe('findPlaces', () => {
  it('finds districts, cities and provinces with their level, longest name first', () => {
    expect(findPlaces('重庆市与四川省广安市合作，江津、潼南区和合川区')).toEqual([
      { name: '重庆市', level: 'municipality', count: 1 },
      { name: '四川省', level: 'province', count: 1 },
      { name: '广安市', level: 'prefecture', count: 1 },
      { name: '江津区', level: 'district', count: 1 },
      { name: '潼南区', level: 'district', count: 1 },
      { name: '合川区', level: 'district', count: 1 },
    ]);
  });

  it('does not read a short name inside another word, and reads one-character names before 两地', () => {
    expect(findPlaces('整合川渝两地侨界智力资源，推动成渝中部地区发展，合川')).toEqual([
      { name: '四川省', count: 1 },
      { name: '重庆市', count: 1 },
      { name: '合川区', level: 'district', count: 1 },
    ]);
  });

  it('counts short and full names as one place and skips newspaper names', () => {
    expect(findPlaces('大足与大足区，重庆日报记者')).toEqual([
      { name: '大足区', level: 'district', count: 2 },
    ]);
  });
});
