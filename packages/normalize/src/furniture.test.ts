import { describe, expect, it } from 'vitest';
import { normalize } from './index.js';

const kinds = (text: string) => normalize(text).removed.map((r) => [r.kind, r.text]);

describe('page furniture of any paper', () => {
  it('takes out citation source lines, page footers, page credits and timestamps', () => {
    const body = '这是一段很长的正文，讲述了一件事情的经过和各方的看法，内容比较充实。';
    const text = [
      '标题在这里',
      '本报记者 张明',
      '《光明日报》（2024年3月5日 第 03 版）',
      '',
      body,
      '第 12 页',
      body,
      '',
      '本版责编：陈 凌 石 羚',
      '版式设计：王小红',
      '数据来源：国家统计局',
      '(更新时间: 2024-03-05 19:30)',
    ].join('\n');
    expect(kinds(text)).toEqual([
      ['source_line', '《光明日报》（2024年3月5日 第 03 版）'],
      ['page_footer', '第 12 页'],
      ['editor', '本版责编：陈 凌 石 羚'],
      ['editor', '版式设计：王小红'],
      ['credit', '数据来源：国家统计局'],
      ['timestamp', '(更新时间: 2024-03-05 19:30)'],
    ]);
  });

  it('takes out a programme stamp', () => {
    expect(
      kinds('《焦点访谈》 (20240305)\n\n今天的节目讲述一件事情的经过和各方的看法，内容比较充实。'),
    ).toEqual([['source_line', '《焦点访谈》 (20240305)']]);
  });

  it('keeps a body line that quotes a title', () => {
    expect(kinds('《光明日报》刊文指出，要继续推进改革。')).toEqual([]);
  });
});

describe('head lines above a citation line in hard-wrapped text', () => {
  it('keeps the headline and byline lines whole while the body is unwrapped', () => {
    const wrapped = (s: string) => s.match(/.{1,20}/g)!.join('\n');
    const para =
      '这是一段很长的正文，讲述了一件事情的经过和各方的看法，内容比较充实，还有更多的细节需要交代清楚。';
    const text = [
      wrapped(para.repeat(3)),
      '城市更新让老街焕发新生机',
      '本报记者',
      '',
      '张明',
      '《光明日报》（2024年3月5日 第 03 版）',
      '',
      wrapped(para.repeat(3)),
      wrapped(para.repeat(2)),
    ].join('\n');
    const out = normalize(text).text;
    expect(out).toContain('\n\n城市更新让老街焕发新生机\n本报记者\n张明\n\n');
    expect(out).toContain(para.repeat(3));
  });
});
