import type { ProcessedDocument, StageName } from '@xinwen/core';
import { createStore } from '@xinwen/store';
import { afterAll, describe, expect, it } from 'vitest';
import { DocumentCache, runStageJob, type StageJobContext } from './stage-job.js';
import { deletePrefix, Redis, redisUrl, uniquePrefix } from './testing/helpers.js';

const admin = new Redis(redisUrl);
const prefix = uniquePrefix('stage-job');
const store = createStore({ redis: admin, prefix });
afterAll(async () => {
  await deletePrefix(admin, prefix);
  await admin.quit();
});

const text = '重庆日报讯 成渝地区双城经济圈建设稳步推进。';

/** A context whose stages record the document object they were given. */
function context(cache: DocumentCache | undefined) {
  const seen: ProcessedDocument[] = [];
  const enqueued: string[] = [];
  const ctx: StageJobContext = {
    store,
    async enqueue(stage, id) {
      enqueued.push(`${stage}@${id}`);
    },
    async runStage(stage: StageName, doc) {
      seen.push(doc);
      if (stage === 'normalize') {
        return { ...doc, normalized: { text, script: 'hans', fixes: {}, removed: [], damaged: [] } };
      }
      return { ...doc, segmented: { sentences: [{ start: 0, end: text.length }], tokens: [], keywords: [] } };
    },
    ...(cache === undefined ? {} : { cache }),
  };
  return { ctx, seen, enqueued };
}

describe('DocumentCache', () => {
  it('keeps the newest entries up to its limit', () => {
    const cache = new DocumentCache(2);
    const entry = (done: number) => ({
      generation: 0,
      done,
      document: { id: 'x', source: { contentType: 'text/plain', encoding: 'utf-16' }, warnings: [] },
      raw: { id: 'x', content: text },
    });
    cache.set('a', entry(1));
    cache.set('b', entry(1));
    cache.set('a', entry(2));
    cache.set('c', entry(1));
    expect(cache.size).toBe(2);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.done).toBe(2);
    expect(cache.get('c')?.done).toBe(1);
  });
});

describe('runStageJob', () => {
  it('starts the next stage from the document it stored, not a second read', async () => {
    await store.putRaw({ id: 'cached', content: text, stages: ['normalize', 'segment'] });
    const cache = new DocumentCache();
    const { ctx, seen, enqueued } = context(cache);
    expect(await runStageJob(ctx, 'normalize', { id: 'cached', generation: 0 })).toEqual({
      outcome: 'written',
      next: 'segment',
    });
    const stored = cache.get('cached');
    expect(stored?.done).toBe(1);
    expect(await runStageJob(ctx, 'segment', { id: 'cached', generation: 0 })).toEqual({
      outcome: 'completed',
    });
    expect(seen[1]).toBe(stored?.document);
    expect(cache.get('cached')).toBeUndefined();
    expect(enqueued).toEqual(['segment@cached']);
    expect((await store.get('cached'))?.segmented?.sentences).toEqual([{ start: 0, end: text.length }]);
    expect((await store.get('cached'))?.normalized?.text).toBe(text);
  });

  it('reads the store when the cached entry is not the stored state any more', async () => {
    await store.putRaw({ id: 'moved', content: text, stages: ['normalize', 'segment'] });
    const cache = new DocumentCache();
    const first = context(cache);
    await runStageJob(first.ctx, 'normalize', { id: 'moved', generation: 0 });
    // A reprocess from normalize: run 1, nothing stored; the entry of run 0 must not be used.
    await store.reset('moved', { from: 'normalize' });
    const stale = cache.get('moved')!;
    const second = context(cache);
    expect(await runStageJob(second.ctx, 'normalize', { id: 'moved', generation: 1 })).toEqual({
      outcome: 'written',
      next: 'segment',
    });
    expect(second.seen[0]).not.toBe(stale.document);
    expect(second.seen[0]?.normalized).toBeUndefined();
    expect(cache.get('moved')).toMatchObject({ generation: 1, done: 1 });
  });
});
