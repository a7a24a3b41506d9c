import { statSync } from 'node:fs';
import { relative } from 'node:path';
import { contentId, isXinwenError, type ProcessedDocument, XinwenError } from '@xinwen/core';
import type { RawDocument } from '@xinwen/pipeline';
import picomatch from 'picomatch';
import { z } from 'zod';
import {
  type BoundedBytes,
  type BoundedLine,
  readBounded,
  readFileBounded,
  readFileLinesBounded,
  readLinesBounded,
} from './bounded-read.js';
import { idProblem } from './ids.js';
import { walk } from './inputs.js';
import { ensureJob } from './reconcile.js';
import type { Runtime } from './runtime.js';

/** One document to ingest, or input that failed before it could become one. */
export interface IngestRecord {
  /** How to name it in messages: the path, `path#L3` for a JSON line, `-` for stdin. */
  name: string;
  /** The raw content; empty for a record with a `failure` (rejected input is never stored). */
  content: string | Uint8Array;
  /** The caller's id or, for a failed record, the content id of the rejected input. */
  id?: string;
  uri?: string;
  contentType?: string;
  meta?: Record<string, unknown>;
  /**
   * Set when the input is bad before any stage runs: it is stored as failed with this code, its
   * content is not stored.
   */
  failure?: { code: string; message: string };
  /**
   * Set when the input could not be read at all (an unreadable file or folder, a FIFO): it is
   * reported, not stored.
   */
  unreadable?: { code: string; message: string };
}

/** Options for reading inputs. */
export interface InputOptions {
  /** Globs a file under a directory must match (relative to the directory). */
  include: readonly string[];
  /** Globs that exclude files under a directory. */
  exclude: readonly string[];
  /** Read standard input as JSON Lines rather than one document. */
  jsonl: boolean;
  /**
   * Larger inputs are recorded as failed with `document_too_large`; they are never held in memory
   * whole (only hashed), and a JSON line may be up to four times this long (escapes, base64).
   */
  maxBytes: number;
  /** Reads standard input (replaceable for tests). */
  readStdin?: () => Uint8Array;
}

/** The globs a directory is read with by default. */
export const defaultInclude = ['**/*.txt', '**/*.jsonl', '**/*.ndjson'];

const JsonLineSchema = z
  .object({
    id: z.string().optional(),
    uri: z.string().optional(),
    text: z.string().optional(),
    base64: z.string().optional(),
    contentType: z.string().optional(),
    meta: z.record(z.string(), z.unknown()).optional(),
  })
  .refine((line) => (line.text === undefined) !== (line.base64 === undefined), {
    message: 'expected exactly one of "text" or "base64"',
  });

const isJsonl = (name: string) => /\.(jsonl|ndjson)$/i.test(name);
const base64Pattern = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The longest JSON line read whole: a document of `maxBytes` may grow with escapes or base64. */
export const lineLimit = (maxBytes: number) => maxBytes * 4 + 1024;

const describe = (error: unknown): { code: string; message: string } => {
  if (isXinwenError(error)) return { code: error.code, message: error.message };
  const e = error as NodeJS.ErrnoException;
  return { code: 'io_error', message: e instanceof Error ? e.message : String(e) };
};

/**
 * Expands paths into records: files, directories (recursive, filtered), `-` for stdin. Nothing is
 * thrown for bad input: an unreadable file or folder, a FIFO or a device becomes an `unreadable`
 * record and the others go on.
 */
export function* readInputs(paths: readonly string[], options: InputOptions): Generator<IngestRecord> {
  const included = picomatch([...options.include], { dot: false });
  const excluded = options.exclude.length > 0 ? picomatch([...options.exclude]) : () => false;
  for (const path of paths) {
    if (path === '-') {
      if (options.jsonl) {
        const lines = options.readStdin
          ? linesOf(options.readStdin(), lineLimit(options.maxBytes))
          : readLinesBounded(0, lineLimit(options.maxBytes));
        yield* jsonLines('-', lines, options.maxBytes);
      } else {
        const read = options.readStdin
          ? bounded(options.readStdin(), options.maxBytes)
          : readBounded(0, options.maxBytes);
        yield fromBytes({ name: '-' }, read, options.maxBytes);
      }
      continue;
    }
    let isDir = false;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      // Reported when read.
    }
    const entries = isDir
      ? [...walk(path)].filter((entry) => {
          if (entry.error !== undefined) return true;
          const rel = relative(path, entry.path);
          return included(rel) && !excluded(rel);
        })
      : [{ path }];
    for (const entry of entries) {
      const file = entry.path;
      if ('error' in entry && entry.error !== undefined) {
        yield { name: file, content: '', unreadable: describe(entry.error) };
        continue;
      }
      try {
        if (isJsonl(file)) {
          yield* jsonLines(file, readFileLinesBounded(file, lineLimit(options.maxBytes)), options.maxBytes);
        } else {
          yield fromBytes(
            { name: file, uri: file },
            readFileBounded(file, options.maxBytes),
            options.maxBytes,
          );
        }
      } catch (error) {
        yield { name: file, content: '', unreadable: describe(error) };
      }
    }
  }
}

