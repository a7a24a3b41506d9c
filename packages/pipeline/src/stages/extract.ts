import { XinwenError } from '@xinwen/core';
import { createExtractor } from '@xinwen/extract';
import type { PipelineStage } from '../stages.js';

/** Extract: the page (date, publication, editors) and its articles with their fields. */
export function extractStage(): PipelineStage {
  const run = createExtractor();
  return (doc, _raw, ctx) => {
    if (doc.normalized === undefined) {
      throw new XinwenError(
        'invalid_document',
        `document ${doc.id} has no normalized text: run normalize first`,
      );
    }
    const input =
      doc.segmented === undefined
        ? { normalized: doc.normalized }
        : { normalized: doc.normalized, segmented: doc.segmented };
    const { page, articles } = run(input, ctx);
    return { page, articles };
  };
}
