import { createExtractor, type ExtractOptions } from '@xinwen/extract';
import { stageOptions } from '../options.js';
import type { PipelineOptions } from '../pipeline.js';
import { type PipelineStage, requireNormalized } from '../stages.js';

/** Extract: the page (date, publication, editors) and its articles with their fields. */
export function extractStage(options: PipelineOptions): PipelineStage {
  const run = createExtractor(stageOptions(options.extract) as ExtractOptions);
  return (doc, _raw, ctx) => {
    const normalized = requireNormalized(doc);
    const input = doc.segmented === undefined ? { normalized } : { normalized, segmented: doc.segmented };
    const { page, articles } = run(input, ctx);
    return { page, articles };
  };
}