/** {@link BoundedBytes} of bytes already in memory. */
function bounded(bytes: Uint8Array, maxBytes: number): BoundedBytes {
  return bytes.byteLength > maxBytes
    ? { tooLarge: true, size: bytes.byteLength, id: contentId(bytes) }
    : { tooLarge: false, bytes };
}

/** {@link readLinesBounded} over bytes already in memory. */
function* linesOf(bytes: Uint8Array, maxLineBytes: number): Generator<BoundedLine> {
  let buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) buffer = buffer.subarray(3);
  let line = 1;
  let start = 0;
  while (start < buffer.length) {
    let end = buffer.indexOf(0x0a, start);
    if (end < 0) end = buffer.length;
    let piece = buffer.subarray(start, end);
    if (piece[piece.length - 1] === 0x0d) piece = piece.subarray(0, -1);
    yield piece.length > maxLineBytes
      ? { line: line++, tooLarge: true, size: piece.length, id: contentId(piece) }
      : { line: line++, tooLarge: false, bytes: piece };
    start = end + 1;
  }
}

function tooLarge(size: number, maxBytes: number) {
  return { code: 'document_too_large', message: `expected at most ${maxBytes} bytes, found ${size}` };
}

function fromBytes(
  record: Pick<IngestRecord, 'name' | 'uri'>,
  read: BoundedBytes,
  maxBytes: number,
): IngestRecord {
  if (read.tooLarge) return { ...record, content: '', id: read.id, failure: tooLarge(read.size, maxBytes) };
  return { ...record, content: read.bytes };
}

function* jsonLines(name: string, lines: Iterable<BoundedLine>, maxBytes: number): Generator<IngestRecord> {
  for (const read of lines) {
    const where = `${name}#L${read.line}`;
    const failed = (id: string, code: string, message: string): IngestRecord => ({
      name: where,
      content: '',
      uri: where,
      id,
      failure: { code, message: `line ${read.line}: ${message}` },
    });
    if (read.tooLarge) {
      yield failed(
        read.id,
        'document_too_large',
        `expected a line of at most ${lineLimit(maxBytes)} bytes, found ${read.size}`,
      );
      continue;
    }
    let line: string;
    try {
      line = utf8.decode(read.bytes);
    } catch {
      // JSON Lines are UTF-8 (RFC 8259): another encoding would be silently garbled.
      yield failed(
        contentId(read.bytes),
        'invalid_encoding',
        'expected UTF-8 (JSON Lines are UTF-8; send other encodings as "base64"), found invalid bytes',
      );
      continue;
    }
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      yield failed(contentId(read.bytes), 'invalid_input', `not valid JSON: ${(error as Error).message}`);
      continue;
    }
    const parsed = JsonLineSchema.safeParse(value);
    if (!parsed.success) {
      const problem = parsed.error.issues.map(
        (issue) => `${issue.path.join('.') || 'line'}: ${issue.message}`,
      );
      yield failed(
        contentId(read.bytes),
        'invalid_input',
        `not {id?, uri?, text | base64, meta?}: ${problem.join('; ')}`,
      );
      continue;
    }
    const { id, uri, text: lineText, base64, contentType, meta } = parsed.data;
    if (base64 !== undefined && !base64Pattern.test(base64.replace(/\s+/g, ''))) {
      yield failed(contentId(read.bytes), 'invalid_input', '"base64" is not valid base64');
      continue;
    }
    const content = lineText ?? new Uint8Array(Buffer.from(base64 ?? '', 'base64'));
    const problem = id === undefined ? undefined : idProblem(id, content);
    if (problem !== undefined) {
      yield failed(contentId(read.bytes), 'invalid_input', `"id": ${problem}`);
      continue;
    }
    const size = typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
    const record: IngestRecord = {
      name: uri ?? id ?? where,
      content,
      uri: uri ?? where,
      ...(id === undefined ? {} : { id }),
      ...(contentType === undefined ? {} : { contentType }),
      ...(meta === undefined ? {} : { meta }),
    };
    if (size > maxBytes) {
      yield { ...record, content: '', id: id ?? contentId(content), failure: tooLarge(size, maxBytes) };
    } else {
      yield record;
    }
  }
}

