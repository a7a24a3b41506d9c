import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ProcessedDocument, StageName } from '@xinwen/core';
import { createDedupeIndex } from '@xinwen/dedupe';
import { redisBackend } from '@xinwen/dedupe/redis';
import type { Pipeline, PipelineOptions, RawDocument } from '@xinwen/pipeline';
import type { Redis } from 'ioredis';
import type { Config } from './config.js';

/** What the worker needs from a pipeline module (`@xinwen/pipeline`, or `XINWEN_PIPELINE`). */
export interface PipelineModule {
  createPipeline(options?: PipelineOptions): Pipeline;
  availableStages?: () => StageName[];
  initialDocument?: (raw: RawDocument) => Pick<ProcessedDocument, 'id' | 'source' | 'warnings'>;
}

/** Imports the configured pipeline module: a package name, or a path to a module file. */
export async function loadPipelineModule(config: Pick<Config, 'pipeline'>): Promise<PipelineModule> {
  const name = config.pipeline;
  const isPath = name.startsWith('.') || isAbsolute(name) || /\.(m?js|cjs)$/.test(name);
  const specifier = isPath ? pathToFileURL(resolve(name)).href : name;
  const module = (await import(specifier)) as Partial<PipelineModule>;
  if (typeof module.createPipeline !== 'function') {
    throw new Error(`pipeline module "${name}" does not export createPipeline`);
  }
  return module as PipelineModule;
}

/** The stages a document goes through with this pipeline, in order (no stage set-up runs). */
export function plannedStages(module: PipelineModule): StageName[] {
  return module.availableStages?.() ?? [...module.createPipeline().stages];
}

/** What a stage job may use to build its pipeline. */
export interface PipelineContext {
  /** The stages this pipeline instance runs (a stage job builds one per stage it serves). */
  stages: readonly StageName[];
  /** The store's Redis connection, for stages that keep shared state there. */
  redis: Redis;
  /** The key prefix of the shared dedupe index. */
  dedupePrefix: string;
}

/** The key prefix of the shared dedupe index for a store prefix. */
export function dedupePrefix(config: Pick<Config, 'prefix'>): string {
  return `${config.prefix}:dedupe`;
}

/**
 * The options the worker builds its pipelines with: each stage's options as configured
 * (`config.stageOptions`, passed through as given), and the one place that hands stages shared,
 * Redis-backed state. The dedupe stage gets the Redis index (`@xinwen/dedupe/redis`, keys
 * `{<prefix>:dedupe}:…`, on the store's Redis), so every worker checks and adds against the
 * same index and two workers racing on near-duplicates still agree on one canonical copy.
 */
export function pipelineOptions(config: Config, context: PipelineContext): PipelineOptions {
  const stageOptions = config.stageOptions ?? {};
  if (!context.stages.includes('dedupe')) return { ...stageOptions, stages: context.stages };
  return {
    ...stageOptions,
    stages: context.stages,
    dedupeIndex: createDedupeIndex({
      backend: redisBackend({ client: context.redis, prefix: context.dedupePrefix }),
    }),
  };
}
