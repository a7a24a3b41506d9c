import { describe, expect, it } from 'vitest';
import { findEntities } from './entities.js';

const spans = (text: string, tokens?: Parameters<typeof findEntities>[1]) =>
  findEntities(text, tokens).map((e) => `${e.type}:${e.text}@${e.start}`);

describe('findEntities', () => {
  it('returns people, organizations and places with offsets into the text', () => {
    const text = '国务院总理李强在北京会见联合国秘书长古特雷斯。';
    const found = findEntities(text);
    for (const e of found) expect(text.slice(e.start, e.end)).toBe(e.text);
    expect(spans(text)).toEqual([
      'organization:国务院@0',
      'person:李强@5',
      'place:北京@8',
      'organization:联合国@12',
      'person:古特雷斯@18',
    ]);
  });

  it('gives the full name and level of a short place name', () => {
    expect(findEntities('他在重庆工作。').find((e) => e.type === 'place')).toMatchObject({
      text: '重庆',
      name: '重庆市',
      level: 'municipality',
    });
  });

  it('finds county-level divisions and foreign cities from the gazetteers', () => {
    expect(spans('代表团从浙江省安吉县出发，经莫斯科前往布宜诺斯艾利斯。')).toEqual([
      'place:浙江省@4',
      'place:安吉县@7',
      'place:莫斯科@14',
      'place:布宜诺斯艾利斯@19',
    ]);
  });

  it('reads a newspaper named after a place as an organization, not a place', () => {
    expect(spans('重庆日报记者报道')).toEqual(['organization:重庆日报@0']);
  });

  it('keeps verbs and numbers out of an organization and stops at its left edge', () => {
    expect(spans('记者了解到，重庆某某实业有限公司正在扩产。').filter((s) => s.startsWith('org'))).toEqual([
      'organization:重庆某某实业有限公司@6',
    ]);
  });

  it('splits runs of one-character country names before a relation word', () => {
    expect(spans('中美两国元首举行会谈。')).toEqual(['place:中@0', 'place:美@1']);
  });

  it('joins a transliterated name at its dot and ends a name before the next word', () => {
    expect(spans('美国总统特朗普会见理查德·赖尔登市长。社区书记王某至今未回应。')).toEqual([
      'place:美国@0',
      'person:特朗普@4',
      'person:理查德·赖尔登@9',
      'person:王某@23',
    ]);
  });

  it('does not take an ordinary word starting with a family name for a person', () => {
    expect(spans('学生时代不怕吃苦，双方表示同意。')).toEqual([]);
  });

  it('uses tokens when given and tolerates text no token covers', () => {
    const text = '双方表示\n王小明说';
    const tokens = [
      { text: '双方', pos: 'n', start: 0, end: 2 },
      { text: '表示', pos: 'v', start: 2, end: 4 },
      { text: '王小明', pos: 'nr', start: 5, end: 8 },
      { text: '说', pos: 'v', start: 8, end: 9 },
    ];
    expect(spans(text, tokens)).toEqual(['person:王小明@5']);
  });

  it('returns nothing for empty text', () => {
    expect(findEntities('')).toEqual([]);
  });
});
