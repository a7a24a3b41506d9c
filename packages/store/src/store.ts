import { createHash } from 'node:crypto';
import {
  contentId,
  isXinwenError,
  type ProcessedDocument,
  ProcessedDocumentSchema,
  sha256Hex,
  XinwenError,
} from '@xinwen/core';
import { Redis } from 'ioredis';
import { type DocumentStatus, documentStatuses, type StoreKeys, storeKeys } from './keys.js';
import { applyStored, encodeResult, type StageResult } from './patch.js';
import { failScript, ingestScript, resetScript, stageScript } from './scripts.js';
import type {
  DocumentError,
  DocumentInfo,
  ListOptions,
  LoadedDocument,
  PutRawResult,
  PutStageOptions,
  RawInput,
  StageWriteOutcome,
  StoredRaw,
  StoreEvent,
  StoreStats,
  WatchOptions,
} from './types.js';
import { watchEvents } from './watch.js';

/** Options for {@link createStore}. */
export interface StoreOptions {
  /**
   * A Redis URL (`redis://host:port/db`). Ignored when `redis` is given.
   * @default 'redis://127.0.0.1:6379'
   */
  url?: string | undefined;
  /** An ioredis client to use instead of opening one; the store does not close it. */
  redis?: Redis | undefined;
  /**
   * The prefix of every key (see the README's key layout).
   * @default 'xinwen'
   */
  prefix?: string | undefined;
  /**
   * For the connection the store opens from `url`: how long a call waits for an unreachable Redis
   * before it fails with `store_unavailable`, in ms. The connection keeps reconnecting in the
   * background, so a later call succeeds once Redis is back.
   * @default 5000
   */
  connectTimeoutMs?: number | undefined;
}

/** The shared store: raw documents, stage results, status and the completion event stream. */
export interface Store {
  /** The key layout in use. */
  readonly keys: StoreKeys;
  /** The Redis client. */
  readonly redis: Redis;
  /**
   * Stores a raw document. Idempotent: the same content under the same id is a no-op that
   * returns `created: false`. Different content under an id already used throws `invalid_input`.
   */
  putRaw(input: RawInput): Promise<PutRawResult>;
  /**
   * Stores the results of one or more consecutive stages of the document's plan with one atomic
   * write, in the compact stored form. Idempotent (results already stored are skipped; all of
   * them stored is `exists`), and the status only moves forward. Completing the last stage
   * appends exactly one `completed` event.
   */
  putStageResults(
    id: string,
    results: readonly StageResult[],
    options?: PutStageOptions,
  ): Promise<StageWriteOutcome>;
  /**
   * Marks a pending document failed and appends one `failed` event. Returns false (and writes
   * nothing) when the document is not pending or belongs to another run.
   */
  markFailed(
    id: string,
    stage: string,
    code: string,
    message: string,
    options?: { generation?: number },
  ): Promise<boolean>;
  /**
   * Starts a document over from a stage (the only way its status moves back): a new run
   * (generation), with the stage results before `from` kept. Returns the new generation and the
   * first stage to run (`undefined` when the plan is empty and the document completed at once).
   */
  reset(
    id: string,
    options?: { from?: string; stages?: readonly string[] },
  ): Promise<{ generation: number; next: string | undefined }>;
  /** The stored document, validated against the document model; `undefined` if unknown. */
  get(id: string): Promise<ProcessedDocument | undefined>;
  /** A document's metadata and status; `undefined` if unknown. */
  info(id: string): Promise<DocumentInfo | undefined>;
  /** The raw document as ingested; `undefined` if unknown. */
  getRaw(id: string): Promise<StoredRaw | undefined>;
  /** Metadata, the document so far and the raw input in one read; `undefined` if unknown. */
  load(id: string): Promise<LoadedDocument | undefined>;
  /** Documents in ingest order (or, with `status`, in the order they entered it). */
  list(options?: ListOptions): AsyncGenerator<DocumentInfo>;
  /** Follows the event stream: one event per document that completed or failed, per run. */
  watch(options?: WatchOptions): AsyncGenerator<StoreEvent>;
  /** Counts by status and failure code, and recent throughput. */
  stats(): Promise<StoreStats>;
  /** Closes the connection the store opened (not one passed in). */
  close(): Promise<void>;
}

