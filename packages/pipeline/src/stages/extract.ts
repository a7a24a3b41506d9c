import { createExtractor } from '@xinwen/extract';
import { type PipelineStage, requireNormalized } from '../stages.js';

/** Extract: the page (date, publication, editors) and its articles with their fields. */
export function extractStage(): PipelineStage {
  const run = createExtractor();
  return (doc, _raw, ctx) => {
    const normalized = requireNormalized(doc);
    const input = doc.segmented === undefined ? { normalized } : { normalized, segmented: doc.segmented };
    const { page, articles } = run(input, ctx);
    return { page, articles };
  };
}
