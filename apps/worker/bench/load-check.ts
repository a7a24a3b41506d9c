/**
 * Load check: ingests XINWEN_LOAD_DOCS documents (default 2,000, distinct copies of the seeds)
 * into a redis-server of its own, runs one `xinwen work --exit-when-idle` with
 * XINWEN_LOAD_CONCURRENCY (default 4) jobs per stage, and prints the worker's peak RSS (VmHWM),
 * Redis's memory per document (used_memory after minus before, over the documents) and whether
 * every document completed exactly once. A check of figures, not a test: the targets live in the
 * worker data-path issue.
 *
 *   pnpm --filter @xinwen/cli exec tsx bench/load-check.ts
 *   XINWEN_LOAD_DOCS=200 XINWEN_PIPELINE=test/fixtures/pipeline.mjs …   a quick run
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSeeds, repoRoot } from '../../../tooling/seeds.js';
import { startTestRedis } from '../src/testing/redis-server.js';

const docs = Number(process.env.XINWEN_LOAD_DOCS ?? 2000);
const concurrency = process.env.XINWEN_LOAD_CONCURRENCY ?? '4';
const cli = join(repoRoot, 'apps', 'worker', 'dist', 'cli.js');
const prefix = 'load';

const memory = async (redis: { info(section: string): Promise<string> }) =>
  Number(/used_memory:(\d+)/.exec(await redis.info('memory'))?.[1] ?? 0);

function peakRss(pid: number): number {
  try {
    const kb = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return Number(kb ?? 0) * 1024;
  } catch {
    return 0;
  }
}

const server = await startTestRedis();
try {
  const env = { ...process.env, REDIS_URL: server.url, XINWEN_PREFIX: prefix };
  const seeds = readSeeds();
  const lines = Array.from({ length: docs }, (_, i) => {
    const seed = seeds[i % seeds.length]!;
    return JSON.stringify({
      id: `load-${i}`,
      uri: `${seed.name}#${i}`,
      text: `${seed.text}\n（第${i}份）\n`,
    });
  }).join('\n');
  const before = await memory(server.client);
  const ingest = spawnSync(process.execPath, [cli, 'ingest', '--jsonl', '-'], {
    env,
    input: lines,
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
  if (ingest.status !== 0) throw new Error(`ingest failed: ${ingest.stderr.slice(-500)}`);
  const worker = spawn(process.execPath, [cli, 'work', '--exit-when-idle', '--concurrency', concurrency], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, peakRss(worker.pid!));
  }, 200);
  const code = await new Promise<number | null>((resolve) => worker.once('exit', resolve));
  clearInterval(sampler);
  const after = await memory(server.client);
  const completed = await server.client.zcard(`${prefix}:status:completed`);
  const failed = await server.client.zcard(`${prefix}:status:failed`);
  const events = await server.client.xlen(`${prefix}:events`);
  const mib = (n: number) => `${(n / 2 ** 20).toFixed(1)} MiB`;
  console.log(`documents            ${docs} (concurrency ${concurrency})`);
  console.log(`worker exit code     ${code}`);
  console.log(`completed / failed   ${completed} / ${failed}; events ${events}`);
  console.log(`worker peak RSS      ${mib(peak)}`);
  console.log(
    `Redis memory         ${mib(after - before)} in all, ${((after - before) / docs / 1024).toFixed(1)} KiB per document`,
  );
  if (completed + failed !== docs || events !== docs) process.exitCode = 1;
} finally {
  await server.dispose();
}
