import type { StageName } from '@xinwen/core';
import { type Job, UnrecoverableError, Worker } from 'bullmq';
import { createMetrics, type WorkerMetrics } from './metrics.js';
import { queuePrefix, type StageJobData } from './queues.js';
import { type Runtime, stageJobContext, stageRunner, warmStages } from './runtime.js';
import { PermanentJobError, runStageJob, type StageJobResult } from './stage-job.js';
import { StageThreads } from './stage-threads.js';

/** Options for {@link startWorkers}. */
export interface WorkOptions {
  /** The stages to serve, one BullMQ worker (and queue) each. */
  stages: readonly StageName[];
  /** Jobs at once per stage queue; also the most threads for large documents. */
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

/** `code` of an error (a string `code` property, or `code: message`), else a fallback. */
export function errorCode(error: Error): string {
  const own = (error as { code?: unknown }).code;
  if (typeof own === 'string') return own;
  if (/stalled more than allowable limit/.test(error.message)) return 'stalled';
  const match = /^([a-z_]+): /.exec(error.message);
  return match?.[1] ?? 'internal_error';
}

/**
 * Warms the stages on this thread, then starts one BullMQ worker per stage queue. A job runs its
 * stage and every later stage served here (see `runStageJob`), so with every stage served a
 * document takes one job, on the first stage's queue.
 */
export async function startWorkers(runtime: Runtime, options: WorkOptions): Promise<Workers> {
  const { config, store } = runtime;
  const metrics = createMetrics(options.stages, runtime.queues, store);
  const threads = new StageThreads({ config, endpoints: runtime.endpoints }, options.concurrency);
  const here = stageRunner(runtime);
  await warmStages(here, options.stages);
  const ctx = stageJobContext(runtime, {
    here,
    threads,
    threadBytes: config.threadBytes,
    stages: options.stages,
  });
  const processor = async (job: Job<StageJobData>): Promise<StageJobResult> => {
    try {
      return await runStageJob(ctx, job.queueName as StageName, job.data);
    } catch (error) {
      if (error instanceof PermanentJobError) {
        throw Object.assign(new UnrecoverableError(error.message), { code: error.code });
      }
      throw error;
    }
  };
  const workers = options.stages.map((stage) => {
    const worker = new Worker<StageJobData, StageJobResult>(stage, processor, {
      connection: runtime.queueRedis,
      prefix: queuePrefix(config),
      concurrency: options.concurrency,
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
          .catch((failure: unknown) => {
            // The document stays pending with a failed job: reconciliation runs it again later.
            options.onJob?.({
              stage,
              id: job.data.id,
              outcome: 'failed',
              code: 'store_unavailable',
              message: `could not record the failure (${code}): ${failure instanceof Error ? failure.message : String(failure)}; it will be retried`,
            });
          });
      }
    });
    worker.on('error', () => {
      // Connection errors: BullMQ and ioredis reconnect on their own.
    });
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
      await threads.close();
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
