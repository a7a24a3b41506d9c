import { describe, expect, it } from 'vitest';
import { estimateJaccard, MINHASH_SIZE, MinHasher } from './minhash.js';

function signature(values: number[]): Uint32Array {
  const hasher = new MinHasher();
  for (const v of values)
    hasher.add(Math.imul(v, 0x9e3779b1) >>> 0, Math.imul(v ^ 0x5bd1e995, 0x85ebca6b) >>> 0);
  return hasher.finish();
}

describe('MinHasher', () => {
  it('fills every bin, also for a set smaller than the signature', () => {
    const sig = signature([1, 2, 3]);
    expect(sig.length).toBe(MINHASH_SIZE);
    const fromSet = new Set(sig);
    expect(fromSet.size).toBeLessThanOrEqual(3);
    expect(signature([3, 2, 1])).toEqual(sig);
  });

  it('estimates the Jaccard similarity of two sets', () => {
    const a = Array.from({ length: 2000 }, (_, i) => i);
    const b = Array.from({ length: 2000 }, (_, i) => i + 1000); // 1000 shared of 3000: J = 1/3
    const estimate = estimateJaccard(signature(a), signature(b));
    expect(estimate).toBeGreaterThan(0.2);
    expect(estimate).toBeLessThan(0.46);
    expect(estimateJaccard(signature(a), signature(a))).toBe(1);
    expect(
      estimateJaccard(signature(a), signature(Array.from({ length: 2000 }, (_, i) => i + 5000))),
    ).toBeLessThan(0.05);
  });
});
