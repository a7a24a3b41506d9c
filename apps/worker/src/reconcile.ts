/**
 * Job ids and store state reconciled: every pending document must have a live job for the stage
 * it is at. Job ids derive from stage + document id + run, so a duplicate enqueue is a no-op — which
 * also makes it a no-op when the job of that id already *finished* while the store lost track of
 * it (the store's Redis restarted empty and the document was ingested again; a queue emptied by
 * hand; a final failure that could not be written). Then the document would stay pending forever.
 * {@link ensureJob} replaces a finished job of a pending document with a new one, and
 * {@link reconcilePending} does so for every pending document; commands run it when they start.
 */
import type { DocumentInfo } from '@xinwen/store';
import { jobId } from './queues.js';
import type { Runtime } from './runtime.js';

/** What {@link ensureJob} found. */
export type EnsureOutcome =
  /** No job had the id: one was added. */
  | 'added'
  /** A job of that id is waiting, active or delayed: left alone. */
  | 'live'
  /** A job of that id had finished (completed or failed) although the document waits for it: replaced. */
  | 'replaced';

/**
 * Makes sure the job of `stage` for run `generation` of document `id` is live. Safe to race with a
 * worker running that job: a job is only replaced once finished and while the store, read after
 * that, still has the document waiting for this stage of this run.
 */
export async function ensureJob(
  runtime: Pick<Runtime, 'queues' | 'store'>,
  stage: string,
  id: string,
  generation: number,
): Promise<EnsureOutcome> {
  const queue = runtime.queues.get(stage);
  const jid = jobId(stage, id, generation);
  const state = await queue.getJobState(jid);
  if (state === 'unknown') {
    await runtime.queues.enqueue(stage, id, generation);
    return 'added';
  }
  if (state !== 'completed' && state !== 'failed') return 'live';
  // A job completes only after its result is stored: read the document again, now that the job
  // is known to be finished, so that a document whose job just finished is not run once more.
  const info = await runtime.store.info(id);
  if (info === undefined || info.generation !== generation || nextStage(info) !== stage) return 'live';
  try {
    await queue.remove(jid);
  } catch (error) {
    // Another process replaced it first and a worker holds the new job: it is live.
    if ((await queue.getJobState(jid)) !== 'unknown') return 'live';
    throw error;
  }
  await runtime.queues.enqueue(stage, id, generation);
  return 'replaced';
}

/** The stage a pending document waits for, or undefined when it waits for none. */
export function nextStage(info: Pick<DocumentInfo, 'status' | 'stages' | 'done'>): string | undefined {
  return info.status === 'pending' ? info.stages[info.done] : undefined;
}

/** Counts of a {@link reconcilePending} pass. */
export interface ReconcileSummary {
  /** Pending documents looked at. */
  pending: number;
  /** Jobs added for documents that had none. */
  added: number;
  /** Finished jobs replaced for documents that still waited for them. */
  replaced: number;
}

/**
 * Gives every pending document a live job for its next stage (see {@link ensureJob}), looking at
 * `batch` documents at a time.
 */
export async function reconcilePending(
  runtime: Pick<Runtime, 'queues' | 'store'>,
  options: { batch?: number; signal?: AbortSignal } = {},
): Promise<ReconcileSummary> {
  const batch = options.batch ?? 200;
  const summary: ReconcileSummary = { pending: 0, added: 0, replaced: 0 };
  let page: DocumentInfo[] = [];
  const flush = async () => {
    const outcomes = await Promise.all(
      page.map((info) => {
        const stage = nextStage(info);
        return stage === undefined ? 'live' : ensureJob(runtime, stage, info.id, info.generation);
      }),
    );
    for (const outcome of outcomes) if (outcome !== 'live') summary[outcome]++;
    page = [];
  };
  for await (const info of runtime.store.list({ status: 'pending' })) {
    if (options.signal?.aborted) break;
    summary.pending++;
    page.push(info);
    if (page.length >= batch) await flush();
  }
  await flush();
  return summary;
}
