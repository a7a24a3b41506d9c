import { randomBytes } from 'node:crypto';
import type { ProcessedDocument } from '@xinwen/core';
import { contentId, ProcessedDocumentSchema } from '@xinwen/core';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStore, type StageResult, type Store } from './index.js';

const url = process.env.STORE_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const admin = new Redis(url);
let store: Store;
let prefix: string;

beforeEach(() => {
  prefix = `xinwen-test-store-${randomBytes(6).toString('hex')}`;
  store = createStore({ url, prefix });
});

afterEach(async () => {
  await store.close();
  const keys = await admin.keys(`${prefix}:*`);
  if (keys.length > 0) await admin.unlink(...keys);
});

afterAll(async () => {
  await admin.quit();
});

const text = '重庆日报讯 成渝地区双城经济圈建设。';
const normalized = { text, script: 'hans' as const, fixes: {}, removed: [], damaged: [] };
const segmented = { sentences: [{ start: 0, end: text.length }], tokens: [], keywords: [] };

/** What two stages add to a document, as the worker stores them. */
function afterStages(base: ProcessedDocument) {
  const normalize: StageResult = {
    stage: 'normalize',
    fields: { source: { ...base.source, encoding: 'utf-8' }, normalized },
    warnings: [{ stage: 'normalize', code: 'fixed_spacing', message: 'removed 1 space' }],
  };
  const segment: StageResult = { stage: 'segment', fields: { segmented }, warnings: [] };
  const one: ProcessedDocument = { ...base, ...normalize.fields, warnings: normalize.warnings };
  const two: ProcessedDocument = { ...one, segmented };
  return { normalize, segment, one, two };
}

/** Bytes a document takes in Redis: every field and value of its hash, and its raw bytes. */
async function storedBytes(id: string): Promise<{ total: number; fields: Record<string, number> }> {
  const hash = await admin.hgetallBuffer(`${prefix}:doc:${id}`);
  const fields: Record<string, number> = {};
  let total = (await admin.strlen(`${prefix}:raw:${id}`)) ?? 0;
  for (const [field, value] of Object.entries(hash)) {
    fields[field] = value.byteLength;
    total += Buffer.byteLength(field) + value.byteLength;
  }
  return { total, fields };
}

async function events(): Promise<string[][]> {
  const entries = (await admin.xrange(`${prefix}:events`, '-', '+')) as [string, string[]][];
  return entries.map(([, fields]) => fields);
}

