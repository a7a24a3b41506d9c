import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { findRedisServer, freePort } from '../embedded-redis.js';
import { exited, until } from './helpers.js';

/** A redis-server owned by one test: its own port and data folder, stopped and removed afterwards. */
export interface TestRedis {
  url: string;
  port: number;
  dir: string;
  /** A client that waits out restarts (for the test's own checks). */
  client: Redis;
  /** Stops the server (SIGTERM, or `signal`) and waits for it to exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again on the same port and folder. */
  start(): Promise<void>;
  /** The server process (to SIGSTOP it, say). */
  readonly process: ChildProcess;
  /** Stops the server for good and removes its folder. */
  dispose(): Promise<void>;
}

async function answers(url: string): Promise<boolean> {
  const probe = new Redis(url, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
  probe.on('error', () => {});
  const up = await probe
    .connect()
    .then(() => probe.ping())
    .then(() => true)
    .catch(() => false);
  probe.disconnect();
  return up;
}

/**
 * Starts a redis-server for one test. Persistence is off unless `args` turn it on, so a restart
 * comes back empty. `prepare` may lay out the data folder first.
 */
export async function startTestRedis(
  args: readonly string[] = [],
  prepare?: (dir: string) => void,
): Promise<TestRedis> {
  const binary = findRedisServer();
  if (binary === undefined) throw new Error('redis-server must be on PATH for the reliability suite');
  const dir = mkdtempSync(join(tmpdir(), 'xinwen-test-redis-'));
  prepare?.(dir);
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess;
  const launch = async () => {
    child = spawn(
      binary,
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--dir',
        dir,
        '--save',
        '',
        '--appendonly',
        'no',
        ...args,
      ],
      { stdio: 'ignore' },
    );
    await until(() => answers(url), 50);
  };
  await launch();
  const client = new Redis(url, { retryStrategy: () => 100, maxRetriesPerRequest: null });
  client.on('error', () => {});
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill(signal);
      await exited(child);
    }
  };
  return {
    url,
    port,
    dir,
    client,
    stop,
    start: launch,
    get process() {
      return child;
    },
    async dispose() {
      client.disconnect();
      if (child.signalCode === null && child.exitCode === null) child.kill('SIGCONT');
      await stop('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
