import { isXinwenError } from '@xinwen/core';
import { describe, expect, it } from 'vitest';
import { articleMoney, parseMoney } from './money.js';

/** [expression, value, currency, bounds/approximation when not exact] */
type Row = [string, number, string, { min?: number; max?: number; approxKind?: string }?];

const table: Record<string, Row[]> = {
  'Arabic numerals, separators and decimals': [
    ['100元', 100, 'CNY'],
    ['2500元', 2500, 'CNY'],
    ['12,500元', 12500, 'CNY'],
    ['1,234,567元', 1234567, 'CNY'],
    ['82，225.00元', 82225, 'CNY'],
    ['3.5元', 3.5, 'CNY'],
    ['0.8元', 0.8, 'CNY'],
    ['１２３元', 123, 'CNY'],
    ['９８．５元', 98.5, 'CNY'],
    ['1,000.50美元', 1000.5, 'USD'],
    ['66元钱', 66, 'CNY'],
    ['800块', 800, 'CNY'],
    ['50块钱', 50, 'CNY'],
    ['999元整', 999, 'CNY'],
    ['10.25元', 10.25, 'CNY'],
    ['7元', 7, 'CNY'],
    ['3000 元', 3000, 'CNY'],
    ['45.6元人民币', 45.6, 'CNY'],
    ['1200.00元', 1200, 'CNY'],
    ['20,000港元', 20000, 'HKD'],
  ],
  'Chinese numerals': [
    ['两千元', 2000, 'CNY'],
    ['三百万', 3_000_000, 'CNY'],
    ['五十元', 50, 'CNY'],
    ['一百二十元', 120, 'CNY'],
    ['三千五百元', 3500, 'CNY'],
    ['一万零五百元', 10500, 'CNY'],
    ['六十四万零一百四十三元一角七分', 640143.17, 'CNY'],
    ['十万元', 100_000, 'CNY'],
    ['一亿元', 100_000_000, 'CNY'],
    ['三点五亿元', 350_000_000, 'CNY'],
    ['两万五千元', 25000, 'CNY'],
    ['两万五', 25000, 'CNY'],
    ['一千二百万美元', 12_000_000, 'USD'],
    ['九百九十九元', 999, 'CNY'],
    ['二十元', 20, 'CNY'],
    ['一千零一元', 1001, 'CNY'],
    ['三百块', 300, 'CNY'],
    ['四千万元', 40_000_000, 'CNY'],
    ['十二亿元', 1_200_000_000, 'CNY'],
    ['一亿三千万元', 130_000_000, 'CNY'],
    ['零点五亿元', 50_000_000, 'CNY'],
    ['两百元', 200, 'CNY'],
  ],
  'financial capitals and traditional forms': [
    ['壹万贰仟叁佰肆拾伍元', 12345, 'CNY'],
    ['壹万二千三百四十五元', 12345, 'CNY'],
    ['肆佰叁拾萬圆整', 4_300_000, 'CNY'],
    ['伍佰圆', 500, 'CNY'],
    ['叁仟元整', 3000, 'CNY'],
    ['玖拾玖元', 99, 'CNY'],
    ['壹佰元整', 100, 'CNY'],
    ['贰拾万元', 200_000, 'CNY'],
    ['陆仟元', 6000, 'CNY'],
    ['柒億圓', 700_000_000, 'CNY'],
    ['捌拾捌元捌角捌分', 88.88, 'CNY'],
    ['五千萬美元', 50_000_000, 'USD'],
  ],
  'mixed digits and units': [
    ['1.2万元', 12000, 'CNY'],
    ['108.7亿元', 10_870_000_000, 'CNY'],
    ['1.74万亿元', 1_740_000_000_000, 'CNY'],
    ['3千万亿元', 3e15, 'CNY'],
    ['5百万元', 5_000_000, 'CNY'],
    ['2千元', 2000, 'CNY'],
    ['3万5千元', 35000, 'CNY'],
    ['323.62亿美元', 32_362_000_000, 'USD'],
    ['0.5亿元', 50_000_000, 'CNY'],
    ['12.8万亿元', 12_800_000_000_000, 'CNY'],
    ['1000万元', 10_000_000, 'CNY'],
    ['千亿元', 100_000_000_000, 'CNY'],
    ['万元', 10000, 'CNY'],
    ['4.5万欧元', 45000, 'EUR'],
    ['20亿日元', 2_000_000_000, 'JPY'],
  ],
  'shorthand k and w': [
    ['15k', 15000, 'CNY'],
    ['15k左右', 15000, 'CNY', { approxKind: 'about' }],
    ['30w上下', 300_000, 'CNY', { approxKind: 'about' }],
    ['8K', 8000, 'CNY'],
    ['2.5w', 25000, 'CNY'],
    ['20w元', 200_000, 'CNY'],
    ['10W', 100_000, 'CNY'],
    ['3k美元', 3000, 'USD'],
  ],
  '元角分 and 块毛': [
    ['十块三毛', 10.3, 'CNY'],
    ['三块五', 3.5, 'CNY'],
    ['三块五毛', 3.5, 'CNY'],
    ['5元5角', 5.5, 'CNY'],
    ['一元五角', 1.5, 'CNY'],
    ['2元3角4分', 2.34, 'CNY'],
    ['十元零五分', 10.05, 'CNY'],
    ['两块钱', 2, 'CNY'],
    ['100元零3分', 100.03, 'CNY'],
    ['八块八毛八', 8.88, 'CNY'],
    ['一百元三角', 100.3, 'CNY'],
    ['三十块钱', 30, 'CNY'],
    ['12元8角', 12.8, 'CNY'],
    ['二十五元五角', 25.5, 'CNY'],
    ['五角钱', 0.5, 'CNY'],
    ['两毛钱', 0.2, 'CNY'],
    ['5毛', 0.5, 'CNY'],
    ['8分钱', 0.08, 'CNY'],
    ['三毛五', 0.35, 'CNY'],
    ['不到5毛钱', 0.5, 'CNY', { max: 0.5, approxKind: 'atMost' }],
  ],
  'currencies after the amount': [
    ['300美元', 300, 'USD'],
    ['300美金', 300, 'USD'],
    ['50欧元', 50, 'EUR'],
    ['1000日元', 1000, 'JPY'],
    ['9000元日币', 9000, 'JPY'],
    ['500英镑', 500, 'GBP'],
    ['200港元', 200, 'HKD'],
    ['200港币', 200, 'HKD'],
    ['100新台币', 100, 'TWD'],
    ['100台币', 100, 'TWD'],
    ['5万韩元', 50000, 'KRW'],
    ['300卢布', 300, 'RUB'],
    ['1000泰铢', 1000, 'THB'],
    ['80澳元', 80, 'AUD'],
    ['60加元', 60, 'CAD'],
    ['40瑞郎', 40, 'CHF'],
    ['10新加坡元', 10, 'SGD'],
    ['200澳门元', 200, 'MOP'],
    ['1000卢比', 1000, 'INR'],
    ['30万越南盾', 300_000, 'VND'],
    ['2000雷亚尔', 2000, 'BRL'],
    ['500瑞典克朗', 500, 'SEK'],
    ['300林吉特', 300, 'MYR'],
    ['三万元欧元', 30000, 'EUR'],
    ['108.7亿元人民币', 10_870_000_000, 'CNY'],
    ['50新西兰元', 50, 'NZD'],
    ['100兰特', 100, 'ZAR'],
    ['20迪拉姆', 20, 'AED'],
    ['1000里拉', 1000, 'TRY'],
    ['40万印尼盾', 400_000, 'IDR'],
  ],
  'currencies before the amount': [
    ['港币两千九百六十元', 2960, 'HKD'],
    ['人民币100万元', 1_000_000, 'CNY'],
    ['人民币100万', 1_000_000, 'CNY'],
    ['美元3000', 3000, 'USD'],
    ['人民币数十亿元', 2_000_000_000, 'CNY', { min: 2_000_000_000, max: 9_000_000_000, approxKind: 'about' }],
    ['欧元500万', 5_000_000, 'EUR'],
    ['日元1亿', 100_000_000, 'JPY'],
    ['新台币50万元', 500_000, 'TWD'],
    ['港币1000', 1000, 'HKD'],
    ['英镑20万', 200_000, 'GBP'],
  ],
  'approximation words': [
    ['约100万元', 1_000_000, 'CNY', { approxKind: 'about' }],
    ['近650亿元', 65_000_000_000, 'CNY', { approxKind: 'about' }],
    ['大约5000元', 5000, 'CNY', { approxKind: 'about' }],
    ['大约是五千块', 5000, 'CNY', { approxKind: 'about' }],
    ['3000元左右', 3000, 'CNY', { approxKind: 'about' }],
    ['500元上下', 500, 'CNY', { approxKind: 'about' }],
    ['超过400亿元', 40_000_000_000, 'CNY', { min: 40_000_000_000, approxKind: 'atLeast' }],
    ['逾百亿元', 10_000_000_000, 'CNY', { min: 10_000_000_000, approxKind: 'atLeast' }],
    ['突破千亿元', 100_000_000_000, 'CNY', { min: 100_000_000_000, approxKind: 'atLeast' }],
    ['1000万美元以上', 10_000_000, 'USD', { min: 10_000_000, approxKind: 'atLeast' }],
    ['至少500元', 500, 'CNY', { min: 500, approxKind: 'atLeast' }],
    ['不少于2万元', 20000, 'CNY', { min: 20000, approxKind: 'atLeast' }],
    ['不到5万元', 50000, 'CNY', { max: 50000, approxKind: 'atMost' }],
    ['不足100元', 100, 'CNY', { max: 100, approxKind: 'atMost' }],
    ['1000元以下', 1000, 'CNY', { max: 1000, approxKind: 'atMost' }],
    ['500万元以内', 5_000_000, 'CNY', { max: 5_000_000, approxKind: 'atMost' }],
    ['最多200元', 200, 'CNY', { max: 200, approxKind: 'atMost' }],
    ['不超过3000元', 3000, 'CNY', { max: 3000, approxKind: 'atMost' }],
    ['高达1.2亿美元', 120_000_000, 'USD', { min: 120_000_000, approxKind: 'atLeast' }],
    ['接近2万元', 20000, 'CNY', { approxKind: 'about' }],
    ['将近十万元', 100_000, 'CNY', { approxKind: 'about' }],
    ['约合人民币100万元', 1_000_000, 'CNY', { approxKind: 'about' }],
    ['100元起', 100, 'CNY', { min: 100, approxKind: 'atLeast' }],
  ],
  'vague amounts (多, 余, 几, 数, 上, neighbouring digits)': [
    ['3000多欧元', 3000, 'EUR', { min: 3000, max: 4000, approxKind: 'about' }],
    ['4000余万元', 40_000_000, 'CNY', { min: 40_000_000, max: 50_000_000, approxKind: 'about' }],
    ['几十万块', 200_000, 'CNY', { min: 200_000, max: 900_000, approxKind: 'about' }],
    ['几千元', 2000, 'CNY', { min: 2000, max: 9000, approxKind: 'about' }],
    ['数百万美元', 2_000_000, 'USD', { min: 2_000_000, max: 9_000_000, approxKind: 'about' }],
    ['十几万元', 110_000, 'CNY', { min: 110_000, max: 190_000, approxKind: 'about' }],
    ['一百多万元', 1_000_000, 'CNY', { min: 1_000_000, max: 2_000_000, approxKind: 'about' }],
    ['十多万元', 100_000, 'CNY', { min: 100_000, max: 200_000, approxKind: 'about' }],
    ['二十来万元', 200_000, 'CNY', { min: 200_000, max: 300_000, approxKind: 'about' }],
    ['3万多元', 30000, 'CNY', { min: 30000, max: 40000, approxKind: 'about' }],
    ['两三万元', 20000, 'CNY', { min: 20000, max: 30000, approxKind: 'about' }],
    ['三四百元', 300, 'CNY', { min: 300, max: 400, approxKind: 'about' }],
    ['上千万元', 10_000_000, 'CNY', { min: 10_000_000, approxKind: 'atLeast' }],
    ['上亿元', 100_000_000, 'CNY', { min: 100_000_000, approxKind: 'atLeast' }],
    ['1500多元', 1500, 'CNY', { min: 1500, max: 1600, approxKind: 'about' }],
    ['几块钱', 2, 'CNY', { min: 2, max: 9, approxKind: 'about' }],
    ['七八十万元', 700_000, 'CNY', { min: 700_000, max: 800_000, approxKind: 'about' }],
    ['5千多万元', 50_000_000, 'CNY', { min: 50_000_000, max: 60_000_000, approxKind: 'about' }],
    ['200余亿元', 20_000_000_000, 'CNY', { min: 20_000_000_000, max: 30_000_000_000, approxKind: 'about' }],
  ],
  ranges: [
    ['从8500到3万港元', 8500, 'HKD', { min: 8500, max: 30000 }],
    ['5000元至1万元', 5000, 'CNY', { min: 5000, max: 10000 }],
    ['两到三万元', 20000, 'CNY', { min: 20000, max: 30000 }],
    ['10亿至20亿元', 1_000_000_000, 'CNY', { min: 1_000_000_000, max: 2_000_000_000 }],
    ['10至20亿元', 1_000_000_000, 'CNY', { min: 1_000_000_000, max: 2_000_000_000 }],
    ['3-5万元', 30000, 'CNY', { min: 30000, max: 50000 }],
    ['1000~2000元', 1000, 'CNY', { min: 1000, max: 2000 }],
    ['100—200美元', 100, 'USD', { min: 100, max: 200 }],
    ['8000到1.2万元', 8000, 'CNY', { min: 8000, max: 12000 }],
    ['1.5到2万元', 15000, 'CNY', { min: 15000, max: 20000 }],
    ['5000万元至1亿元', 50_000_000, 'CNY', { min: 50_000_000, max: 100_000_000 }],
    ['三到五千元', 3000, 'CNY', { min: 3000, max: 5000 }],
    ['800到1200万元', 8_000_000, 'CNY', { min: 8_000_000, max: 12_000_000 }],
    ['20万到30万美元', 200_000, 'USD', { min: 200_000, max: 300_000 }],
    ['50至60英镑', 50, 'GBP', { min: 50, max: 60 }],
  ],
};

