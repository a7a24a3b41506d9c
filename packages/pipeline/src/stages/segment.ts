import { segmentStage as createSegment, type SegmenterOptions } from '@xinwen/segment';
import { stageOptions } from '../options.js';
import type { PipelineOptions } from '../pipeline.js';
import { type PipelineStage, requireNormalized } from '../stages.js';

/** Segment: sentences, tokens with offsets and POS, and keywords of the normalized text. */
export function segmentStage(options: PipelineOptions): PipelineStage {
  const run = createSegment(stageOptions(options.segment) as SegmenterOptions);
  return (doc, _raw, ctx) => ({ segmented: run(requireNormalized(doc).text, ctx) });
}
