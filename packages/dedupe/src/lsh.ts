import { fmix32 } from './hash.js';
import { MINHASH_SIZE } from './minhash.js';

/**
 * LSH banding: the 128-value signature is cut into {@link BANDS} bands of {@link ROWS} values and
 * each band hashed to 32 bits. Two documents become candidates when any band is equal. With
 * Jaccard similarity s the chance of that is 1 − (1 − s^4)^32: 0.23 at s = 0.3, 0.87 at 0.5,
 * 0.99 at 0.6, and above 0.999 from 0.7 — candidates are then checked on the full signature.
 */

/** Number of bands. */
export const BANDS = 32;
/** Signature values per band. */
export const ROWS = MINHASH_SIZE / BANDS;

/** The 32-bit hash of each band of a signature. */
export function bandHashes(signature: Uint32Array): Uint32Array {
  const out = new Uint32Array(BANDS);
  for (let b = 0; b < BANDS; b++) {
    let h = Math.imul(b + 1, 0x9e3779b1);
    for (let r = 0; r < ROWS; r++) h = Math.imul(h ^ (signature[b * ROWS + r] as number), 0x01000193);
    out[b] = fmix32(h);
  }
  return out;
}
