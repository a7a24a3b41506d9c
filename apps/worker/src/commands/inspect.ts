import { XinwenError } from '@xinwen/core';
import type { DocumentStatus } from '@xinwen/store';
import { plannedStages } from '../pipeline-options.js';
import type { Runtime } from '../runtime.js';
import type { Io } from './context.js';

const states = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;

/** `xinwen status`: queue counts per stage, documents by status, failures by code, throughput. */
export async function statusCommand(runtime: Runtime, options: { json: boolean }, io: Io): Promise<number> {
  const stages = plannedStages(runtime.pipeline);
  const queues: Record<string, Record<string, number>> = {};
  for (const stage of stages) {
    queues[stage] = await runtime.queues.get(stage).getJobCounts(...states);
  }
  const stats = await runtime.store.stats();
  if (options.json) {
    await io.stdout(
      `${JSON.stringify({ prefix: runtime.config.prefix, stages, queues, store: stats }, null, 2)}\n`,
    );
    return 0;
  }
  const width = Math.max(5, ...stages.map((s) => s.length));
  await io.stdout(`queues (${runtime.config.prefix}:queue)\n`);
  await io.stdout(`  ${'stage'.padEnd(width)}  ${states.map((s) => s.padStart(10)).join('')}\n`);
  for (const stage of stages) {
    await io.stdout(
      `  ${stage.padEnd(width)}  ${states.map((s) => String(queues[stage]?.[s] ?? 0).padStart(10)).join('')}\n`,
    );
  }
  if (stages.length === 0) await io.stdout('  (the pipeline has no stages: documents complete at ingest)\n');
  await io.stdout(
    `documents  ${stats.documents} total: ${stats.pending} pending, ${stats.completed} completed, ${stats.failed} failed\n`,
  );
  const codes = Object.entries(stats.failuresByCode);
  if (codes.length > 0) await io.stdout(`failures   ${codes.map(([c, n]) => `${c} ${n}`).join(', ')}\n`);
  await io.stdout(`throughput ${stats.completedLastMinute} documents completed in the last minute\n`);
  return 0;
}

/** `xinwen show ID`: the stored ProcessedDocument as JSON (and why, if it failed). */
export async function showCommand(runtime: Runtime, id: string, io: Io): Promise<number> {
  const info = await runtime.store.info(id);
  if (info === undefined) {
    io.stderr(`xinwen: not_found: no document "${id}" in the store (prefix ${runtime.config.prefix})\n`);
    return 1;
  }
  const doc = await runtime.store.get(id);
  await io.stdout(`${JSON.stringify(doc, null, 2)}\n`);
  if (info.status !== 'completed') {
    const why = info.error ? `: ${info.error.code} at ${info.error.stage}: ${info.error.message}` : '';
    io.stderr(`xinwen: ${id} is ${info.status} (${info.done}/${info.stages.length} stages)${why}\n`);
  }
  return 0;
}

/** Parses `--since`: epoch milliseconds or an ISO date/time. */
export function parseSince(value: string): number {
  if (/^\d+$/.test(value)) return Number(value);
  const time = Date.parse(value);
  if (Number.isNaN(time)) {
    throw new XinwenError(
      'invalid_options',
      `--since: expected an ISO date or epoch milliseconds, found "${value}"`,
    );
  }
  return time;
}

/** `xinwen export`: completed documents (completed since `--since`) as JSON Lines. */
export async function exportCommand(
  runtime: Runtime,
  options: { since?: number; format: string; status: DocumentStatus },
  io: Io,
): Promise<number> {
  if (options.format !== 'jsonl') {
    throw new XinwenError('invalid_options', `--format: expected jsonl, found "${options.format}"`);
  }
  let count = 0;
  for await (const info of runtime.store.list({
    status: options.status,
    ...(options.since === undefined ? {} : { since: options.since }),
  })) {
    const doc = await runtime.store.get(info.id);
    if (doc === undefined) continue;
    // A document not completed says where it is and why it stopped.
    const line =
      info.status === 'completed'
        ? doc
        : { ...doc, status: info.status, ...(info.error === undefined ? {} : { error: info.error }) };
    await io.stdout(`${JSON.stringify(line)}\n`);
    count++;
  }
  io.stderr(`export: ${count} documents\n`);
  return 0;
}
