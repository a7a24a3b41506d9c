import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPipeline, processDocument } from './pipeline.js';

const seedsDir = join(import.meta.dirname, '..', '..', '..', 'seeds');
const seed001 = readFileSync(join(seedsDir, '001_1dec3f20949d3dbf.txt'));

describe('stage options', () => {
  it('rejects a misspelt option, naming it, before any stage is built', () => {
    expect(() => createPipeline({ segment: { userDict: 'x.txt' } as never })).toThrowError(
      expect.objectContaining({
        code: 'invalid_options',
        message: expect.stringContaining('"segment.userDict"'),
      }),
    );
  });

  it('rejects a value of the wrong type or form, naming the option and what was expected', () => {
    expect(() => createPipeline({ extract: { referenceDate: '2024-13-40' } })).toThrowError(
      /extract\.referenceDate: expected a calendar day/,
    );
    expect(() => createPipeline({ extract: { referenceDate: 'yesterday' } })).toThrowError(
      /extract\.referenceDate: expected an ISO date/,
    );
    expect(() => createPipeline({ normalize: { html: 'keep' as never } })).toThrowError(/normalize\.html/);
    expect(() => createPipeline({ dedupe: { paragraphs: { threshold: 2 } } })).toThrowError(
      /dedupe\.paragraphs\.threshold/,
    );
  });

  it('treats undefined members as absent (options read from the environment)', async () => {
    const fromEnv = process.env.XINWEN_TEST_UNSET_VARIABLE;
    const doc = await processDocument(
      { content: seed001 },
      { normalize: { target: undefined }, extract: { referenceDate: fromEnv } },
    );
    expect(doc.normalized?.script).toBe('hans');
  });

  it('hands each stage its options: normalize target, segment user words, extract keywords', async () => {
    const pipeline = createPipeline({
      normalize: { target: 'traditional' },
      extract: { keywords: 0 },
    });
    const doc = await pipeline.process({ content: '成渝地区双城经济圈建设稳步推进，经济发展。' });
    expect(doc.normalized?.text).toContain('經濟');
    // 「建设稳步」 is no word: only a user dictionary makes it one token.
    const text = '成渝地区双城经济圈建设稳步推进。';
    const plain = await processDocument(text, { stages: ['normalize', 'segment'] });
    expect(plain.segmented?.tokens.map((t) => t.text)).not.toContain('建设稳步');
    const withWords = await createPipeline({
      stages: ['normalize', 'segment'],
      segment: { userDictionary: [{ word: '建设稳步', tag: 'nz' }] },
    }).process({ content: text });
    expect(withWords.segmented?.tokens).toContainEqual(
      expect.objectContaining({ text: '建设稳步', pos: 'nz' }),
    );
    for (const article of doc.articles ?? []) expect(article.keywords).toEqual([]);
  });

  it('resolves dates against extract.referenceDate when the page prints none', async () => {
    const text = '本报讯 9月5日，市政府召开新闻发布会，介绍有关情况。会议指出，要把各项工作落到实处。';
    const doc = await processDocument(text, { extract: { referenceDate: '2023-10-01' } });
    const dates = doc.articles?.flatMap((a) => a.dates.map((d) => d.date)) ?? [];
    expect(dates).toContain('2023-09-05');
  });

  it('takes html: strip through to normalize', async () => {
    const html = '<html><body><p>重庆日报讯 成渝地区双城经济圈建设稳步推进。</p></body></html>';
    await expect(processDocument(html, { normalize: { html: 'reject' } })).rejects.toMatchObject({
      code: 'html_input',
    });
    const doc = await processDocument(html, { normalize: { html: 'strip' } });
    expect(doc.normalized?.text).toBe('重庆日报讯 成渝地区双城经济圈建设稳步推进。');
  });
});
