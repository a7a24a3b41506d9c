import { XinwenError, type XinwenErrorCode } from '@xinwen/core';
import type { DocumentInfo } from '@xinwen/store';
import { printable } from '../ids.js';
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
  let rejected = 0;
  for (const id of targets) {
    // Input refused at ingest (an invalid line, an oversized file) was never stored: there is
    // nothing to run, and it must stay failed with its code.
    const info = await runtime.store.info(id);
    if (info?.status === 'failed' && info.error?.stage === 'ingest') {
      rejected++;
      if (ids.length > 0)
        io.stderr(
          `xinwen: ${printable(id)}: failed at ingest (${info.error.code}); its input was not stored\n`,
        );
      continue;
    }
    try {
      const { generation, next } = await runtime.store.reset(id, { from, stages });
      if (next !== undefined) await runtime.queues.enqueue(next, id, generation);
      queued++;
    } catch (error) {
      if (!(error instanceof XinwenError && error.code === 'not_found')) throw error;
      missing++;
      io.stderr(`xinwen: not_found: no document "${printable(id)}"\n`);
    }
  }
  io.stderr(
    `reprocess: ${queued} documents queued from ${from}${missing ? `, ${missing} not found` : ''}` +
      `${rejected ? `, ${rejected} that failed at ingest left as they are` : ''}\n`,
  );
  return missing > 0 || (rejected > 0 && ids.length > 0) ? 1 : 0;
}

/**
 * True when a failure with this code may pass on a new try (Redis gone, a worker that died, an
 * internal error); false for failures of the input itself (`empty_document`, `binary_input`, …),
 * which a retry reproduces exactly.
 */
export function isRetryable(code: string): boolean {
  return !new XinwenError(code as XinwenErrorCode, code).permanent;
}

/**
 * `xinwen retry-failed`: starts every failed document over from the stage that failed, when its
 * failure is retryable ({@link isRetryable}). Documents that failed at ingest (an invalid JSON line,
 * an oversized file) or on their input are left as they are and counted.
 */
export async function retryFailedCommand(runtime: Runtime, io: Io): Promise<number> {
  const stages = plannedStages(runtime.pipeline);
  const failed = [];
  for await (const info of runtime.store.list({ status: 'failed' })) failed.push(info);
  let queued = 0;
  let skipped = 0;
  let permanent = 0;
  for (const info of failed) {
    const stage = info.error?.stage;
    if (stage === undefined || stage === 'ingest' || !stages.includes(stage as never)) {
      skipped++;
      continue;
    }
    if (!isRetryable(info.error?.code ?? '')) {
      permanent++;
      continue;
    }
    const { generation, next } = await runtime.store.reset(info.id, { from: stage, stages });
    if (next !== undefined) await runtime.queues.enqueue(next, info.id, generation);
    queued++;
  }
  io.stderr(
    `retry-failed: ${queued} documents queued again` +
      `${skipped ? `, ${skipped} that failed at ingest left as they are` : ''}` +
      `${permanent ? `, ${permanent} whose input cannot succeed (${codesOf(failed, permanent)}) left as they are` : ''}\n`,
  );
  return 0;
}

function codesOf(failed: readonly DocumentInfo[], count: number): string {
  const codes = new Set<string>();
  for (const info of failed) {
    const code = info.error?.code;
    if (code !== undefined && info.error?.stage !== 'ingest' && !isRetryable(code)) codes.add(code);
  }
  return count > 0 ? [...codes].join(', ') : '';
}
