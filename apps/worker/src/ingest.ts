import { readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { contentId, isXinwenError, type ProcessedDocument, XinwenError } from '@xinwen/core';
import type { RawDocument } from '@xinwen/pipeline';
import picomatch from 'picomatch';
import { z } from 'zod';
import { walk } from './inputs.js';
import { ensureJob } from './reconcile.js';
import type { Runtime } from './runtime.js';

/** One document to ingest, or input that failed before it could become one. */
export interface IngestRecord {
  /** How to name it in messages: the path, `path#L3` for a JSON line, `-` for stdin. */
  name: string;
  content: string | Uint8Array;
  id?: string;
  uri?: string;
  contentType?: string;
  meta?: Record<string, unknown>;
  /** Set when the input is bad before any stage runs; it is stored as failed. */
  failure?: { code: string; message: string };
}

/** Options for reading inputs. */
export interface InputOptions {
  /** Globs a file under a directory must match (relative to the directory). */
  include: readonly string[];
  /** Globs that exclude files under a directory. */
  exclude: readonly string[];
  /** Read standard input as JSON Lines rather than one document. */
  jsonl: boolean;
  /** Larger inputs are recorded as failed with `document_too_large`. */
  maxBytes: number;
  /** Reads standard input (replaceable for tests). */
  readStdin?: () => Uint8Array;
}

/** The globs a directory is read with by default. */
export const defaultInclude = ['**/*.txt', '**/*.jsonl', '**/*.ndjson'];

const JsonLineSchema = z
  .object({
    id: z.string().min(1).optional(),
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

/** Expands paths into records: files, directories (recursive, filtered), `-` for stdin. */
export function* readInputs(paths: readonly string[], options: InputOptions): Generator<IngestRecord> {
  const included = picomatch([...options.include], { dot: false });
  const excluded = options.exclude.length > 0 ? picomatch([...options.exclude]) : () => false;
  for (const path of paths) {
    if (path === '-') {
      const bytes = (options.readStdin ?? (() => readFileSync(0)))();
      if (options.jsonl) yield* jsonLines('-', bytes, options.maxBytes);
      else yield sized({ name: '-', content: bytes }, options.maxBytes);
      continue;
    }
    let isDir = false;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      // Reported when read.
    }
    const files = isDir
      ? [...walk(path)].filter((file) => {
          const rel = relative(path, file);
          return included(rel) && !excluded(rel);
        })
      : [path];
    for (const file of files) {
      let bytes: Uint8Array;
      try {
        bytes = readFileSync(file);
      } catch (error) {
        const e = error as NodeJS.ErrnoException;
        throw new XinwenError('not_found', `${file}: ${e.message}`, { cause: error });
      }
      if (isJsonl(file)) yield* jsonLines(file, bytes, options.maxBytes);
      else yield sized({ name: file, content: bytes, uri: file }, options.maxBytes);
    }
  }
}

function sized(record: IngestRecord, maxBytes: number): IngestRecord {
  const size =
    typeof record.content === 'string' ? Buffer.byteLength(record.content) : record.content.byteLength;
  if (size <= maxBytes || record.failure) return record;
  return {
    ...record,
    failure: {
      code: 'document_too_large',
      message: `expected at most ${maxBytes} bytes, found ${size}`,
    },
  };
}

function* jsonLines(name: string, bytes: Uint8Array, maxBytes: number): Generator<IngestRecord> {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (line.trim() === '') continue;
    const where = `${name}#L${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      yield {
        name: where,
        content: line,
        uri: where,
        failure: {
          code: 'invalid_input',
          message: `line ${i + 1} is not valid JSON: ${(error as Error).message}`,
        },
      };
      continue;
    }
    const parsed = JsonLineSchema.safeParse(value);
    if (!parsed.success) {
      const problem = parsed.error.issues.map(
        (issue) => `${issue.path.join('.') || 'line'}: ${issue.message}`,
      );
      yield {
        name: where,
        content: line,
        uri: where,
        failure: {
          code: 'invalid_input',
          message: `line ${i + 1} is not {id?, uri?, text | base64, meta?}: ${problem.join('; ')}`,
        },
      };
      continue;
    }
    const { id, uri, text: lineText, base64, contentType, meta } = parsed.data;
    yield sized(
      {
        name: uri ?? id ?? where,
        content: lineText ?? new Uint8Array(Buffer.from(base64 ?? '', 'base64')),
        uri: uri ?? where,
        ...(id === undefined ? {} : { id }),
        ...(contentType === undefined ? {} : { contentType }),
        ...(meta === undefined ? {} : { meta }),
      },
      maxBytes,
    );
  }
}

/** What ingesting one record did. */
export interface IngestOutcome {
  name: string;
  id: string;
  /** `new`: stored and queued; `exists`: already stored (re-queued if still pending); `failed`: stored as failed. */
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
    ...(record.failure === undefined ? {} : { failure: record.failure }),
    ...(document === undefined ? {} : { document }),
    stages,
  });
  if (result.status === 'failed' && result.created) {
    return { name: record.name, id: result.id, state: 'failed', ...record.failure };
  }
  if (result.status === 'pending') {
    const info = await runtime.store.info(result.id);
    const next = info?.stages[info.done];
    // A job of that id may have finished while the store lost track of it: ensure a live one.
    if (info && next !== undefined) await ensureJob(runtime, next, info.id, info.generation);
  }
  return { name: record.name, id: result.id, state: result.created ? 'new' : 'exists' };
}

/** Ingests every input; a bad one is reported and the others go on. */
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
