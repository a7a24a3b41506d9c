import { describe, expect, it } from 'vitest';
import { createDedupeIndex } from './dedupe-index.js';
import { fingerprint } from './fingerprint.js';
import { memoryBackend } from './memory.js';
import { backendSuite } from './test-support/backend-suite.js';
import { report } from './test-support/documents.js';

backendSuite('memory', () => memoryBackend());

describe('createDedupeIndex', () => {
  it('uses the memory backend by default', async () => {
    const idx = createDedupeIndex();
    expect(idx.backend).toBe('memory');
    expect(idx.threshold).toBe(0.5);
    await idx.checkAndAdd('a', fingerprint(report));
    expect(await idx.size()).toBe(1);
  });

  it('rejects bad options with invalid_options', () => {
    expect(() => createDedupeIndex({ threshold: 0 })).toThrow(
      expect.objectContaining({ code: 'invalid_options' }),
    );
    expect(() => createDedupeIndex({ threshold: 1.1 })).toThrow(
      expect.objectContaining({ code: 'invalid_options' }),
    );
    expect(() => createDedupeIndex({ maxBucketSize: 0 })).toThrow(
      expect.objectContaining({ code: 'invalid_options' }),
    );
    expect(() => createDedupeIndex({ backend: 'redis' as 'memory' })).toThrow(
      expect.objectContaining({ code: 'invalid_options' }),
    );
  });

  it('grows past its first allocation', async () => {
    const idx = createDedupeIndex();
    for (let i = 0; i < 1100; i++)
      await idx.checkAndAdd(`d${i}`, fingerprint(`第${i}号文件：重庆日报编号${i * 7919}`));
    expect(await idx.size()).toBe(1100);
    expect((await idx.check('again', fingerprint(`第0号文件：重庆日报编号0`))).exactDuplicateOf).toBe('d0');
    expect(
      (await idx.check('again', fingerprint(`第1099号文件：重庆日报编号${1099 * 7919}`))).exactDuplicateOf,
    ).toBe('d1099');
  });
});
