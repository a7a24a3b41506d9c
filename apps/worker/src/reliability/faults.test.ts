import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { availableStages } from '@xinwen/pipeline';
import { createStore } from '@xinwen/store';
import { Queue } from 'bullmq';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { findRedisServer, freePort } from '../embedded-redis.js';
import { jobId } from '../queues.js';
import {
  batch,
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
} from '../testing/helpers.js';

const admin = new Redis(redisUrl);
const prefixes: string[] = [];
const children: ChildProcess[] = [];
const prefixFor = (name: string) => {
  const prefix = uniquePrefix(name);
  prefixes.push(prefix);
  return prefix;
};
const track = <T extends ChildProcess>(child: T): T => {
  children.push(child);
  return child;
};

afterEach(async () => {
  for (const child of children.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const prefix of prefixes.splice(0)) await deletePrefix(admin, prefix);
});
afterAll(async () => {
  await admin.quit();
});

const completedCount = (redis: Redis, prefix: string) => redis.zcard(`${prefix}:status:completed`);

/** Every document completed exactly once: one `completed` event per id, no failures. */
async function expectEachCompletedOnce(redis: Redis, prefix: string, ids: string[]) {
  const events = await streamEvents(redis, prefix);
  expect(events.filter((e) => e.type !== 'completed')).toEqual([]);
  expect(events.map((e) => e.id).sort()).toEqual([...ids].sort());
  const store = createStore({ redis, prefix });
  const stats = await store.stats();
  expect(stats).toMatchObject({ documents: ids.length, completed: ids.length, pending: 0, failed: 0 });
  for (const id of ids) expect((await store.info(id))?.generation).toBe(0);
}