describe('parseMoney: table', () => {
  for (const [category, rows] of Object.entries(table)) {
    describe(category, () => {
      it.each(rows)('%s', (text, value, currency, extra) => {
        const found = parseMoney(text);
        expect(found).toHaveLength(1);
        const m = found[0]!;
        expect(m.value).toBeCloseTo(value, 6);
        expect(m.currency).toBe(currency);
        expect(m.min).toBe(
          extra?.min ?? (extra?.max !== undefined && extra.approxKind !== 'atMost' ? value : undefined),
        );
        expect(m.max).toBe(extra?.max);
        expect(m.approxKind).toBe(extra?.approxKind);
        expect(m.approx).toBe(extra?.approxKind !== undefined);
      });
    });
  }
});

describe('parseMoney', () => {
  it('has at least 150 table rows', () => {
    expect(Object.values(table).flat().length).toBeGreaterThanOrEqual(150);
  });

  it('gives text and offsets in the input', () => {
    const text = '去年营收108.7亿元人民币，利润约3000万美元。';
    expect(parseMoney(text).map((m) => [m.text, text.slice(m.start, m.end)])).toEqual([
      ['108.7亿元人民币', '108.7亿元人民币'],
      ['约3000万美元', '约3000万美元'],
    ]);
  });

  it('finds several amounts in running text', () => {
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

  it('keeps a range exact when both ends are printed exactly', () => {
    expect(parseMoney('总投资10亿至20亿元')).toEqual([
      {
        text: '10亿至20亿元',
        value: 1_000_000_000,
        currency: 'CNY',
        approx: false,
        min: 1_000_000_000,
        max: 2_000_000_000,
        start: 3,
        end: 11,
      },
    ]);
  });

  it.each([
    '多元互补，千亿级产业集群，上千名台湾青年',
    '2020元旦，三元里，一元二次方程',
    '一块土地，十块金牌',
    '2033万公顷',
    '增长3.5%，共300人',
    '统一元素，单元测试',
    '五块砖头',
    '长三角一体化，三角形',
    '万亿元级产业集群',
  ])('takes nothing in 「%s」 for money', (text) => {
    expect(parseMoney(text)).toEqual([]);
  });

  it('ends an amount at 元 when a count follows', () => {
    expect(parseMoney('原本600元一斤的价格').map((m) => [m.text, m.value])).toEqual([['600元', 600]]);
  });

  it('stores money without offsets in articles', () => {
    expect(articleMoney('投资2亿元')).toEqual([
      { text: '2亿元', value: 200_000_000, currency: 'CNY', approx: false },
    ]);
  });

  it.each([[42], [null], [undefined], [{ text: '5元' }]])('throws invalid_input for %s', (bad) => {
    let error: unknown;
    try {
      parseMoney(bad as unknown as string);
    } catch (e) {
      error = e;
    }
    expect(isXinwenError(error, 'invalid_input')).toBe(true);
  });
});
