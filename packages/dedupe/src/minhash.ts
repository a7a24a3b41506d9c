import { fmix32 } from './hash.js';

/**
 * MinHash by one-permutation hashing: each shingle's hash picks one of {@link MINHASH_SIZE} bins
 * by its top bits and the bin keeps the smallest second hash it sees — one comparison per
 * shingle instead of one hash per permutation. Bins no shingle fell into (short texts) are filled
 * by optimal densification (Shrivastava, ICML 2017): copied from a non-empty bin chosen by a
 * fixed hash sequence, so equal texts still give equal signatures and the fraction of equal bins
 * of two signatures stays an estimate of the Jaccard similarity of their shingle sets.
 */

/** Number of bins (hash values) in a signature. */
export const MINHASH_SIZE = 128;
const BIN_SHIFT = 25; // 32 - log2(MINHASH_SIZE)

/** Accumulates shingles into a MinHash signature. */
export class MinHasher {
  readonly signature = new Uint32Array(MINHASH_SIZE);
  private readonly filled = new Uint8Array(MINHASH_SIZE);

  /** Adds one shingle given its two 32-bit hashes. */
  add(binHash: number, value: number): void {
    const bin = binHash >>> BIN_SHIFT;
    if (this.filled[bin] === 0) {
      this.filled[bin] = 1;
      this.signature[bin] = value;
    } else if (value < (this.signature[bin] as number)) {
      this.signature[bin] = value;
    }
  }

  /** Fills the empty bins and returns the signature. */
  finish(): Uint32Array {
    const { signature, filled } = this;
    let any = false;
    for (let i = 0; i < MINHASH_SIZE; i++) if (filled[i] === 1) any = true;
    if (!any) return signature;
    for (let i = 0; i < MINHASH_SIZE; i++) {
      if (filled[i] === 1) continue;
      for (let attempt = 1; ; attempt++) {
        const j = fmix32(Math.imul(i + 1, 0x9e3779b1) ^ attempt) >>> BIN_SHIFT;
        if (filled[j] === 1) {
          signature[i] = signature[j] as number;
          break;
        }
      }
    }
    return signature;
  }
}

/** Estimated Jaccard similarity of the shingle sets behind two signatures: the share of equal bins. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let equal = 0;
  for (let i = 0; i < MINHASH_SIZE; i++) if (a[i] === b[i]) equal++;
  return equal / MINHASH_SIZE;
}
