import { isXinwenError } from '@xinwen/core';
import { describe, expect, it } from 'vitest';
import { articleDates, parseDates, textYear, unresolvedDates } from './dates.js';

const reference = '2024-06-22';
/** The mentions without their offsets. */
const stored = (text: string, options?: Parameters<typeof parseDates>[1]) => articleDates(text, options);

describe('parseDates', () => {
  it('resolves a month and day against the reference date', () => {
    expect(stored('9月5日，市民政局举行', { reference })).toEqual([{ text: '9月5日', date: '2024-09-05' }]);
  });

  it('reads a day range as date and end', () => {
    expect(stored('将于9月9日至13日在重庆举行', { reference })).toEqual([
      { text: '9月9日至13日', date: '2024-09-09', end: '2024-09-13' },
    ]);
  });

  it('reads a web timestamp and a printed page date', () => {
    expect(stored('2023-03-31 08:52:51  来源', {})).toEqual([
      { text: '2023-03-31 08:52:51', date: '2023-03-31', time: '08:52' },
    ]);
    expect(stored('2024年6月22日 星期六')).toEqual([{ text: '2024年6月22日 星期六', date: '2024-06-22' }]);
  });

  it('reads month ranges, 今年上半年 and 昨天', () => {
    expect(
      stored('1—5月，重庆规上工业增加值增长。今年上半年，川渝。昨天，会议召开。', { reference }),
    ).toEqual([
      { text: '1—5月', date: '2024-01-01', end: '2024-05-31' },
      { text: '今年上半年', date: '2024-01-01', end: '2024-06-30' },
      { text: '昨天', date: '2024-06-21' },
    ]);
  });

  it('reads 去年12月 and a year with a month as month ranges', () => {
    expect(stored('去年12月，截至2024年6月', { reference })).toEqual([
      { text: '去年12月', date: '2023-12-01', end: '2023-12-31' },
      { text: '2024年6月', date: '2024-06-01', end: '2024-06-30' },
    ]);
  });

  it('gives a yearless day the year printed earlier on the same line', () => {
    expect(stored('1994年，市台协应运而生。这一年的6月15日，协会登记注册。', { reference })).toEqual([
      { text: '6月15日', date: '1994-06-15' },
    ]);
  });

  it('does not resolve 今天 inside a quotation, nor a year alone', () => {
    expect(stored('“今天一路走、一路看。”2027年，全市', { reference })).toEqual([]);
  });

  it('skips dates that need a year when there is none', () => {
    expect(stored('9月5日，昨天')).toEqual([]);
    expect(stored('9月5日', { year: 2020 })).toEqual([{ text: '9月5日', date: '2020-09-05' }]);
  });

  it('drops impossible days', () => {
    expect(stored('2月30日', { reference })).toEqual([]);
  });

  it('gives every mention its offsets in the input', () => {
    const text = '会议于9月9日至13日举行，昨天开幕。';
    expect(
      parseDates(text, { reference }).map((m) => [m.text, text.slice(m.span.start, m.span.end)]),
    ).toEqual([
      ['9月9日至13日', '9月9日至13日'],
      ['昨天', '昨天'],
    ]);
  });

  it('reads times of day, holidays and lunar dates in running text', () => {
    expect(stored('今年中秋节前，农历八月二十三下午3点，6月上旬', { reference })).toEqual([
      { text: '今年中秋节', date: '2024-09-17' },
      { text: '农历八月二十三下午3点', date: '2024-09-25', time: '15:00' },
      { text: '6月上旬', date: '2024-06-01', end: '2024-06-10' },
    ]);
  });

  it('leaves out durations, windows, years alone and days relative to another day', () => {
    expect(stored('为期3个月，近3年来，2027年，当天，次日，今年', { reference })).toEqual([]);
  });

  it('lists the mentions a reference would resolve', () => {
    expect(unresolvedDates('昨天开会，9月5日闭幕，2024年9月6日返回').map((m) => m.text)).toEqual([
      '昨天',
      '9月5日',
    ]);
  });

  it('never takes a number with a unit for a year', () => {
    expect(textYear('全国耕地2033万公顷，2033万公顷。2024年6月，会议召开')).toBe(2024);
    expect(textYear('耕地2033万公顷，人口1400万')).toBeUndefined();
  });

  it.each([
    [42, {}],
    ['9月5日', { reference: '2024-02-30' }],
    ['9月5日', { reference: new Date(Number.NaN) }],
  ])('throws invalid_input for %s with %o', (text, options) => {
    let error: unknown;
    try {
      parseDates(text as string, options as never);
    } catch (e) {
      error = e;
    }
    expect(isXinwenError(error, 'invalid_input')).toBe(true);
  });
});
