import { createNormalizer, type NormalizeOptions } from '@xinwen/normalize';
import { stageOptions } from '../options.js';
import type { PipelineOptions } from '../pipeline.js';
import type { PipelineStage } from '../stages.js';

/**
 * Normalize: decodes the raw bytes (recording the detected encoding on `source`) and cleans the
 * text into simplified script, with a report of what was fixed, removed and damaged.
 */
export function normalizeStage(options: PipelineOptions): PipelineStage {
  const normalize = createNormalizer(stageOptions(options.normalize) as NormalizeOptions);
  return (doc, raw, ctx) => {
    // The content type and file name tell web pages and Markdown from text.
    const hints = {
      ...(raw.contentType === undefined ? {} : { contentType: raw.contentType }),
      ...(raw.uri === undefined ? {} : { uri: raw.uri }),
    };
    const r = normalize(raw.content, ctx, hints);
    return {
      source: { ...doc.source, encoding: r.encoding, encodingConfidence: r.encodingConfidence },
      normalized: {
        text: r.text,
        script: r.script,
        fixes: r.fixes,
        removed: r.removed,
        damaged: r.damaged,
        ...(r.web === undefined ? {} : { web: r.web }),
      },
    };
  };
}
