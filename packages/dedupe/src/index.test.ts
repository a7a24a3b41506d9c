import { describe, expect, it } from 'vitest';
import * as dedupe from './index.js';
import * as redis from './redis.js';

describe('@xinwen/dedupe public API', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(dedupe).sort()).toEqual([
      'DEFAULT_SHINGLE_SIZE',
      'DEFAULT_THRESHOLD',
      'MINHASH_SIZE',
      'createDedupe',
      'createDedupeIndex',
      'estimateJaccard',
      'findRepeatedParagraphs',
      'fingerprint',
      'hammingDistance',
      'memoryBackend',
      'splitParagraphs',
    ]);
  });

  it('exports the Redis backend from @xinwen/dedupe/redis only', () => {
    expect(Object.keys(redis).sort()).toEqual(['redisBackend']);
  });
});
