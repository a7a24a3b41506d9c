import { randomBytes } from 'node:crypto';
import type { ProcessedDocument } from '@xinwen/core';
import { contentId, ProcessedDocumentSchema } from '@xinwen/core';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStore, type Store } from './index.js';

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

/** What two stages would add to a document, the way the pipeline merges them. */
function afterStages(base: ProcessedDocument) {
  const one: ProcessedDocument = {
    ...base,
    source: { ...base.source, encoding: 'utf-8' },
    normalized,
    warnings: [{ stage: 'normalize', code: 'fixed_spacing', message: 'removed 1 space' }],
  };
  const two: ProcessedDocument = { ...one, segmented, warnings: [...one.warnings] };
  return { one, two };
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

describe('putStageResult', () => {
  it('moves forward one stage at a time and completes once', async () => {
    await store.putRaw({ id: 'cq-3', content: text, stages: ['normalize', 'segment'] });
    const base = (await store.load('cq-3'))!.document;
    const { one, two } = afterStages(base);
    await expect(store.putStageResult('cq-3', 'segment', two)).rejects.toMatchObject({ code: 'not_found' });
    expect(await store.putStageResult('cq-3', 'normalize', one)).toBe('written');
    expect(await store.putStageResult('cq-3', 'normalize', one)).toBe('exists');
    expect((await store.info('cq-3'))?.done).toBe(1);
    expect(await store.get('cq-3')).toEqual(one);
    expect(await store.putStageResult('cq-3', 'segment', two, { previous: one })).toBe('completed');
    expect(await store.putStageResult('cq-3', 'segment', two, { previous: one })).toBe('exists');
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

  it('lets exactly one of many racing writers complete the document', async () => {
    await store.putRaw({ id: 'cq-4', content: text, stages: ['normalize'] });
    const base = (await store.load('cq-4'))!.document;
    const { one } = afterStages(base);
    const writers = Array.from({ length: 20 }, () => createStore({ url, prefix }));
    const outcomes = await Promise.all(writers.map((w) => w.putStageResult('cq-4', 'normalize', one)));
    await Promise.all(writers.map((w) => w.close()));
    expect(outcomes.filter((o) => o === 'completed')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'exists')).toHaveLength(19);
    expect(await events()).toHaveLength(1);
  });

  it('refuses a stage outside the plan and an unknown document', async () => {
    await store.putRaw({ id: 'cq-5', content: text, stages: ['normalize'] });
    const base = (await store.load('cq-5'))!.document;
    await expect(store.putStageResult('cq-5', 'extract', base)).rejects.toMatchObject({
      code: 'invalid_options',
    });
    await expect(store.putStageResult('nope', 'normalize', base)).rejects.toMatchObject({
      code: 'not_found',
    });
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
    expect(await store.putStageResult('cq-6', 'normalize', base)).toBe('failed');
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
    const { one, two } = afterStages(base);
    await store.putStageResult('cq-7', 'normalize', one);
    await store.putStageResult('cq-7', 'segment', two);
    expect(await store.reset('cq-7', { from: 'segment' })).toEqual({ generation: 1, next: 'segment' });
    const info = await store.info('cq-7');
    expect(info).toMatchObject({ status: 'pending', done: 1, generation: 1 });
    expect(info?.completedAt).toBeUndefined();
    expect(await store.get('cq-7')).toEqual(one);
    expect(await store.putStageResult('cq-7', 'segment', two, { generation: 0 })).toBe('stale');
    expect(await store.putStageResult('cq-7', 'segment', two, { generation: 1 })).toBe('completed');
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
