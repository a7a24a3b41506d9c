import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentId, ProcessedDocumentSchema, stageNames, XinwenError } from '@xinwen/core';
import { describe, expect, it } from 'vitest';
import { availableStages, createPipeline, processDocument } from './pipeline.js';

const seedsDir = join(import.meta.dirname, '..', '..', '..', 'seeds');
const seed001 = readFileSync(join(seedsDir, '001_1dec3f20949d3dbf.txt'));

describe('createPipeline', () => {
  it('runs the available stages in pipeline order', () => {
    const pipeline = createPipeline();
    expect(pipeline.stages).toEqual(['normalize', 'segment', 'extract', 'dedupe']);
    expect(availableStages()).toEqual(pipeline.stages);
    const order = pipeline.stages.map((s) => stageNames.indexOf(s));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('gives a document its content id unless the caller names one', async () => {
    const doc = await processDocument({ content: seed001, uri: 'seeds/001_1dec3f20949d3dbf.txt' });
    expect(doc.id).toBe(contentId(seed001));
    expect(doc.source.uri).toBe('seeds/001_1dec3f20949d3dbf.txt');
    expect((await processDocument({ content: seed001, id: 'cqrb-2024-001' })).id).toBe('cqrb-2024-001');
  });

  it('reads a web page and a Markdown file by their names, into a valid document', async () => {
    const para = '<p>今年以来，全市新开工项目持续增加，投资结构不断优化，重点领域保持较快增长。</p>';
    const html = `<div class="nav"><a href="/">首页</a></div><h1>新开工项目持续增加</h1><div>${para.repeat(3)}</div>`;
    const pipeline = createPipeline({ validate: true });
    const page = await pipeline.process({ content: html, uri: 'news/page.html' });
    expect(page.normalized?.web?.format).toBe('html');
    expect(page.normalized?.text).not.toContain('首页');
    expect(page.articles?.map((a) => a.title)).toEqual(['新开工项目持续增加']);
    const md = await pipeline.process({
      content: '# 节目 (20221103)\n\n### 第一条\n\n正文。\n',
      uri: 'day.md',
    });
    expect(md.normalized?.web?.format).toBe('markdown');
    expect(md.page?.date).toBe('2022-11-03');
    expect(md.articles?.map((a) => a.title)).toEqual(['第一条']);
  });

  it('produces a document that validates against the core schema', async () => {
    const doc = await createPipeline({ validate: true }).process({ content: seed001 });
    expect(ProcessedDocumentSchema.safeParse(doc).success).toBe(true);
  });

  it('is deterministic: the same input gives byte-identical output', async () => {
    const pipeline = createPipeline();
    expect(JSON.stringify(await pipeline.process({ content: seed001 }))).toBe(
      JSON.stringify(await pipeline.process({ content: seed001 })),
    );
  });

  it('runStage over each stage in turn equals process()', async () => {
    const pipeline = createPipeline();
    const raw = { content: seed001 };
    let doc = await createPipeline({ stages: [] }).process(raw);
    for (const stage of pipeline.stages) doc = await pipeline.runStage(stage, doc, raw);
    expect(doc).toEqual(await pipeline.process(raw));
  });

  it('rejects unknown stages and input that is neither text nor bytes with a code', async () => {
    expect(() => createPipeline({ stages: ['tokenize' as never] })).toThrowError(
      expect.objectContaining({ code: 'invalid_options' }),
    );
    await expect(processDocument({ content: 42 as never })).rejects.toThrowError(XinwenError);
    await expect(processDocument({ content: 42 as never })).rejects.toThrowError(
      /expected a string or a Uint8Array, found a value of type number/,
    );
  });
});

describe('the stages wired in', () => {
  const seed = (name: string) => readFileSync(join(seedsDir, name));

  it('normalizes: records the encoding, converts traditional script and strips pinyin', async () => {
    const doc = await processDocument({ content: seed('002_22c9c10bbe16d571.txt') });
    expect(doc.source.encoding).toBe('utf-8');
    expect(doc.normalized?.script).toBe('hant');
    expect(doc.normalized?.text).toContain('川渝齐心做大做强民营经济');
    expect(doc.normalized?.text).not.toContain('(jīng)');
    expect(doc.normalized?.removed.map((r) => r.kind)).toContain('site_footer');
  });

  it('segments: tokens join back into the normalized text', async () => {
    const doc = await processDocument({ content: seed001 });
    const text = doc.normalized?.text ?? '';
    expect(doc.segmented?.tokens.map((t) => t.text).join('')).toBe(text);
    expect(doc.segmented?.sentences.length).toBeGreaterThan(50);
    expect(doc.segmented?.keywords.map((k) => k.word)).toContain('产业大脑');
  });

  it('extracts the articles of a page with their bylines', async () => {
    const doc = await processDocument({ content: seed001 });
    expect(doc.articles?.length).toBe(5);
    const continued = doc.articles?.find((a) => a.continuedFrom !== undefined);
    expect(continued?.continuedFrom).toBe('1版');
    const page3 = await processDocument({ content: seed('003_ea90497b5cb0cfb5.txt') });
    expect(page3.page?.date).toBe('2024-06-22');
    expect(page3.page?.editors).toEqual(
      expect.arrayContaining([
        { name: '罗皓皓', role: '责编' },
        { name: '张辉', role: '美编' },
      ]),
    );
  });

  it('rejects bad input with its error code', async () => {
    await expect(
      processDocument(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0, 0, 1, 2])),
    ).rejects.toMatchObject({
      code: 'binary_input',
    });
    await expect(processDocument('   \n\n  ')).rejects.toMatchObject({ code: 'empty_document' });
  });

  it('finds repeated paragraphs and duplicates among the documents one pipeline processes', async () => {
    const pipeline = createPipeline();
    const first = await pipeline.process({ content: seed001, id: 'page-1' });
    expect(first.dedupe?.repeatedParagraphs.length).toBeGreaterThanOrEqual(5);
    expect(first.dedupe?.exactDuplicateOf).toBeUndefined();
    const again = await pipeline.process({ content: seed001, id: 'page-1-again' });
    expect(again.dedupe?.exactDuplicateOf).toBe('page-1');
    const other = await pipeline.process({ content: seed('003_ea90497b5cb0cfb5.txt'), id: 'page-3' });
    expect(other.dedupe?.exactDuplicateOf).toBeUndefined();
    expect(other.dedupe?.nearDuplicates).toEqual([]);
  });
});

