import { describe, expect, it } from 'vitest';
import { parsePercentages } from './percentages.js';

describe('parsePercentages', () => {
  it('keeps percentages and percentage points apart', () => {
    expect(parsePercentages('技改投资增长25.2%、高于全国平均13.5个百分点')).toEqual([
      { text: '25.2%', value: 25.2, unit: 'percent' },
      { text: '13.5个百分点', value: 13.5, unit: 'points' },
    ]);
  });

  it('reads 百分之 and Chinese numerals', () => {
    expect(parsePercentages('占比百分之三十，约三个百分点')).toEqual([
      { text: '百分之三十', value: 30, unit: 'percent' },
      { text: '三个百分点', value: 3, unit: 'points' },
    ]);
  });
});