type Reply = [string, ...string[]];

/**
 * Opens the store.
 * @throws XinwenError `invalid_options` for a prefix that is empty or ends in `:`.
 */
export function createStore(options: StoreOptions = {}): Store {
  const prefix = options.prefix ?? 'xinwen';
  if (prefix === '' || prefix.endsWith(':')) {
    throw new XinwenError('invalid_options', `expected a prefix without a trailing colon, found "${prefix}"`);
  }
  const owned = options.redis === undefined;
  const redis = options.redis ?? openConnection(options.url ?? 'redis://127.0.0.1:6379', options);
  const keys = storeKeys(prefix);
  // Calls that fail for want of a connection say why the connection failed.
  const unavailable = (error: unknown) => unavailableError(error, connectionErrors.get(redis));
  const guard = <T>(call: () => Promise<T>) => guarded(call, unavailable);
  const docKeys = (id: string) => [
    keys.doc(id),
    keys.raw(id),
    keys.ingested,
    keys.status('pending'),
    keys.status('completed'),
    keys.status('failed'),
    keys.failures,
    keys.events,
  ];
  // Scripts go by their SHA1 (EVALSHA), so a stage write sends its patch, not the script text
  // again; after a Redis restart (script cache empty) the script is sent once more with EVAL.
  const shas = new Map<string, string>();
  const run = async (script: string, id: string, args: (string | Buffer)[]): Promise<Reply> =>
    guard(async () => {
      let sha = shas.get(script);
      if (sha === undefined) {
        sha = createHash('sha1').update(script).digest('hex');
        shas.set(script, sha);
      }
      const keysAndArgs = [...docKeys(id), ...args];
      try {
        return (await redis.evalsha(sha, 8, ...keysAndArgs)) as Reply;
      } catch (error) {
        if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
        return (await redis.eval(script, 8, ...keysAndArgs)) as Reply;
      }
    });

  const info = async (id: string): Promise<DocumentInfo | undefined> => {
    const fields = await guard(() => redis.hmget(keys.doc(id), ...infoFields));
    return parseInfo(fields);
  };

  const loadState = async (id: string) => stateOf(await guard(() => redis.hgetall(keys.doc(id))));

  const stateOf = (hash: Record<string, string>) => {
    if (hash.id === undefined) return undefined;
    const parsedInfo = parseInfo(infoFields.map((f) => hash[f] ?? null));
    if (parsedInfo === undefined) return undefined;
    let document: ProcessedDocument;
    if (hash.document !== undefined) {
      // Stores written before the compact form kept the completed document whole.
      document = JSON.parse(hash.document) as ProcessedDocument;
    } else {
      document = JSON.parse(hash.base ?? 'null') as ProcessedDocument;
      for (const stage of parsedInfo.stages.slice(0, parsedInfo.done)) {
        const stored = hash[`out:${stage}`];
        if (stored !== undefined) document = applyStored(document, stored);
      }
    }
    return { info: parsedInfo, document, rawKind: hash.rawKind };
  };

  const getRaw = async (id: string, rawKind?: string): Promise<StoredRaw | undefined> => {
    const [bytes, kind, uri, contentType] = await guard(() =>
      Promise.all([
        redis.getBuffer(keys.raw(id)),
        rawKind === undefined ? redis.hget(keys.doc(id), 'rawKind') : Promise.resolve(rawKind),
        redis.hget(keys.doc(id), 'uri'),
        redis.hget(keys.doc(id), 'contentType'),
      ]),
    );
    if (bytes === null) return undefined;
    const content = kind === 'text' ? bytes.toString('utf8') : new Uint8Array(bytes);
    return {
      id,
      content,
      ...(uri === null ? {} : { uri }),
      ...(contentType === null ? {} : { contentType }),
    };
  };

  return {
    keys,
    redis,

    async putRaw(input) {
      const { content } = input;
      if (typeof content !== 'string' && !(content instanceof Uint8Array)) {
        throw new XinwenError('invalid_input', 'expected raw content as a string or a Uint8Array');
      }
      const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
      const id = input.id ?? contentId(content);
      if (id === '') throw new XinwenError('invalid_input', 'expected a non-empty document id');
      const contentType = input.contentType ?? 'text/plain';
      const base = input.document ?? {
        id,
        source: {
          ...(input.uri === undefined ? {} : { uri: input.uri }),
          contentType,
          encoding: typeof content === 'string' ? 'utf-16' : 'unknown',
        },
        warnings: [],
      };
      const fields = [
        'stages',
        JSON.stringify(input.stages),
        'rawKind',
        typeof content === 'string' ? 'text' : 'bytes',
        'size',
        String(bytes.byteLength),
        'contentType',
        contentType,
        ...(input.uri === undefined ? [] : ['uri', input.uri]),
        ...(input.meta === undefined ? [] : ['meta', JSON.stringify(input.meta)]),
      ];
      const [outcome, detail] = await run(ingestScript, id, [
        id,
        sha256Hex(bytes),
        bytes,
        String(input.stages.length),
        JSON.stringify(base),
        input.failure === undefined ? '' : JSON.stringify({ stage: 'ingest', ...input.failure }),
        input.failure?.code ?? '',
        ...fields,
      ]);
      if (outcome === 'conflict') {
        throw new XinwenError(
          'invalid_input',
          `id "${id}" already holds different content (sha256 ${detail}); reprocess it or choose another id`,
          { details: { id, stored: detail } },
        );
      }
      return { id, created: outcome === 'created', status: detail as DocumentStatus };
    },

    async putStageResults(id, results, opts = {}) {
      if (results.length === 0) {
        throw new XinwenError('invalid_options', `expected at least one stage result for document "${id}"`);
      }
      // Each result is stored compactly against the document's text: the text as it stood
      // before the first result, or as a result in this write sets it.
      let text = opts.before?.normalized?.text;
      const values: Buffer[] = [];
      for (const result of results) {
        text = result.fields.normalized?.text ?? text;
        values.push(Buffer.from(encodeResult(result, text), 'utf8'));
      }
      const generation = opts.generation === undefined ? '' : String(opts.generation);
      const names = results.map((r) => r.stage);
      const [outcome, detail] = await run(stageScript, id, [
        generation,
        String(results.length),
        ...names,
        ...values,
      ]);
      switch (outcome) {
        case 'written':
        case 'completed':
        case 'exists':
        case 'stale':
        case 'failed':
          return outcome;
        case 'missing':
          throw notFound(id);
        case 'unknown_stage':
          throw new XinwenError(
            'invalid_options',
            `stages ${names.join(', ')} are not consecutive stages of document "${id}"'s plan ${detail ?? ''}`,
          );
        default:
          throw new XinwenError(
            'not_found',
            `stage "${names[0]}" of document "${id}" cannot be stored before the stages planned ahead of it (${detail} done)`,
          );
      }
    },

    async markFailed(id, stage, code, message, opts = {}) {
      const error: DocumentError = { stage, code, message };
      const generation = opts.generation === undefined ? '' : String(opts.generation);
      const [outcome] = await run(failScript, id, [generation, stage, code, JSON.stringify(error)]);
      if (outcome === 'missing') throw notFound(id);
      return outcome === 'failed';
    },

    async reset(id, opts = {}) {
      const reply = await run(resetScript, id, [
        opts.from ?? '',
        opts.stages === undefined ? '' : JSON.stringify(opts.stages),
      ]);
      if (reply[0] === 'missing') throw notFound(id);
      if (reply[0] === 'unknown_stage') {
        throw new XinwenError(
          'invalid_options',
          `stage "${opts.from}" is not in document "${id}"'s plan ${reply[1] ?? ''}`,
        );
      }
      const next = reply[2];
      return { generation: Number(reply[1]), next: next === '' || next === undefined ? undefined : next };
    },

    async get(id) {
      const state = await loadState(id);
      if (state === undefined) return undefined;
      const parsed = ProcessedDocumentSchema.safeParse(state.document);
      if (!parsed.success) {
        throw new XinwenError(
          'invalid_document',
          `stored document "${id}" does not match the document model: ${parsed.error.message}`,
          { cause: parsed.error },
        );
      }
      return parsed.data;
    },

    info,

    getRaw: (id) => getRaw(id),

    async load(id) {
      // One round trip: the hash and the raw bytes together.
      const replies = await guard(async () => {
        const [hashReply, rawReply] =
          (await redis.pipeline().hgetall(keys.doc(id)).getBuffer(keys.raw(id)).exec()) ?? [];
        for (const reply of [hashReply, rawReply]) {
          if (reply === undefined) throw new Error('Connection is closed.');
          if (reply[0]) throw reply[0];
        }
        return { hash: hashReply![1] as Record<string, string>, bytes: rawReply![1] as Buffer | null };
      });
      const state = stateOf(replies.hash);
      if (state === undefined || replies.bytes === null) return undefined;
      const { uri, contentType } = replies.hash;
      const raw: StoredRaw = {
        id,
        content: state.rawKind === 'text' ? replies.bytes.toString('utf8') : new Uint8Array(replies.bytes),
        ...(uri === undefined ? {} : { uri }),
        ...(contentType === undefined ? {} : { contentType }),
      };
      return { info: state.info, document: state.document, raw };
    },

    async *list(opts = {}) {
      const key = opts.status === undefined ? keys.ingested : keys.status(opts.status);
      const since = opts.since === undefined ? '-inf' : String(Number(opts.since));
      const page = 500;
      let offset = 0;
      let yielded = 0;
      const limit = opts.limit ?? Number.POSITIVE_INFINITY;
      while (yielded < limit) {
        const ids = await guard(() =>
          redis.zrangebyscore(key, since, '+inf', 'LIMIT', offset, Math.min(page, limit - yielded)),
        );
        if (ids.length === 0) return;
        offset += ids.length;
        const pipeline = redis.pipeline();
        for (const id of ids) pipeline.hmget(keys.doc(id), ...infoFields);
        const replies = (await guard(() => pipeline.exec())) ?? [];
        for (const [error, fields] of replies) {
          if (error) throw unavailable(error);
          const parsed = parseInfo(fields as (string | null)[]);
          if (parsed === undefined) continue;
          yield parsed;
          yielded++;
        }
      }
    },

    watch: (opts = {}) => watchEvents(redis, keys.events, opts, unavailable),

    async stats() {
      const since = Date.now() - 60_000;
      const [documents, pending, completed, failed, failures, recent, events] = await guard(() =>
        Promise.all([
          redis.zcard(keys.ingested),
          redis.zcard(keys.status('pending')),
          redis.zcard(keys.status('completed')),
          redis.zcard(keys.status('failed')),
          redis.hgetall(keys.failures),
          redis.zcount(keys.status('completed'), since, '+inf'),
          redis.xlen(keys.events),
        ]),
      );
      const failuresByCode: Record<string, number> = {};
      for (const [code, count] of Object.entries(failures)) failuresByCode[code] = Number(count);
      return { documents, pending, completed, failed, failuresByCode, completedLastMinute: recent, events };
    },

    async close() {
      if (owned && redis.status !== 'end') await redis.quit().catch(() => redis.disconnect());
    },
  };
}

