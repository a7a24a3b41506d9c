/** What an index says about a document. */
export interface DedupeResult {
  /** Id of an indexed document with the same content hash (the first one added), if any. */
  exactDuplicateOf?: string;
  /**
   * Indexed documents whose estimated Jaccard similarity reaches the index's threshold, most
   * similar first (earlier-added first on a tie). Exact duplicates are listed too, with 1.
   */
  nearDuplicates: { id: string; similarity: number }[];
  /**
   * The cluster the document belongs (or would belong) to, named by the cluster's canonical
   * document: the first document added of it. A document like nothing indexed is its own
   * cluster.
   */
  clusterId: string;
}

/** A document as handed to a backend: its id, fingerprint and LSH band hashes. */
export interface IndexEntry {
  id: string;
  contentHash: string;
  minhash: Uint32Array;
  bands: Uint32Array;
}

/** Settings every backend call receives from the index. */
export interface IndexSettings {
  /** Smallest estimated Jaccard similarity reported as a near duplicate. */
  threshold: number;
  /** Most documents kept under one band value (the rest are still found through other bands). */
  maxBucketSize: number;
}

/**
 * A storage backend for {@link DedupeIndex}. `run` must be atomic: between reading the
 * candidates and adding the entry no other `run` may add to the same index.
 */
export interface DedupeBackend {
  /** Short name, e.g. `memory` or `redis`. */
  readonly name: string;
  /**
   * Looks the entry up and, for `add`, stores it (once: an id already indexed is answered from
   * what is stored and not added again).
   */
  run(mode: 'check' | 'add', entry: IndexEntry, settings: IndexSettings): Promise<DedupeResult>;
  /** Number of documents indexed. */
  size(): Promise<number>;
  /** Removes every document from the index. */
  clear(): Promise<void>;
  /** Releases connections the backend opened itself. */
  close(): Promise<void>;
}
