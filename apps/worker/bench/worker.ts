/**
 * The worker against the in-process pipeline, in CPU time, measured in the same run.
 *
 * The seed corpus is scaled up (each copy made distinct, so every copy is a new document) and run
 * (1) through `createPipeline().process()` in this process, (2) through one `xinwen work` process
 * and (3) through two, against the Redis at REDIS_URL (default 127.0.0.1:6379) under a fresh
 * prefix that is deleted afterwards. In-process rounds are interleaved with the worker runs and
 * their median is the baseline.
 *
 * Each worker process runs under `/usr/bin/time`, which gives its CPU time (user + system, all
 * threads) and peak RSS. A worker's CPU per document is its CPU for the batch less its CPU at the
 * moment it said it was serving (its start-up, read from /proc), divided by the documents;
 * Redis's own CPU is not counted. Also printed: the bytes stored per input byte (every field of
 * each document's hash and its raw bytes), and the start-up of `xinwen process` on one small file.
 *
 *   pnpm --filter @xinwen/cli bench        (XINWEN_BENCH_DOCS=200, seeds x 40, by default)
 *   XINWEN_BENCH_PROCESSES=1                  only one worker process (default 1,2)
 *   XINWEN_BENCH_CONCURRENCY=4                jobs at once per worker process (default 1)
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPipeline } from '@xinwen/pipeline';
import { Redis } from 'ioredis';
import { readSeeds, repoRoot } from '../../../tooling/seeds.js';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const docs = Number(process.env.XINWEN_BENCH_DOCS ?? 200);
const concurrency = process.env.XINWEN_BENCH_CONCURRENCY ?? '1';
const cases = (process.env.XINWEN_BENCH_PROCESSES ?? '1,2').split(',').map(Number);
const cli = join(repoRoot, 'apps', 'worker', 'dist', 'cli.js');
const admin = new Redis(redisUrl);
const scratch = mkdtempSync(join(tmpdir(), 'xinwen-bench-'));

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

interface Usage {
  /** CPU seconds, user + system. */
  cpu: number;
  /** Peak resident set, MiB. */
  rss: number;
}

interface WorkerUsage extends Usage {
  /** CPU seconds when it said it was serving (its stages warmed up), or NaN if it never did. */
  startup: number;
}

/** CPU seconds (user + system, all threads) of a running process, from /proc. */
function cpuOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / ticks;
}
const ticks = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim() || 100);

/**
 * Runs `node cli.js ...args` under /usr/bin/time; resolves with its CPU time and peak RSS, and
 * its CPU time at the moment it printed `work: serving` (the end of its start-up).
 */
function timed(args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<WorkerUsage> {
  const out = join(scratch, `${randomBytes(4).toString('hex')}.time`);
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-o', out, '-f', '%U %S %M', process.execPath, cli, ...args], {
      env,
      stdio: [input === undefined ? 'ignore' : 'pipe', 'ignore', 'pipe'],
    });
    let stderr = '';
    let startup = Number.NaN;
    child.stderr?.on('data', (chunk) => {
      stderr += chunk;
      if (Number.isNaN(startup) && stderr.includes('work: serving')) {
        try {
          const node = readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim();
          startup = cpuOf(Number(node));
        } catch {
          // The process is gone already: no figure.
        }
      }
    });
    if (input !== undefined) child.stdin?.end(input);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`xinwen ${args.join(' ')} exited ${code}: ${stderr}`));
      const [user, system, maxKb] = readFileSync(out, 'utf8').trim().split(/\s+/).slice(-3).map(Number);
      resolve({ cpu: user! + system!, rss: maxKb! / 1024, startup });
    });
  });
}

const pipeline = createPipeline();
/** CPU seconds of the in-process pipeline over the corpus (after its start-up). */
async function inProcessRound(): Promise<number> {
  const before = process.cpuUsage();
  for (const d of corpus) await pipeline.process({ content: d.text, id: d.id, uri: d.uri });
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1e6;
}

/** Stored bytes of every document under `prefix`: each hash's fields and values, and the raw bytes. */
async function storedBytes(prefix: string): Promise<number> {
  let total = 0;
  for (const d of corpus) {
    const hash = await admin.hgetallBuffer(`${prefix}:doc:${d.id}`);
    for (const [field, value] of Object.entries(hash)) total += Buffer.byteLength(field) + value.byteLength;
    total += await admin.strlen(`${prefix}:raw:${d.id}`);
  }
  return total;
}

const envFor = (prefix: string): NodeJS.ProcessEnv => ({
  ...process.env,
  REDIS_URL: redisUrl,
  XINWEN_PREFIX: prefix,
  XINWEN_CONCURRENCY: concurrency,
});

