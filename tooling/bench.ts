/**
 * A small benchmark harness shared by the packages' `bench` scripts.
 *
 * Each case runs a function over the same corpus. Cases are interleaved round by round (so a
 * noisy neighbour slows all of them alike), the median round is kept, and every case is printed
 * as MB/s and as a ratio against the case marked `baseline`, measured in the same run.
 */
import { performance } from 'node:perf_hooks';

export interface BenchCase<T> {
  /** Label printed in the table. */
  name: string;
  /** Called once per corpus item per round. Return something so the work is not optimised away. */
  fn: (item: T) => unknown;
  /** The case the others are compared with. Exactly one case should set it. */
  baseline?: boolean;
}

export interface BenchOptions<T> {
  title: string;
  corpus: readonly T[];
  /** Bytes of one item, for MB/s (default: UTF-8 length of strings, byteLength of arrays). */
  sizeOf?: (item: T) => number;
  cases: readonly BenchCase<T>[];
  /** Rounds after warm-up (default 15). */
  rounds?: number;
  /** Warm-up rounds (default 3). */
  warmup?: number;
  /** What a round's time is: wall-clock, or this process's user+system CPU time (steadier on a shared machine). Default 'wall'. */
  clock?: 'wall' | 'cpu';
}

export interface BenchResult {
  name: string;
  mbPerSecond: number;
  msPerRound: number;
  ratio: number;
}

const defaultSize = (item: unknown): number =>
  typeof item === 'string'
    ? Buffer.byteLength(item)
    : item instanceof Uint8Array
      ? item.byteLength
      : Buffer.byteLength(JSON.stringify(item));

let sink: unknown;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Runs the cases, prints a table and returns the figures. */
export function runBench<T>(options: BenchOptions<T>): BenchResult[] {
  const { corpus, cases } = options;
  const rounds = options.rounds ?? 15;
  const warmup = options.warmup ?? 3;
  const sizeOf = options.sizeOf ?? defaultSize;
  const bytes = corpus.reduce((sum, item) => sum + sizeOf(item), 0);
  const times = cases.map(() => [] as number[]);

  const cpuMs = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const now = options.clock === 'cpu' ? cpuMs : () => performance.now();
  for (let round = 0; round < warmup + rounds; round++) {
    cases.forEach((c, i) => {
      const t0 = now();
      for (const item of corpus) sink = c.fn(item);
      const elapsed = now() - t0;
      if (round >= warmup) times[i]?.push(elapsed);
    });
  }

  const ms = times.map(median);
  const baseIndex = Math.max(
    0,
    cases.findIndex((c) => c.baseline),
  );
  const baseMs = ms[baseIndex] ?? Number.NaN;
  const results = cases.map((c, i) => {
    const m = ms[i] ?? Number.NaN;
    return { name: c.name, msPerRound: m, mbPerSecond: bytes / 1e6 / (m / 1000), ratio: baseMs / m };
  });

  const rss = process.memoryUsage().rss / 2 ** 20;
  console.log(`\n## ${options.title}`);
  console.log(
    `corpus: ${corpus.length} items, ${(bytes / 1e6).toFixed(2)} MB; ${rounds} rounds (median, ${options.clock === 'cpu' ? 'CPU' : 'wall'} time); RSS ${rss.toFixed(0)} MiB`,
  );
  const width = Math.max(...cases.map((c) => c.name.length), 4);
  console.log(`${'case'.padEnd(width)}  ${'ms/round'.padStart(9)}  ${'MB/s'.padStart(8)}  vs baseline`);
  for (const r of results) {
    const mark = cases[baseIndex]?.name === r.name ? ' (baseline)' : '';
    console.log(
      `${r.name.padEnd(width)}  ${r.msPerRound.toFixed(2).padStart(9)}  ${r.mbPerSecond.toFixed(2).padStart(8)}  ${r.ratio.toFixed(2)}x${mark}`,
    );
  }
  if (sink === Symbol.for('never')) console.log('');
  return results;
}

/** Repeats a corpus until it holds at least `minBytes` (UTF-8), for steadier figures. */
export function scaleCorpus(items: readonly string[], minBytes: number): string[] {
  const out: string[] = [];
  let bytes = 0;
  while (bytes < minBytes && items.length > 0) {
    for (const item of items) {
      out.push(item);
      bytes += Buffer.byteLength(item);
    }
  }
  return out;
}
