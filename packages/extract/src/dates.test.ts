import { describe, expect, it } from 'vitest';
import { parseDates } from './dates.js';

const reference = '2024-06-22';

describe('parseDates', () => {
  it('resolves a month and day against the reference date', () => {
    expect(parseDates('9月5日，市民政局举行', { reference })).toEqual([
      { text: '9月5日', date: '2024-09-05' },
    ]);
  });

  it('reads a day range as date and end', () => {
    expect(parseDates('将于9月9日至13日在重庆举行', { reference })).toEqual([
      { text: '9月9日至13日', date: '2024-09-09', end: '2024-09-13' },
    ]);
  });

  it('reads a web timestamp and a printed page date', () => {
    expect(parseDates('2023-03-31 08:52:51  来源', {})).toEqual([
      { text: '2023-03-31 08:52:51', date: '2023-03-31' },
    ]);
    expect(parseDates('2024年6月22日 星期六')).toEqual([
      { text: '2024年6月22日 星期六', date: '2024-06-22' },
    ]);
  });

  it('reads month ranges, 今年上半年 and 昨天', () => {
    expect(
      parseDates('1—5月，重庆规上工业增加值增长。今年上半年，川渝。昨天，会议召开。', { reference }),
    ).toEqual([
      { text: '1—5月', date: '2024-01-01', end: '2024-05-31' },
      { text: '今年上半年', date: '2024-01-01', end: '2024-06-30' },
      { text: '昨天', date: '2024-06-21' },
    ]);
  });

  it('reads 去年12月 and a year with a month as month ranges', () => {
    expect(parseDates('去年12月，截至2024年6月', { reference })).toEqual([
      { text: '去年12月', date: '2023-12-01', end: '2023-12-31' },
      { text: '2024年6月', date: '2024-06-01', end: '2024-06-30' },
    ]);
  });

  it('gives a yearless day the year printed earlier on the same line', () => {
    expect(parseDates('1994年，市台协应运而生。这一年的6月15日，协会登记注册。', { reference })).toEqual([
      { text: '6月15日', date: '1994-06-15' },
    ]);
  });

  it('does not resolve 今天 inside a quotation, nor a year alone', () => {
    expect(parseDates('“今天一路走、一路看。”2027年，全市', { reference })).toEqual([]);
  });

  it('skips dates that need a year when there is none', () => {
    expect(parseDates('9月5日，昨天')).toEqual([]);
    expect(parseDates('9月5日', { year: 2020 })).toEqual([{ text: '9月5日', date: '2020-09-05' }]);
  });

  it('drops impossible days', () => {
    expect(parseDates('2月30日', { reference })).toEqual([]);
  });
});
