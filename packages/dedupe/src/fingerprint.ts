import { createHash } from 'node:crypto';
import { XinwenError } from '@xinwen/core';
import { charTable } from './chars.js';
import { fmix32 } from './hash.js';
import { MinHasher } from './minhash.js';
import { MAX_SHINGLE_SIZE } from './shingle.js';
import { SimHasher } from './simhash.js';

/** What the index compares documents by. */
export interface Fingerprint {
  /** `sha256:<hex>` of the text exactly as given (UTF-8). Equal hashes mean an exact duplicate. */
  contentHash: string;
  /** 64-bit SimHash of the character shingles as 16 lower-case hex digits. */
  simhash: string;
  /**
   * MinHash signature of the set of character shingles: 128 32-bit values. The share of equal
   * positions in two signatures estimates the Jaccard similarity of the two texts.
   */
  minhash: Uint32Array;
}

/** Options for {@link fingerprint}. */
export interface FingerprintOptions {
  /**
   * Characters per shingle, counted after punctuation and whitespace are dropped. Four
   * characters is about two Chinese words: long enough that two different articles on the same
   * topic share few shingles, short enough that one changed character spoils only four.
   * Fingerprints compared with each other must use the same size.
   * @default 4
   */
  shingleSize?: number;
}

/** Default characters per shingle. */
export const DEFAULT_SHINGLE_SIZE = 4;

const BASE = 0x01000193;

/**
 * A second 32-bit hash derived from the first (already fully mixed) one: its top bits pick the
 * MinHash bin, and the pair makes the 64 bits SimHash votes with.
 */
function second(a: number): number {
  const b = Math.imul(a, 0x9e3779b1);
  return (b ^ (b >>> 16)) >>> 0;
}

/** Checks a shingle size option, throwing `invalid_options` when it is out of range. */
export function checkShingleSize(size: number): number {
  if (!Number.isInteger(size) || size < 1 || size > MAX_SHINGLE_SIZE) {
    throw new XinwenError(
      'invalid_options',
      `expected shingleSize to be an integer from 1 to ${MAX_SHINGLE_SIZE}, found ${String(size)}`,
    );
  }
  return size;
}

/**
 * Fingerprints a text (normally `doc.normalized.text`): content hash, SimHash and MinHash
 * signature. Punctuation, whitespace and line breaks do not count for the SimHash and MinHash, so
 * a reflowed or re-punctuated copy gets the same signature.
 *
 * @throws XinwenError `invalid_input` when `text` is not a string; `empty_document` when it has
 *   no letters or digits at all.
 */
export function fingerprint(text: string, options: FingerprintOptions = {}): Fingerprint {
  if (typeof text !== 'string') {
    throw new XinwenError(
      'invalid_input',
      `expected the text to fingerprint as a string, found ${typeof text}`,
    );
  }
  const size = checkShingleSize(options.shingleSize ?? DEFAULT_SHINGLE_SIZE);
  const table = charTable();
  const minhash = new MinHasher();
  const simhash = new SimHasher();
  const ring = new Int32Array(MAX_SHINGLE_SIZE);
  let topPower = 1;
  for (let i = 1; i < size; i++) topPower = Math.imul(topPower, BASE);

  // The hot loop: one table read per code unit, one rolling-hash step per kept character, two
  // finaliser calls and O(1) work per shingle. No strings are built.
  let h = 0;
  let kept = 0;
  let slot = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = table[text.charCodeAt(i)] as number;
    if (c === 0) continue;
    if (kept >= size) h = (h - Math.imul(ring[slot] as number, topPower)) | 0;
    ring[slot] = c;
    slot = slot + 1 === size ? 0 : slot + 1;
    h = (Math.imul(h, BASE) + c) | 0;
    kept++;
    if (kept >= size) {
      const a = fmix32(h);
      const b = second(a);
      minhash.add(b, a);
      simhash.add(a, b);
    }
  }
  if (kept === 0) {
    throw new XinwenError(
      'empty_document',
      'expected text with letters or digits to fingerprint, found none',
      {
        details: { length: text.length },
      },
    );
  }
  if (kept < size) {
    const a = fmix32(h);
    const b = second(a);
    minhash.add(b, a);
    simhash.add(a, b);
  }
  return {
    contentHash: `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`,
    simhash: simhash.finish(),
    minhash: minhash.finish(),
  };
}
