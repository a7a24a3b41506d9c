import type { ProcessedDocument, StageName } from '@xinwen/core';
import type { Pipeline } from '@xinwen/pipeline';
import { createStore, type Store } from '@xinwen/store';
import { Redis } from 'ioredis';
import type { Config } from './config.js';
import { type EmbeddedRedis, startEmbeddedRedis } from './embedded-redis.js';
import { markStore } from './liveness.js';
import {
  dedupePrefix,
  loadPipelineModule,
  type PipelineModule,
  pipelineOptions,
} from './pipeline-options.js';
import { StageQueues } from './queues.js';
import { ensureJob } from './reconcile.js';
import { checkReachable } from './redis-connect.js';
import type { StageJobContext } from './stage-job.js';
import { runAndStore, type StageRunner } from './stage-result.js';
import type { StageThreads } from './stage-threads.js';

export type { StageRunner } from './stage-result.js';

/** Where the queues and the store live, once the embedded Redis (if any) is up. */
export interface Endpoints {
  redisUrl: string;
  storeUrl: string;
  /** The pid of the embedded redis-server, when the command uses one. */
  embeddedPid?: number;
}

/** Opens a connection that waits out a Redis restart instead of failing (what BullMQ needs). */
export function connect(url: string, options: { waitForever?: boolean } = {}): Redis {
  const redis = new Redis(url, {
    ...(options.waitForever ? { maxRetriesPerRequest: null } : {}),
    retryStrategy: (times) => Math.min(times * 100, 2000),
  });
  redis.on('error', () => {
    // ioredis reconnects on its own; a command that cannot wait rejects and is retried by its job.
  });
  return redis;
}

/** Resolves REDIS_URL/STORE_URL, starting the embedded Redis when neither is set. */
export async function resolveEndpoints(
  config: Config,
): Promise<{ endpoints: Endpoints; embedded: EmbeddedRedis | undefined }> {
  if (config.redisUrl !== undefined) {
    return {
      endpoints: { redisUrl: config.redisUrl, storeUrl: config.storeUrl ?? config.redisUrl },
      embedded: undefined,
    };
  }
  const embedded = await startEmbeddedRedis(config.dataDir);
  return {
    endpoints: {
      redisUrl: embedded.url,
      storeUrl: config.storeUrl ?? embedded.url,
      ...(embedded.pid === undefined ? {} : { embeddedPid: embedded.pid }),
    },
    embedded,
  };
}

/** Everything a command works with: store, queues, pipeline module; closed in one call. */
export interface Runtime {
  config: Config;
  endpoints: Endpoints;
  store: Store;
  storeRedis: Redis;
  queueRedis: Redis;
  queues: StageQueues;
  pipeline: PipelineModule;
  /** The store's marker when the command opened it (see liveness.ts). */
  marker: string;
  close(): Promise<void>;
}

/**
 * Opens a runtime over known endpoints. Each Redis must answer within the configured connect
 * timeout first, so an unreachable one fails the command quickly (see redis-connect.ts).
 * @throws XinwenError `store_unavailable` when a Redis does not answer in time.
 */
export async function openRuntime(config: Config, endpoints: Endpoints): Promise<Runtime> {
  await checkReachable(endpoints.storeUrl, config.connectTimeoutMs, "the store's Redis");
  if (endpoints.redisUrl !== endpoints.storeUrl)
    await checkReachable(endpoints.redisUrl, config.connectTimeoutMs, "the queues' Redis");
  const pipeline = await loadPipelineModule(config);
  const storeRedis = connect(endpoints.storeUrl);
  const queueRedis = connect(endpoints.redisUrl, { waitForever: true });
  const store = createStore({ redis: storeRedis, prefix: config.prefix });
  const queues = new StageQueues(queueRedis, config);
  // A store that refuses writes (full) gets no marker now; the liveness probe writes it later.
  const marker = await markStore(storeRedis, config.prefix).catch(() => '');
  return {
    config,
    endpoints,
    store,
    storeRedis,
    queueRedis,
    queues,
    pipeline,
    marker,
    async close() {
      // With Redis gone, a graceful close would wait for it forever: give it the connect timeout.
      await settleWithin(queues.close(), config.connectTimeoutMs);
      await Promise.all([storeRedis, queueRedis].map((redis) => quitWithin(redis, config.connectTimeoutMs)));
    },
  };
}

