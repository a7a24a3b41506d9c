import type { ProcessedDocument, Source, Warning } from '@xinwen/core';
import type { DocumentStatus } from './keys.js';

/** A raw document to ingest. */
export interface RawInput {
  /** The scrape: bytes as saved, or text already decoded (stored as UTF-8, read back as text). */
  content: string | Uint8Array;
  /**
   * The caller's id.
   * @default `sha256:<hex>` of the raw bytes (of the UTF-8 bytes for text)
   */
  id?: string;
  /** Where the scrape came from (a URL or a file path). */
  uri?: string;
  /**
   * MIME type the caller knows.
   * @default 'text/plain'
   */
  contentType?: string;
  /** Anything else the caller wants kept beside the document (JSON-serialisable). */
  meta?: Record<string, unknown>;
  /** The stages the document will go through, in order. With none, it completes at once. */
  stages: readonly string[];
  /**
   * The document before any stage ran.
   * @default `{ id, source: { uri?, contentType, encoding }, warnings: [] }`, with encoding `utf-16`
   * for text and `unknown` for bytes (as `@xinwen/pipeline`'s `initialDocument`)
   */
  document?: { id: string; source: Source; warnings: Warning[] };
  /**
   * Store the document as failed at ingest (stage `ingest`) with this error, in the same write:
   * for input that cannot be processed but must not be lost (an invalid JSON line, an oversized
   * file). A `failed` event is appended.
   */
  failure?: { code: string; message: string };
}

/** What {@link Store.putRaw} did. */
export interface PutRawResult {
  id: string;
  /** False when the same content was already stored under this id: nothing was written. */
  created: boolean;
  /** The document's status after the call. */
  status: DocumentStatus;
}

/** Why a document failed. */
export interface DocumentError {
  /** The stage that failed, or `ingest`. */
  stage: string;
  /** The XinwenError code (`binary_input`, `empty_document`, …) or `internal_error`. */
  code: string;
  message: string;
}

/** Everything the store knows about a document except its content. */
export interface DocumentInfo {
  id: string;
  status: DocumentStatus;
  /** The stages planned for the document, in order. */
  stages: string[];
  /** How many of those stages have stored their result. */
  done: number;
  /** Starts at 0; bumped each time the document is reprocessed. */
  generation: number;
  /** Milliseconds since the epoch (Redis server time). */
  createdAt: number;
  updatedAt: number;
  completedAt?: number;
  failedAt?: number;
  uri?: string;
  contentType?: string;
  /** Raw size in bytes. */
  size: number;
  /** Lower-case hex SHA-256 of the raw bytes. */
  sha256: string;
  meta?: Record<string, unknown>;
  error?: DocumentError;
}

/** The raw document as stored, ready to hand to a stage. */
export interface StoredRaw {
  id: string;
  content: string | Uint8Array;
  uri?: string;
  contentType?: string;
}

/** What a stage job needs: the document so far, its raw input and its metadata. */
export interface LoadedDocument {
  info: DocumentInfo;
  /** The document after the stages done so far (not validated: use {@link Store.get} for that). */
  document: ProcessedDocument;
  raw: StoredRaw;
}

/** What {@link Store.putStageResults} did. */
export type StageWriteOutcome =
  /** The results are stored and the document waits for its next stage. */
  | 'written'
  /** The results are stored, the last was the plan's last stage, and a completion event was appended. */
  | 'completed'
  /** These stages' results were already stored: nothing was written. */
  | 'exists'
  /** The write belongs to an older run of the document (it has been reprocessed since). */
  | 'stale'
  /** The document has failed: nothing was written. */
  | 'failed';

/** Options for {@link Store.putStageResults}. */
export interface PutStageOptions {
  /**
   * The run the results belong to; a write for another run is refused as `stale`.
   * @default the current run
   */
  generation?: number;
  /**
   * The document as stored before the first of these stages (what {@link Store.load} returned):
   * its `normalized.text` lets a result of a later stage be stored compactly, as offsets into
   * that text. Without it, only results written together with the normalize stage's are.
   * @default none
   */
  before?: ProcessedDocument;
}

/** Options for {@link Store.list}. */
export interface ListOptions {
  /**
   * Only documents in this status.
   * @default every status
   */
  status?: DocumentStatus;
  /**
   * Only documents from this time on (ms since the epoch or a Date): ingest time, or with
   * `status`, the time they entered that status.
   * @default the beginning
   */
  since?: number | Date;
  /**
   * At most this many documents.
   * @default no limit
   */
  limit?: number;
}

/** One entry of the event stream. */
export interface StoreEvent {
  /** The stream entry id (`<ms>-<seq>`): pass it as `from` to resume after this event. */
  eventId: string;
  type: 'completed' | 'failed';
  /** The document id. */
  id: string;
  generation: number;
  /** Milliseconds since the epoch. */
  at: number;
  /** For `failed`: the stage and the error code. */
  stage?: string;
  code?: string;
}

/** Options for {@link Store.watch}. */
export interface WatchOptions {
  /**
   * Yield the events after this stream id; `0` replays the whole stream, `$` only new events.
   * @default '$'
   */
  from?: string;
  /**
   * How long one blocking read waits before it checks `signal` again, in ms.
   * @default 5000
   */
  blockMs?: number;
  /** Stops the iteration. */
  signal?: AbortSignal;
}

/** Counts over the whole store. */
export interface StoreStats {
  documents: number;
  pending: number;
  completed: number;
  failed: number;
  /** Failed documents by error code. */
  failuresByCode: Record<string, number>;
  /** Documents completed in the last 60 seconds. */
  completedLastMinute: number;
  /** Entries in the event stream. */
  events: number;
}