/** What ingesting one record did. */
export interface IngestOutcome {
  name: string;
  id: string;
  /**
   * `new`: stored and queued; `exists`: already stored (re-queued if still pending); `failed`: the
   * input is bad (stored as failed, now or before) or could not be read.
   */
  state: 'new' | 'exists' | 'failed';
  code?: string;
  message?: string;
}

/**
 * Stores one record and enqueues its next stage. Idempotent: the same content again changes
 * nothing, except that a document still pending gets its next stage enqueued again (a no-op
 * when that job exists), which repairs an ingest cut off between the two steps.
 */
export async function ingestRecord(
  runtime: Runtime,
  record: IngestRecord,
  stages: readonly string[],
): Promise<IngestOutcome> {
  if (record.unreadable !== undefined) {
    return { name: record.name, id: '', state: 'failed', ...record.unreadable };
  }
  if (record.failure !== undefined) {
    // Rejected input: stored as failed so it is accounted for, but without its content.
    const id = record.id ?? contentId(record.content);
    await runtime.store.putRaw({
      content: '',
      id,
      ...(record.uri === undefined ? {} : { uri: record.uri }),
      ...(record.meta === undefined ? {} : { meta: record.meta }),
      failure: record.failure,
      stages,
    });
    // Bad input is reported as failed every time it comes, whether stored now or before.
    return { name: record.name, id, state: 'failed', ...record.failure };
  }
  const raw: RawDocument = {
    content: record.content,
    ...(record.id === undefined ? {} : { id: record.id }),
    ...(record.uri === undefined ? {} : { uri: record.uri }),
    ...(record.contentType === undefined ? {} : { contentType: record.contentType }),
  };
  const document = runtime.pipeline.initialDocument?.(raw) as
    | Pick<ProcessedDocument, 'id' | 'source' | 'warnings'>
    | undefined;
  const result = await runtime.store.putRaw({
    content: record.content,
    ...(record.id === undefined ? {} : { id: record.id }),
    ...(record.uri === undefined ? {} : { uri: record.uri }),
    ...(record.contentType === undefined ? {} : { contentType: record.contentType }),
    ...(record.meta === undefined ? {} : { meta: record.meta }),
    ...(document === undefined ? {} : { document }),
    stages,
  });
  if (result.status === 'pending') {
    const info = await runtime.store.info(result.id);
    const next = info?.stages[info.done];
    // A job of that id may have finished while the store lost track of it: ensure a live one.
    if (info && next !== undefined) await ensureJob(runtime, next, info.id, info.generation);
  }
  return { name: record.name, id: result.id, state: result.created ? 'new' : 'exists' };
}

const refusedWrite = /^(OOM|MISCONF|READONLY|NOAUTH|NOPERM)\b/;

/**
 * Ingests every input; a bad one is reported and the others go on.
 * @throws XinwenError `store_unavailable` when Redis cannot be reached or refuses writes (the
 *   documents ingested so far stay; the rest were not).
 */
export async function ingestAll(
  runtime: Runtime,
  paths: readonly string[],
  options: InputOptions,
  stages: readonly string[],
  report: (outcome: IngestOutcome) => void,
): Promise<IngestOutcome[]> {
  const outcomes: IngestOutcome[] = [];
  const emit = (outcome: IngestOutcome) => {
    outcomes.push(outcome);
    report(outcome);
  };
  for (const path of paths) {
    const records = readInputs([path], options);
    while (true) {
      let next: IteratorResult<IngestRecord>;
      try {
        next = records.next();
      } catch (error) {
        // An unreadable file: report it and go on with the next path.
        const message = error instanceof Error ? error.message : String(error);
        emit({ name: path, id: '', state: 'failed', code: 'io_error', message });
        break;
      }
      if (next.done) break;
      const record = next.value;
      try {
        emit(await ingestRecord(runtime, record, stages));
      } catch (error) {
        if (isXinwenError(error, 'store_unavailable')) throw error;
        if (error instanceof Error && refusedWrite.test(error.message)) {
          // The queues' Redis refuses writes (full, failing disk): nothing more can be queued.
          throw new XinwenError('store_unavailable', `Redis refused the write: ${error.message}`, {
            cause: error,
          });
        }
        emit({
          name: record.name,
          id: record.id ?? contentId(record.content),
          state: 'failed',
          code: isXinwenError(error) ? error.code : 'internal_error',
          message: error instanceof Error ? error.message : String(error),
        });
      }
    }
  }
  return outcomes;
}
