import { createContext } from '@xinwen/core';
import { normalize } from '@xinwen/normalize';
import { describe, expect, it } from 'vitest';
import { extract } from './extract.js';
import { creditedReporters } from './web.js';

const body = (n: number) =>
  `<p>第${n}段：今年以来，全市新开工项目持续增加，投资结构不断优化，重点领域保持较快增长。</p>`;

const page = `<html><head><title>全市新开工项目持续增加_某某新闻网</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/gn">国内</a></div>
<h1>全市新开工项目持续增加</h1>
<div class="info">2019-09-08 00:20:15 来源：新京报</div>
<div class="content"><p>新京报讯（记者 王晓明）9月7日，记者从市发改委获悉。</p>${body(1)}${body(2)}${body(3)}
<p>责任编辑：李四_NB1234</p></div>
<div id="comments"><p>网友：投资500亿元，真不少！</p></div>
</body></html>`;

describe('web pages', () => {
  const r = normalize(page);
  const { page: p, articles } = extract(r);

  it('gives one article with the page title, reporters and publish date', () => {
    expect(articles).toHaveLength(1);
    const a = articles[0]!;
    expect(a.title).toBe('全市新开工项目持续增加');
    expect(a.byline.reporters).toEqual([{ name: '王晓明', role: '记者' }]);
    expect(a.date).toBe('2019-09-08');
    expect(a.paragraphs[0]).toContain('新京报讯');
    expect(a.paragraphs.some((x) => x.includes('第3段'))).toBe(true);
  });

  it('puts the publish date and the web editor on the page', () => {
    expect(p.date).toBe('2019-09-08');
    expect(p.editors).toContainEqual({ name: '李四', role: '责任编辑' });
    expect(articles[0]!.byline.reporters.map((x) => x.name)).not.toContain('李四');
  });

  it('finds no money in readers’ comments', () => {
    expect(articles[0]!.money).toEqual([]);
  });
});

describe('list pages', () => {
  it('warn that the page is a list, not one article', () => {
    const items = Array.from({ length: 30 }, (_, i) => `<li><a href="/${i}">新闻标题第${i}条</a></li>`).join(
      '',
    );
    const ctx = createContext('extract');
    extract(normalize(`<html><body><ul>${items}</ul></body></html>`), undefined, {}, ctx);
    expect(ctx.warnings.map((w) => w.code)).toContain('list_page');
  });
});

describe('creditedReporters', () => {
  it.each([
    ['澎湃新闻记者 段彦超 廖艳', ['段彦超', '廖艳']],
    ['采写：南都见习记者 林子沛', ['林子沛']],
    ['新华社巴黎12月9日电（记者唐霁）法国9日再次爆发全国跨行业大罢工。', ['唐霁']],
    ['石佳/中国青年报', ['石佳']],
  ])('reads %s', (line, names) => {
    expect(creditedReporters(line).map((r) => r.name)).toEqual(names);
  });

  it('takes a labelled author from an info bar', () => {
    expect(creditedReporters('作者 魏星 2014-08-22 10:00', true).map((r) => r.name)).toEqual(['魏星']);
  });

  it.each([
    '新京报记者登录拼多多全球购页面发现，亚马逊海外购与拼多多达成合作。',
    '10月4日，旅游专列开往襄阳。 通讯员刘娟 摄',
    '本文来源：新京报',
    '编辑 刘晓阳 校对 李铭',
  ])('finds no reporter in %s', (line) => {
    expect(creditedReporters(line)).toEqual([]);
  });
});

const md = `# 《晚间新闻》 (20221103)

## 新闻摘要

1.第一条新闻；

## 详细新闻

### 【新思想引领新征程】第一条新闻

<p><strong>本台消息</strong>（晚间新闻）：第一条新闻的正文。</p>

[查看原文](https://example.com/1)

### 第二条新闻

第二条新闻的正文。

### 没有正文的新闻
`;

describe('Markdown transcripts', () => {
  const { page: p, articles } = extract(normalize(md, {}, { uri: 'day.md' }));

  it('gives one article per heading with text under it, kicker split off', () => {
    expect(articles.map((a) => [a.kicker, a.title])).toEqual([
      [undefined, '新闻摘要'],
      ['新思想引领新征程', '第一条新闻'],
      [undefined, '第二条新闻'],
      [undefined, '没有正文的新闻'],
    ]);
    expect(articles[1]!.paragraphs).toEqual(['本台消息（晚间新闻）：第一条新闻的正文。']);
  });

  it('takes the page date and programme from the first heading', () => {
    expect(p.date).toBe('2022-11-03');
    expect(p.publication).toBe('晚间新闻');
  });
});