function settleWithin(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.then(
      () => {},
      () => {},
    ),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

async function quitWithin(redis: Redis, ms: number): Promise<void> {
  if (redis.status === 'ready') await settleWithin(redis.quit(), ms);
  redis.disconnect();
}

/** Runs one stage over a document with this runtime's pipeline; pipelines are built on first use. */
export function stageRunner(runtime: Runtime): StageRunner {
  const pipelines = new Map<StageName, Pipeline>();
  return async (stage, doc, raw) => {
    let pipeline = pipelines.get(stage);
    if (pipeline === undefined) {
      pipeline = runtime.pipeline.createPipeline(
        pipelineOptions(runtime.config, {
          stages: [stage],
          redis: runtime.storeRedis,
          dedupePrefix: dedupePrefix(runtime.config),
        }),
      );
      pipelines.set(stage, pipeline);
    }
    return pipeline.runStage(stage, doc, raw);
  };
}

/** Where {@link stageJobContext} runs stages. */
export interface StageJobContextOptions {
  /** Runs a stage on this thread (a {@link stageRunner}). */
  here: StageRunner;
  /** Threads for large documents; without them every document runs on this thread. */
  threads?: StageThreads;
  /** Documents of at least this many bytes run in `threads`. */
  threadBytes: number;
  /** The stages this worker serves. */
  stages: readonly StageName[];
}

const sample = '重庆日报讯 成渝地区双城经济圈建设稳步推进。';

/**
 * The context a document job runs in. A document's stages run on this thread, where they take
 * milliseconds and nothing needs copying, unless the document is at least `threadBytes` long:
 * then they run in a worker thread, which also encodes and writes their results, so that no long
 * computation holds up the renewal of job locks. The choice goes by size, which the cost of every stage follows, and not by how long
 * recent runs took: wall time on a busy machine would send small documents to threads, each
 * thread with its own copy of the stages' dictionaries.
 */
export function stageJobContext(runtime: Runtime, options: StageJobContextOptions): StageJobContext {
  const { here, threads, threadBytes } = options;
  const served = new Set<string>(options.stages);
  return {
    store: runtime.store,
    // Not a plain add: a finished job of the same id (the store lost its data and the document
    // came again) would make it a no-op and leave the document pending for ever.
    enqueue: async (stage, id, generation) => {
      await ensureJob(runtime, stage, id, generation);
    },
    serves: (stage) => served.has(stage),
    runAndStore(stages, doc, raw, size, target) {
      if (threads !== undefined && size >= threadBytes) return threads.run(stages, doc, raw, target);
      return runAndStore(here, runtime.store, stages, doc, raw, target);
    },
  };
}

/**
 * Builds the stages' pipelines on this thread and runs each once over a small sample, so lazily
 * loaded data (jieba's dictionaries) is in memory before the first job. Dedupe is not warmed: it
 * would add the sample to the shared index.
 */
export async function warmStages(run: StageRunner, stages: readonly StageName[]): Promise<void> {
  const doc: ProcessedDocument = {
    id: 'warm-up',
    source: { contentType: 'text/plain', encoding: 'utf-16' },
    normalized: { text: sample, script: 'hans', fixes: {}, removed: [], damaged: [] },
    segmented: { sentences: [{ start: 0, end: sample.length }], tokens: [], keywords: [] },
    warnings: [],
  };
  for (const stage of stages) {
    if (stage === 'dedupe') continue;
    await run(stage, doc, { content: sample, id: 'warm-up' }).catch(() => undefined);
  }
}
