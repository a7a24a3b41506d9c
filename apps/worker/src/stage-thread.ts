/**
 * The worker thread that runs a large document's stages off the main thread, so stages that
 * compute for seconds never delay the renewal of the job locks. The main thread reads the
 * document and hands it over; the thread runs the stages, works out what each added (here, where
 * the documents before and after a stage share the objects the stage did not replace), and
 * encodes and stores the results with a store connection of its own, so the main thread never
 * handles a large result. It builds each stage's pipeline on first use.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isXinwenError, type ProcessedDocument, type StageName } from '@xinwen/core';
import type { RawDocument } from '@xinwen/pipeline';
import type { StageWriteOutcome } from '@xinwen/store';
import type { Config } from './config.js';
import { type Endpoints, openRuntime, stageRunner } from './runtime.js';
import { runAndStore, type StoreTarget } from './stage-result.js';

/** What the main thread hands the thread when it starts. */
export interface ThreadData {
  config: Config;
  endpoints: Endpoints;
}

/**
 * The stages of one document to run. The raw content crosses as bytes whose buffer is
 * transferred, not copied (copying 3 MB of text between threads blocks the sender for a tenth of
 * a second or more); `text` says it was a string, to decode from UTF-8 on arrival.
 */
export interface ThreadTask {
  seq: number;
  stages: StageName[];
  doc: ProcessedDocument;
  raw: Omit<RawDocument, 'content'> & { content: Uint8Array; text: boolean };
  target: StoreTarget;
}

/** The raw document as the stages take it. */
function unpack(raw: ThreadTask['raw']): RawDocument {
  const { text, content, ...rest } = raw;
  const bytes = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  return { ...rest, content: text ? bytes.toString('utf8') : content };
}

/** An error as it crosses back to the main thread. */
export interface ThreadError {
  name: string;
  message: string;
  code?: string;
}

/** The thread's answer to one task: what `runAndStore` did, its error crossing as a {@link ThreadError}. */
export interface ThreadReply {
  seq: number;
  ran: number;
  outcome: StageWriteOutcome;
  error?: ThreadError;
}

function describe(error: unknown): ThreadError {
  return {
    name: error instanceof Error ? error.name : 'Error',
    message: error instanceof Error ? error.message : String(error),
    ...(isXinwenError(error) ? { code: error.code } : {}),
  };
}

const port = parentPort;
if (port !== null) {
  const { config, endpoints } = workerData as ThreadData;
  const runtime = openRuntime(config, endpoints).then((opened) => ({
    run: stageRunner(opened),
    store: opened.store,
  }));
  port.on('message', (task: ThreadTask) => {
    runtime
      .then(({ run, store }) => runAndStore(run, store, task.stages, task.doc, unpack(task.raw), task.target))
      .then(
        ({ ran, outcome, error }): ThreadReply => ({
          seq: task.seq,
          ran,
          outcome,
          ...(error === undefined ? {} : { error: describe(error) }),
        }),
        (error: unknown): ThreadReply => ({
          seq: task.seq,
          ran: 0,
          outcome: 'exists',
          error: describe(error),
        }),
      )
      .then((reply) => port.postMessage(reply));
  });
}
