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

/** Paragraph numbers are packed into the low 20 bits of a sort key. */
const PARAGRAPH_LIMIT = 2 ** 20;

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

  // Shared shingles per pair of paragraphs, without a map per shingle: every (shingle, paragraph)
  // goes into one Float64Array as shingle * 2^20 + paragraph, a numeric sort brings equal
  // shingles together (paragraphs ascending), and each run of length > 1 counts its pairs.
  if (n >= PARAGRAPH_LIMIT) {
    throw new XinwenError('invalid_input', `expected fewer than ${PARAGRAPH_LIMIT} paragraphs, found ${n}`);
  }
  let total = 0;
  for (let j = 0; j < n; j++) if ((kept[j] as number) >= minLength) total += (sets[j] as Uint32Array).length;
  const keys = new Float64Array(total);
  let k = 0;
  for (let j = 0; j < n; j++) {
    if ((kept[j] as number) < minLength) continue;
    for (const h of sets[j] as Uint32Array) keys[k++] = h * PARAGRAPH_LIMIT + j;
  }
  keys.sort();
  const common = new Map<number, number>(); // i * n + j -> shared shingles, i < j
  for (let start = 0; start < total; ) {
    const shingle = Math.floor((keys[start] as number) / PARAGRAPH_LIMIT);
    let end = start + 1;
    while (end < total && Math.floor((keys[end] as number) / PARAGRAPH_LIMIT) === shingle) end++;
    for (let x = start; x < end - 1; x++) {
      const i = (keys[x] as number) % PARAGRAPH_LIMIT;
      for (let y = x + 1; y < end; y++) {
        const pair = i * n + ((keys[y] as number) % PARAGRAPH_LIMIT);
        common.set(pair, (common.get(pair) ?? 0) + 1);
      }
    }
    start = end;
  }

  const best = new Map<number, RepeatedParagraph>(); // repeat -> best earlier match
  for (const pair of [...common.keys()].sort((x, y) => x - y)) {
    const shared = common.get(pair) as number;
    const i = Math.floor(pair / n);
    const j = pair % n;
    const a = (sets[i] as Uint32Array).length;
    const b = (sets[j] as Uint32Array).length;
    const jaccard = shared / (a + b - shared);
    let similarity = 0;
    if (jaccard >= threshold) similarity = jaccard;
    else {
      const shorter = a <= b ? i : j;
      const share = shared / Math.min(a, b);
      if (share >= containment && (kept[shorter] as number) >= minContained && prose[shorter] === true) {
        similarity = share;
      }
    }
    // Pairs come in order of i for each j, so on a tie the earliest paragraph stays.
    const current = best.get(j);
    if (similarity > 0 && (current === undefined || similarity > current.similarity)) {
      best.set(j, { first: i, repeat: j, similarity });
    }
  }
  return [...best.values()]
    .sort((x, y) => x.repeat - y.repeat)
    .map((r) => ({ ...r, similarity: round(r.similarity) }));
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
