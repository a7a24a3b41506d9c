/**
 * The store's key layout. Every key starts with the store's prefix, so several stores (and the
 * tests) can share one Redis. The README describes each key for readers in other languages.
 */
export interface StoreKeys {
  /** The prefix every key starts with. */
  readonly prefix: string;
  /** HASH: one document's metadata, stage results and status. */
  doc(id: string): string;
  /** STRING: one document's raw bytes, as ingested. */
  raw(id: string): string;
  /** ZSET: every document id, scored by ingest time (ms since the epoch). */
  readonly ingested: string;
  /** ZSET: the ids in one status, scored by the time they entered it. */
  status(status: DocumentStatus): string;
  /** HASH: error code -> number of documents now failed with it. */
  readonly failures: string;
  /** STREAM: one entry per document that reached `completed` or `failed`. */
  readonly events: string;
}

/** Where a document is: still going through its stages, done, or stopped by an error. */
export type DocumentStatus = 'pending' | 'completed' | 'failed';

/** The statuses, in the order a document moves through them. */
export const documentStatuses: readonly DocumentStatus[] = ['pending', 'completed', 'failed'];

/**
 * The keys of a store with the given prefix.
 * @param prefix - the key prefix (no trailing colon).
 */
export function storeKeys(prefix: string): StoreKeys {
  return {
    prefix,
    doc: (id) => `${prefix}:doc:${id}`,
    raw: (id) => `${prefix}:raw:${id}`,
    ingested: `${prefix}:ingested`,
    status: (status) => `${prefix}:status:${status}`,
    failures: `${prefix}:failures`,
    events: `${prefix}:events`,
  };
}