/** A worker that starts, finds nothing to do and stops. */
async function idleWorker(): Promise<WorkerUsage> {
  const prefix = `xinwen-bench-${randomBytes(4).toString('hex')}`;
  const usage = await timed(['work', '--exit-when-idle'], envFor(prefix));
  await deletePrefix(prefix);
  return usage;
}

async function throughWorkers(processes: number) {
  const prefix = `xinwen-bench-${randomBytes(4).toString('hex')}`;
  const env = envFor(prefix);
  const lines = corpus.map((d) => JSON.stringify(d)).join('\n');
  const ingest = spawnSync(process.execPath, [cli, 'ingest', '--jsonl', '-'], { env, input: lines });
  if (ingest.status !== 0) throw new Error(`ingest failed: ${ingest.stderr}`);
  const usages = await Promise.all(
    Array.from({ length: processes }, () => timed(['work', '--exit-when-idle'], env)),
  );
  const completed = await admin.zcard(`${prefix}:status:completed`);
  if (completed !== docs) throw new Error(`${docs - completed} documents did not complete`);
  const stored = await storedBytes(prefix);
  await deletePrefix(prefix);
  return { usages, stored };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

// Start-up of `xinwen process` on one small file (the smallest seed), then of an idle worker.
const small = [...seeds].sort((a, b) => Buffer.byteLength(a.text) - Buffer.byteLength(b.text))[0]!;
const smallFile = join(scratch, 'small.txt');
writeFileSync(smallFile, small.text);
const processStart = await timed(['process', smallFile], { ...process.env });

await pipeline.process({ content: corpus[0]!.text, id: 'warm-up' });
const inProc: number[] = [await inProcessRound()];
const idle: WorkerUsage[] = [];
const runs = new Map<number, Awaited<ReturnType<typeof throughWorkers>>>();
for (const n of cases) {
  idle.push(await idleWorker());
  runs.set(n, await throughWorkers(n));
  inProc.push(await inProcessRound());
}
const startup = median(idle.map((u) => u.startup));
const inPerDoc = median(inProc) / docs;

const ms = (seconds: number) => `${(seconds * 1000).toFixed(1)} ms`;
console.log(`\n## worker vs in-process pipeline (CPU time)`);
console.log(
  `corpus: ${docs} documents (seeds scaled), ${(bytes / 1e6).toFixed(2)} MB; stages: ${pipeline.stages.join(' -> ')}; ` +
    `concurrency ${concurrency} per worker process; Redis ${redisUrl} (its CPU not counted)`,
);
console.log(
  `in-process: ${ms(inPerDoc)} CPU per document (median of ${inProc.length} rounds interleaved with the workers)`,
);
console.log(
  `worker start-up (until it serves, stages warmed): ${startup.toFixed(2)} s CPU; start, find no work, stop: ` +
    `${median(idle.map((u) => u.cpu)).toFixed(2)} s CPU, peak RSS ${median(idle.map((u) => u.rss)).toFixed(0)} MiB`,
);
console.log(`case                 CPU/doc     vs in-process   peak RSS per process`);
const perDoc = new Map<number, number>();
for (const [n, run] of runs) {
  // Each process's CPU less its own start-up (its CPU when it began serving).
  const cpu = run.usages.reduce((sum, u) => sum + u.cpu - (Number.isNaN(u.startup) ? startup : u.startup), 0);
  perDoc.set(n, cpu / docs);
  const name = n === 1 ? '1 worker process' : `${n} worker processes`;
  console.log(
    `${name.padEnd(19)}  ${ms(cpu / docs).padStart(9)}   ${(cpu / docs / inPerDoc).toFixed(2).padStart(5)}x        ` +
      run.usages.map((u) => `${u.rss.toFixed(0)} MiB`).join(', '),
  );
}
const one = perDoc.get(1);
const two = perDoc.get(2);
if (one !== undefined && two !== undefined) {
  console.log(`two processes / one, CPU per document: ${(two / one).toFixed(2)}x (target <= 1.10x)`);
}
if (one !== undefined) {
  console.log(`one worker / in-process, CPU per document: ${(one / inPerDoc).toFixed(2)}x (target <= 1.10x)`);
}
const firstRun = runs.values().next().value;
if (firstRun) {
  console.log(
    `stored bytes per input byte: ${(firstRun.stored / bytes).toFixed(2)} (${(firstRun.stored / docs / 1024).toFixed(1)} KiB per document of ${(bytes / docs / 1024).toFixed(1)} KiB; target <= 4)`,
  );
}
console.log(
  `xinwen process on one ${(Buffer.byteLength(small.text) / 1024).toFixed(0)} KB file: ${processStart.cpu.toFixed(2)} s CPU, peak RSS ${processStart.rss.toFixed(0)} MiB (target <= 3 s)`,
);
rmSync(scratch, { recursive: true, force: true });
await admin.quit();
