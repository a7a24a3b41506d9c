import { type ProcessedDocument, type StageName, XinwenError } from '@xinwen/core';
import { createStore, type Store } from '@xinwen/store';
import { afterAll, describe, expect, it } from 'vitest';
import { runStageJob, type StageJobContext } from './stage-job.js';
import { runAndStore, stageResult } from './stage-result.js';
import { deletePrefix, Redis, redisUrl, uniquePrefix } from './testing/helpers.js';

const admin = new Redis(redisUrl);
const prefix = uniquePrefix('stage-job');
const store = createStore({ redis: admin, prefix });
afterAll(async () => {
  await deletePrefix(admin, prefix);
  await admin.quit();
});

const text = '重庆日报讯 成渝地区双城经济圈建设稳步推进。';
const stages: StageName[] = ['normalize', 'segment'];

/**
 * A context over the real store that counts its reads and writes, with two stages that record
 * the documents they were given; `fail` makes segment throw.
 */
function context(options: { serves?: readonly string[]; fail?: () => Error } = {}) {
  const seen: string[] = [];
  const enqueued: string[] = [];
  const calls = { load: 0, write: 0 };
  const counted: Store = {
    ...store,
    load: (id) => {
      calls.load++;
      return store.load(id);
    },
    putStageResults: (id, results, opts) => {
      calls.write++;
      return store.putStageResults(id, results, opts);
    },
  };
  const run = async (stage: StageName, doc: ProcessedDocument): Promise<ProcessedDocument> => {
    seen.push(stage);
    if (stage === 'normalize') {
      return { ...doc, normalized: { text, script: 'hans', fixes: {}, removed: [], damaged: [] } };
    }
    if (options.fail) throw options.fail();
    return { ...doc, segmented: { sentences: [{ start: 0, end: text.length }], tokens: [], keywords: [] } };
  };
  const served = new Set(options.serves ?? stages);
  const ctx: StageJobContext = {
    store: counted,
    async enqueue(stage, id) {
      enqueued.push(`${stage}@${id}`);
    },
    serves: (stage) => served.has(stage),
    runAndStore: (chain, doc, raw, _size, target) => runAndStore(run, counted, chain, doc, raw, target),
  };
  return { ctx, seen, enqueued, calls };
}

describe('runStageJob', () => {
  it('runs every stage of a document in one job: one read, one write, nothing enqueued', async () => {
    await store.putRaw({ id: 'one-job', content: text, stages });
    const { ctx, seen, enqueued, calls } = context();
    expect(await runStageJob(ctx, 'normalize', { id: 'one-job', generation: 0 })).toEqual({
      outcome: 'completed',
      ran: ['normalize', 'segment'],
    });
    expect(seen).toEqual(['normalize', 'segment']);
    expect(calls).toEqual({ load: 1, write: 1 });
    expect(enqueued).toEqual([]);
    const doc = await store.get('one-job');
    expect(doc?.normalized?.text).toBe(text);
    expect(doc?.segmented?.sentences).toEqual([{ start: 0, end: text.length }]);
  });

  it('stops at a stage served elsewhere and enqueues it', async () => {
    await store.putRaw({ id: 'split', content: text, stages });
    const first = context({ serves: ['normalize'] });
    expect(await runStageJob(first.ctx, 'normalize', { id: 'split', generation: 0 })).toEqual({
      outcome: 'written',
      ran: ['normalize'],
      next: 'segment',
    });
    expect(first.enqueued).toEqual(['segment@split']);
    const second = context({ serves: ['segment'] });
    expect(await runStageJob(second.ctx, 'segment', { id: 'split', generation: 0 })).toEqual({
      outcome: 'completed',
      ran: ['segment'],
    });
    expect(second.seen).toEqual(['segment']);
  });

  it('keeps the stages before a transient failure, and the retry starts from the stage that failed', async () => {
    await store.putRaw({ id: 'flaky', content: text, stages });
    const first = context({ fail: () => new Error('connect ECONNREFUSED 127.0.0.1:6379') });
    await expect(runStageJob(first.ctx, 'normalize', { id: 'flaky', generation: 0 })).rejects.toThrow(
      'ECONNREFUSED',
    );
    expect(await store.info('flaky')).toMatchObject({ status: 'pending', done: 1 });
    const retry = context();
    expect(await runStageJob(retry.ctx, 'normalize', { id: 'flaky', generation: 0 })).toEqual({
      outcome: 'completed',
      ran: ['segment'],
    });
    expect(retry.seen).toEqual(['segment']);
  });

  it('fails the document at the stage that rejected it, with the stages before it stored', async () => {
    await store.putRaw({ id: 'bad', content: text, stages });
    const { ctx } = context({ fail: () => new XinwenError('document_too_large', 'expected less') });
    await expect(runStageJob(ctx, 'normalize', { id: 'bad', generation: 0 })).rejects.toMatchObject({
      name: 'PermanentJobError',
      code: 'document_too_large',
    });
    expect(await store.info('bad')).toMatchObject({
      status: 'failed',
      done: 1,
      error: { stage: 'segment', code: 'document_too_large', message: 'expected less' },
    });
    // retry-failed starts it over from segment, keeping normalize's result.
    expect(await store.reset('bad', { from: 'segment' })).toEqual({ generation: 1, next: 'segment' });
    const retry = context();
    expect(await runStageJob(retry.ctx, 'segment', { id: 'bad', generation: 1 })).toMatchObject({
      outcome: 'completed',
    });
    expect(retry.seen).toEqual(['segment']);
  });

  it('does nothing for a job of an older run', async () => {
    await store.putRaw({ id: 'old-run', content: text, stages });
    await store.reset('old-run', { from: 'normalize' });
    const { ctx, seen } = context();
    expect(await runStageJob(ctx, 'normalize', { id: 'old-run', generation: 0 })).toEqual({
      outcome: 'skipped',
    });
    expect(seen).toEqual([]);
  });
});

describe('stageResult', () => {
  it('is the fields the stage set and the warnings it added, not the whole document', () => {
    const before: ProcessedDocument = {
      id: 'x',
      source: { contentType: 'text/plain', encoding: 'utf-8' },
      normalized: { text, script: 'hans', fixes: {}, removed: [], damaged: [] },
      warnings: [{ stage: 'normalize', code: 'fixed_spacing', message: 'removed 1 space' }],
    };
    const segmented = { sentences: [], tokens: [], keywords: [] };
    const warning = { stage: 'segment', code: 'long_token', message: 'a token of 40 characters' };
    const after = { ...before, segmented, warnings: [...before.warnings, warning] };
    expect(stageResult('segment', before, after)).toEqual({
      stage: 'segment',
      fields: { segmented },
      warnings: [warning],
    });
  });
});
