import {
  type Normalized,
  type ProcessedDocument,
  type StageContext,
  type StageName,
  XinwenError,
} from '@xinwen/core';
import type { PipelineOptions } from './pipeline.js';
import type { RawDocument } from './raw.js';
import { dedupeStage } from './stages/dedupe.js';
import { extractStage } from './stages/extract.js';
import { normalizeStage } from './stages/normalize.js';
import { segmentStage } from './stages/segment.js';

/**
 * One stage as the pipeline runs it: reads the document so far, returns the fields it adds.
 * May be async (the dedupe stage talks to its index, which may live in Redis).
 */
export type PipelineStage = (
  doc: ProcessedDocument,
  raw: RawDocument,
  ctx: StageContext,
) => Partial<ProcessedDocument> | Promise<Partial<ProcessedDocument>>;

/** How each stage package plugs into the pipeline: one adapter per stage in `stages/`. */
export const stageRegistry: Partial<Record<StageName, (options: PipelineOptions) => PipelineStage>> = {
  normalize: normalizeStage,
  segment: segmentStage,
  extract: extractStage,
  dedupe: dedupeStage,
};

/** The normalized text every stage after normalize reads; an `invalid_document` error without it. */
export function requireNormalized(doc: ProcessedDocument): Normalized {
  if (doc.normalized === undefined) {
    throw new XinwenError(
      'invalid_document',
      `document ${doc.id} has no normalized text: run normalize first`,
    );
  }
  return doc.normalized;
}
