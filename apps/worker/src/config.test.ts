import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('loadConfig', () => {
  it('has defaults that need nothing set', () => {
    const config = loadConfig({}, {});
    expect(config).toMatchObject({
      prefix: 'xinwen',
      concurrency: 1,
      dataDir: '.xinwen',
      pipeline: '@xinwen/pipeline',
    });
    expect(config.redisUrl).toBeUndefined();
  });

  it('reads the environment, and flags win over it; empty variables count as unset', () => {
    const env = {
      REDIS_URL: 'redis://10.0.0.5:6380/2',
      XINWEN_CONCURRENCY: '4',
      XINWEN_PREFIX: '',
      STORE_URL: '',
    };
    expect(loadConfig({}, env)).toMatchObject({
      redisUrl: 'redis://10.0.0.5:6380/2',
      concurrency: 4,
      prefix: 'xinwen',
    });
    expect(loadConfig({ concurrency: '2', prefix: 'cq' }, env)).toMatchObject({
      concurrency: 2,
      prefix: 'cq',
    });
  });

  it('names every bad setting and what it expected', () => {
    expect(() => loadConfig({ concurrency: 'many' }, { REDIS_URL: 'localhost:6379' })).toThrowError(
      expect.objectContaining({
        code: 'invalid_options',
        message: expect.stringMatching(
          /^invalid configuration: REDIS_URL="localhost:6379": expected a redis:\/\/ or rediss:\/\/ URL.*; --concurrency="many": /,
        ),
      }),
    );
    expect(() => loadConfig({}, { XINWEN_PREFIX: 'a:b' })).toThrowError(
      /XINWEN_PREFIX="a:b": expected letters/,
    );
  });
});
