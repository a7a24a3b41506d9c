import { BANDS } from './lsh.js';
import { MINHASH_SIZE } from './minhash.js';
import type { DedupeBackend, DedupeResult, IndexEntry, IndexSettings } from './types.js';

/**
 * The in-process backend: documents are numbered in the order added; signatures live in one
 * growing `Uint32Array`, band values in one `Map` per band from band hash to document number(s).
 * Nothing survives the process; use the Redis backend to share an index or keep it.
 */
export function memoryBackend(): DedupeBackend {
  let ids: string[] = [];
  let clusters: number[] = [];
  let numbers = new Map<string, number>();
  let exact = new Map<string, number>();
  let signatures = new Uint32Array(MINHASH_SIZE * 1024);
  let bands: Map<number, number | number[]>[] = [];
  const reset = () => {
    ids = [];
    clusters = [];
    numbers = new Map();
    exact = new Map();
    signatures = new Uint32Array(MINHASH_SIZE * 1024);
    bands = Array.from({ length: BANDS }, () => new Map());
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
    for (let b = 0; b < BANDS; b++) {
      const bucket = bands[b]?.get(entry.bands[b] as number);
      if (bucket === undefined) continue;
      const list = typeof bucket === 'number' ? [bucket] : bucket;
      for (const num of list) {
        if (num === self || seen.has(num)) continue;
        seen.add(num);
        const equal = equalValues(num, entry.minhash);
        if (equal >= need) near.push({ num, equal });
      }
    }
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
        const map = bands[b] as Map<number, number | number[]>;
        const key = entry.bands[b] as number;
        const bucket = map.get(key);
        if (bucket === undefined) map.set(key, num);
        else if (typeof bucket === 'number') map.set(key, [bucket, num]);
        else if (bucket.length < settings.maxBucketSize) bucket.push(num);
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