const infoFields = [
  'id',
  'status',
  'stages',
  'done',
  'generation',
  'createdAt',
  'updatedAt',
  'completedAt',
  'failedAt',
  'uri',
  'contentType',
  'size',
  'sha256',
  'meta',
  'error',
] as const;

function parseInfo(fields: (string | null)[]): DocumentInfo | undefined {
  const [id, status, stages, done, generation, createdAt, updatedAt, completedAt, failedAt, ...rest] = fields;
  const [uri, contentType, size, sha256, meta, error] = rest;
  if (id == null || status == null || !documentStatuses.includes(status as DocumentStatus)) return undefined;
  return {
    id,
    status: status as DocumentStatus,
    stages: JSON.parse(stages ?? '[]') as string[],
    done: Number(done ?? 0),
    generation: Number(generation ?? 0),
    createdAt: Number(createdAt ?? 0),
    updatedAt: Number(updatedAt ?? 0),
    ...(completedAt == null ? {} : { completedAt: Number(completedAt) }),
    ...(failedAt == null ? {} : { failedAt: Number(failedAt) }),
    ...(uri == null ? {} : { uri }),
    ...(contentType == null ? {} : { contentType }),
    size: Number(size ?? 0),
    sha256: sha256 ?? '',
    ...(meta == null ? {} : { meta: JSON.parse(meta) as Record<string, unknown> }),
    ...(error == null ? {} : { error: JSON.parse(error) as DocumentError }),
  };
}

