import { readFileSync } from 'node:fs';
import { ArticleSchema, createContext, isXinwenError, type Normalized, PageSchema } from '@xinwen/core';
import { normalize } from '@xinwen/normalize';
import { segment } from '@xinwen/segment';
import { describe, expect, it } from 'vitest';
import { createExtractor, extract } from './extract.js';

const seed = (name: string) => readFileSync(new URL(`../../../seeds/${name}`, import.meta.url));
const plain = (text: string, removed: Normalized['removed'] = []): Normalized => ({
  text,
  script: 'hans',
  fixes: {},
  removed,
  damaged: [],
});

describe('extract', () => {
  it('returns a page and articles that satisfy the document model', () => {
    const result = extract(normalize(seed('003_ea90497b5cb0cfb5.txt')));
    expect(PageSchema.parse(result.page)).toEqual(result.page);
    for (const a of result.articles) expect(ArticleSchema.parse(a)).toEqual(a);
  });

  it('puts captions with their article and photo credits in its byline as 摄影', () => {
    const { articles } = extract(normalize(seed('001_1dec3f20949d3dbf.txt')));
    const a = articles.find((x) => x.title === '重庆“33618”现代制造业集群加快提能级');
    expect(a?.captions).toEqual([
      '璧山区重庆青山工业变速箱一厂内，工人在新能源二电驱生产线上与工业机器人协同工作。（本报资料图片）',
      '位于两江协同创新区的中科摇船船科技有限公司，研发人员在测试MicroLED晶圆外观检测系统。（本报资料图片）',
    ]);
    expect(a?.byline.reporters).toEqual([
      { name: '崔力', role: '摄影' },
      { name: '张锦辉', role: '摄影' },
    ]);
  });

  it('takes a photographer from a credit inside a caption', () => {
    const text = '标题在此处\n\n本报讯（记者 杨铌紫）5月2日，重庆日报记者从团市委了解到。';
    const { articles } = extract(
      plain(text, [{ kind: 'caption', text: '▲招聘会现场。（记者 崔力 摄）', start: 10, end: 25 }]),
      undefined,
      { referenceDate: '2020-05-03' },
    );
    expect(articles[0]?.captions).toEqual(['招聘会现场。（记者 崔力 摄）']);
    expect(articles[0]?.byline.reporters).toEqual([
      { name: '杨铌紫', role: '记者' },
      { name: '崔力', role: '摄影' },
    ]);
  });

  it('resolves the dateline and 昨天 against the page date from the furniture', () => {
    const text =
      '□新重庆-重庆日报评论员\n\n昨天，党政联席会议座谈会在四川广安召开。\n\n6月21日，会议举行成果发布会。';
    const result = extract(
      plain(text, [{ kind: 'page_date', text: '2024年6月22日 星期六', start: 200, end: 213 }]),
    );
    expect(result.page.date).toBe('2024-06-22');
    expect(result.articles[0]?.date).toBe('2024-06-22');
    expect(result.articles[0]?.dates).toEqual([
      { text: '昨天', date: '2024-06-21' },
      { text: '6月21日', date: '2024-06-21' },
    ]);
  });

  it('reads a dateline after a 本报讯 lead', () => {
    const { articles } = extract(
      plain('标题在此处\n\n本报讯（记者 杨铌紫）5月2日，重庆日报记者从团市委了解到。'),
      undefined,
      { referenceDate: '2020-05-03' },
    );
    expect(articles[0]?.dateline).toEqual({ text: '5月2日', date: '2020-05-02' });
    expect(articles[0]?.date).toBe('2020-05-02');
  });

  it('reads a wire-service dateline', () => {
    const { articles } = extract(
      plain('国新办发布白皮书\n\n新华社北京6月1日电（记者 王小明）国务院新闻办公室1日发布白皮书。'),
      undefined,
      { referenceDate: '2024-06-02' },
    );
    expect(articles[0]?.title).toBe('国新办发布白皮书');
    expect(articles[0]?.byline.agency).toBe('新华社');
    expect(articles[0]?.dateline).toEqual({ text: '北京6月1日电', date: '2024-06-01' });
    expect(articles[0]?.paragraphs).toEqual(['国务院新闻办公室1日发布白皮书。']);
  });

  it('warns when it has to guess the year, and uses the year the text names most', () => {
    const ctx = createContext('extract');
    const { articles } = extract(
      plain('2020年线上就业服务季。\n\n4月29日上午，签约仪式举行。'),
      undefined,
      {},
      ctx,
    );
    expect(articles[0]?.dates).toEqual([
      { text: '4月29日上午', date: '2020-04-29', time: '08:00', endTime: '12:00' },
    ]);
    expect(ctx.warnings.map((w) => w.code)).toContain('year_inferred');
  });

  it('gives keywords from the segmentation, and none without it', () => {
    const normalized = normalize(seed('004_805a3a0c2883bed2.txt'));
    const withTokens = extract(normalized, segment(normalized.text));
    const qiaolian = withTokens.articles.find((a) => a.paragraphs[0]?.includes('市侨联与四川省侨联'));
    expect(qiaolian?.keywords.map((k) => k.word)).toContain('侨联');
    expect(qiaolian?.keywords.length).toBe(10);
    expect(extract(normalized).articles.every((a) => a.keywords.length === 0)).toBe(true);
  });

  it('is deterministic', () => {
    const normalized = normalize(seed('000_b6d3aba162f0a3bb.txt'));
    expect(JSON.stringify(extract(normalized))).toBe(JSON.stringify(extract(normalized)));
  });

  it('returns no articles and a warning for an empty page', () => {
    const ctx = createContext('extract');
    expect(extract(plain('  \n\n '), undefined, {}, ctx)).toEqual({ page: { editors: [] }, articles: [] });
    expect(ctx.warnings.map((w) => w.code)).toEqual(['no_articles']);
  });

  it('throws invalid_input for something that is not a normalized result', () => {
    const run = createExtractor();
    let caught: unknown;
    try {
      run({ normalized: { text: 42 } } as never, createContext());
    } catch (error) {
      caught = error;
    }
    expect(isXinwenError(caught, 'invalid_input')).toBe(true);
  });

  it('throws invalid_options for a malformed reference date', () => {
    expect(() => createExtractor({ referenceDate: '2024/06/22' })).toThrow(/YYYY-MM-DD/);
    let caught: unknown;
    try {
      createExtractor({ keywords: -1 });
    } catch (error) {
      caught = error;
    }
    expect(isXinwenError(caught, 'invalid_options')).toBe(true);
  });
});
