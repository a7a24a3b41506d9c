import type { Segmented, Stage } from '@xinwen/core';
import { createSegmenter, type SegmenterOptions } from './segmenter.js';

/**
 * The segment stage for a pipeline: normalized text in, `segmented` out. The segmenter (and
 * nodejieba's dictionaries) are set up when the factory is called, once. The result is exactly the
 * document model's `segmented` (the input's script is the normalizer's business there).
 */
export const segmentStage: Stage<string, Segmented, SegmenterOptions> = (options) => {
  const segmenter = createSegmenter(options);
  return (text) => {
    const { sentences, tokens, keywords } = segmenter.segment(text);
    return { sentences, tokens, keywords };
  };
};
