import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Redis } from 'ioredis';

export const root = join(import.meta.dirname, '..', '..', '..', '..');
export const cli = join(root, 'apps', 'worker', 'dist', 'cli.js');
export const fixturePipeline = join(root, 'apps', 'worker', 'test', 'fixtures', 'pipeline.mjs');
export const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A key prefix no other test (or person) uses. */
export function uniquePrefix(name: string): string {
  return `xinwen-test-${name}-${randomBytes(5).toString('hex')}`;
}

/** Environment for a `xinwen` child: this test's Redis and prefix, quick stall detection. */
export function testEnv(prefix: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    REDIS_URL: redisUrl,
    XINWEN_PREFIX: prefix,
    XINWEN_PIPELINE: fixturePipeline,
    XINWEN_LOCK_MS: '2000',
    XINWEN_STALLED_MS: '1000',
    XINWEN_BACKOFF_MS: '200',
    ...extra,
  };
}

/** Runs `xinwen` to completion. */
export function runCli(args: string[], env: NodeJS.ProcessEnv, input?: string | Buffer) {
  return spawnSync(process.execPath, [cli, ...args], {
    cwd: root,
    env,
    input,
    encoding: 'utf8',
    maxBuffer: 256 * 2 ** 20,
  });
}

/** Starts `xinwen` in the background, collecting its output. */
export function startCli(args: string[], env: NodeJS.ProcessEnv): ChildProcess & { output: () => string } {
  const child = spawn(process.execPath, [cli, ...args], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  return Object.assign(child, { output: () => output });
}

/** Resolves with the exit code (or signal) once the child has exited. */
export function exited(child: ChildProcess): Promise<number | string> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  if (child.signalCode !== null) return Promise.resolve(child.signalCode);
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
}

/** Polls until `check` is true; the test's own timeout bounds the wait. */
export async function until(check: () => Promise<boolean> | boolean, intervalMs = 100): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, intervalMs));
}

/** Deletes every key under `prefix` (never FLUSHALL: the server is shared). */
export async function deletePrefix(redis: Redis, prefix: string): Promise<void> {
  // The store and queues live under `prefix:`, the dedupe index under `{prefix:dedupe}:`.
  for (const pattern of [`${prefix}:*`, `{${prefix}:*`]) {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.unlink(...keys);
    } while (cursor !== '0');
  }
}

/** The event stream of a store prefix as (type, id) pairs. */
export async function streamEvents(redis: Redis, prefix: string): Promise<{ type: string; id: string }[]> {
  const entries = (await redis.xrange(`${prefix}:events`, '-', '+')) as [string, string[]][];
  return entries.map(([, fields]) => {
    const map = new Map<string, string>();
    for (let i = 0; i + 1 < fields.length; i += 2) map.set(fields[i]!, fields[i + 1]!);
    return { type: map.get('type') ?? '', id: map.get('id') ?? '' };
  });
}

/** A JSON Lines batch of `n` distinct small documents. */
export function batch(n: number, tag: string): string {
  return Array.from({ length: n }, (_, i) =>
    JSON.stringify({ id: `${tag}-${i}`, text: `重庆日报讯 第${i}篇稿件。成渝地区双城经济圈建设稳步推进！` }),
  ).join('\n');
}

export { Redis };
