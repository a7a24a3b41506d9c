import { describe, expect, it } from 'vitest';
import { normalize } from '../normalize.js';

const md = `# 《晚间新闻》 (20221103)

## 新闻摘要

1.第一条新闻；

2.第二条新闻。
（《晚间新闻》 20221103 19:00）

## 详细新闻

### 【新思想引领新征程】第一条新闻

<p><strong>本台消息</strong>（晚间新闻）：第一条新闻的正文&amp;细节。</p><p>第二段。</p>

[查看原文](https://example.com/1)

### 第二条新闻

第二条新闻的正文，有**加粗**和[链接文字](https://example.com/x)。
`;

describe('Markdown', () => {
  const r = normalize(md, {}, { uri: 'day.md' });

  it('keeps headings and text, drops marks, tags and link lines', () => {
    expect(r.text).toContain('【新思想引领新征程】第一条新闻');
    expect(r.text).toContain('本台消息（晚间新闻）：第一条新闻的正文&细节。\n\n第二段。');
    expect(r.text).toContain('有加粗和链接文字。');
    expect(r.text).not.toMatch(/<p>|\*\*|#|查看原文|https/);
    // The programme heading and the programme stamp are both source lines.
    expect(r.removed.map((x) => x.kind)).toEqual(['source_line', 'source_line', 'link']);
  });

  it('reports each heading with its section in the normalized text', () => {
    const sections = r.web?.sections ?? [];
    expect(sections.map((s) => [s.level, s.title])).toEqual([
      [1, '《晚间新闻》 (20221103)'],
      [2, '新闻摘要'],
      [2, '详细新闻'],
      [3, '【新思想引领新征程】第一条新闻'],
      [3, '第二条新闻'],
    ]);
    const last = sections[4]!;
    expect(r.text.slice(last.start, last.end)).toMatch(/^第二条新闻\n\n第二条新闻的正文/);
  });

  it('reads the date and programme from the heading and the programme line', () => {
    expect(r.web).toMatchObject({
      format: 'markdown',
      publishedAt: '2022-11-03T19:00:00+08:00',
      source: '晚间新闻',
    });
  });

  it('takes the date from the file name when the text names none', () => {
    const plain = '## 新闻\n\n### 第一条\n\n正文。\n';
    expect(normalize(plain, {}, { uri: 'news/xwlb-20230222.md' }).web?.publishedAt).toBe(
      '2023-02-22T00:00:00+08:00',
    );
    expect(normalize(plain, {}, { uri: 'news/today.md' }).web?.publishedAt).toBeUndefined();
  });

  it('is recognized without a file name', () => {
    expect(normalize(md).web?.format).toBe('markdown');
  });
});
