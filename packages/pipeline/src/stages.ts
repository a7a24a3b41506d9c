import type { ProcessedDocument, StageContext, StageName } from '@xinwen/core';
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
