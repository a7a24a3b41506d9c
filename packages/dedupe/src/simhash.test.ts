import { describe, expect, it } from 'vitest';
import { hammingDistance, SimHasher } from './simhash.js';

/** SimHash the plain way: 64 counters. */
function naive(hashes: [number, number][]): string {
  const counts = new Array<number>(64).fill(0);
  for (const [high, low] of hashes) {
    for (let bit = 0; bit < 32; bit++) {
      if ((low >>> bit) & 1) counts[bit] = (counts[bit] as number) + 1;
      if ((high >>> bit) & 1) counts[32 + bit] = (counts[32 + bit] as number) + 1;
    }
  }
  let out = '';
  for (let word = 1; word >= 0; word--) {
    let value = 0;
    for (let bit = 0; bit < 32; bit++)
      if ((counts[word * 32 + bit] as number) * 2 > hashes.length) value |= 1 << bit;
    out += (value >>> 0).toString(16).padStart(8, '0');
  }
  return out;
}

describe('SimHasher', () => {
  it('gives the same bits as counting each bit separately', () => {
    let seed = 12345;
    const next = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed;
    };
    for (const n of [1, 2, 3, 7, 100, 1001]) {
      const hashes: [number, number][] = Array.from({ length: n }, () => [next(), next()]);
      const hasher = new SimHasher();
      for (const [high, low] of hashes) hasher.add(high, low);
      expect(hasher.finish()).toBe(naive(hashes));
    }
  });

  it('counts differing bits', () => {
    expect(hammingDistance('0000000000000000', '0000000000000000')).toBe(0);
    expect(hammingDistance('ffffffffffffffff', '0000000000000000')).toBe(64);
    // 0x03 ^ 0x23 = 0x20 (one bit), 0x2f ^ 0xad = 0x82 (two bits)
    expect(hammingDistance('58031c2f4240fb76', '58231cad4240fb76')).toBe(3);
  });
});
