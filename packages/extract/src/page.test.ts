import { describe, expect, it } from 'vitest';
import { readPage } from './page.js';

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
