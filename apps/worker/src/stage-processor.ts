/**
 * The sandboxed processor BullMQ runs in a worker thread for every stage job, so a CPU-heavy
 * stage never blocks the main thread that renews the job locks. Each thread opens its own store
 * and queue connections and builds the pipeline of the stage it serves once.
 */
import { workerData } from 'node:worker_threads';
import type { StageName } from '@xinwen/core';
import { type SandboxedJob, UnrecoverableError } from 'bullmq';
import type { Config } from './config.js';
import type { StageJobData } from './queues.js';
import { type Endpoints, openRuntime, stageJobContext } from './runtime.js';
import { PermanentJobError, runStageJob, type StageJobContext, type StageJobResult } from './stage-job.js';

/** What the main thread hands each processor thread. */
export interface ProcessorData {
  config: Config;
  endpoints: Endpoints;
}

let context: Promise<StageJobContext> | undefined;

function init(): Promise<StageJobContext> {
  const { config, endpoints } = workerData as ProcessorData;
  return openRuntime(config, endpoints).then(stageJobContext);
}

export default async function processStageJob(job: SandboxedJob<StageJobData>): Promise<StageJobResult> {
  context ??= init();
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
