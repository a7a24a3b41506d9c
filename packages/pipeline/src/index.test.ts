import { expect, it } from 'vitest';
import * as pipeline from './index.js';

it('exports exactly these names', () => {
  expect(Object.keys(pipeline).sort()).toEqual([
    'availableStages',
    'createPipeline',
    'initialDocument',
    'processDocument',
  ]);
});
