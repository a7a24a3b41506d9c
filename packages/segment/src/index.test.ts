import { describe, expect, it } from 'vitest';
import * as segmentPackage from './index.js';

describe('@xinwen/segment public API', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(segmentPackage).sort()).toEqual([
      'createSegmenter',
      'keywords',
      'readDictionaryFile',
      'segment',
      'segmentStage',
      'splitSentences',
      'tokenize',
    ]);
  });
});
