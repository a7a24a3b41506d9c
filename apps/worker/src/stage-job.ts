import { isXinwenError, type ProcessedDocument, type StageName } from '@xinwen/core';
import type { Pipeline, RawDocument } from '@xinwen/pipeline';
import type { DocumentInfo, StageWriteOutcome, Store, StoredRaw } from '@xinwen/store';
import type { StageJobData } from './queues.js';

/** What a stage job runs with. */
export interface StageJobContext {
  store: Store;
  enqueue(stage: string, id: string, generation: number): Promise<void>;
  /** Runs `stage` over `doc` (`pipeline.runStage`); `size` is the raw document's size in bytes. */
  runStage(
    stage: StageName,
    doc: ProcessedDocument,
    raw: RawDocument,
    size: number,
  ): Promise<ProcessedDocument>;
  /** Documents this process stored a stage of, so the next stage need not read them back. */
  cache?: DocumentCache;
}

/** A document as stored after `done` stages of run `generation`, with its raw input. */
export interface CachedDocument {
  generation: number;
  done: number;
  document: ProcessedDocument;
  raw: StoredRaw;
}

/**
 * The documents whose last stage this process stored, newest first, at most `limit`. The stored
 * document of a run after `done` stages never changes (a stage result is written once per run, a
 * reprocess starts a new run), so an entry whose run and `done` match the store's is that
 * document, and the next stage can start from it after reading only the document's status.
 */
export class DocumentCache {
  private readonly entries = new Map<string, CachedDocument>();

  constructor(private readonly limit = 128) {}

  get(id: string): CachedDocument | undefined {
    return this.entries.get(id);
  }

  set(id: string, entry: CachedDocument): void {
    this.entries.delete(id);
    this.entries.set(id, entry);
    if (this.entries.size > this.limit) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  delete(id: string): void {
    this.entries.delete(id);
  }

  get size(): number {
    return this.entries.size;
  }
}

/** The stored state of a document: from the cache when it is current, else read from the store. */
async function readDocument(
  ctx: StageJobContext,
  id: string,
): Promise<(CachedDocument & { info: DocumentInfo }) | undefined> {
  const cached = ctx.cache?.get(id);
  if (cached !== undefined) {
    const info = await ctx.store.info(id);
    if (info !== undefined && info.generation === cached.generation && info.done === cached.done) {
      return { ...cached, info };
    }
    ctx.cache?.delete(id);
  }
  const loaded = await ctx.store.load(id);
  if (loaded === undefined) return undefined;
  const { info, document, raw } = loaded;
  return { info, document, raw, generation: info.generation, done: info.done };
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
  /stage thread exited|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|Connection is closed|MaxRetriesPerRequest|Stream isn't writeable|LOADING/i;

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
  const loaded = await readDocument(ctx, id);
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
    const raw: RawDocument = {
      content: loaded.raw.content,
      id,
      ...(loaded.raw.uri === undefined ? {} : { uri: loaded.raw.uri }),
      ...(loaded.raw.contentType === undefined ? {} : { contentType: loaded.raw.contentType }),
    };
    result = await ctx.runStage(stage, loaded.document, raw, info.size);
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
  if (outcome === 'written') {
    ctx.cache?.set(id, { generation, done: index + 1, document: result, raw: loaded.raw });
  } else {
    ctx.cache?.delete(id);
  }
  return forward(outcome);
}
