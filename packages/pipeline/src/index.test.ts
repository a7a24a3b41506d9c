import { expect, it } from 'vitest';
import * as pipeline from './index.js';

it('exports exactly these names', () => {
  expect(Object.keys(pipeline).sort()).toEqual([
    'DedupeOptionsSchema',
    'ExtractOptionsSchema',
    'NormalizeOptionsSchema',
    'SegmentOptionsSchema',
    'StageOptionsSchema',
    'availableStages',
    'createPipeline',
    'initialDocument',
    'processDocument',
  ]);
});
