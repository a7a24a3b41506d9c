import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type ProcessedDocument, type StageName, XinwenError, type XinwenErrorCode } from '@xinwen/core';
import type { RawDocument } from '@xinwen/pipeline';
import type { StoredOutcome, StoreTarget } from './stage-result.js';
import type { ThreadData, ThreadReply, ThreadTask } from './stage-thread.js';

const threadFile = fileURLToPath(new URL('./stage-thread.js', import.meta.url));

/** The message of the error a job gets when its thread died under it; a retry may succeed. */
export const threadExitedMessage = 'stage thread exited';

interface Pending {
  task: ThreadTask;
  resolve(result: StoredOutcome): void;
  reject(error: Error): void;
}

function revive(error: { name: string; message: string; code?: string }): Error {
  if (error.name === 'XinwenError' && error.code !== undefined) {
    return new XinwenError(error.code as XinwenErrorCode, error.message);
  }
  const revived = new Error(error.message);
  revived.name = error.name;
  return revived;
}

/**
 * A small pool of worker threads that run large documents' stages off the main thread. Threads start on first
 * use (each loads the pipeline and its stage data) and stay until {@link StageThreads.close}; a
 * thread that dies fails its task with a transient error and is replaced on the next task.
 */
export class StageThreads {
  private readonly threads = new Set<Worker>();
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Pending>();
  private readonly queue: Pending[] = [];
  private seq = 0;
  private closed = false;

  constructor(
    private readonly data: ThreadData,
    private readonly size: number,
  ) {}

  /** Runs a document's stages in a thread and stores their results from there (see `runAndStore`). */
  run(
    stages: readonly StageName[],
    doc: ProcessedDocument,
    raw: RawDocument,
    target: StoreTarget,
  ): Promise<StoredOutcome> {
    if (this.closed) return Promise.reject(new Error(`${threadExitedMessage}: closed`));
    return new Promise((resolve, reject) => {
      const { content, ...rest } = raw;
      const text = typeof content === 'string';
      // Bytes of their own, whose buffer can be transferred to the thread rather than copied.
      const bytes = text ? new Uint8Array(Buffer.from(content, 'utf8')) : content.slice();
      const task: ThreadTask = {
        seq: ++this.seq,
        stages: [...stages],
        doc,
        raw: { ...rest, content: bytes, text },
        target,
      };
      this.queue.push({ task, resolve, reject });
      this.pump();
    });
  }

  /** Stops every thread; tasks still waiting fail. */
  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) pending.reject(new Error(`${threadExitedMessage}: closed`));
    await Promise.all([...this.threads].map((thread) => thread.terminate()));
  }

  private pump(): void {
    while (this.queue.length > 0 && !this.closed) {
      let thread = this.idle.pop();
      if (thread === undefined) {
        if (this.threads.size >= this.size) return;
        thread = this.start();
      }
      const pending = this.queue.shift()!;
      this.busy.set(thread, pending);
      thread.postMessage(pending.task, [pending.task.raw.content.buffer as ArrayBuffer]);
    }
  }

  private start(): Worker {
    const thread = new Worker(threadFile, { workerData: this.data });
    this.threads.add(thread);
    thread.on('message', (reply: ThreadReply) => {
      const pending = this.busy.get(thread);
      this.busy.delete(thread);
      this.idle.push(thread);
      if (pending !== undefined && pending.task.seq === reply.seq) {
        const { ran, outcome, error } = reply;
        pending.resolve(error === undefined ? { ran, outcome } : { ran, outcome, error: revive(error) });
      }
      this.pump();
    });
    const gone = (why: string) => {
      if (!this.threads.delete(thread)) return;
      const at = this.idle.indexOf(thread);
      if (at >= 0) this.idle.splice(at, 1);
      const pending = this.busy.get(thread);
      this.busy.delete(thread);
      pending?.reject(new Error(`${threadExitedMessage}: ${why}`));
      this.pump();
    };
    thread.on('error', (error) => gone(error.message));
    thread.on('exit', (code) => gone(`exit code ${code}`));
    return thread;
  }
}
