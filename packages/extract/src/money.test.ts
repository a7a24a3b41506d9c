import { describe, expect, it } from 'vitest';
import { parseMoney } from './money.js';

describe('parseMoney', () => {
  it('reads 亿 and the currency, with 人民币 after the amount', () => {
    expect(parseMoney('投资总额108.7亿元人民币，项目主要涉及')).toEqual([
      { text: '108.7亿元人民币', value: 10_870_000_000, currency: 'CNY', approx: false },
    ]);
  });

  it('reads US dollars', () => {
    expect(parseMoney('累计合同台资323.62亿美元')).toEqual([
      { text: '323.62亿美元', value: 32_362_000_000, currency: 'USD', approx: false },
    ]);
  });

  it('marks 余, 近, 突破, 以上 and 超过 as approximate', () => {
    expect(
      parseMoney('物资4000余万元，近650亿元，突破千亿元，1000万美元以上，超过400亿元').map((m) => [
        m.text,
        m.value,
        m.approx,
      ]),
    ).toEqual([
      ['4000余万元', 40_000_000, true],
      ['近650亿元', 65_000_000_000, true],
      ['突破千亿元', 100_000_000_000, true],
      ['1000万美元以上', 10_000_000, true],
      ['超过400亿元', 40_000_000_000, true],
    ]);
  });

  it('reads 万亿 and Chinese numerals', () => {
    expect(parseMoney('增加值达1.74万亿元，三千万元').map((m) => m.value)).toEqual([
      1_740_000_000_000, 30_000_000,
    ]);
  });

  it('gives a range its lower bound as value and upper bound as max', () => {
    expect(parseMoney('总投资10亿至20亿元，另有5000万元至1亿元')).toEqual([
      { text: '10亿至20亿元', value: 1_000_000_000, currency: 'CNY', approx: false, max: 2_000_000_000 },
      { text: '5000万元至1亿元', value: 50_000_000, currency: 'CNY', approx: false, max: 100_000_000 },
    ]);
  });

  it('does not take 多元 or 千亿级 for money', () => {
    expect(parseMoney('多元互补，千亿级产业集群，上千名台湾青年')).toEqual([]);
  });
});
