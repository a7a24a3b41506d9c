import type { ProcessedDocument, Warning } from '@xinwen/core';

/** What one stage added to a document: the top-level fields it set and the warnings it appended. */
export interface StagePatch {
  fields: Partial<ProcessedDocument>;
  warnings: Warning[];
}

/**
 * The part of `next` that differs from `previous`. A stage returns `{ ...previous, ...added }`,
 * so unchanged fields are the same objects and a reference comparison finds what it added.
 */
export function diffDocument(previous: ProcessedDocument, next: ProcessedDocument): StagePatch {
  const fields: Record<string, unknown> = {};
  const before = previous as Record<string, unknown>;
  for (const [key, value] of Object.entries(next)) {
    if (key === 'warnings') continue;
    if (before[key] !== value) fields[key] = value;
  }
  return {
    fields: fields as Partial<ProcessedDocument>,
    warnings: next.warnings.slice(previous.warnings.length),
  };
}

/** Applies a stage's patch the way the pipeline merges a stage's result. */
export function applyPatch(doc: ProcessedDocument, patch: StagePatch): ProcessedDocument {
  return { ...doc, ...patch.fields, warnings: [...doc.warnings, ...patch.warnings] };
}
