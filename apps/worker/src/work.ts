import { fileURLToPath } from 'node:url';
import type { StageName } from '@xinwen/core';
import { type Job, Worker } from 'bullmq';
import { createMetrics, type WorkerMetrics } from './metrics.js';
import { queuePrefix, type StageJobData } from './queues.js';
import type { Runtime } from './runtime.js';
import type { StageJobResult } from './stage-job.js';
import type { ProcessorData } from './stage-processor.js';

/** Options for {@link startWorkers}. */
export interface WorkOptions {
  /** The stages to serve, one BullMQ worker (and queue) each. */
  stages: readonly StageName[];
  /** Jobs at once per stage, each in its own worker thread. */
  concurrency: number;
  /** Called for every job that finished or failed, for progress output. */
  onJob?: (event: JobEvent) => void;
}

/** One job finishing, as reported to `onJob`. */
export interface JobEvent {
  stage: string;
  id: string;
  outcome: 'done' | 'failed' | 'retry';
  code?: string;
  message?: string;
}

/** Running stage workers. */
export interface Workers {
  readonly stages: readonly StageName[];
  readonly metrics: WorkerMetrics;
  /**
   * Stops taking jobs and waits for the active ones to finish, at most `deadlineMs`; then
   * closes without waiting (their jobs stall and another worker takes them over).
   * Resolves to true when every active job finished in time.
   */
  close(deadlineMs: number): Promise<boolean>;
}

const processorFile = fileURLToPath(new URL('./stage-processor.js', import.meta.url));

/** `code` of an error that crossed from a processor thread (`code: message`), else a fallback. */
export function errorCode(error: Error): string {
  const own = (error as { code?: unknown }).code;
  if (typeof own === 'string') return own;
  if (/stalled more than allowable limit/.test(error.message)) return 'stalled';
  const match = /^([a-z_]+): /.exec(error.message);
  return match?.[1] ?? 'internal_error';
}

interface ChildPoolLike {
  retain(file: string): Promise<unknown>;
  release(child: unknown): void;
}

/**
 * Starts the worker's processor threads now, all stages at once, instead of one by one as the
 * first document reaches each stage (each thread loads its stage's data: seconds for segment).
 * BullMQ has no public call for this, so it reaches into the worker's child pool; should that
 * change, the threads simply start on first use as before.
 */
function prestart(worker: Worker, count: number): void {
  const pool = (worker as unknown as { childPool?: ChildPoolLike }).childPool;
  if (pool === undefined || typeof pool.retain !== 'function') return;
  Promise.all(Array.from({ length: count }, () => pool.retain(processorFile)))
    .then((children) => {
      for (const child of children) pool.release(child);
    })
    .catch(() => {});
}

/** Starts one sandboxed BullMQ worker per stage. */
export function startWorkers(runtime: Runtime, options: WorkOptions): Workers {
  const { config, store } = runtime;
  const metrics = createMetrics(options.stages, runtime.queues, store);
  const workers = options.stages.map((stage) => {
    const data: ProcessorData = { config, endpoints: runtime.endpoints, stage };
    const worker = new Worker<StageJobData, StageJobResult>(stage, processorFile, {
      connection: runtime.queueRedis,
      prefix: queuePrefix(config),
      concurrency: options.concurrency,
      useWorkerThreads: true,
      workerThreadsOptions: { workerData: data },
      lockDuration: config.lockMs,
      stalledInterval: config.stalledMs,
      maxStalledCount: 2,
    });
    worker.on('completed', (job: Job<StageJobData, StageJobResult>) => {
      metrics.completed.inc({ stage });
      if (job.processedOn && job.finishedOn) {
        metrics.duration.observe({ stage }, (job.finishedOn - job.processedOn) / 1000);
      }
      options.onJob?.({ stage, id: job.data.id, outcome: 'done' });
    });
    worker.on('failed', (job: Job<StageJobData> | undefined, error: Error) => {
      const code = errorCode(error);
      metrics.failed.inc({ stage, code });
      if (job === undefined) return;
      const final =
        error.name === 'UnrecoverableError' ||
        code === 'stalled' ||
        job.attemptsMade >= (job.opts.attempts ?? 1);
      options.onJob?.({
        stage,
        id: job.data.id,
        outcome: final ? 'failed' : 'retry',
        code,
        message: error.message,
      });
      if (final) {
        // The processor marks input errors itself; this covers retries used up and dead workers.
        store
          .markFailed(job.data.id, stage, code, error.message, { generation: job.data.generation })
          .catch(() => {});
      }
    });
    worker.on('error', () => {
      // Connection errors: BullMQ and ioredis reconnect on their own.
    });
    prestart(worker, options.concurrency);
    return worker;
  });

  return {
    stages: options.stages,
    metrics,
    async close(deadlineMs) {
      let timer: NodeJS.Timeout | undefined;
      const graceful = Promise.all(workers.map((w) => w.close())).then(() => true);
      const deadline = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), deadlineMs);
      });
      const inTime = await Promise.race([graceful, deadline]);
      clearTimeout(timer);
      if (!inTime) await Promise.all(workers.map((w) => w.close(true)));
      return inTime;
    },
  };
}

/** Resolves once no stage queue has a job waiting, active or delayed (checked twice in a row). */
export async function waitUntilIdle(
  runtime: Runtime,
  stages: readonly string[],
  options: { intervalMs?: number; signal?: AbortSignal } = {},
): Promise<void> {
  const intervalMs = options.intervalMs ?? 250;
  let quiet = 0;
  while (!options.signal?.aborted) {
    let busy = 0;
    for (const stage of stages) {
      const counts = await runtime.queues
        .get(stage)
        .getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
      busy += Object.values(counts).reduce((a, b) => a + b, 0);
    }
    quiet = busy === 0 ? quiet + 1 : 0;
    if (quiet >= 2) return;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Resolves once none of `ids` is pending in the store. */
export async function waitForDocuments(
  runtime: Runtime,
  ids: readonly string[],
  options: { intervalMs?: number; signal?: AbortSignal } = {},
): Promise<void> {
  const intervalMs = options.intervalMs ?? 200;
  let open = [...new Set(ids)];
  while (open.length > 0 && !options.signal?.aborted) {
    const pipeline = runtime.storeRedis.pipeline();
    for (const id of open) pipeline.hget(runtime.store.keys.doc(id), 'status');
    const replies = (await pipeline.exec()) ?? [];
    open = open.filter((_, i) => replies[i]?.[1] === 'pending');
    if (open.length > 0) await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
