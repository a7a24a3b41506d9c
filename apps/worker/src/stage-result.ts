import type { ProcessedDocument, StageName } from '@xinwen/core';
import type { RawDocument } from '@xinwen/pipeline';
import type { StageResult, StageWriteOutcome, Store } from '@xinwen/store';

/**
 * What `stage` added to a document: the top-level fields of `after` that are not the very
 * objects of `before`, and the warnings appended. A stage returns `{ ...before, ...added }`, so
 * this is exactly what it returned, as long as both documents are from the thread the stage ran
 * in: a document copied from another thread (a structured clone) shares no object with the one
 * it came from, and every field would look changed. {@link runStages} calls it there.
 */
export function stageResult(stage: string, before: ProcessedDocument, after: ProcessedDocument): StageResult {
  const fields: Record<string, unknown> = {};
  const previous = before as Record<string, unknown>;
  for (const key of Object.keys(after)) {
    if (key === 'warnings') continue;
    const value = (after as Record<string, unknown>)[key];
    if (previous[key] !== value) fields[key] = value;
  }
  return {
    stage,
    fields: fields as Partial<ProcessedDocument>,
    warnings: after.warnings.slice(before.warnings.length),
  };
}

/** Runs one stage over a document (a pipeline's `runStage`). */
export type StageRunner = (
  stage: StageName,
  doc: ProcessedDocument,
  raw: RawDocument,
) => Promise<ProcessedDocument>;

/** What running a document's stages one after the other gave. */
export interface StagesOutcome {
  /** The results of the stages that ran, in order. */
  results: StageResult[];
  /** Set when the stage after the last result failed: the error it threw. */
  error?: unknown;
}

/**
 * Runs `stages` in order over `doc`, each from the previous one's output, and collects what each
 * added. Stops at the first stage that throws, keeping the results before it. Yields to the event
 * loop after each stage.
 */
export async function runStages(
  run: StageRunner,
  stages: readonly StageName[],
  doc: ProcessedDocument,
  raw: RawDocument,
): Promise<StagesOutcome> {
  const results: StageResult[] = [];
  let current = doc;
  for (const stage of stages) {
    let next: ProcessedDocument;
    try {
      next = await run(stage, current, raw);
    } catch (error) {
      return { results, error };
    }
    results.push(stageResult(stage, current, next));
    current = next;
    // Let timers and signals through between stages (a stage's own awaits are microtasks only):
    // lock renewals, and a SIGTERM that should stop the worker taking the next job.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { results };
}

/** Which document, and which run of it, a {@link runAndStore} writes. */
export interface StoreTarget {
  id: string;
  generation: number;
}

/** What {@link runAndStore} did. */
export interface StoredOutcome {
  /** How many of the stages ran and were stored (or found stored). */
  ran: number;
  /** The store's answer to the write (`exists` when nothing was written). */
  outcome: StageWriteOutcome;
  /** Set when the stage after the `ran` first failed: the error it threw. */
  error?: unknown;
}

/**
 * Runs `stages` over `doc` (see {@link runStages}) and stores their results with one write, also
 * when a later stage failed, so a retry starts from the stage that failed. The stored form is
 * encoded here: in a worker thread, a large document's whole job but its read happens there.
 * @throws when the write fails (`store_unavailable` and the like).
 */
export async function runAndStore(
  run: StageRunner,
  store: Store,
  stages: readonly StageName[],
  doc: ProcessedDocument,
  raw: RawDocument,
  target: StoreTarget,
): Promise<StoredOutcome> {
  const { results, error } = await runStages(run, stages, doc, raw);
  const outcome =
    results.length === 0
      ? 'exists'
      : await store.putStageResults(target.id, results, { generation: target.generation, before: doc });
  return { ran: results.length, outcome, ...(error === undefined ? {} : { error }) };
}
