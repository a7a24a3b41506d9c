import { isXinwenError, type ProcessedDocument, type StageName } from '@xinwen/core';
import type { RawDocument } from '@xinwen/pipeline';
import type { StageWriteOutcome, Store } from '@xinwen/store';
import type { StageJobData } from './queues.js';
import type { StoredOutcome, StoreTarget } from './stage-result.js';

/** What a document job runs with. */
export interface StageJobContext {
  store: Store;
  enqueue(stage: string, id: string, generation: number): Promise<void>;
  /** True for the stages this worker serves: a job runs them all, one after the other. */
  serves(stage: string): boolean;
  /**
   * Runs `stages` in order over `doc` and stores their results with one write (see
   * `runAndStore`); `size` is the raw document's size in bytes, which decides whether this
   * happens on this thread or in a worker thread.
   */
  runAndStore(
    stages: readonly StageName[],
    doc: ProcessedDocument,
    raw: RawDocument,
    size: number,
    target: StoreTarget,
  ): Promise<StoredOutcome>;
}

/** What one job did. */
export interface StageJobResult {
  /** The store's answer, or `skipped` when the job belongs to an older run or a finished document. */
  outcome: StageWriteOutcome | 'skipped';
  /** The stages this job ran (and stored). */
  ran?: string[];
  /** The stage enqueued next (one this worker does not serve), if any. */
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
  /stage thread exited|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|Connection is closed|MaxRetriesPerRequest|Stream isn't writeable|LOADING/i;

/** True for failures that may pass on their own (Redis gone or restarting): retry with backoff. */
export function isTransient(error: unknown): boolean {
  if (isXinwenError(error)) return error.code === 'store_unavailable';
  if (!(error instanceof Error)) return false;
  return transientPattern.test(`${error.name} ${error.message}`);
}

/**
 * A job from the queue of `stage`: runs that stage of the document and every stage after it that
 * this worker serves, from one read of the document, and stores their results with one atomic
 * write. On the normal path (a worker serving every stage) that is the whole document in one job;
 * a stage served elsewhere gets a job on its own queue. A job that finds stages already stored
 * (a retry after a crash, or after a stage failed transiently) starts from the first one missing.
 * Safe to run again after a crash at any point: the write and the enqueue are idempotent.
 *
 * @throws PermanentJobError after marking the document failed at the stage that rejected the
 *   input (the results of the stages before it are stored); other errors are transient and should
 *   be retried, and the retry resumes from the stage that failed.
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
  if (info.done < index) {
    // The previous stage's result is not stored yet: a transient state, never left by this code.
    throw new Error(`stage "${stage}" of "${id}" ran before stage ${info.stages[info.done]} was stored`);
  }
  const chain: StageName[] = [];
  for (let i = info.done; i < info.stages.length && ctx.serves(info.stages[i]!); i++) {
    chain.push(info.stages[i] as StageName);
  }
  const forward = async (outcome: StageWriteOutcome, ran: string[]): Promise<StageJobResult> => {
    if (outcome !== 'written' && outcome !== 'exists') return { outcome, ran };
    // Another worker may have stored more meanwhile: the stage to enqueue is the first missing.
    const now = outcome === 'exists' ? await store.info(id) : undefined;
    if (now !== undefined && (now.status !== 'pending' || now.generation !== generation)) {
      return { outcome, ran };
    }
    const next = info.stages[now?.done ?? info.done + ran.length];
    if (next === undefined) return { outcome, ran };
    await ctx.enqueue(next, id, generation);
    return { outcome, ran, next };
  };
  if (chain.length === 0) return forward('exists', []);

  const raw: RawDocument = {
    content: loaded.raw.content,
    id,
    ...(loaded.raw.uri === undefined ? {} : { uri: loaded.raw.uri }),
    ...(loaded.raw.contentType === undefined ? {} : { contentType: loaded.raw.contentType }),
  };
  const { ran, outcome, error } = await ctx.runAndStore(chain, loaded.document, raw, info.size, {
    id,
    generation,
  });
  if (error === undefined) return forward(outcome, chain);
  if (isTransient(error)) throw error;
  if (outcome === 'stale' || outcome === 'failed') return { outcome, ran: chain.slice(0, ran) };
  // Stages are deterministic: the same input fails the same way again. Record it and stop.
  const failed = chain[ran]!;
  const code = isXinwenError(error) ? error.code : 'internal_error';
  const message = error instanceof Error ? error.message : String(error);
  await store.markFailed(id, failed, code, message, { generation });
  throw new PermanentJobError(code, message);
}
