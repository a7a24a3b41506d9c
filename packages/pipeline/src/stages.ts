import type { ProcessedDocument, StageContext, StageName } from '@xinwen/core';
import type { RawDocument } from './raw.js';

/** One stage as the pipeline runs it: reads the document so far, returns the fields it adds. */
export type PipelineStage = (
  doc: ProcessedDocument,
  raw: RawDocument,
  ctx: StageContext,
) => Partial<ProcessedDocument>;

/**
 * How each stage package plugs into the pipeline. A stage whose package has not landed yet is
 * absent, and the pipeline simply runs without it.
 */
export const stageRegistry: Partial<Record<StageName, () => PipelineStage>> = {};
