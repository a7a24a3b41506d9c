import type { StageName } from '@xinwen/core';
import { XinwenError } from '@xinwen/core';
import type { InputOptions } from '../ingest.js';
import { type Keeper, startKeeper } from '../keeper.js';
import { plannedStages } from '../pipeline-options.js';
import type { Runtime } from '../runtime.js';
import { summarize } from '../summary.js';
import { startWorkers, type Workers, waitForDocuments, waitUntilIdle } from '../work.js';
import { type Io, progressLine, shutdownSignal } from './context.js';
import { ingestCommand } from './ingest.js';

/** Options of `xinwen work`. */
export interface WorkCommandOptions {
  /** Stages to serve; default every stage of the pipeline. */
  stages?: readonly string[];
  concurrency: number;
  exitWhenIdle: boolean;
  /** `:PORT` or `HOST:PORT` for the dashboard, `/metrics` and `/healthz`. */
  http?: string;
}

/** Checks `--stages` against the pipeline's stages and puts them in pipeline order. */
export function selectStages(runtime: Runtime, wanted: readonly string[] | undefined): StageName[] {
  const planned = plannedStages(runtime.pipeline);
  if (wanted === undefined) return planned;
  const unknown = wanted.filter((s) => !planned.includes(s as StageName));
  if (unknown.length > 0) {
    throw new XinwenError(
      'invalid_options',
      `--stages: unknown stage ${unknown.map((s) => `"${s}"`).join(', ')}; this pipeline has ${planned.join(', ') || 'no stages'}`,
    );
  }
  return planned.filter((s) => wanted.includes(s));
}

/**
 * `xinwen work`: one BullMQ worker per stage until SIGTERM/SIGINT (or, with
 * `--exit-when-idle`, until every stage queue is empty). Shutdown lets active jobs finish within
 * the configured deadline.
 */
export async function workCommand(runtime: Runtime, options: WorkCommandOptions, io: Io): Promise<number> {
  const stages = selectStages(runtime, options.stages);
  const shutdown = shutdownSignal(io);
  const keeper = await startKeeper(runtime, io, 'work');
  let done = 0;
  let failed = 0;
  const progress = progressLine(io);
  const workers = await startWorkers(runtime, {
    stages,
    concurrency: options.concurrency,
    onJob(event) {
      if (event.outcome === 'done') done++;
      if (event.outcome === 'failed') {
        failed++;
        progress.done();
        io.stderr(`work: ${event.stage} ${event.id}: ${event.message}\n`);
      }
      if (event.outcome === 'retry') {
        progress.done();
        io.stderr(`work: ${event.stage} ${event.id}: will retry: ${event.message}\n`);
      }
      progress.update(`work: ${done} stage jobs done, ${failed} failed`);
    },
  });
  // The dashboard's modules (express, bull-board) load only when it is asked for.
  const http = options.http
    ? await (await import('../http.js')).startHttp(runtime, stages, workers.metrics, options.http)
    : undefined;
  io.stderr(
    `work: serving ${stages.join(', ') || 'no stages'} (concurrency ${options.concurrency} each)` +
      `${http ? `; dashboard, /metrics and /healthz on port ${http.port}` : ''}\n`,
  );
  if (options.exitWhenIdle) {
    const idle = async () => {
      // Idle queues with documents still pending means jobs went missing: queue them and go on.
      do await waitUntilIdle(runtime, plannedStages(runtime.pipeline), { signal: shutdown.signal });
      while (!shutdown.signal.aborted && (await keeper.reconcile()) > 0);
    };
    await Promise.race([idle(), shutdown.promise, keeper.gone]);
  } else {
    await Promise.race([shutdown.promise, keeper.gone]);
  }
  const inTime = await closeWorkers(workers, runtime, keeper);
  keeper.stop();
  progress.done();
  await http?.close();
  io.stderr(
    inTime
      ? `work: stopped; ${done} stage jobs done, ${failed} failed, none left active\n`
      : `work: shutdown deadline (${runtime.config.shutdownMs} ms) passed; unfinished jobs go back to the queue for another worker\n`,
  );
  if (keeper.lost > 0) {
    io.stderr('work: data_lost: the store lost its data while this worker ran (see above)\n');
    return 1;
  }
  return keeper.isGone ? 1 : 0;
}

/**
 * Closes the workers: active jobs get the shutdown deadline while Redis answers; with Redis gone
 * nothing can finish, so they are closed at once (their jobs stall and run again later).
 */
async function closeWorkers(workers: Workers, runtime: Runtime, keeper: Keeper): Promise<boolean> {
  const deadline = keeper.isGone || keeper.down ? 0 : runtime.config.shutdownMs;
  let timer: NodeJS.Timeout | undefined;
  const closing = workers.close(deadline);
  const giveUp = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), deadline + runtime.config.connectTimeoutMs);
  });
  try {
    return await Promise.race([closing, giveUp]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `xinwen run PATH...`: ingest, work until every ingested document has completed or failed, then
 * print the per-document summary.
 */
export async function runCommand(
  runtime: Runtime,
  paths: readonly string[],
  input: InputOptions,
  options: { concurrency: number },
  io: Io,
): Promise<number> {
  const ingested = await ingestCommand(runtime, paths, input, io);
  const ids = [...new Set(ingested.outcomes.filter((o) => o.id !== '').map((o) => o.id))];
  const stages = plannedStages(runtime.pipeline);
  const shutdown = shutdownSignal(io);
  const keeper = await startKeeper(runtime, io, 'run');
  const workers = await startWorkers(runtime, { stages, concurrency: options.concurrency });
  // A store that refuses writes cannot finish this run: stop and say so rather than wait.
  let refused: string | undefined;
  await Promise.race([
    waitForDocuments(runtime, ids, { signal: shutdown.signal }),
    shutdown.promise,
    keeper.gone,
    keeper.refused.then((message) => {
      refused = message;
    }),
  ]);
  await closeWorkers(workers, runtime, keeper);
  keeper.stop();
  if (keeper.isGone) return 1;
  if (refused !== undefined) {
    io.stderr(`run: stopped: the store refuses writes (${refused}); documents not finished stay pending\n`);
    return 1;
  }
  let ok = 0;
  let bad = ingested.outcomes.filter((o) => o.id === '').length;
  for (const id of ids) {
    const info = await runtime.store.info(id);
    if (info?.status === 'completed') {
      const doc = await runtime.store.get(id);
      if (doc) await io.stdout(`${summarize(doc)}\n\n`);
      ok++;
    } else {
      bad++;
      const why =
        info === undefined
          ? 'data_lost: the document is no longer in the store (did its Redis restart without persistence?)'
          : info.error
            ? `${info.error.code} at ${info.error.stage}: ${info.error.message}`
            : info.status;
      await io.stdout(`${info?.uri ?? id}\n  id         ${id}\n  failed     ${why}\n\n`);
    }
  }
  await io.stdout(`${ok} processed, ${bad} failed\n`);
  return shutdown.signal.aborted ? 130 : bad > 0 ? 1 : 0;
}
