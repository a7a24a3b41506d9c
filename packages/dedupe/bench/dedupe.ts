/**
 * Benchmarks @xinwen/dedupe: fingerprint throughput against baselines measured in the same run,
 * index operations per second for both backends, and bytes per indexed document.
 *
 *   pnpm --filter @xinwen/dedupe bench   (REDIS_URL names the Redis, default 127.0.0.1:6379; the
 *                                        Redis part is skipped when none answers; DEDUPE_BENCH_DOCS
 *                                        sets the number of index documents, default 20000)
 *
 * The memory backend's bytes per document come from `memory-per-doc.ts`, run in a fresh process.
 */
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createNormalizer } from '@xinwen/normalize';
import { Redis } from 'ioredis';
import { runBench, scaleCorpus } from '../../../tooling/bench.js';
import { readSeeds } from '../../../tooling/seeds.js';
import { createDedupeIndex, findRepeatedParagraphs, fingerprint } from '../src/index.js';
import { redisBackend } from '../src/redis.js';
import { syntheticDocuments } from './synthetic.js';

const memoryScript = fileURLToPath(new URL('./memory-per-doc.ts', import.meta.url));

const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const DOCS = Number(process.env.DEDUPE_BENCH_DOCS ?? 20_000);

// --- 1. Fingerprint throughput ------------------------------------------------------------------
const seeds = readSeeds().map((s) => s.text);
const corpus = scaleCorpus(seeds, 4_000_000);
const splitParagraphs = (text: string) =>
  text
    .split(/\n[ \t\u3000]*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);

// The issue's yardstick: fingerprinting must be cheap next to normalizing the same text.
const normalize = createNormalizer();
runBench({
  title: 'fingerprint throughput vs @xinwen/normalize (the seeds, repeated to 4 MB)',
  corpus,
  cases: [
    { name: 'normalize', fn: (t) => normalize(t), baseline: true },
    { name: 'fingerprint', fn: (t) => fingerprint(t) },
    {
      name: 'fingerprint + findRepeatedParagraphs',
      fn: (t) => [fingerprint(t), findRepeatedParagraphs(splitParagraphs(t))],
    },
  ],
});

runBench({
  title: 'fingerprint throughput vs plain scans (the seeds, repeated to 4 MB)',
  corpus,
  cases: [
    { name: 'sha256 of the text', fn: (t) => createHash('sha256').update(t).digest('hex'), baseline: true },
    {
      name: 'full-text scan (charCodeAt sum)',
      fn: (t) => {
        let s = 0;
        for (let i = 0; i < t.length; i++) s = (s + t.charCodeAt(i)) | 0;
        return s;
      },
    },
    { name: 'fingerprint', fn: (t) => fingerprint(t) },
    { name: 'findRepeatedParagraphs', fn: (t) => findRepeatedParagraphs(splitParagraphs(t)) },
  ],
});

// --- 2. Synthetic documents for the index ---------------------------------------------------------
const docs = syntheticDocuments(seeds, DOCS);
const ids = docs.map((d) => `sha256:${createHash('sha256').update(d).digest('hex')}`);
const fps = docs.map((d) => fingerprint(d));
const docBytes = docs.reduce((s, d) => s + Buffer.byteLength(d), 0) / DOCS;
console.log(
  `\n${DOCS} synthetic documents of 800 characters (${docBytes.toFixed(0)} bytes UTF-8), ids of ${ids[0]?.length} characters`,
);

const time = async (label: string, n: number, fn: () => Promise<unknown>): Promise<number> => {
  const t0 = performance.now();
  await fn();
  const seconds = (performance.now() - t0) / 1000;
  const perSecond = n / seconds;
  console.log(`${label.padEnd(44)} ${perSecond.toFixed(0).padStart(9)} ops/s`);
  return perSecond;
};

