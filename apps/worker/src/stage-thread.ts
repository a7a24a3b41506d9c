/**
 * The worker thread that runs a stage over a large document, off the main thread, so a stage
 * that computes for seconds never delays the renewal of the job locks. It only computes: the
 * main thread reads the document, hands it over, and stores the result. It builds each stage's
 * pipeline on first use, with a store connection of its own (the dedupe stage's index needs one).
 */
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { isXinwenError, type ProcessedDocument, type StageName } from '@xinwen/core';
import type { RawDocument } from '@xinwen/pipeline';
import type { Config } from './config.js';
import { type Endpoints, openRuntime, stageRunner } from './runtime.js';

/** What the main thread hands the thread when it starts. */
export interface ThreadData {
  config: Config;
  endpoints: Endpoints;
}

/** One stage to run. */
export interface ThreadTask {
  seq: number;
  stage: StageName;
  doc: ProcessedDocument;
  raw: RawDocument;
}

/** An error as it crosses back to the main thread. */
export interface ThreadError {
  name: string;
  message: string;
  code?: string;
}

/** The thread's answer to one task. */
export type ThreadReply =
  | { seq: number; ok: true; doc: ProcessedDocument; ms: number }
  | { seq: number; ok: false; error: ThreadError };

const port = parentPort;
if (port !== null) {
  const { config, endpoints } = workerData as ThreadData;
  const runner = openRuntime(config, endpoints).then(stageRunner);
  port.on('message', (task: ThreadTask) => {
    let started = 0;
    runner
      .then((run) => {
        started = performance.now();
        return run(task.stage, task.doc, task.raw);
      })
      .then(
        (doc): ThreadReply => ({ seq: task.seq, ok: true, doc, ms: performance.now() - started }),
        (error: unknown): ThreadReply => ({
          seq: task.seq,
          ok: false,
          error: {
            name: error instanceof Error ? error.name : 'Error',
            message: error instanceof Error ? error.message : String(error),
            ...(isXinwenError(error) ? { code: error.code } : {}),
          },
        }),
      )
      .then((reply) => port.postMessage(reply));
  });
}