/** The last connection error of each connection the store opened, for its messages. */
const connectionErrors = new WeakMap<Redis, Error>();

/**
 * The connection the store opens itself: it fails calls fast while Redis is unreachable (each call
 * waits at most one reconnection cycle, bounded by `connectTimeoutMs`) and keeps reconnecting in the
 * background; connection errors are remembered for the `store_unavailable` message instead of
 * being printed by ioredis as unhandled error events.
 */
function openConnection(url: string, options: StoreOptions): Redis {
  const timeout = options.connectTimeoutMs ?? 5000;
  if (!(Number.isFinite(timeout) && timeout > 0)) {
    throw new XinwenError('invalid_options', `expected connectTimeoutMs > 0, found ${String(timeout)}`);
  }
  const redis = new Redis(url, {
    connectTimeout: timeout,
    maxRetriesPerRequest: 1,
    retryStrategy: (times) => Math.min(times * 200, timeout, 2000),
  });
  redis.on('error', (error: Error) => {
    // Calls that cannot be served reject with store_unavailable, naming this error.
    connectionErrors.set(redis, error);
  });
  redis.on('ready', () => connectionErrors.delete(redis));
  return redis;
}

function notFound(id: string): XinwenError {
  return new XinwenError('not_found', `no document "${id}" in the store`, { details: { id } });
}

function unavailableError(error: unknown, connection?: Error): XinwenError {
  let message = error instanceof Error ? error.message : String(error);
  if (connection !== undefined && !message.includes(connection.message))
    message += ` (${connection.message})`;
  const refused = refusedForNow.test(message);
  return new XinwenError(
    'store_unavailable',
    `the store's Redis ${refused ? 'refused the write' : 'did not answer'}: ${message}`,
    {
      cause: error,
    },
  );
}

/** Replies of a Redis that refuses writes until someone frees memory, fixes its disk or it has loaded. */
const refusedForNow = /^(OOM|MISCONF|READONLY|LOADING|BUSY|NOAUTH|WRONGPASS|NOPERM)\b/;

/** Runs a Redis call; a connection problem becomes `store_unavailable` (which may be retried). */
async function guarded<T>(call: () => Promise<T>, unavailable: (error: unknown) => XinwenError): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isXinwenError(error)) throw error;
    // A reply error is Redis refusing a command: a bug here, unless Redis refuses every write
    // for now (out of memory under maxmemory, a failing disk, a replica, still loading).
    if (error instanceof Error && error.name === 'ReplyError' && !refusedForNow.test(error.message))
      throw error;
    throw unavailable(error);
  }
}