describe('runStage', () => {
  it('refuses a later stage on a document that was never normalized', async () => {
    const pipeline = createPipeline();
    const bare = await createPipeline({ stages: [] }).process({ content: seed001, id: 'bare' });
    for (const stage of ['segment', 'extract', 'dedupe'] as const) {
      await expect(pipeline.runStage(stage, bare, { content: seed001 })).rejects.toMatchObject({
        code: 'invalid_document',
        message: 'document bare has no normalized text: run normalize first',
      });
    }
  });
});

describe('processMany', () => {
  const seed = (name: string) => readFileSync(join(seedsDir, name));
  async function* feed(items: { content: string | Uint8Array; id: string }[]) {
    for (const item of items) {
      await new Promise((resolve) => setTimeout(resolve, 1));
      yield item;
    }
  }

  it('yields one result per input in input order, failures included, at any concurrency', async () => {
    const inputs = [
      { content: seed001, id: 'a' },
      { content: '   ', id: 'empty' },
      { content: seed('003_ea90497b5cb0cfb5.txt'), id: 'b' },
      { content: seed001, id: 'a-again' },
    ];
    for (const concurrency of [1, 3]) {
      const results = [];
      for await (const r of createPipeline().processMany(feed(inputs), { concurrency })) results.push(r);
      expect(results.map((r) => [r.index, r.raw.id, r.ok])).toEqual([
        [0, 'a', true],
        [1, 'empty', false],
        [2, 'b', true],
        [3, 'a-again', true],
      ]);
      const failed = results[1];
      expect(failed?.ok === false && failed.error).toMatchObject({ code: 'empty_document' });
      // The first copy is the original whatever the concurrency: dedupe sees input order.
      const again = results[3];
      expect(again?.ok && again.doc.dedupe?.exactDuplicateOf).toBe('a');
    }
  });

  it('takes a plain array, and rejects a concurrency below 1', async () => {
    const results = [];
    for await (const r of createPipeline().processMany([{ content: seed001 }])) results.push(r);
    expect(results).toHaveLength(1);
    const many = createPipeline().processMany([], { concurrency: 0 });
    await expect(many.next()).rejects.toMatchObject({ code: 'invalid_options' });
  });

  it('stops when its signal is aborted, with the signal reason', async () => {
    const controller = new AbortController();
    const seen: string[] = [];
    const run = async () => {
      for await (const r of createPipeline().processMany(
        feed([
          { content: seed001, id: '1' },
          { content: seed001, id: '2' },
          { content: seed001, id: '3' },
        ]),
        { signal: controller.signal },
      )) {
        seen.push(r.raw.id ?? '');
        controller.abort(new Error('stopped by the caller'));
      }
    };
    await expect(run()).rejects.toThrowError('stopped by the caller');
    expect(seen).toEqual(['1']);
  });

  it('process() and processDocument() take a signal too', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      createPipeline().process({ content: seed001 }, { signal: controller.signal }),
    ).rejects.toMatchObject({
      name: 'AbortError',
    });
    await expect(processDocument(seed001, { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });
});
