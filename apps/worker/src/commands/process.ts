import { isXinwenError } from '@xinwen/core';
import { createPipeline } from '@xinwen/pipeline';
import { loadConfig } from '../config.js';
import { printable } from '../ids.js';
import { expandInputs } from '../inputs.js';
import { summarize } from '../summary.js';

export interface ProcessOptions {
  pretty: boolean;
  summary: boolean;
  /** Larger inputs fail with `document_too_large` before they are read (XINWEN_MAX_BYTES). */
  maxBytes?: number;
}

/** What `process` reports back: how many documents succeeded and failed. */
export interface ProcessOutcome {
  ok: number;
  failed: number;
}

interface Io {
  stdout: (text: string) => void | Promise<void>;
  stderr: (text: string) => void;
}

/**
 * `xinwen process FILE...`: runs the in-process pipeline over each input and prints one
 * ProcessedDocument per input as JSON Lines (or a readable summary). A bad file is reported on
 * stderr with its error code and the others go on.
 */
export async function processCommand(
  paths: readonly string[],
  options: ProcessOptions,
  io: Io,
): Promise<ProcessOutcome> {
  const pipeline = createPipeline();
  const outcome: ProcessOutcome = { ok: 0, failed: 0 };
  for (const input of expandInputs(paths)) {
    try {
      const content = input.read(options.maxBytes ?? defaultMaxBytes());
      const doc = await pipeline.process({ content, ...(input.name === '-' ? {} : { uri: input.name }) });
      if (options.summary) await io.stdout(`${summarize(doc)}\n\n`);
      else await io.stdout(`${JSON.stringify(doc, null, options.pretty ? 2 : undefined)}\n`);
      outcome.ok++;
    } catch (error) {
      outcome.failed++;
      io.stderr(`xinwen: ${printable(input.name)}: ${describeError(error)}\n`);
    }
  }
  return outcome;
}

/** XINWEN_MAX_BYTES, else the default of the queue commands (8 MiB). */
function defaultMaxBytes(): number {
  return loadConfig({}, { XINWEN_MAX_BYTES: process.env.XINWEN_MAX_BYTES }).maxBytes;
}

/** `code: message` for an XinwenError, `io_error: …` for a file that could not be read. */
export function describeError(error: unknown): string {
  if (isXinwenError(error)) return `${error.code}: ${error.message}`;
  const e = error as NodeJS.ErrnoException;
  if (e && typeof e.code === 'string' && e.syscall) return `io_error: ${e.message}`;
  return `internal_error: ${e instanceof Error ? e.message : String(e)}`;
}
