import { XinwenError } from '@xinwen/core';
import { segmentStage as createSegment } from '@xinwen/segment';
import type { PipelineStage } from '../stages.js';

/** Segment: sentences, tokens with offsets and POS, and keywords of the normalized text. */
export function segmentStage(): PipelineStage {
  const run = createSegment();
  return (doc, _raw, ctx) => {
    if (doc.normalized === undefined) {
      throw new XinwenError(
        'invalid_document',
        `document ${doc.id} has no normalized text: run normalize first`,
      );
    }
    return { segmented: run(doc.normalized.text, ctx) };
  };
}
