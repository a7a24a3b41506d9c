import { XinwenError } from '@xinwen/core';
import type { Fingerprint } from './fingerprint.js';
import { bandHashes } from './lsh.js';
import { memoryBackend } from './memory.js';
import { MINHASH_SIZE } from './minhash.js';
import type { DedupeBackend, DedupeResult, IndexSettings } from './types.js';

/** Options for {@link createDedupeIndex}. */
export interface DedupeIndexOptions {
  /**
   * Where the index lives: `'memory'` (this process only) or a backend object such as
   * `redisBackend()` from `@xinwen/dedupe/redis` (shared between processes, survives restarts).
   * @default 'memory'
   */
  backend?: 'memory' | DedupeBackend;
  /**
   * Smallest estimated Jaccard similarity of two documents' shingle sets for them to be near
   * duplicates. At 0.5 a copy keeping 80 % of the text with 3 % of its characters changed
   * (about 0.65) is caught, while different articles on the same topic (under 0.1 in the seeds)
   * stay well clear. Below 0.4 the LSH bands start to miss candidates.
   * @default 0.5
   */
  threshold?: number;
  /**
   * Most documents kept under one LSH band value. A story copied thousands of times does not
   * make every later lookup read thousands of candidates; later copies are still found through
   * the first ones.
   * @default 100
   */
  maxBucketSize?: number;
}

/** A near-duplicate index over document fingerprints. */
export interface DedupeIndex {
  /** The backend's name (`memory`, `redis`). */
  readonly backend: string;
  /** The near-duplicate threshold in use. */
  readonly threshold: number;
  /** What the index says about a document, without adding it. `clusterId` is the cluster it would join. */
  check(id: string, fingerprint: Fingerprint): Promise<DedupeResult>;
  /**
   * Adds a document and returns what the index said about it, atomically: two processes adding
   * near-identical documents at once end with one canonical document and the other pointing at
   * it. Adding an id already indexed changes nothing and returns its stored cluster.
   */
  checkAndAdd(id: string, fingerprint: Fingerprint): Promise<DedupeResult>;
  /** The same operation as {@link DedupeIndex.checkAndAdd}; cluster assignment needs the check. */
  add(id: string, fingerprint: Fingerprint): Promise<DedupeResult>;
  /** Number of documents indexed. */
  size(): Promise<number>;
  /** Removes every document from this index (for the Redis backend: every key under its prefix). */
  clear(): Promise<void>;
  /** Closes connections the backend opened itself. */
  close(): Promise<void>;
}

/** Default near-duplicate threshold (estimated Jaccard similarity). */
export const DEFAULT_THRESHOLD = 0.5;

function checkFingerprint(id: unknown, fp: Fingerprint): void {
  if (typeof id !== 'string' || id.length === 0) {
    throw new XinwenError('invalid_input', `expected a non-empty string id, found ${JSON.stringify(id)}`);
  }
  if (
    typeof fp !== 'object' ||
    fp === null ||
    typeof fp.contentHash !== 'string' ||
    !(fp.minhash instanceof Uint32Array) ||
    fp.minhash.length !== MINHASH_SIZE
  ) {
    throw new XinwenError(
      'invalid_input',
      `expected a fingerprint from fingerprint() (contentHash and a ${MINHASH_SIZE}-value Uint32Array minhash)`,
    );
  }
}

/**
 * Creates a near-duplicate index. Candidates come from LSH bands over the MinHash signature and
 * are kept when their estimated Jaccard similarity reaches `threshold`.
 *
 * @throws XinwenError `invalid_options` for a threshold outside (0, 1] or a bad bucket size.
 */
export function createDedupeIndex(options: DedupeIndexOptions = {}): DedupeIndex {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  if (!(typeof threshold === 'number' && threshold > 0 && threshold <= 1)) {
    throw new XinwenError('invalid_options', `expected threshold in (0, 1], found ${String(threshold)}`);
  }
  const maxBucketSize = options.maxBucketSize ?? 100;
  if (!Number.isInteger(maxBucketSize) || maxBucketSize < 1) {
    throw new XinwenError('invalid_options', `expected maxBucketSize >= 1, found ${String(maxBucketSize)}`);
  }
  const backend =
    options.backend === undefined || options.backend === 'memory' ? memoryBackend() : options.backend;
  if (typeof backend !== 'object' || typeof backend.run !== 'function') {
    throw new XinwenError('invalid_options', `expected backend 'memory' or a backend object`);
  }
  const settings: IndexSettings = { threshold, maxBucketSize };
  const run = async (mode: 'check' | 'add', id: string, fp: Fingerprint) => {
    checkFingerprint(id, fp);
    return backend.run(
      mode,
      { id, contentHash: fp.contentHash, minhash: fp.minhash, bands: bandHashes(fp.minhash) },
      settings,
    );
  };
  return {
    backend: backend.name,
    threshold,
    check: (id, fp) => run('check', id, fp),
    add: (id, fp) => run('add', id, fp),
    checkAndAdd: (id, fp) => run('add', id, fp),
    size: () => backend.size(),
    clear: () => backend.clear(),
    close: () => backend.close(),
  };
}
