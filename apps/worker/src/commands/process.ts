import { statSync } from 'node:fs';
import { relative } from 'node:path';
import { isXinwenError, type StageName } from '@xinwen/core';
import { createPipeline, type RawDocument, type StageOptions } from '@xinwen/pipeline';
import picomatch from 'picomatch';
import { printable } from '../ids.js';
import { type IngestRecord, type InputOptions, readInputs } from '../ingest.js';
import { walk } from '../inputs.js';
import { summarize } from '../summary.js';
import { type Io, progressLine } from './context.js';
import { Rate } from './rate.js';

/** Options of `xinwen process`. */
export interface ProcessOptions {
  /** Indent the JSON. */
  pretty: boolean;
  /** A readable summary per document instead of JSON. */
  summary: boolean;
  /** Which files to take and how to read them (as `ingest` does), and the size limit. */
  input?: InputOptions;
  /** Each stage's options (`xinwen.config.json` and the flags). */
  stageOptions?: StageOptions;
  /** The stages to run (`--stages`); every stage when absent. */
  stages?: readonly StageName[];
  /** Stops reading input; documents in progress are finished and printed. */
  signal?: AbortSignal;
}

/** What `process` reports back: how many documents succeeded and failed. */
export interface ProcessOutcome {
  ok: number;
  failed: number;
}

const defaultInput: InputOptions = {
  include: ['**/*.txt', '**/*.jsonl', '**/*.ndjson'],
  exclude: [],
  jsonl: false,
  maxBytes: 8 * 2 ** 20,
};

/** A record that failed before any stage (bad JSON line, too large, unreadable file). */
interface Refused {
  name: string;
  code: string;
  message: string;
}

/**
 * `xinwen process FILE...`: runs the in-process pipeline over each input — files, directories,
 * JSON Lines (`.jsonl`/`.ndjson`, or stdin with `--jsonl`), one document per line — and prints one
 * ProcessedDocument per document as JSON Lines (or a readable summary). A bad input is reported
 * on stderr with its error code and the others go on. On a terminal, stderr shows a progress line
 * (documents, rate, time left).
 */
export async function processCommand(
  paths: readonly string[],
  options: ProcessOptions,
  io: Io | Omit<Io, 'tty'>,
): Promise<ProcessOutcome> {
  const pipeline = createPipeline({
    ...options.stageOptions,
    ...(options.stages === undefined ? {} : { stages: options.stages }),
  });
  const input = options.input ?? defaultInput;
  const outcome: ProcessOutcome = { ok: 0, failed: 0 };
  const progress = progressLine({ tty: false, ...io });
  const totalBytes = inputBytes(paths, input);
  const rate = new Rate();
  let bytesDone = 0;

  const report = (name: string, text: string) => {
    progress.done();
    io.stderr(`xinwen: ${printable(name)}: ${text}\n`);
  };
  const show = () => {
    const left = totalBytes === undefined ? undefined : rate.left(bytesDone, totalBytes);
    progress.update(
      `process: ${outcome.ok + outcome.failed} documents (${outcome.failed} failed), ` +
        `${rate.perSecond(outcome.ok + outcome.failed).toFixed(1)}/s${left === undefined ? '' : `, ${left} left`}`,
    );
  };

  async function* raws(): AsyncGenerator<RawDocument & { name: string }> {
    for (const record of records(paths, input)) {
      if ('code' in record) {
        outcome.failed++;
        report(record.name, `${record.code}: ${record.message}`);
        show();
        continue;
      }
      if (record.unreadable !== undefined) {
        outcome.failed++;
        report(record.name, `${record.unreadable.code}: ${record.unreadable.message}`);
        show();
        continue;
      }
      if (record.failure) {
        outcome.failed++;
        bytesDone += size(record.content);
        report(record.name, `${record.failure.code}: ${record.failure.message}`);
        show();
        continue;
      }
      yield {
        name: record.name,
        content: record.content,
        ...(record.id === undefined ? {} : { id: record.id }),
        ...(record.uri === undefined || record.name === '-' ? {} : { uri: record.uri }),
        ...(record.contentType === undefined ? {} : { contentType: record.contentType }),
      };
    }
  }

  try {
    for await (const result of pipeline.processMany(raws(), {
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    })) {
      bytesDone += size(result.raw.content);
      const name = result.raw.name;
      if (result.ok) {
        progress.done();
        if (options.summary) await io.stdout(`${summarize(result.doc)}\n\n`);
        else await io.stdout(`${JSON.stringify(result.doc, null, options.pretty ? 2 : undefined)}\n`);
        outcome.ok++;
      } else {
        outcome.failed++;
        report(name, describeError(result.error));
      }
      show();
    }
  } catch (error) {
    if (!options.signal?.aborted) throw error;
  }
  progress.done();
  return outcome;
}

/** Every record of the inputs; an unreadable path is a refusal and the others go on. */
function* records(paths: readonly string[], input: InputOptions): Generator<IngestRecord | Refused> {
  for (const path of paths) {
    const each = readInputs([path], input);
    while (true) {
      let next: IteratorResult<IngestRecord>;
      try {
        next = each.next();
      } catch (error) {
        const cause = isXinwenError(error) ? error.cause : error;
        const [code, message] = describeError(cause ?? error).split(/: (.*)/s);
        yield { name: path, code: code ?? 'io_error', message: message ?? '' };
        break;
      }
      if (next.done) break;
      yield next.value;
    }
  }
}

/** Bytes of the input files, for the time left; undefined when stdin is among them. */
function inputBytes(paths: readonly string[], input: InputOptions): number | undefined {
  const included = picomatch([...input.include], { dot: false });
  const excluded = input.exclude.length > 0 ? picomatch([...input.exclude]) : () => false;
  let total = 0;
  for (const path of paths) {
    if (path === '-') return undefined;
    try {
      const stat = statSync(path);
      if (!stat.isDirectory()) total += stat.size;
      else {
        for (const entry of walk(path)) {
          if (entry.error !== undefined) continue;
          const rel = relative(path, entry.path);
          if (included(rel) && !excluded(rel)) total += statSync(entry.path).size;
        }
      }
    } catch {
      // Reported when read.
    }
  }
  return total;
}

const size = (content: string | Uint8Array) =>
  typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;

/** `code: message` for an XinwenError, `io_error: …` for a file that could not be read. */
export function describeError(error: unknown): string {
  if (isXinwenError(error)) return `${error.code}: ${error.message}`;
  const e = error as NodeJS.ErrnoException;
  if (e && typeof e.code === 'string' && e.syscall) return `io_error: ${e.message}`;
  return `internal_error: ${e instanceof Error ? e.message : String(e)}`;
}