// --- 3. Memory backend: operations per second and heap bytes per document -------------------------
console.log('\n## memory backend');
{
  // Bytes per document, in a fresh process that does nothing else first, so that no garbage
  // from the runs above is freed inside the measured stretch.
  const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', memoryScript, String(DOCS)], {
    encoding: 'utf8',
  });
  process.stdout.write(child.stdout);
  if (child.status !== 0) process.stderr.write(child.stderr);
}
const memory = createDedupeIndex();
const memAdd = await time(`checkAndAdd x ${DOCS}`, DOCS, async () => {
  for (let i = 0; i < DOCS; i++) await memory.checkAndAdd(ids[i] as string, fps[i] as (typeof fps)[number]);
});
const memCheck = await time(`check x ${DOCS}`, DOCS, async () => {
  for (let i = 0; i < DOCS; i++) await memory.check(`q${i}`, fps[i] as (typeof fps)[number]);
});

// --- 4. Redis backend ------------------------------------------------------------------------------
console.log('\n## redis backend');
const redis = new Redis(url, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 1 });
redis.on('error', () => {}); // reported by connect() below
try {
  await redis.connect();
} catch (error) {
  console.log(`skipped: no Redis at ${url} (${String(error)})`);
  console.log(`\nsummary: memory checkAndAdd ${memAdd.toFixed(0)}/s, check ${memCheck.toFixed(0)}/s`);
  process.exit(0);
}
const prefix = `bench:xinwen-dedupe:${randomBytes(4).toString('hex')}`;
const index = createDedupeIndex({ backend: redisBackend({ client: redis, prefix }) });
try {
  const ping = await time('PING, one at a time (round-trip baseline)', 2000, async () => {
    for (let i = 0; i < 2000; i++) await redis.ping();
  });
  const infoBefore = Number(/used_memory:(\d+)/.exec(await redis.info('memory'))?.[1]);
  const half = Math.floor(DOCS / 2);
  const seq = await time(`checkAndAdd x ${half}, one at a time`, half, async () => {
    for (let i = 0; i < half; i++) await index.checkAndAdd(ids[i] as string, fps[i] as (typeof fps)[number]);
  });
  const par = await time(`checkAndAdd x ${DOCS - half}, 32 in flight`, DOCS - half, async () => {
    let next = half;
    await Promise.all(
      Array.from({ length: 32 }, async () => {
        while (next < DOCS) {
          const i = next++;
          await index.checkAndAdd(ids[i] as string, fps[i] as (typeof fps)[number]);
        }
      }),
    );
  });
  const check = await time(`check x ${half}, one at a time`, half, async () => {
    for (let i = 0; i < half; i++) await index.check(`q${i}`, fps[i] as (typeof fps)[number]);
  });
  const infoAfter = Number(/used_memory:(\d+)/.exec(await redis.info('memory'))?.[1]);
  console.log(
    `ratios to PING: checkAndAdd ${(seq / ping).toFixed(2)}x one at a time, ${(par / ping).toFixed(2)}x with 32 in flight; check ${(check / ping).toFixed(2)}x`,
  );

  // MEMORY USAGE over every key of the index.
  let cursor = '0';
  let bytes = 0;
  let keys = 0;
  const byKind = new Map<string, number>();
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', `{${prefix}}:*`, 'COUNT', 1000);
    cursor = next;
    for (const key of batch) {
      const usage = Number(await redis.memory('USAGE', key, 'SAMPLES', '0'));
      bytes += usage;
      keys++;
      const kind = key.slice(prefix.length + 3).split(':')[0] as string;
      byKind.set(kind, (byKind.get(kind) ?? 0) + usage);
    }
  } while (cursor !== '0');
  console.log(
    `MEMORY USAGE over ${keys} keys: ${(bytes / 2 ** 20).toFixed(1)} MiB = ${(bytes / DOCS).toFixed(0)} bytes per document ` +
      `(${[...byKind].map(([k, v]) => `${k} ${(v / DOCS).toFixed(0)}`).join(', ')}); used_memory grew ${((infoAfter - infoBefore) / DOCS).toFixed(0)} bytes per document`,
  );
  console.log(
    `\nsummary: memory checkAndAdd ${memAdd.toFixed(0)}/s, check ${memCheck.toFixed(0)}/s (${(memAdd / seq).toFixed(1)}x the Redis checkAndAdd one at a time)`,
  );
} finally {
  await index.clear();
  await redis.quit();
}
