import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProcessedDocumentSchema } from '@xinwen/core';
import { createPipeline } from '@xinwen/pipeline';
import { createStore } from '@xinwen/store';
import { Queue } from 'bullmq';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { jobId } from './queues.js';
import {
  deletePrefix,
  exited,
  Redis,
  redisUrl,
  root,
  runCli,
  startCli,
  streamEvents,
  testEnv,
  uniquePrefix,
  until,
} from './testing/helpers.js';

const admin = new Redis(redisUrl);
const prefixes: string[] = [];
const prefixFor = (name: string) => {
  const prefix = uniquePrefix(name);
  prefixes.push(prefix);
  return prefix;
};

afterEach(async () => {
  for (const prefix of prefixes.splice(0)) await deletePrefix(admin, prefix);
});
afterAll(async () => {
  await admin.quit();
});

const seeds = [
  '000_b6d3aba162f0a3bb',
  '001_1dec3f20949d3dbf',
  '002_22c9c10bbe16d571',
  '003_ea90497b5cb0cfb5',
  '004_805a3a0c2883bed2',
].map((s) => join('seeds', `${s}.txt`));

describe('xinwen run with the real pipeline', () => {
  it('stores the five seeds, each equal to what the in-process pipeline makes of it, in at most 4x its bytes', async () => {
    const prefix = prefixFor('run');
    // Three of the seeds (18 KB and more) run in a worker thread, two on the main thread.
    const env = testEnv(prefix, { XINWEN_PIPELINE: '', XINWEN_THREAD_BYTES: '18000' });
    const result = runCli(['run', 'seeds/'], env);
    expect(result.stderr).toContain('ingest: 5 new, 0 already stored, 0 failed');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('5 processed, 0 failed');
    for (const seed of seeds) expect(result.stdout).toContain(seed);

    const store = createStore({ url: redisUrl, prefix });
    const pipeline = createPipeline({ validate: true });
    try {
      expect(await store.stats()).toMatchObject({ documents: 5, completed: 5, pending: 0, failed: 0 });
      for (const seed of seeds) {
        const expected = await pipeline.process({ content: readFileSync(join(root, seed)), uri: seed });
        const stored = await store.get(expected.id);
        expect(JSON.stringify(stored)).toBe(JSON.stringify(expected));
        // Each stage's result is stored once, holding only the fields that stage sets, and the
        // whole document takes at most 4x the raw bytes (the raw bytes included).
        const hash = await admin.hgetallBuffer(`${prefix}:doc:${expected.id}`);
        const outputs = Object.keys(hash).filter((f) => f.startsWith('out:') || f === 'document');
        expect(outputs.sort()).toEqual(pipeline.stages.map((stage) => `out:${stage}`).sort());
        const fieldsOf = (stage: string) => Object.keys(JSON.parse(hash[`out:${stage}`]!.toString()).fields);
        expect(fieldsOf('normalize').sort()).toEqual(['normalized', 'source']);
        expect(fieldsOf('segment')).toEqual(['segmented']);
        const raw = readFileSync(join(root, seed)).byteLength;
        let bytes = await admin.strlen(`${prefix}:raw:${expected.id}`);
        for (const [field, value] of Object.entries(hash))
          bytes += Buffer.byteLength(field) + value.byteLength;
        expect(bytes).toBeLessThanOrEqual(4 * raw);
      }
    } finally {
      await store.close();
    }

    const again = runCli(['run', 'seeds/'], env);
    expect(again.stderr).toContain('ingest: 0 new, 5 already stored, 0 failed');
    expect((await streamEvents(admin, prefix)).filter((e) => e.type === 'completed')).toHaveLength(5);
  });
});

