import { XinwenError } from '@xinwen/core';
import { plannedStages } from '../pipeline-options.js';
import type { Runtime } from '../runtime.js';
import type { Io } from './context.js';

/**
 * `xinwen reprocess --from STAGE [ids…]`: starts documents over from a stage (every document
 * when no ids are given), keeping the results of the stages before it, and enqueues them.
 */
export async function reprocessCommand(
  runtime: Runtime,
  from: string,
  ids: readonly string[],
  io: Io,
): Promise<number> {
  const stages = plannedStages(runtime.pipeline);
  if (!stages.includes(from as never)) {
    throw new XinwenError(
      'invalid_options',
      `--from: unknown stage "${from}"; this pipeline has ${stages.join(', ') || 'no stages'}`,
    );
  }
  const targets = [...ids];
  if (targets.length === 0) {
    for await (const info of runtime.store.list()) targets.push(info.id);
  }
  let queued = 0;
  let missing = 0;
  for (const id of targets) {
    try {
      const { generation, next } = await runtime.store.reset(id, { from, stages });
      if (next !== undefined) await runtime.queues.enqueue(next, id, generation);
      queued++;
    } catch (error) {
      if (!(error instanceof XinwenError && error.code === 'not_found')) throw error;
      missing++;
      io.stderr(`xinwen: not_found: no document "${id}"\n`);
    }
  }
  io.stderr(`reprocess: ${queued} documents queued from ${from}${missing ? `, ${missing} not found` : ''}\n`);
  return missing > 0 ? 1 : 0;
}

/**
 * `xinwen retry-failed`: starts every failed document over from the stage that failed. Documents
 * that failed at ingest (an invalid JSON line, an oversized file) cannot be retried and are counted.
 */
export async function retryFailedCommand(runtime: Runtime, io: Io): Promise<number> {
  const stages = plannedStages(runtime.pipeline);
  const failed = [];
  for await (const info of runtime.store.list({ status: 'failed' })) failed.push(info);
  let queued = 0;
  let skipped = 0;
  for (const info of failed) {
    const stage = info.error?.stage;
    if (stage === undefined || stage === 'ingest' || !stages.includes(stage as never)) {
      skipped++;
      continue;
    }
    const { generation, next } = await runtime.store.reset(info.id, { from: stage, stages });
    if (next !== undefined) await runtime.queues.enqueue(next, info.id, generation);
    queued++;
  }
  io.stderr(
    `retry-failed: ${queued} documents queued again${skipped ? `, ${skipped} that failed at ingest left as they are` : ''}\n`,
  );
  return 0;
}
