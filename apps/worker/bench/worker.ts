/**
 * Throughput of the worker against the in-process pipeline, measured in the same run.
 *
 * The seed corpus is scaled up (each copy made distinct, so every copy is a new document) and run
 * (1) through `createPipeline().process()` in this process, (2) through one `xinwen work` process
 * and (3) through two, against the Redis at REDIS_URL (default 127.0.0.1:6379) under a fresh
 * prefix that is deleted afterwards. Worker figures are wall time from starting the worker
 * process(es) until the last document completed, so they include start-up (threads, dictionaries).
 * The steady rate leaves out the first and last 10% of completions; "first done" is the time until
 * the first document completed. The in-process rate leaves out its own start-up (printed). Peak
 * RSS is VmHWM per process.
 *
 *   pnpm --filter @xinwen/cli bench            (XINWEN_BENCH_DOCS=300 by default)
 *   XINWEN_BENCH_PROCESSES=1                      only one worker process (default 1,2)
 *   XINWEN_BENCH_BASELINE_CLI=…/dist/cli.js       also another build, one process, same run
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createPipeline } from '@xinwen/pipeline';
import { Redis } from 'ioredis';
import { readSeeds, repoRoot } from '../../../tooling/seeds.js';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const docs = Number(process.env.XINWEN_BENCH_DOCS ?? 300);
const concurrency = process.env.XINWEN_BENCH_CONCURRENCY ?? '1';
const cli = join(repoRoot, 'apps', 'worker', 'dist', 'cli.js');
const admin = new Redis(redisUrl);

const seeds = readSeeds();
const corpus = Array.from({ length: docs }, (_, i) => {
  const seed = seeds[i % seeds.length]!;
  return { id: `bench-${i}`, uri: `${seed.name}#${i}`, text: `${seed.text}\n（第${i}份）\n` };
});
const bytes = corpus.reduce((sum, d) => sum + Buffer.byteLength(d.text), 0);

async function deletePrefix(prefix: string) {
  for (const pattern of [`${prefix}:*`, `{${prefix}:*`]) {
    let cursor = '0';
    do {
      const [next, keys] = await admin.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await admin.unlink(...keys);
    } while (cursor !== '0');
  }
}

function peakRss(pid: number | undefined): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

let inProcStartup = 0;
async function inProcess(): Promise<number> {
  const s0 = performance.now();
  const pipeline = createPipeline();
  await pipeline.process({ content: corpus[0]!.text, id: 'warm-up' });
  inProcStartup = (performance.now() - s0) / 1000;
  const t0 = performance.now();
  for (const d of corpus) await pipeline.process({ content: d.text, id: d.id, uri: d.uri });
  return (performance.now() - t0) / 1000;
}

async function throughWorkers(processes: number, cliPath = cli) {
  const prefix = `xinwen-bench-${randomBytes(4).toString('hex')}`;
  const env = { ...process.env, REDIS_URL: redisUrl, XINWEN_PREFIX: prefix, XINWEN_CONCURRENCY: concurrency };
  const lines = corpus.map((d) => JSON.stringify(d)).join('\n');
  const i0 = performance.now();
  const ingest = spawnSync(process.execPath, [cliPath, 'ingest', '--jsonl', '-'], {
    env,
    input: lines,
    encoding: 'utf8',
  });
  if (ingest.status !== 0) throw new Error(`ingest failed: ${ingest.stderr}`);
  const ingestSeconds = (performance.now() - i0) / 1000;

  const t0 = performance.now();
  const workers: ChildProcess[] = Array.from({ length: processes }, () =>
    spawn(process.execPath, [cliPath, 'work', '--exit-when-idle'], { env, stdio: 'ignore' }),
  );
  const rss = workers.map(() => 0);
  const marks: number[] = [];
  let completed = 0;
  while (completed < docs) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    workers.forEach((w, i) => {
      rss[i] = Math.max(rss[i]!, peakRss(w.pid));
    });
    const now = await admin.zcard(`${prefix}:status:completed`);
    while (marks.length < now) marks.push(performance.now());
    completed = now;
    const failed = await admin.zcard(`${prefix}:status:failed`);
    if (failed > 0) throw new Error(`${failed} documents failed`);
  }
  const seconds = (performance.now() - t0) / 1000;
  const firstSeconds = (marks[0]! - t0) / 1000;
  const lo = marks[Math.floor(docs * 0.1)]!;
  const hi = marks[Math.floor(docs * 0.9)]!;
  const steady = (Math.floor(docs * 0.9) - Math.floor(docs * 0.1)) / ((hi - lo) / 1000);
  await Promise.all(workers.map((w) => new Promise((resolve) => w.once('exit', resolve))));
  await deletePrefix(prefix);
  return { seconds, steady, rss, ingestSeconds, firstSeconds };
}

const cases = (process.env.XINWEN_BENCH_PROCESSES ?? '1,2').split(',').map(Number);
const inProc = await inProcess();
const results = new Map<number, Awaited<ReturnType<typeof throughWorkers>>>();
// XINWEN_BENCH_BASELINE_CLI: another build's cli.js (say, of main) to run first, one process.
const baselineCli = process.env.XINWEN_BENCH_BASELINE_CLI;
const baseline = baselineCli ? await throughWorkers(1, baselineCli) : undefined;
for (const n of cases) results.set(n, await throughWorkers(n));
const rate = (s: number) => docs / s;
console.log(`\n## worker vs in-process pipeline`);
console.log(
  `corpus: ${docs} documents (seeds scaled), ${(bytes / 1e6).toFixed(2)} MB; stages: ${createPipeline().stages.join(' -> ')}; ` +
    `concurrency ${concurrency} per stage per worker process; Redis ${redisUrl}`,
);
console.log(
  `in-process start-up (createPipeline + first document, not counted in its rate): ${inProcStartup.toFixed(2)} s`,
);
console.log(
  `case                 docs/s   steady docs/s   vs in-process   first done   peak RSS per process`,
);
console.log(
  `in-process           ${rate(inProc).toFixed(2).padStart(6)}   ${'-'.padStart(13)}   1.00x (baseline)`,
);
const rows: [string, Awaited<ReturnType<typeof throughWorkers>>][] = [
  ...(baseline ? [['1 process, baseline', baseline] as [string, typeof baseline]] : []),
  ...[...results].map(
    ([n, r]) => [n === 1 ? '1 worker process' : `${n} worker processes`, r] as [string, typeof r],
  ),
];
for (const [name, r] of rows) {
  console.log(
    `${name.padEnd(19)}  ${rate(r.seconds).toFixed(2).padStart(6)}   ${r.steady.toFixed(2).padStart(13)}   ${(inProc / r.seconds).toFixed(2)}x (steady ${(r.steady / rate(inProc)).toFixed(2)}x)` +
      `   ${r.firstSeconds.toFixed(2).padStart(6)} s   ${r.rss.map((m) => `${m.toFixed(0)} MiB`).join(', ')}`,
  );
}
const one = results.get(1);
const two = results.get(2);
if (one && two) {
  console.log(
    `2 processes vs 1: ${(one.seconds / two.seconds).toFixed(2)}x (wall), ${(two.steady / one.steady).toFixed(2)}x (steady)`,
  );
}
if (one) console.log(`ingest (store + enqueue, one process): ${rate(one.ingestSeconds).toFixed(0)} docs/s`);
await admin.quit();