describe('reliability', () => {
  it('kill -9 a worker mid-batch of 200: another finishes it, each document completed exactly once', async () => {
    const prefix = prefixFor('kill');
    const env = testEnv(prefix, { XINWEN_FIXTURE_SPIN_MS: '15', XINWEN_CONCURRENCY: '2' });
    const ids = Array.from({ length: 200 }, (_, i) => `k-${i}`);
    expect(runCli(['ingest', '--jsonl', '-'], env, batch(200, 'k')).status).toBe(0);

    const first = track(startCli(['work'], env));
    await until(async () => (await completedCount(admin, prefix)) >= 40);
    first.kill('SIGKILL');
    await exited(first);
    const atKill = await completedCount(admin, prefix);
    expect(atKill).toBeLessThan(200);

    const second = runCli(['work', '--exit-when-idle'], env);
    expect(second.status).toBe(0);
    await expectEachCompletedOnce(admin, prefix, ids);
  });

  it('restarting Redis (AOF on) mid-batch: the worker reconnects and the batch completes', async () => {
    const binary = findRedisServer();
    expect(binary, 'redis-server must be on PATH for this test').toBeDefined();
    const dir = mkdtempSync(join(tmpdir(), 'xinwen-redis-'));
    const port = await freePort();
    const url = `redis://127.0.0.1:${port}`;
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes'];
    const startRedis = async () => {
      const server = track(
        spawn(binary!, [...args, '--appendfsync', 'always', '--save', '', '--daemonize', 'no'], {
          stdio: 'ignore',
        }),
      );
      await until(async () => {
        const probe = new Redis(url, {
          lazyConnect: true,
          retryStrategy: () => null,
          maxRetriesPerRequest: 0,
        });
        probe.on('error', () => {});
        const up = await probe
          .connect()
          .then(() => probe.ping())
          .then(() => true)
          .catch(() => false);
        probe.disconnect();
        return up;
      }, 50);
      return server;
    };
    let server = await startRedis();
    const own = new Redis(url, { retryStrategy: () => 100, maxRetriesPerRequest: null });
    own.on('error', () => {});
    try {
      const prefix = 'xinwen-restart';
      const env = testEnv(prefix, { REDIS_URL: url, XINWEN_FIXTURE_SPIN_MS: '20' });
      const ids = Array.from({ length: 100 }, (_, i) => `r-${i}`);
      expect(runCli(['ingest', '--jsonl', '-'], env, batch(100, 'r')).status).toBe(0);
      const worker = track(startCli(['work'], env));
      await until(async () => (await completedCount(own, prefix)) >= 20);
      expect(await completedCount(own, prefix)).toBeLessThan(100);

      server.kill('SIGTERM');
      await exited(server);
      await new Promise((resolve) => setTimeout(resolve, 500));
      server = await startRedis();

      await until(async () => (await completedCount(own, prefix)) === 100, 200);
      worker.kill('SIGTERM');
      expect(await exited(worker)).toBe(0);
      await expectEachCompletedOnce(own, prefix, ids);
    } finally {
      own.disconnect();
      server.kill('SIGKILL');
      await exited(server);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('SIGTERM lets the active job finish, leaves nothing active, and the rest waits for the next worker', async () => {
    const prefix = prefixFor('term');
    const env = testEnv(prefix, { XINWEN_FIXTURE_SPIN_MS: '1500' });
    expect(runCli(['ingest', '--jsonl', '-'], env, batch(3, 't')).status).toBe(0);
    const worker = track(startCli(['work'], env));
    // A document is one job, on the first stage's queue; segment spins 1.5 s in it.
    const queue = new Queue('normalize', { connection: admin, prefix: `${prefix}:queue` });
    try {
      let before = 0;
      await until(async () => {
        before = await completedCount(admin, prefix);
        return (await queue.getJobCounts('active')).active === 1;
      });
      worker.kill('SIGTERM');
      expect(await exited(worker)).toBe(0);
      expect(worker.output()).toContain('none left active');
      expect(await queue.getJobCounts('active')).toEqual({ active: 0 });
      // The job that was running finished and no other started; nothing was lost: the others
      // wait in their queue. (On a slow machine the first job may have finished just before.)
      expect(before).toBeLessThan(3);
      expect(await completedCount(admin, prefix)).toBe(before + 1);
      expect(await admin.zcard(`${prefix}:status:pending`)).toBe(2 - before);

      expect(runCli(['work', '--exit-when-idle'], env).status).toBe(0);
      await expectEachCompletedOnce(admin, prefix, ['t-0', 't-1', 't-2']);
    } finally {
      await queue.close();
    }
  });

  it('a CPU-heavy stage on a large document does not stall its job lock (it runs in a worker thread)', async () => {
    const prefix = prefixFor('cpu');
    // About 6 seconds of CPU in segment for a document of a million characters (3 MB: a thread's
    // work), with a lock of 2 s renewed every second. (A shorter lock, or a larger document, has
    // been lost to the shared Redis being slow on a loaded machine: one write of 6 MB took it
    // half a second.)
    const env = testEnv(prefix, {
      XINWEN_FIXTURE_SPIN_MS_PER_MB: '6000',
      XINWEN_LOCK_MS: '2000',
      XINWEN_STALLED_MS: '1000',
      XINWEN_MAX_BYTES: String(64 * 2 ** 20),
    });
    const dir = mkdtempSync(join(tmpdir(), 'xinwen-cpu-'));
    const seed = readFileSync(join(root, 'seeds', '001_1dec3f20949d3dbf.txt'), 'utf8');
    const large = seed.repeat(Math.ceil(1e6 / seed.length));
    writeFileSync(join(dir, 'large.txt'), large);
    const result = runCli(['run', join(dir, 'large.txt')], env);
    expect(result.stdout).toContain('1 processed, 0 failed');

    const id = (await admin.zrange(`${prefix}:ingested`, '0', '-1'))[0]!;
    const queue = new Queue('normalize', { connection: admin, prefix: `${prefix}:queue` });
    try {
      const job = await queue.getJob(jobId('normalize', id, 0));
      expect(await job?.getState()).toBe('completed');
      expect(job?.attemptsStarted).toBe(1);
      expect(job?.stalledCounter).toBe(0);
      expect(job!.finishedOn! - job!.processedOn!).toBeGreaterThan(2000);
    } finally {
      await queue.close();
    }
    await expectEachCompletedOnce(admin, prefix, [id]);
  });

  it.skipIf(!availableStages().includes('dedupe'))(
    'two workers racing on near-duplicates agree on exactly one canonical copy (needs the dedupe stage)',
    async () => {
      const prefix = prefixFor('race');
      const env = { ...testEnv(prefix, { XINWEN_CONCURRENCY: '2' }), XINWEN_PIPELINE: '' };
      const seed = readFileSync(join(root, 'seeds', '002_22c9c10bbe16d571.txt'), 'utf8');
      const copies = Array.from({ length: 6 }, (_, i) =>
        JSON.stringify({ id: `near-${i}`, text: seed.replace('。', i % 2 === 0 ? '。' : '！') + ` ${i}` }),
      ).join('\n');
      expect(runCli(['ingest', '--jsonl', '-'], env, copies).status).toBe(0);
      const workers = [
        track(startCli(['work', '--exit-when-idle'], env)),
        track(startCli(['work', '--exit-when-idle'], env)),
      ];
      await Promise.all(workers.map(exited));
      const store = createStore({ redis: admin, prefix });
      const docs = await Promise.all(Array.from({ length: 6 }, (_, i) => store.get(`near-${i}`)));
      const canonical = docs.filter(
        (d) => d?.dedupe && d.dedupe.exactDuplicateOf === undefined && (d.dedupe.clusterId ?? d.id) === d.id,
      );
      expect(canonical).toHaveLength(1);
      expect(new Set(docs.map((d) => d?.dedupe?.clusterId))).toEqual(new Set([canonical[0]!.id]));
    },
  );
});
