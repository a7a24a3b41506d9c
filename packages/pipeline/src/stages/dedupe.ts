import { createDedupe, createDedupeIndex, type DedupeOptions } from '@xinwen/dedupe';
import { stageOptions } from '../options.js';
import type { PipelineOptions } from '../pipeline.js';
import { type PipelineStage, requireNormalized } from '../stages.js';

/**
 * Dedupe: fingerprints the normalized text, finds repeated paragraphs and checks the document
 * against the pipeline's index (a memory index per pipeline unless the caller passes one, so
 * `process a.txt b.txt` reports duplicates among the files given).
 */
export function dedupeStage(options: PipelineOptions): PipelineStage {
  const run = createDedupe({
    ...(stageOptions(options.dedupe) as Omit<DedupeOptions, 'index'>),
    index: options.dedupeIndex ?? createDedupeIndex(),
  });
  return async (doc, _raw, ctx) => ({
    dedupe: await run({ id: doc.id, text: requireNormalized(doc).text }, ctx),
  });
}
