/**
 * The sandboxed processor BullMQ runs in a worker thread for every stage job, so a CPU-heavy
 * stage never blocks the main thread that renews the job locks. Each thread opens its own store
 * and queue connections and builds the pipeline of the stage it serves once.
 */
import { workerData } from 'node:worker_threads';
import type { ProcessedDocument, StageName } from '@xinwen/core';
import { type SandboxedJob, UnrecoverableError } from 'bullmq';
import type { Config } from './config.js';
import type { StageJobData } from './queues.js';
import { type Endpoints, openRuntime, stageJobContext } from './runtime.js';
import { PermanentJobError, runStageJob, type StageJobContext, type StageJobResult } from './stage-job.js';

/** What the main thread hands each processor thread. */
export interface ProcessorData {
  config: Config;
  endpoints: Endpoints;
  /** The stage whose queue this thread serves. */
  stage: StageName;
}

const sample = '重庆日报讯 成渝地区双城经济圈建设稳步推进。';

/**
 * Opens the connections and builds the stage's pipeline as soon as the thread starts, and runs
 * the stage once over a small sample so lazily loaded data (jieba's dictionaries) is in memory
 * before the first job. Dedupe is not warmed: it would add the sample to the shared index.
 */
async function init(): Promise<StageJobContext> {
  const { config, endpoints, stage } = workerData as ProcessorData;
  const ctx = stageJobContext(await openRuntime(config, endpoints));
  const pipeline = await ctx.pipelineFor(stage);
  if (stage !== 'dedupe') {
    const doc: ProcessedDocument = {
      id: 'warm-up',
      source: { contentType: 'text/plain', encoding: 'utf-16' },
      normalized: { text: sample, script: 'hans', fixes: {}, removed: [], damaged: [] },
      segmented: { sentences: [{ start: 0, end: sample.length }], tokens: [], keywords: [] },
      warnings: [],
    };
    await pipeline.runStage(stage, doc, { content: sample, id: 'warm-up' }).catch(() => undefined);
  }
  return ctx;
}

const context: Promise<StageJobContext> = init();
context.catch(() => {
  // Reported by the first job, which awaits the same promise.
});

export default async function processStageJob(job: SandboxedJob<StageJobData>): Promise<StageJobResult> {
  const ctx = await context;
  try {
    return await runStageJob(ctx, job.queueName as StageName, job.data);
  } catch (error) {
    if (error instanceof PermanentJobError) {
      const unrecoverable = new UnrecoverableError(error.message);
      Object.assign(unrecoverable, { code: error.code });
      throw unrecoverable;
    }
    throw error;
  }
}
