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
import { Rate } from './rate.js';

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
  const rate = new Rate();
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
      progress.update(
        `work: ${done} stage jobs done, ${failed} failed, ${rate.perSecond(done + failed).toFixed(1)}/s`,
      );
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
      // Empty queues may also mean a store that came back without its data: probe once more.
      await keeper.check();
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
 * print the per-document summary (or, with `json`, one JSON object with every document's outcome).
 * On a terminal, stderr shows the documents done, the rate and the time left while it works.
 */
export async function runCommand(
  runtime: Runtime,
  paths: readonly string[],
  input: InputOptions,
  options: { concurrency: number; json?: boolean },
  io: Io,
): Promise<number> {
  const ingested = await ingestCommand(runtime, paths, input, io);
  const ids = [...new Set(ingested.outcomes.filter((o) => o.id !== '').map((o) => o.id))];
  const stages = plannedStages(runtime.pipeline);
  const last = stages[stages.length - 1];
  const shutdown = shutdownSignal(io);
  const progress = progressLine(io);
  const rate = new Rate();
  let done = 0;
  const keeper = await startKeeper(runtime, io, 'run');
  const workers = await startWorkers(runtime, {
    stages,
    concurrency: options.concurrency,
    onJob(event) {
      if (event.outcome === 'retry' || (event.outcome === 'done' && event.stage !== last)) return;
      done++;
      const left = rate.left(done, ids.length);
      progress.update(
        `run: ${done}/${ids.length} documents, ${rate.perSecond(done).toFixed(1)}/s${left ? `, ${left} left` : ''}`,
      );
    },
  });
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
  progress.done();
  if (keeper.isGone) return 1;
  if (refused !== undefined) {
    io.stderr(`run: stopped: the store refuses writes (${refused}); documents not finished stay pending\n`);
    return 1;
  }
  let ok = 0;
  let bad = ingested.outcomes.filter((o) => o.id === '').length;
  const results: RunResult[] = ingested.outcomes
    .filter((o) => o.id === '')
    .map((o) => ({
      name: o.name,
      status: 'failed',
      error: { code: o.code ?? 'io_error', message: o.message ?? '' },
    }));
  for (const id of ids) {
    const info = await runtime.store.info(id);
    if (info?.status === 'completed') {
      const doc = await runtime.store.get(id);
      if (doc && !options.json) await io.stdout(`${summarize(doc)}\n\n`);
      results.push({
        id,
        ...(info.uri === undefined ? {} : { name: info.uri }),
        status: 'completed',
        ...(doc?.articles === undefined ? {} : { articles: doc.articles.length }),
      });
      ok++;
    } else {
      bad++;
      const why =
        info === undefined
          ? 'data_lost: the document is no longer in the store (did its Redis restart without persistence?)'
          : info.error
            ? `${info.error.code} at ${info.error.stage}: ${info.error.message}`
            : info.status;
      if (!options.json) await io.stdout(`${info?.uri ?? id}\n  id         ${id}\n  failed     ${why}\n\n`);
      results.push({
        id,
        ...(info?.uri === undefined ? {} : { name: info.uri }),
        status: info?.status ?? 'missing',
        ...(info?.error ? { error: info.error } : {}),
      });
    }
  }
  if (options.json) {
    await io.stdout(`${JSON.stringify({ processed: ok, failed: bad, documents: results }, null, 2)}\n`);
  } else {
    await io.stdout(`${ok} processed, ${bad} failed\n`);
  }
  io.stderr(`run: ${ok} processed, ${bad} failed in ${rate.seconds().toFixed(1)} s\n`);
  return shutdown.signal.aborted ? 130 : bad > 0 ? 1 : 0;
}

/** One document's outcome in `run --json`. */
export interface RunResult {
  /** The document id; absent for an input that could not be read. */
  id?: string;
  /** The file (or `file#L3` for a JSON line). */
  name?: string;
  status: string;
  /** Articles found, for a completed document. */
  articles?: number;
  error?: { code: string; message: string; stage?: string };
}
