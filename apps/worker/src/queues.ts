import { type JobsOptions, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from './config.js';

/** What a stage job carries: ids only; the text lives in the store. */
export interface StageJobData {
  /** The document id. */
  id: string;
  /** The document's run (bumped by reprocess); a job of an older run does nothing. */
  generation: number;
}

/** The BullMQ key prefix: the queues live beside the store's keys. */
export function queuePrefix(config: Pick<Config, 'prefix'>): string {
  return `${config.prefix}:queue`;
}

/**
 * The job id of one stage of one run of one document, so that enqueueing it twice is a no-op.
 * BullMQ ids may not contain `:` (document ids `sha256:…` do), so the id is URI-encoded.
 */
export function jobId(stage: string, id: string, generation: number): string {
  const base = `${stage}@${encodeURIComponent(id)}`;
  return generation === 0 ? base : `${base}#${generation}`;
}

/** Retries with exponential backoff for transient failures; finished jobs are kept a while. */
export function jobOptions(config: Pick<Config, 'attempts' | 'backoffMs'>): JobsOptions {
  return {
    attempts: config.attempts,
    backoff: { type: 'exponential', delay: config.backoffMs },
    removeOnComplete: { age: 24 * 3600, count: 10_000 },
    removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
  };
}

/** One queue per stage, created on first use. */
export class StageQueues {
  private readonly queues = new Map<string, Queue<StageJobData>>();

  constructor(
    private readonly connection: Redis,
    private readonly config: Pick<Config, 'prefix' | 'attempts' | 'backoffMs'>,
  ) {}

  /** The queue of one stage. */
  get(stage: string): Queue<StageJobData> {
    let queue = this.queues.get(stage);
    if (queue === undefined) {
      queue = new Queue<StageJobData>(stage, {
        connection: this.connection,
        prefix: queuePrefix(this.config),
        defaultJobOptions: jobOptions(this.config),
      });
      queue.on('error', () => {
        // Connection errors are retried by ioredis; calls that fail reject on their own.
      });
      this.queues.set(stage, queue);
    }
    return queue;
  }

  /** Enqueues one stage of one document; a no-op when that job already exists. */
  async enqueue(stage: string, id: string, generation: number): Promise<void> {
    await this.get(stage).add(stage, { id, generation }, { jobId: jobId(stage, id, generation) });
  }

  /** Closes every queue opened. */
  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }
}
