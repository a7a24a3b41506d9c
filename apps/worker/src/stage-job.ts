import { isXinwenError, type StageName } from '@xinwen/core';
import type { Pipeline, RawDocument } from '@xinwen/pipeline';
import type { StageWriteOutcome, Store } from '@xinwen/store';
import type { StageJobData } from './queues.js';

/** What a stage job runs with. */
export interface StageJobContext {
  store: Store;
  enqueue(stage: string, id: string, generation: number): Promise<void>;
  /** The pipeline that runs `stage` (built once per stage and reused). */
  pipelineFor(stage: StageName): Promise<Pipeline>;
}

/** What one stage job did. */
export interface StageJobResult {
  /** The store's answer, or `skipped` when the job belongs to an older run or a finished document. */
  outcome: StageWriteOutcome | 'skipped';
  /** The stage enqueued next, if any. */
  next?: string;
}

/** A failure that retrying cannot fix: the document has been marked failed with this code. */
export class PermanentJobError extends Error {
  override readonly name = 'PermanentJobError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

const transientPattern =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|Connection is closed|MaxRetriesPerRequest|Stream isn't writeable|LOADING/i;

/** True for failures that may pass on their own (Redis gone or restarting): retry with backoff. */
export function isTransient(error: unknown): boolean {
  if (isXinwenError(error)) return error.code === 'store_unavailable';
  if (!(error instanceof Error)) return false;
  return transientPattern.test(`${error.name} ${error.message}`);
}

/**
 * One stage of one document: read its input from the store, run the stage, store the result with
 * one atomic write, enqueue the next stage. Safe to run again after a crash at any point: a stored
 * result is not recomputed and the write and the enqueue are idempotent.
 *
 * @throws PermanentJobError after marking the document failed, when the stage rejects the input
 *   (or fails in a way a retry cannot fix); other errors are transient and should be retried.
 */
export async function runStageJob(
  ctx: StageJobContext,
  stage: StageName,
  data: StageJobData,
): Promise<StageJobResult> {
  const { store } = ctx;
  const { id, generation } = data;
  const loaded = await store.load(id);
  if (loaded === undefined) {
    throw new PermanentJobError('not_found', `document "${id}" is not in the store`);
  }
  const { info } = loaded;
  if (info.generation !== generation || info.status !== 'pending') return { outcome: 'skipped' };
  const index = info.stages.indexOf(stage);
  if (index < 0) {
    await store.markFailed(id, stage, 'invalid_options', `stage ${stage} is not in the plan`, { generation });
    throw new PermanentJobError('invalid_options', `stage "${stage}" is not in document "${id}"'s plan`);
  }
  const next = info.stages[index + 1];
  const forward = async (outcome: StageWriteOutcome): Promise<StageJobResult> => {
    if (next !== undefined && (outcome === 'written' || outcome === 'exists')) {
      await ctx.enqueue(next, id, generation);
      return { outcome, next };
    }
    return { outcome };
  };
  if (info.done > index) return forward('exists');
  if (info.done < index) {
    // The previous stage's result is not stored yet: a transient state, never left by this code.
    throw new Error(`stage "${stage}" of "${id}" ran before stage ${info.stages[info.done]} was stored`);
  }

  let result: Awaited<ReturnType<Pipeline['runStage']>>;
  try {
    const pipeline = await ctx.pipelineFor(stage);
    const raw: RawDocument = {
      content: loaded.raw.content,
      id,
      ...(loaded.raw.uri === undefined ? {} : { uri: loaded.raw.uri }),
      ...(loaded.raw.contentType === undefined ? {} : { contentType: loaded.raw.contentType }),
    };
    result = await pipeline.runStage(stage, loaded.document, raw);
  } catch (error) {
    if (isTransient(error)) throw error;
    // Stages are deterministic: the same input fails the same way again. Record it and stop.
    const code = isXinwenError(error) ? error.code : 'internal_error';
    const message = error instanceof Error ? error.message : String(error);
    await store.markFailed(id, stage, code, message, { generation });
    throw new PermanentJobError(code, message);
  }
  const outcome = await store.putStageResult(id, stage, result, {
    generation,
    previous: loaded.document,
    stages: info.stages,
  });
  return forward(outcome);
}
