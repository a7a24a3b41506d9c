import { XinwenError } from '@xinwen/core';
import { checkShingleSize, DEFAULT_SHINGLE_SIZE } from './fingerprint.js';
import { shingleSet } from './shingle.js';

/** A paragraph that repeats an earlier one in the same document. */
export interface RepeatedParagraph {
  /** Index of the earlier paragraph. */
  first: number;
  /** Index of the repeat. */
  repeat: number;
  /**
   * How alike they are, 0–1: the Jaccard similarity of their shingle sets (1 for an exact
   * repeat), or — for a truncated copy matched by containment — the share of the shorter
   * paragraph's shingles found in the longer one.
   */
  similarity: number;
}

/** Options for {@link findRepeatedParagraphs}. */
export interface RepeatedParagraphOptions {
  /**
   * Two paragraphs whose shingle sets have at least this Jaccard similarity are a repeat. The
   * seeds' distinct-but-formulaic paragraphs (the same sentence frame with another venue and
   * speaker) reach 0.54; a copy with a rewritten opening clause 0.92.
   * @default 0.75
   */
  threshold?: number;
  /**
   * A shorter paragraph with at least this share of its shingles inside a longer one is a
   * truncated copy of it (a copy cut at a page break), provided it is prose — at least
   * `minContainedLength` characters and a sentence-ending mark — so that a headline quoted in
   * the lead below it is not taken for a copy.
   * @default 0.9
   */
  containment?: number;
  /**
   * Kept characters (letters and digits) the shorter paragraph needs for the containment rule.
   * @default 20
   */
  minContainedLength?: number;
  /**
   * Paragraphs with fewer kept characters than this are not compared at all (page furniture
   * such as 「发展历程」 headings or 「（完）」).
   * @default 10
   */
  minLength?: number;
  /**
   * Characters per shingle.
   * @default 4
   */
  shingleSize?: number;
}

const sentenceEnd = /[。！？!?]/;

function checkRatio(name: string, value: number): number {
  if (!(typeof value === 'number' && value > 0 && value <= 1)) {
    throw new XinwenError(
      'invalid_options',
      `expected ${name} to be a number in (0, 1], found ${String(value)}`,
    );
  }
  return value;
}

/**
 * Finds paragraphs that repeat an earlier paragraph of the same document, exactly or nearly:
 * the same paragraph printed twice, a copy with a rewritten opening, a block repeated after a
 * page break (also when the copy starts mid-sentence). Each repeat is reported once, against
 * the earlier paragraph it is most similar to (the earliest on a tie), sorted by `repeat`.
 * Comparison is exact over the shingle sets (no sampling): punctuation and whitespace are
 * ignored, so reflowed lines do not matter.
 *
 * @param paragraphs the document's paragraphs, in order (e.g. its text split on blank lines).
 * @throws XinwenError `invalid_input` when `paragraphs` is not an array of strings;
 *   `invalid_options` for out-of-range options.
 */
export function findRepeatedParagraphs(
  paragraphs: readonly string[],
  options: RepeatedParagraphOptions = {},
): RepeatedParagraph[] {
  if (!Array.isArray(paragraphs) || paragraphs.some((p) => typeof p !== 'string')) {
    throw new XinwenError('invalid_input', 'expected paragraphs as an array of strings');
  }
  const threshold = checkRatio('threshold', options.threshold ?? 0.75);
  const containment = checkRatio('containment', options.containment ?? 0.9);
  const minContained = options.minContainedLength ?? 20;
  const minLength = options.minLength ?? 10;
  const size = checkShingleSize(options.shingleSize ?? DEFAULT_SHINGLE_SIZE);

  const n = paragraphs.length;
  const sets: Uint32Array[] = [];
  const kept: number[] = [];
  const prose: boolean[] = [];
  for (const p of paragraphs) {
    const s = shingleSet(p, size);
    sets.push(s.set);
    kept.push(s.kept);
    prose.push(sentenceEnd.test(p));
  }

  // Inverted index over earlier paragraphs: shingle -> paragraphs holding it.
  const postings = new Map<number, number[]>();
  const counts = new Int32Array(n);
  const found: RepeatedParagraph[] = [];
  for (let j = 0; j < n; j++) {
    const set = sets[j] as Uint32Array;
    if ((kept[j] as number) < minLength) continue;
    const touched: number[] = [];
    for (const s of set) {
      const list = postings.get(s);
      if (list === undefined) {
        postings.set(s, [j]);
        continue;
      }
      for (const i of list) {
        if (counts[i] === 0) touched.push(i);
        counts[i] = (counts[i] as number) + 1;
      }
      list.push(j);
    }
    let best: RepeatedParagraph | undefined;
    for (const i of touched.sort((a, b) => a - b)) {
      const common = counts[i] as number;
      counts[i] = 0;
      const other = sets[i] as Uint32Array;
      const jaccard = common / (other.length + set.length - common);
      let similarity = 0;
      if (jaccard >= threshold) similarity = jaccard;
      else {
        const shorter = other.length <= set.length ? i : j;
        const share = common / Math.min(other.length, set.length);
        if (share >= containment && (kept[shorter] as number) >= minContained && prose[shorter] === true) {
          similarity = share;
        }
      }
      if (similarity > 0 && (best === undefined || similarity > best.similarity)) {
        best = { first: i, repeat: j, similarity: round(similarity) };
      }
    }
    if (best) found.push(best);
  }
  return found;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
