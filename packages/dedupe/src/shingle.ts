import { charTable } from './chars.js';
import { fmix32 } from './hash.js';

/**
 * Character shingles for comparing short texts (paragraphs) exactly: every run of `size`
 * consecutive kept characters (see `chars.ts`), hashed without building a string. A polynomial
 * hash over the char codes is rolled along the text (`Math.imul`, mod 2^32) and finalised with
 * {@link fmix32}, the same hash `fingerprint` uses. A text with fewer kept characters than `size`
 * gives one shingle of all of them; a text with none gives no shingles.
 */

/** Multiplier of the rolling polynomial hash (odd, so multiplication mod 2^32 is invertible). */
const BASE = 0x01000193;

/** Largest shingle size supported by the ring buffer. */
export const MAX_SHINGLE_SIZE = 16;

/**
 * Writes the hash of every shingle of `text` (repeats included) into `out`, which must hold at
 * least `text.length + 1` values, and returns how many were written and how many characters were
 * kept.
 */
export function shingleHashes(text: string, size: number, out: Uint32Array): { count: number; kept: number } {
  const table = charTable();
  const ring = new Int32Array(MAX_SHINGLE_SIZE);
  let topPower = 1;
  for (let i = 1; i < size; i++) topPower = Math.imul(topPower, BASE);
  let count = 0;
  let h = 0;
  let kept = 0;
  let slot = 0;
  for (let i = 0; i < text.length; i++) {
    const c = table[text.charCodeAt(i)] as number;
    if (c === 0) continue;
    if (kept >= size) h = (h - Math.imul(ring[slot] as number, topPower)) | 0;
    ring[slot] = c;
    slot = slot + 1 === size ? 0 : slot + 1;
    h = (Math.imul(h, BASE) + c) | 0;
    kept++;
    if (kept >= size) out[count++] = fmix32(h);
  }
  if (kept > 0 && kept < size) out[count++] = fmix32(h);
  return { count, kept };
}

/** The distinct shingle hashes of a text, sorted ascending, and the number of kept characters. */
export function shingleSet(text: string, size: number): { set: Uint32Array; kept: number } {
  const hashes = new Uint32Array(text.length + 1);
  const { count, kept } = shingleHashes(text, size, hashes);
  const sorted = hashes.subarray(0, count).sort();
  let unique = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (unique === 0 || sorted[i] !== sorted[unique - 1]) sorted[unique++] = sorted[i] as number;
  }
  return { set: sorted.slice(0, unique), kept };
}

/** Size of the intersection of two sorted sets from {@link shingleSet}. */
export function intersectionSize(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      common++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return common;
}
