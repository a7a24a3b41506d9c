import { describe, expect, it } from 'vitest';
import { ArticleSchema, MoneySchema, ProcessedDocumentSchema } from './schema.js';
import { createContext } from './stage.js';

const article = {
  title: '川渝开展“千校万岗”线上就业服务',
  subtitle: '已征集岗位9.4万余个',
  byline: {
    text: '本报讯（记者 杨铌紫）',
    reporters: [{ name: '杨铌紫', role: '记者' }],
    agency: '重庆日报',
  },
  date: '2020-05-06',
  paragraphs: ['近日，川渝两地人社部门联合开展线上就业服务。'],
  captions: [],
  people: [{ name: '杨铌紫', titles: ['记者'], count: 1 }],
  organizations: [],
  places: [{ name: '重庆', level: 'province', count: 2 }],
  money: [{ text: '108.7亿元', value: 10_870_000_000, currency: 'CNY', approx: false }],
  percentages: [{ text: '13.5个百分点', value: 13.5, unit: 'points' }],
  dates: [{ text: '9月9日至13日', date: '2024-09-09', end: '2024-09-13' }],
  quotes: [{ text: '要把学习贯彻全会精神作为重大政治任务', speaker: '李保海' }],
  keywords: [{ word: '就业', weight: 0.4 }],
};

describe('document model', () => {
  it('accepts a complete document', () => {
    const doc = {
      id: 'sha256:' + 'a'.repeat(64),
      source: { contentType: 'text/plain', encoding: 'utf-8', encodingConfidence: 1 },
      normalized: {
        text: '重庆日报',
        script: 'hans',
        fixes: { traditional: 2 },
        removed: [{ kind: 'footer', text: '责编 罗皓皓', start: 10, end: 16 }],
        damaged: [{ start: 2, end: 3, hint: 'bào' }],
      },
      segmented: {
        sentences: [{ start: 0, end: 4 }],
        tokens: [{ text: '重庆日报', pos: 'nt', start: 0, end: 4 }],
        keywords: [{ word: '重庆日报', weight: 1 }],
      },
      page: { date: '2024-06-22', publication: '重庆日报', editors: [{ name: '罗皓皓', role: '责编' }] },
      articles: [article],
      dedupe: {
        contentHash: 'sha256:' + 'b'.repeat(64),
        simhash: '0123456789abcdef',
        repeatedParagraphs: [{ first: 3, repeat: 9, similarity: 0.93 }],
        nearDuplicates: [],
      },
      warnings: [{ stage: 'extract', code: 'interleaved', message: 'x', start: 1, end: 2 }],
    };
    expect(ProcessedDocumentSchema.parse(doc)).toEqual(doc);
  });

  it('accepts a document part-way through the pipeline', () => {
    expect(
      ProcessedDocumentSchema.safeParse({
        id: 'doc-1',
        source: { contentType: 'text/plain', encoding: 'gb18030' },
        warnings: [],
      }).success,
    ).toBe(true);
  });

  it('rejects malformed dates, negative offsets and unknown scripts with the path in the error', () => {
    const badDate = ArticleSchema.safeParse({ ...article, date: '2024/6/22' });
    expect(badDate.success).toBe(false);
    expect(badDate.error?.issues[0]?.path).toEqual(['date']);

    const badOffset = ProcessedDocumentSchema.safeParse({
      id: 'x',
      source: { contentType: 'text/plain', encoding: 'utf-8' },
      segmented: { sentences: [{ start: -1, end: 2 }], tokens: [], keywords: [] },
      warnings: [],
    });
    expect(badOffset.success).toBe(false);

    const badScript = ProcessedDocumentSchema.safeParse({
      id: 'x',
      source: { contentType: 'text/plain', encoding: 'utf-8' },
      normalized: { text: '', script: 'latin', fixes: {}, removed: [], damaged: [] },
      warnings: [],
    });
    expect(badScript.success).toBe(false);
  });

  it('requires a currency and an approx flag on money', () => {
    expect(MoneySchema.safeParse({ text: '4000余万元', value: 40_000_000 }).success).toBe(false);
  });
});

describe('createContext', () => {
  it('collects warnings tagged with the stage and the span', () => {
    const ctx = createContext('extract');
    ctx.warn('interleaved_paragraphs', 'two articles interleave', { start: 5, end: 9 });
    ctx.warn('no_title', 'no headline found');
    expect(ctx.warnings).toEqual([
      {
        stage: 'extract',
        code: 'interleaved_paragraphs',
        message: 'two articles interleave',
        start: 5,
        end: 9,
      },
      { stage: 'extract', code: 'no_title', message: 'no headline found' },
    ]);
  });
});
