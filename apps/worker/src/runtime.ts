import type { StageName } from '@xinwen/core';
import type { Pipeline } from '@xinwen/pipeline';
import { createStore, type Store } from '@xinwen/store';
import { Redis } from 'ioredis';
import type { Config } from './config.js';
import { type EmbeddedRedis, startEmbeddedRedis } from './embedded-redis.js';
import {
  dedupePrefix,
  loadPipelineModule,
  type PipelineModule,
  pipelineOptions,
} from './pipeline-options.js';
import { StageQueues } from './queues.js';
import type { StageJobContext } from './stage-job.js';

/** Where the queues and the store live, once the embedded Redis (if any) is up. */
export interface Endpoints {
  redisUrl: string;
  storeUrl: string;
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
    endpoints: { redisUrl: embedded.url, storeUrl: config.storeUrl ?? embedded.url },
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
  close(): Promise<void>;
}

/** Opens a runtime over known endpoints. */
export async function openRuntime(config: Config, endpoints: Endpoints): Promise<Runtime> {
  const pipeline = await loadPipelineModule(config);
  const storeRedis = connect(endpoints.storeUrl);
  const queueRedis = connect(endpoints.redisUrl, { waitForever: true });
  const store = createStore({ redis: storeRedis, prefix: config.prefix });
  const queues = new StageQueues(queueRedis, config);
  return {
    config,
    endpoints,
    store,
    storeRedis,
    queueRedis,
    queues,
    pipeline,
    async close() {
      await queues.close();
      await Promise.all([storeRedis.quit().catch(() => {}), queueRedis.quit().catch(() => {})]);
    },
  };
}

/** The context a stage job runs in: pipelines are built lazily, one per stage. */
export function stageJobContext(runtime: Runtime): StageJobContext {
  const pipelines = new Map<StageName, Pipeline>();
  return {
    store: runtime.store,
    enqueue: (stage, id, generation) => runtime.queues.enqueue(stage, id, generation),
    async pipelineFor(stage) {
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
      return pipeline;
    },
  };
}
