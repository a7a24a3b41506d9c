import { describe, expect, it } from 'vitest';
import { publicationName, readPage } from './page.js';

describe('readPage', () => {
  it('reads the page date and the editors from print furniture', () => {
    expect(
      readPage([
        { kind: 'caption', text: '赛力斯汽车超级工厂。', start: 10, end: 20 },
        { kind: 'page_date', text: '2024年6月22日 星期六', start: 100, end: 113 },
        { kind: 'editor', text: '责编 罗皓皓', start: 114, end: 120 },
        { kind: 'editor', text: '美编 张辉', start: 121, end: 126 },
      ]),
    ).toEqual({
      date: '2024-06-22',
      editors: [
        { name: '罗皓皓', role: '责编' },
        { name: '张辉', role: '美编' },
      ],
    });
  });

  it('reads the timestamp and publication of a web page, in traditional script and with a lost character', () => {
    expect(
      readPage([
        { kind: 'source_line', text: '2023-03-31 08:52:51  來(lái)源:重慶日?qǐng)?bào)', start: 0, end: 40 },
      ]),
    ).toEqual({
      date: '2023-03-31',
      publication: '重庆日报',
      editors: [],
    });
  });
});

describe('readPage: citation lines and programme stamps', () => {
  it('reads the date and the paper from a citation source line, in either script', () => {
    expect(
      readPage([{ kind: 'source_line', text: '《光明日报》（2024年3月5日 第 03 版）', start: 0, end: 24 }]),
    ).toEqual({
      editors: [],
      date: '2024-03-05',
      publication: '光明日报',
    });
    expect(
      readPage([{ kind: 'source_line', text: '《經濟日報》（2024年3月5日 第 01 版）', start: 0, end: 24 }])
        .publication,
    ).toBe('经济日报');
  });

  it('reads a broadcast programme stamp with a compact date', () => {
    expect(readPage([{ kind: 'source_line', text: '《焦点访谈》 (20240305)', start: 0, end: 17 }])).toEqual({
      editors: [],
      date: '2024-03-05',
      publication: '焦点访谈',
    });
  });

  it('names the longest publication a text contains', () => {
    expect(publicationName('人民日报海外版')).toBe('人民日报海外版');
    expect(publicationName('来源：新华社')).toBe('新华社');
  });
});