describe('putRaw', () => {
  it('stores the raw bytes once: the same content again is a no-op', async () => {
    const bytes = new TextEncoder().encode(text);
    const first = await store.putRaw({ content: bytes, uri: 'a.txt', stages: ['normalize'] });
    expect(first).toEqual({ id: contentId(bytes), created: true, status: 'pending' });
    const again = await store.putRaw({ content: bytes, uri: 'b.txt', stages: ['normalize'] });
    expect(again).toEqual({ id: contentId(bytes), created: false, status: 'pending' });
    const info = await store.info(first.id);
    expect(info).toMatchObject({
      id: first.id,
      status: 'pending',
      uri: 'a.txt',
      size: bytes.byteLength,
      done: 0,
    });
    const raw = await store.getRaw(first.id);
    expect(raw?.content).toEqual(bytes);
    expect(raw?.uri).toBe('a.txt');
  });

  it('refuses different content under an id already used', async () => {
    await store.putRaw({ id: 'cq-1', content: text, stages: [] });
    await expect(store.putRaw({ id: 'cq-1', content: `${text}！`, stages: [] })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    expect((await store.getRaw('cq-1'))?.content).toBe(text);
  });

  it('completes a document with no stages at once, with one event', async () => {
    const result = await store.putRaw({ id: 'cq-2', content: text, stages: [] });
    expect(result.status).toBe('completed');
    expect(await store.get('cq-2')).toEqual({
      id: 'cq-2',
      source: { contentType: 'text/plain', encoding: 'utf-16' },
      warnings: [],
    });
    expect(await events()).toHaveLength(1);
  });
});

describe('putStageResults', () => {
  it('moves forward one stage at a time and completes once', async () => {
    await store.putRaw({ id: 'cq-3', content: text, stages: ['normalize', 'segment'] });
    const base = (await store.load('cq-3'))!.document;
    const { normalize, segment, one, two } = afterStages(base);
    await expect(store.putStageResults('cq-3', [segment])).rejects.toMatchObject({ code: 'not_found' });
    expect(await store.putStageResults('cq-3', [normalize])).toBe('written');
    expect(await store.putStageResults('cq-3', [normalize])).toBe('exists');
    expect((await store.info('cq-3'))?.done).toBe(1);
    expect(await store.get('cq-3')).toEqual(one);
    expect(await store.putStageResults('cq-3', [segment], { before: one })).toBe('completed');
    expect(await store.putStageResults('cq-3', [segment], { before: one })).toBe('exists');
    // get() validates, so its keys come in the document model's order, as with `validate: true`.
    expect(JSON.stringify(await store.get('cq-3'))).toBe(JSON.stringify(ProcessedDocumentSchema.parse(two)));
    const info = await store.info('cq-3');
    expect(info?.status).toBe('completed');
    expect(info?.completedAt).toBeGreaterThanOrEqual(info!.createdAt);
    const all = await events();
    expect(all).toHaveLength(1);
    expect(all[0]).toEqual([
      'type',
      'completed',
      'id',
      'cq-3',
      'generation',
      '0',
      'at',
      String(info?.completedAt),
    ]);
  });

  it('stores several stages in one write, and a retry overlapping it stores only the rest', async () => {
    await store.putRaw({ id: 'cq-3b', content: text, stages: ['normalize', 'segment'] });
    const base = (await store.load('cq-3b'))!.document;
    const { normalize, segment, two } = afterStages(base);
    expect(await store.putStageResults('cq-3b', [normalize])).toBe('written');
    const written = (await storedBytes('cq-3b')).fields['out:normalize'];
    expect(await store.putStageResults('cq-3b', [normalize, segment])).toBe('completed');
    expect((await storedBytes('cq-3b')).fields['out:normalize']).toBe(written);
    expect(await store.putStageResults('cq-3b', [normalize, segment])).toBe('exists');
    expect(await store.get('cq-3b')).toEqual(ProcessedDocumentSchema.parse(two));
    expect(await events()).toHaveLength(1);
    await expect(store.putStageResults('cq-3b', [segment, normalize])).rejects.toMatchObject({
      code: 'invalid_options',
    });
  });

  it('lets exactly one of many racing writers complete the document', async () => {
    await store.putRaw({ id: 'cq-4', content: text, stages: ['normalize'] });
    const base = (await store.load('cq-4'))!.document;
    const { normalize } = afterStages(base);
    const writers = Array.from({ length: 20 }, () => createStore({ url, prefix }));
    const outcomes = await Promise.all(writers.map((w) => w.putStageResults('cq-4', [normalize])));
    await Promise.all(writers.map((w) => w.close()));
    expect(outcomes.filter((o) => o === 'completed')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'exists')).toHaveLength(19);
    expect(await events()).toHaveLength(1);
  });

  it('refuses a stage outside the plan, an empty write and an unknown document', async () => {
    await store.putRaw({ id: 'cq-5', content: text, stages: ['normalize'] });
    const result = { stage: 'extract', fields: {}, warnings: [] };
    await expect(store.putStageResults('cq-5', [result])).rejects.toMatchObject({ code: 'invalid_options' });
    await expect(store.putStageResults('cq-5', [])).rejects.toMatchObject({ code: 'invalid_options' });
    await expect(store.putStageResults('nope', [{ ...result, stage: 'normalize' }])).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});

describe('the stored form', () => {
  // A page of 200 paragraphs, segmented into two-character words: the proportions of a real
  // document (a token per 2 characters, the paragraphs being the text again).
  const paragraph = '成渝地区双城经济圈建设稳步推进，重庆日报记者报道。';
  const page = Array.from({ length: 200 }, (_, i) => `${paragraph}${i}`).join('\n');
  const tokens = Array.from({ length: Math.floor(page.length / 2) }, (_, i) => ({
    text: page.slice(2 * i, 2 * i + 2),
    pos: ['n', 'v', 'ns', 'x'][i % 4]!,
    start: 2 * i,
    end: 2 * i + 2,
  }));
  const results = (base: ProcessedDocument): StageResult[] => [
    {
      stage: 'normalize',
      fields: {
        source: { ...base.source, encoding: 'utf-8' },
        normalized: { text: page, script: 'hans', fixes: {}, removed: [], damaged: [] },
      },
      warnings: [],
    },
    {
      stage: 'segment',
      fields: { segmented: { sentences: [{ start: 0, end: page.length }], tokens, keywords: [] } },
      warnings: [],
    },
    {
      stage: 'extract',
      fields: {
        page: { editors: [] },
        articles: [
          {
            title: paragraph,
            byline: { text: '', reporters: [] },
            paragraphs: page.split('\n'),
            captions: [],
            people: [],
            organizations: [],
            places: [],
            money: [],
            percentages: [],
            dates: [],
            quotes: [],
            keywords: [],
          },
        ],
      },
      warnings: [],
    },
  ];

  it("keeps each stage's result once, tokens as columns, paragraphs as offsets: at most 4x the raw bytes", async () => {
    await store.putRaw({ id: 'big', content: page, stages: ['normalize', 'segment', 'extract'] });
    const base = (await store.load('big'))!.document;
    expect(await store.putStageResults('big', results(base))).toBe('completed');
    const { total, fields } = await storedBytes('big');
    const raw = Buffer.byteLength(page);
    expect(
      Object.keys(fields)
        .filter((f) => f.startsWith('out:') || f === 'document')
        .sort(),
    ).toEqual(['out:extract', 'out:normalize', 'out:segment']);
    // The text is stored twice (raw and normalized); all the rest takes less than twice more.
    expect(total).toBeLessThan(4 * raw);
    const segment = JSON.parse((await admin.hget(`${prefix}:doc:big`, 'out:segment'))!);
    expect(segment.fields.segmented.tokens).toMatchObject({ tags: ['n', 'v', 'ns', 'x'] });
    expect(segment.fields.segmented.tokens.length).toHaveLength(tokens.length);
    const extract = JSON.parse((await admin.hget(`${prefix}:doc:big`, 'out:extract'))!);
    expect(extract.fields.articles[0].paragraphs[1]).toEqual([
      paragraph.length + 2,
      2 * paragraph.length + 3,
    ]);

    const doc = await store.get('big');
    expect(doc?.segmented?.tokens).toEqual(tokens);
    expect(doc?.articles?.[0]?.paragraphs).toEqual(page.split('\n'));
  });

  it('stores a later stage compactly against the text stored before it', async () => {
    await store.putRaw({ id: 'later', content: page, stages: ['normalize', 'segment', 'extract'] });
    const base = (await store.load('later'))!.document;
    const [normalize, segment, extract] = results(base);
    await store.putStageResults('later', [normalize!]);
    const before = (await store.load('later'))!.document;
    await store.putStageResults('later', [segment!, extract!], { before });
    const withText = (await storedBytes('later')).fields;
    expect(withText['out:segment']).toBeLessThan(6 * tokens.length);
    expect((await store.get('later'))?.segmented?.tokens).toEqual(tokens);

    // Without the text, the tokens are kept as they are: larger, and still read back the same.
    await store.reset('later', { from: 'segment' });
    await store.putStageResults('later', [segment!, extract!]);
    expect((await storedBytes('later')).fields['out:segment']).toBeGreaterThan(20 * tokens.length);
    expect((await store.get('later'))?.segmented?.tokens).toEqual(tokens);
  });

  it('reads a completed document stored whole by an earlier version', async () => {
    await store.putRaw({ id: 'old', content: text, stages: [] });
    const whole = {
      id: 'old',
      source: { contentType: 'text/plain', encoding: 'utf-8' },
      normalized,
      warnings: [],
    };
    await admin.hset(`${prefix}:doc:old`, 'document', JSON.stringify(whole));
    expect(await store.get('old')).toEqual(whole);
  });
});

describe('markFailed and reset', () => {
  it('fails a pending document once, counts the code, and stops later writes', async () => {
    await store.putRaw({ id: 'cq-6', content: '', stages: ['normalize'] });
    expect(await store.markFailed('cq-6', 'normalize', 'empty_document', 'nothing but whitespace')).toBe(
      true,
    );
    expect(await store.markFailed('cq-6', 'normalize', 'empty_document', 'again')).toBe(false);
    const base = (await store.load('cq-6'))!.document;
    expect(await store.putStageResults('cq-6', [afterStages(base).normalize])).toBe('failed');
    expect((await store.info('cq-6'))?.error).toEqual({
      stage: 'normalize',
      code: 'empty_document',
      message: 'nothing but whitespace',
    });
    const stats = await store.stats();
    expect(stats).toMatchObject({
      documents: 1,
      pending: 0,
      failed: 1,
      failuresByCode: { empty_document: 1 },
    });
    expect((await events()).map((e) => e[1])).toEqual(['failed']);
  });

  it('starts a document over from a stage in a new generation; old-run writes are stale', async () => {
    await store.putRaw({ id: 'cq-7', content: text, stages: ['normalize', 'segment'] });
    const base = (await store.load('cq-7'))!.document;
    const { normalize, segment, one, two } = afterStages(base);
    await store.putStageResults('cq-7', [normalize]);
    await store.putStageResults('cq-7', [segment]);
    expect(await store.reset('cq-7', { from: 'segment' })).toEqual({ generation: 1, next: 'segment' });
    const info = await store.info('cq-7');
    expect(info).toMatchObject({ status: 'pending', done: 1, generation: 1 });
    expect(info?.completedAt).toBeUndefined();
    expect(await store.get('cq-7')).toEqual(one);
    expect(await store.putStageResults('cq-7', [segment], { generation: 0 })).toBe('stale');
    expect(await store.putStageResults('cq-7', [segment], { generation: 1 })).toBe('completed');
    expect(await store.get('cq-7')).toEqual(two);
    expect((await events()).map((e) => e[5])).toEqual(['0', '1']);
    await expect(store.reset('cq-7', { from: 'tokenize' })).rejects.toMatchObject({
      code: 'invalid_options',
    });
  });

  it('clears the failure count when a failed document is reset', async () => {
    await store.putRaw({ id: 'cq-8', content: text, stages: ['normalize'] });
    await store.markFailed('cq-8', 'normalize', 'store_unavailable', 'Redis went away');
    expect(await store.reset('cq-8')).toEqual({ generation: 1, next: 'normalize' });
    expect(await store.stats()).toMatchObject({ pending: 1, failed: 0, failuresByCode: {} });
  });
});

describe('get, list and stats', () => {
  it('rejects a stored document that does not match the document model', async () => {
    await store.putRaw({ id: 'cq-9', content: text, stages: [] });
    await admin.hset(`${prefix}:doc:cq-9`, 'document', JSON.stringify({ id: 'cq-9', warnings: [] }));
    await expect(store.get('cq-9')).rejects.toMatchObject({ code: 'invalid_document' });
    expect(await store.get('unknown')).toBeUndefined();
  });

  it('lists in ingest order, by status and since a time, up to a limit', async () => {
    await store.putRaw({ id: 'l-1', content: 'a', stages: [] });
    await store.putRaw({ id: 'l-2', content: 'b', stages: ['normalize'] });
    await store.putRaw({ id: 'l-3', content: 'c', stages: [] });
    const ids = async (opts: Parameters<Store['list']>[0]) => {
      const out: string[] = [];
      for await (const info of store.list(opts)) out.push(info.id);
      return out;
    };
    expect(await ids({})).toEqual(['l-1', 'l-2', 'l-3']);
    expect(await ids({ status: 'completed' })).toEqual(['l-1', 'l-3']);
    expect(await ids({ status: 'pending' })).toEqual(['l-2']);
    expect(await ids({ limit: 2 })).toEqual(['l-1', 'l-2']);
    const third = await store.info('l-3');
    expect(await ids({ since: third!.createdAt + 1 })).toEqual([]);
    expect(await store.stats()).toMatchObject({ documents: 3, completed: 2, pending: 1, events: 2 });
  });
});

describe('watch', () => {
  it('replays from the start, resumes after an event id, and stops on abort', async () => {
    await store.putRaw({ id: 'w-1', content: 'a', stages: [] });
    await store.putRaw({ id: 'w-2', content: 'b', stages: [] });
    const seen: string[] = [];
    let second = '';
    for await (const event of store.watch({ from: '0' })) {
      seen.push(event.id);
      if (event.id === 'w-2') {
        second = event.eventId;
        break;
      }
    }
    expect(seen).toEqual(['w-1', 'w-2']);

    const controller = new AbortController();
    const later: string[] = [];
    const following = (async () => {
      for await (const event of store.watch({ from: second, signal: controller.signal, blockMs: 100 })) {
        later.push(`${event.type} ${event.id}`);
        if (later.length === 2) controller.abort();
      }
    })();
    await store.putRaw({ id: 'w-3', content: 'c', stages: [] });
    await store.putRaw({ id: 'w-4', content: 'd', stages: ['normalize'] });
    await store.markFailed('w-4', 'normalize', 'binary_input', 'NUL bytes');
    await following;
    expect(later).toEqual(['completed w-3', 'failed w-4']);
  });

  it("with '$' yields only events appended after it started", async () => {
    await store.putRaw({ id: 'w-5', content: 'a', stages: [] });
    const iterator = store.watch({ blockMs: 100 });
    const next = iterator.next();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await store.putRaw({ id: 'w-6', content: 'b', stages: [] });
    expect((await next).value?.id).toBe('w-6');
    await iterator.return(undefined);
  });
});

describe('putRaw with a failure', () => {
  it('stores the input and its failure in one write, with one failed event', async () => {
    const line = '{"text": "重庆日报讯"';
    const result = await store.putRaw({
      content: line,
      uri: 'batch.jsonl#L3',
      stages: ['normalize'],
      failure: { code: 'invalid_input', message: 'line 3 is not valid JSON' },
    });
    expect(result).toEqual({ id: contentId(line), created: true, status: 'failed' });
    expect((await store.info(result.id))?.error).toEqual({
      stage: 'ingest',
      code: 'invalid_input',
      message: 'line 3 is not valid JSON',
    });
    expect((await store.getRaw(result.id))?.content).toBe(line);
    expect(await store.stats()).toMatchObject({ failed: 1, failuresByCode: { invalid_input: 1 } });
    expect((await events()).map((e) => e.slice(0, 4))).toEqual([['type', 'failed', 'id', result.id]]);
  });
});

describe('an unreachable Redis', () => {
  const closedPort = async () => {
    const { createServer } = await import('node:net');
    return new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
  };

  it('fails calls with store_unavailable and prints nothing (no unhandled error events)', async () => {
    const printed: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => printed.push(args);
    const down = createStore({ url: `redis://127.0.0.1:${await closedPort()}`, connectTimeoutMs: 300 });
    try {
      await expect(down.stats()).rejects.toMatchObject({
        code: 'store_unavailable',
        message: expect.stringContaining('ECONNREFUSED'),
      });
      await expect(down.info('x')).rejects.toMatchObject({ code: 'store_unavailable' });
      const watching = down.watch({ from: '0', blockMs: 100 });
      await expect(watching.next()).rejects.toMatchObject({ code: 'store_unavailable' });
    } finally {
      await down.close();
      console.error = original;
    }
    expect(printed).toEqual([]);
  });

  it('rejects a connect timeout that is not a positive number', () => {
    expect(() => createStore({ url, connectTimeoutMs: 0 })).toThrowError(
      expect.objectContaining({ code: 'invalid_options' }),
    );
  });
});
