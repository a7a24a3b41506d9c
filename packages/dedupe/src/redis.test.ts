import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDedupeIndex } from './dedupe-index.js';
import { fingerprint } from './fingerprint.js';
import { redisBackend } from './redis.js';
import { backendSuite } from './test-support/backend-suite.js';
import { report, sameTopic, variants } from './test-support/documents.js';
import type { DedupeResult } from './types.js';

const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const runId = `${process.pid}-${randomBytes(4).toString('hex')}`;
let counter = 0;
/** A fresh key prefix for each index in these tests: never shared, deleted afterwards. */
const uniquePrefix = () => `test:xinwen-dedupe:${runId}:${counter++}`;

// Every test removes its keys; this catches any left behind, by this run's prefix only.
afterAll(async () => {
  const redis = new Redis(url);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `{test:xinwen-dedupe:${runId}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) await redis.unlink(...keys);
  } while (cursor !== '0');
  await redis.quit();
});

backendSuite('redis', () => redisBackend({ url, prefix: uniquePrefix() }));

describe('redis backend', () => {
  let redis: Redis;
  beforeAll(() => {
    redis = new Redis(url);
  });
  afterAll(async () => {
    await redis.quit();
  });

  it('keeps the index in Redis: a new index over the same prefix (a restarted process) sees old documents', async () => {
    const prefix = uniquePrefix();
    const before = createDedupeIndex({ backend: redisBackend({ url, prefix }) });
    await before.checkAndAdd('print', fingerprint(report));
    await before.checkAndAdd('taiwan-week', fingerprint(sameTopic.taiwanWeek));
    await before.close();

    const after = createDedupeIndex({ backend: redisBackend({ url, prefix }) });
    expect(await after.size()).toBe(2);
    expect(await after.checkAndAdd('web', fingerprint(report))).toEqual({
      exactDuplicateOf: 'print',
      nearDuplicates: [{ id: 'print', similarity: 1 }],
      clusterId: 'print',
    });
    const edited = await after.checkAndAdd('edited', fingerprint(variants.edited));
    expect(edited.clusterId).toBe('print');
    await after.clear();
    await after.close();
  });

  it('keeps indexes with different prefixes apart and uses a given client without closing it', async () => {
    const a = createDedupeIndex({ backend: redisBackend({ client: redis, prefix: uniquePrefix() }) });
    const b = createDedupeIndex({ backend: redisBackend({ client: redis, prefix: uniquePrefix() }) });
    await a.checkAndAdd('print', fingerprint(report));
    expect(await b.check('web', fingerprint(report))).toEqual({ nearDuplicates: [], clusterId: 'web' });
    await a.clear();
    await b.clear();
    await a.close();
    expect(await redis.ping()).toBe('PONG');
  });

  it('deletes only its own keys on clear', async () => {
    const prefix = uniquePrefix();
    const neighbour = `{${prefix}x}:keep`;
    await redis.set(neighbour, '1');
    const idx = createDedupeIndex({ backend: redisBackend({ client: redis, prefix }) });
    await idx.checkAndAdd('print', fingerprint(report));
    expect((await redis.keys(`{${prefix}}:*`)).length).toBeGreaterThan(3);
    await idx.clear();
    expect(await redis.keys(`{${prefix}}:*`)).toEqual([]);
    expect(await redis.get(neighbour)).toBe('1');
    await redis.del(neighbour);
  });

  it('rejects with store_unavailable when Redis cannot be reached', async () => {
    const offline = new Redis('redis://127.0.0.1:1', { lazyConnect: true, enableOfflineQueue: false });
    const idx = createDedupeIndex({ backend: redisBackend({ client: offline, prefix: uniquePrefix() }) });
    await expect(idx.checkAndAdd('print', fingerprint(report))).rejects.toMatchObject({
      code: 'store_unavailable',
    });
    offline.disconnect();
  });

  it('rejects a bad prefix with invalid_options', () => {
    expect(() => redisBackend({ prefix: '' })).toThrow(expect.objectContaining({ code: 'invalid_options' }));
    expect(() => redisBackend({ prefix: 'a{b}' })).toThrow(
      expect.objectContaining({ code: 'invalid_options' }),
    );
    expect(() => redisBackend({ shardBits: 40 })).toThrow(
      expect.objectContaining({ code: 'invalid_options' }),
    );
  });

  it('lets exactly one of two processes racing on near-identical documents become canonical', async () => {
    const prefix = uniquePrefix();
    const rounds = 20;
    const child = fileURLToPath(new URL('./test-support/race-child.ts', import.meta.url));
    const start = (name: string) => {
      const proc = spawn(process.execPath, ['--import', 'tsx', child, prefix, name, String(rounds)], {
        stdio: ['pipe', 'pipe', 'inherit'],
        env: { ...process.env, REDIS_URL: url },
      });
      let out = '';
      const ready = new Promise<void>((resolve, reject) => {
        proc.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.startsWith('ready\n')) resolve();
        });
        proc.on('exit', (code) =>
          reject(new Error(`race child ${name} exited with ${code} before it was ready`)),
        );
      });
      const done = new Promise<DedupeResult[]>((resolve, reject) => {
        proc.on('exit', (code) => {
          if (code !== 0) reject(new Error(`race child ${name} exited with ${code}`));
          else resolve(JSON.parse(out.slice('ready\n'.length)) as DedupeResult[]);
        });
      });
      return { proc, ready, done };
    };
    const a = start('a');
    const b = start('b');
    await Promise.all([a.ready, b.ready]);
    a.proc.stdin.end('go\n');
    b.proc.stdin.end('go\n');
    const [resultsA, resultsB] = await Promise.all([a.done, b.done]);

    for (let r = 0; r < rounds; r++) {
      const ra = resultsA[r] as DedupeResult;
      const rb = resultsB[r] as DedupeResult;
      const [winner, loser, loserId] = ra.clusterId === `a-${r}` ? [ra, rb, `b-${r}`] : [rb, ra, `a-${r}`];
      const winnerId = loserId.startsWith('a') ? `b-${r}` : `a-${r}`;
      // One canonical document, the other pointing at it.
      expect(winner).toEqual({ nearDuplicates: [], clusterId: winnerId });
      expect(loser.clusterId).toBe(winnerId);
      expect(loser.nearDuplicates.map((d) => d.id)).toContain(winnerId);
    }
    const idx = createDedupeIndex({ backend: redisBackend({ client: redis, prefix }) });
    expect(await idx.size()).toBe(rounds * 2);
    await idx.clear();
  });
});
