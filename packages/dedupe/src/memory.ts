import { BandTable } from './band-table.js';
import { BANDS } from './lsh.js';
import { MINHASH_SIZE } from './minhash.js';
import type { DedupeBackend, DedupeResult, IndexEntry, IndexSettings } from './types.js';

/**
 * The in-process backend: documents are numbered in the order added; signatures live in one
 * growing `Uint32Array`, band values in one open-addressing table per band (`band-table.ts`).
 * Nothing survives the process; use the Redis backend to share an index or keep it.
 */
export function memoryBackend(): DedupeBackend {
  let ids: string[] = [];
  let clusters: number[] = [];
  let numbers = new Map<string, number>();
  let exact = new Map<string, number>();
  let signatures = new Uint32Array(MINHASH_SIZE * 1024);
  let bands: BandTable[] = [];
  const reset = () => {
    ids = [];
    clusters = [];
    numbers = new Map();
    exact = new Map();
    signatures = new Uint32Array(MINHASH_SIZE * 1024);
    bands = Array.from({ length: BANDS }, () => new BandTable());
  };
  reset();

  const equalValues = (num: number, sig: Uint32Array): number => {
    const base = num * MINHASH_SIZE;
    let equal = 0;
    for (let i = 0; i < MINHASH_SIZE; i++) if (signatures[base + i] === sig[i]) equal++;
    return equal;
  };

  const run = (mode: 'check' | 'add', entry: IndexEntry, settings: IndexSettings): DedupeResult => {
    const self = numbers.get(entry.id);
    const need = Math.ceil(settings.threshold * MINHASH_SIZE - 1e-9);
    const seen = new Set<number>();
    const near: { num: number; equal: number }[] = [];
    const visit = (num: number) => {
      if (num === self || seen.has(num)) return;
      seen.add(num);
      const equal = equalValues(num, entry.minhash);
      if (equal >= need) near.push({ num, equal });
    };
    for (let b = 0; b < BANDS; b++) (bands[b] as BandTable).forEach(entry.bands[b] as number, visit);
    near.sort((x, y) => y.equal - x.equal || x.num - y.num);
    const exactNum = exact.get(entry.contentHash);
    const exactOf = exactNum !== undefined && exactNum !== self ? exactNum : undefined;

    let cluster: number | undefined;
    if (self !== undefined) cluster = clusters[self];
    else if (exactOf !== undefined) cluster = clusters[exactOf];
    else if (near[0] !== undefined) cluster = clusters[near[0].num];

    if (mode === 'add' && self === undefined) {
      const num = ids.length;
      ids.push(entry.id);
      cluster ??= num;
      clusters.push(cluster);
      numbers.set(entry.id, num);
      if (!exact.has(entry.contentHash)) exact.set(entry.contentHash, num);
      if ((num + 1) * MINHASH_SIZE > signatures.length) {
        const grown = new Uint32Array(signatures.length * 2);
        grown.set(signatures);
        signatures = grown;
      }
      signatures.set(entry.minhash, num * MINHASH_SIZE);
      for (let b = 0; b < BANDS; b++) {
        (bands[b] as BandTable).add(entry.bands[b] as number, num, settings.maxBucketSize);
      }
    }

    return {
      ...(exactOf === undefined ? {} : { exactDuplicateOf: ids[exactOf] as string }),
      nearDuplicates: near.map((d) => ({ id: ids[d.num] as string, similarity: d.equal / MINHASH_SIZE })),
      clusterId: cluster === undefined ? entry.id : (ids[cluster] as string),
    };
  };

  return {
    name: 'memory',
    run: async (mode, entry, settings) => run(mode, entry, settings),
    size: async () => ids.length,
    clear: async () => reset(),
    close: async () => {},
  };
}