describe('bad input through the whole path', () => {
  it('fails each bad document once with its code and goes on with the rest', async () => {
    const prefix = prefixFor('bad');
    const dir = mkdtempSync(join(tmpdir(), 'xinwen-bad-'));
    writeFileSync(join(dir, 'a-binary.txt'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02]));
    // 重庆日报 in GBK: not UTF-8, and the fixture pipeline has no decoder for it.
    writeFileSync(join(dir, 'b-gbk.txt'), Buffer.from([0xd6, 0xd8, 0xc7, 0xec, 0xc8, 0xd5, 0xb1, 0xa8]));
    writeFileSync(join(dir, 'c-empty.txt'), '');
    writeFileSync(join(dir, 'd-huge.txt'), Buffer.alloc(20 * 2 ** 20, '新闻'));
    writeFileSync(
      join(dir, 'e-batch.jsonl'),
      [
        JSON.stringify({ id: 'good-1', text: '重庆日报讯 成渝地区双城经济圈建设。' }),
        '{"id": "broken", "text": ',
        JSON.stringify({ id: 'good-2', text: '新华社北京电 国务院常务会议。' }),
      ].join('\n'),
    );
    writeFileSync(join(dir, 'f-good.txt'), '人民日报评论员文章。');

    const result = runCli(['run', dir], testEnv(prefix));
    expect(result.stdout).toContain('3 processed, 5 failed');
    expect(result.status).toBe(1);

    const store = createStore({ url: redisUrl, prefix });
    const queue = new Queue('normalize', { connection: admin, prefix: `${prefix}:queue` });
    try {
      const byUri = new Map<string, { status: string; code?: string; stage?: string; id: string }>();
      for await (const info of store.list()) {
        const key = (info.uri ?? info.id).slice(dir.length + 1);
        byUri.set(key, {
          id: info.id,
          status: info.status,
          ...(info.error ? { code: info.error.code, stage: info.error.stage } : {}),
        });
      }
      const summary = Object.fromEntries(
        [...byUri].map(([uri, v]) => [uri, v.code ? `${v.status} ${v.code} at ${v.stage}` : v.status]),
      );
      expect(summary).toEqual({
        'a-binary.txt': 'failed binary_input at normalize',
        'b-gbk.txt': 'failed invalid_encoding at normalize',
        'c-empty.txt': 'failed empty_document at normalize',
        'd-huge.txt': 'failed document_too_large at ingest',
        'e-batch.jsonl#L1': 'completed',
        'e-batch.jsonl#L2': 'failed invalid_input at ingest',
        'e-batch.jsonl#L3': 'completed',
        'f-good.txt': 'completed',
      });
      // Each bad document ran once: an unrecoverable failure, not a retry loop.
      for (const name of ['a-binary.txt', 'b-gbk.txt', 'c-empty.txt']) {
        const job = await queue.getJob(jobId('normalize', byUri.get(name)!.id, 0));
        expect(job?.attemptsMade).toBe(1);
        expect(job?.failedReason).toMatch(/^(binary_input|invalid_encoding|empty_document): /);
        expect(await job?.getState()).toBe('failed');
      }
      // The oversized document is accounted for (failed, under its content id) but its raw bytes
      // are not stored: limits apply before anything is kept.
      expect((await store.getRaw(byUri.get('d-huge.txt')!.id))?.content).toBe('');
      const events = await streamEvents(admin, prefix);
      expect(events.filter((e) => e.type === 'failed')).toHaveLength(5);
      expect(events.filter((e) => e.type === 'completed')).toHaveLength(3);
    } finally {
      await queue.close();
      await store.close();
    }
  });
});

