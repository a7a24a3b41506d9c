import type { StageName } from '@xinwen/core';
import { printable } from '../ids.js';
import { type IngestOutcome, type InputOptions, ingestAll } from '../ingest.js';
import { plannedStages } from '../pipeline-options.js';
import type { Runtime } from '../runtime.js';
import { type Io, progressLine } from './context.js';

/** Counts of an ingest run. */
export interface IngestSummary {
  outcomes: IngestOutcome[];
  created: number;
  existing: number;
  failed: number;
}

/**
 * `xinwen ingest PATH... | -`: stores each input and enqueues its first stage. On a terminal it
 * draws a progress line; otherwise it prints one line per document. Failures always get a line.
 */
export async function ingestCommand(
  runtime: Runtime,
  paths: readonly string[],
  options: InputOptions,
  io: Io,
): Promise<IngestSummary> {
  const stages: StageName[] = plannedStages(runtime.pipeline);
  const progress = progressLine(io);
  const summary: IngestSummary = { outcomes: [], created: 0, existing: 0, failed: 0 };
  const outcomes = await ingestAll(runtime, paths, options, stages, (outcome) => {
    if (outcome.state === 'new') summary.created++;
    else if (outcome.state === 'exists') summary.existing++;
    else summary.failed++;
    if (outcome.state === 'failed') {
      progress.done();
      io.stderr(`xinwen: ${printable(outcome.name)}: ${outcome.code}: ${printable(outcome.message ?? '')}\n`);
    } else if (!io.tty) {
      io.stderr(
        `ingest: ${outcome.state === 'new' ? 'queued' : 'already stored'} ${printable(outcome.id)} ${printable(outcome.name)}\n`,
      );
    }
    const total = summary.created + summary.existing + summary.failed;
    progress.update(
      `ingest: ${total} documents (${summary.created} new, ${summary.existing} already stored, ${summary.failed} failed)`,
    );
  });
  progress.done();
  summary.outcomes = outcomes;
  io.stderr(
    `ingest: ${summary.created} new, ${summary.existing} already stored, ${summary.failed} failed; stages: ${stages.join(' -> ') || '(none)'}\n`,
  );
  return summary;
}
