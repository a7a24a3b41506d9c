import type { ProcessedDocument, Warning } from '@xinwen/core';
import { decodeFields, encodeFields } from './compact.js';

/**
 * What one stage added to a document: the top-level fields it set (whole: a field a stage sets
 * replaces the one before) and the warnings it appended. Stored under `out:<stage>`.
 */
export interface StageResult {
  /** The stage's name, as in the document's stage plan. */
  stage: string;
  /** The top-level fields the stage set. */
  fields: Partial<ProcessedDocument>;
  /** The warnings the stage added. */
  warnings: Warning[];
}

/** A stage result in its stored form (see `compact.ts`), as JSON. */
export function encodeResult(result: StageResult, text: string | undefined): string {
  return JSON.stringify({ fields: encodeFields(result.fields, text), warnings: result.warnings });
}

/** Applies a stored stage result to the document, the way the pipeline merges a stage's result. */
export function applyStored(doc: ProcessedDocument, stored: string): ProcessedDocument {
  const parsed = JSON.parse(stored) as { fields: Record<string, unknown>; warnings?: Warning[] };
  const fields = decodeFields(parsed.fields, doc.normalized?.text);
  return { ...doc, ...fields, warnings: [...doc.warnings, ...(parsed.warnings ?? [])] };
}
