import { createDedupe, createDedupeIndex } from '@xinwen/dedupe';
import type { PipelineOptions } from '../pipeline.js';
import { type PipelineStage, requireNormalized } from '../stages.js';

/**
 * Dedupe: fingerprints the normalized text, finds repeated paragraphs and checks the document
 * against the pipeline's index (a memory index per pipeline unless the caller passes one, so
 * `process a.txt b.txt` reports duplicates among the files given).
 */
export function dedupeStage(options: PipelineOptions): PipelineStage {
  const run = createDedupe({ index: options.dedupeIndex ?? createDedupeIndex() });
  return async (doc, _raw, ctx) => ({
    dedupe: await run({ id: doc.id, text: requireNormalized(doc).text }, ctx),
  });
}
