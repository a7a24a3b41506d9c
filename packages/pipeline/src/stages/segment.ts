import { segmentStage as createSegment } from '@xinwen/segment';
import { type PipelineStage, requireNormalized } from '../stages.js';

/** Segment: sentences, tokens with offsets and POS, and keywords of the normalized text. */
export function segmentStage(): PipelineStage {
  const run = createSegment();
  return (doc, _raw, ctx) => ({ segmented: run(requireNormalized(doc).text, ctx) });
}
