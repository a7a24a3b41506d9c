import { afterEach, describe, expect, it } from 'vitest';
import { jobId } from '../queues.js';
import { batch, exited, runCli, startCli, testEnv, uniquePrefix, until } from '../testing/helpers.js';
import { startTestRedis, type TestRedis } from '../testing/redis-server.js';

const servers: TestRedis[] = [];
const own = async () => {
  const server = await startTestRedis();
  servers.push(server);
  return server;
};
afterEach(async () => {
  for (const server of servers.splice(0)) await server.dispose();
});

const statusCounts = async (server: TestRedis, prefix: string) => ({
  pending: await server.client.zcard(`${prefix}:status:pending`),
  completed: await server.client.zcard(`${prefix}:status:completed`),
  failed: await server.client.zcard(`${prefix}:status:failed`),
});

describe('cases 2 and 15: a store that restarts empty', () => {
  it('re-ingesting after the store lost its data runs the documents again (their old jobs are replaced)', async () => {
    const [queues, store] = [await own(), await own()];
    const prefix = uniquePrefix('empty');
    const env = testEnv(prefix, { REDIS_URL: queues.url, STORE_URL: store.url });
    const input = batch(5, 'e');
    expect(runCli(['ingest', '--jsonl', '-'], env, input).status).toBe(0);
    expect(runCli(['work', '--exit-when-idle'], env).status).toBe(0);
    expect(await statusCounts(store, prefix)).toEqual({ pending: 0, completed: 5, failed: 0 });

    // The store's Redis (no persistence) restarts empty; the queues keep their completed jobs.
    await store.stop();
    await store.start();
    expect(await store.client.dbsize()).toBe(0);
    const again = runCli(['ingest', '--jsonl', '-'], env, input);
    expect(again.stderr).toContain('5 new');
    expect(runCli(['work', '--exit-when-idle'], env).status).toBe(0);
    expect(await statusCounts(store, prefix)).toEqual({ pending: 0, completed: 5, failed: 0 });
  });

  it('a pending document whose job was removed gets a new one when a worker starts', async () => {
    const server = await own();
    const prefix = uniquePrefix('nojob');
    const env = testEnv(prefix, { REDIS_URL: server.url });
    expect(runCli(['ingest', '--jsonl', '-'], env, batch(3, 'n')).status).toBe(0);
    // Someone empties a queue (the dashboard's "clean", a FLUSH of the queue keys...).
    const removed = await server.client.del(`${prefix}:queue:normalize:${jobId('normalize', 'n-1', 0)}`);
    expect(removed).toBe(1);
    await server.client.lrem(`${prefix}:queue:normalize:wait`, 0, jobId('normalize', 'n-1', 0));
    const work = runCli(['work', '--exit-when-idle'], env);
    expect(work.status).toBe(0);
    expect(work.stderr).toContain('1 of 3 pending documents had no live job; queued them again');
    expect(await statusCounts(server, prefix)).toEqual({ pending: 0, completed: 3, failed: 0 });
  });

  it('a worker notices when the store comes back without its data, and exits non-zero', async () => {
    const server = await own();
    const prefix = uniquePrefix('lost');
    const env = testEnv(prefix, {
      REDIS_URL: server.url,
      XINWEN_FIXTURE_SPIN_MS: '200',
      XINWEN_LIVENESS_MS: '100',
    });
    expect(runCli(['ingest', '--jsonl', '-'], env, batch(30, 'l')).status).toBe(0);
    const worker = startCli(['work', '--exit-when-idle'], env);
    try {
      await until(async () => (await server.client.zcard(`${prefix}:status:completed`)) >= 2);
      await server.stop('SIGKILL');
      await server.start();
      expect(await exited(worker)).toBe(1);
      expect(worker.output()).toContain("data_lost: the store's Redis came back without its data");
    } finally {
      worker.kill('SIGKILL');
    }
  });
});