describe('the queue commands', () => {
  it('ingest, work --exit-when-idle, status, show, export, reprocess and retry-failed', async () => {
    const prefix = prefixFor('cmds');
    const env = testEnv(prefix);
    const lines = [
      JSON.stringify({ id: 'cq-1', text: '重庆日报讯 成渝地区双城经济圈建设。', meta: { page: 'A1' } }),
      JSON.stringify({ id: 'cq-2', base64: Buffer.from([0x41, 0x00]).toString('base64') }),
    ].join('\n');
    const ingest = runCli(['ingest', '--jsonl', '-'], env, lines);
    expect(ingest.status).toBe(0);
    expect(ingest.stderr).toContain('ingest: queued cq-1 cq-1');
    expect(ingest.stderr).toContain(
      'ingest: 2 new, 0 already stored, 0 failed; stages: normalize -> segment',
    );

    const before = JSON.parse(runCli(['status', '--json'], env).stdout);
    expect(before.queues.normalize).toMatchObject({ waiting: 2, active: 0 });
    expect(before.store).toMatchObject({ documents: 2, pending: 2 });

    const work = runCli(['work', '--exit-when-idle'], env);
    expect(work.status).toBe(0);
    expect(work.stderr).toContain('work: serving normalize, segment (concurrency 1 each)');
    expect(work.stderr).toContain('work: normalize cq-2: binary_input: expected text, found NUL bytes');

    const status = runCli(['status'], env);
    expect(status.stdout).toContain('documents  2 total: 0 pending, 1 completed, 1 failed');
    expect(status.stdout).toContain('failures   binary_input 1');

    const show = runCli(['show', 'cq-1'], env);
    expect(JSON.parse(show.stdout)).toEqual({
      id: 'cq-1',
      source: { uri: '-#L1', contentType: 'text/plain', encoding: 'utf-8' },
      normalized: {
        text: '重庆日报讯 成渝地区双城经济圈建设。',
        script: 'hans',
        fixes: {},
        removed: [],
        damaged: [],
      },
      segmented: { sentences: [{ start: 0, end: 18 }], tokens: [], keywords: [] },
      warnings: [],
    });
    const failedShow = runCli(['show', 'cq-2'], env);
    expect(failedShow.stderr).toContain('cq-2 is failed (0/2 stages): binary_input at normalize');
    expect(runCli(['show', 'nope'], env).status).toBe(1);

    const exported = runCli(['export', '--format', 'jsonl'], env);
    const docs = exported.stdout
      .trimEnd()
      .split('\n')
      .map((l) => ProcessedDocumentSchema.parse(JSON.parse(l)));
    expect(docs.map((d) => d.id)).toEqual(['cq-1']);
    expect(runCli(['export', '--since', String(Date.now() + 60_000)], env).stdout).toBe('');
    expect(runCli(['export', '--since', 'yesterday-ish'], env).stderr).toContain(
      '--since: expected an ISO date',
    );

    const reprocess = runCli(['reprocess', '--from', 'segment', 'cq-1'], env);
    expect(reprocess.stderr).toContain('reprocess: 1 documents queued from segment');
    // binary_input is the input's own fault: a retry would fail the same way (case 12).
    const retry = runCli(['retry-failed'], env);
    expect(retry.stderr).toContain(
      'retry-failed: 0 documents queued again, 1 whose input cannot succeed (binary_input) left as they are',
    );
    const failedExport = JSON.parse(runCli(['export', '--status', 'failed'], env).stdout);
    expect(failedExport).toMatchObject({
      id: 'cq-2',
      status: 'failed',
      error: { stage: 'normalize', code: 'binary_input', message: 'expected text, found NUL bytes' },
    });
    expect(runCli(['work', '--exit-when-idle'], env).status).toBe(0);

    const store = createStore({ url: redisUrl, prefix });
    try {
      expect(await store.info('cq-1')).toMatchObject({
        status: 'completed',
        generation: 1,
        meta: { page: 'A1' },
      });
      expect(await store.info('cq-2')).toMatchObject({ status: 'failed', generation: 0 });
    } finally {
      await store.close();
    }
    // One event per document per run (the two stage queues run in parallel: order aside).
    expect((await streamEvents(admin, prefix)).map((e) => `${e.type} ${e.id}`).sort()).toEqual([
      'completed cq-1',
      'completed cq-1',
      'failed cq-2',
    ]);
    expect(runCli(['reprocess', '--from', 'tokenize'], env).stderr).toContain('unknown stage "tokenize"');
    expect(runCli(['work', '--stages', 'segment,ocr'], env).stderr).toContain(
      '--stages: unknown stage "ocr"',
    );
  });

  it('serves the dashboard, /metrics and /healthz with --http, and stops on SIGTERM', async () => {
    const prefix = prefixFor('http');
    const worker = startCli(['work', '--http', '127.0.0.1:0'], testEnv(prefix));
    let port = 0;
    await until(() => {
      const match = /on port (\d+)/.exec(worker.output());
      port = Number(match?.[1] ?? 0);
      return port > 0 || worker.exitCode !== null;
    });
    expect(port).toBeGreaterThan(0);
    runCli(
      ['ingest', '--jsonl', '-'],
      testEnv(prefix),
      JSON.stringify({ id: 'h-1', text: '新华社北京电。' }),
    );
    await until(async () => (await admin.hget(`${prefix}:doc:h-1`, 'status')) === 'completed');

    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', stages: ['normalize', 'segment'] });
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toContain('xinwen_jobs_completed_total{stage="normalize"} 1');
    // One job ran both stages: the segment queue had none.
    expect(metrics).toContain('xinwen_queue_jobs{stage="normalize",state="completed"} 1');
    expect(metrics).toContain('xinwen_queue_jobs{stage="segment",state="completed"} 0');
    expect(metrics).toContain('xinwen_documents{status="completed"} 1');
    const board = await fetch(`http://127.0.0.1:${port}/`);
    expect(board.status).toBe(200);
    expect(await board.text()).toContain('<title>Bull Dashboard</title>');

    worker.kill('SIGTERM');
    expect(await exited(worker)).toBe(0);
    expect(worker.output()).toContain('none left active');
  });
});

describe('the embedded Redis', () => {
  it('starts redis-server with its data in the data folder, and the results survive a restart', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'xinwen-embedded-'));
    const env = { ...testEnv('xinwen'), REDIS_URL: '', XINWEN_DATA_DIR: dataDir };
    const run = runCli(['run', seeds[1]!], env);
    expect(run.stdout).toContain('1 processed, 0 failed');
    expect(existsSync(join(dataDir, 'redis', 'appendonlydir'))).toBe(true);
    expect(existsSync(join(dataDir, 'redis', 'embedded.json'))).toBe(false);
    const status = JSON.parse(runCli(['status', '--json'], env).stdout);
    expect(status.store).toMatchObject({ documents: 1, completed: 1 });
  });

  it('says how to get a Redis when there is none', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'xinwen-embedded-'));
    const env = { ...testEnv('xinwen'), REDIS_URL: '', XINWEN_DATA_DIR: dataDir, PATH: dataDir };
    const result = runCli(['status'], env);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('REDIS_URL is not set and no redis-server was found on PATH');
    expect(result.stderr).toContain('apt-get install redis-server');
  });

  it('rejects invalid configuration with a clear message before doing anything', () => {
    const result = runCli(['status'], { ...testEnv('x'), XINWEN_CONCURRENCY: '0' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      'xinwen: invalid_options: invalid configuration: XINWEN_CONCURRENCY="0": Too small: expected number to be >=1',
    );
  });
});
