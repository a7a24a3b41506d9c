import { XinwenError } from '@xinwen/core';
import { charTable } from './chars.js';
import { checkShingleSize, DEFAULT_SHINGLE_SIZE } from './fingerprint.js';
import { shingleHashes } from './shingle.js';

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
  /**
   * At most this many pairs of paragraphs are compared, which bounds memory (a few tens of bytes
   * per pair) on documents of thousands of near-identical paragraphs; pairs past the budget are
   * not compared, so a repeat found only through them is missed. Paragraphs identical after the
   * character filter are matched without pairs, so any number of exact repeats costs nothing here.
   * @default 1_000_000
   */
  maxPairs?: number;
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
  const maxPairs = options.maxPairs ?? 1_000_000;
  if (!(Number.isInteger(maxPairs) && maxPairs >= 0)) {
    throw new XinwenError(
      'invalid_options',
      `expected maxPairs to be an integer >= 0, found ${String(maxPairs)}`,
    );
  }

  const n = paragraphs.length;
  // Paragraphs identical after the character filter (and alike in ending a sentence) have the same
  // shingle set and the same similarity to every other paragraph: only the first of each group is
  // compared, and later members are matched from it below.
  const table = charTable();
  const groupOf = new Int32Array(n);
  const firstOf = new Map<string, number>();
  for (let j = 0; j < n; j++) {
    const text = paragraphs[j] as string;
    let key = sentenceEnd.test(text) ? '1' : '0';
    for (let c = 0; c < text.length; c++) {
      const kept = table[text.charCodeAt(c)] as number;
      if (kept !== 0) key += String.fromCharCode(kept);
    }
    const first = firstOf.get(key);
    if (first === undefined) firstOf.set(key, j);
    groupOf[j] = first ?? j;
  }
  firstOf.clear();

  let room = 0;
  for (const p of paragraphs) room += p.length + 1;
  const hashes = new Uint32Array(room);
  const sizes = new Int32Array(n); // distinct shingles per paragraph
  const kept = new Int32Array(n);
  const prose: boolean[] = [];

  // Shared shingles per pair of paragraphs, counted through one open-addressing table from
  // shingle to the chain of paragraphs holding it (typed arrays, no allocation per shingle):
  // each distinct (shingle, paragraph) meets the earlier paragraphs with that shingle and counts
  // the pair. A shingle met again in the same paragraph finds itself at the head and is skipped.
  let capacity = 16;
  while (capacity < room * 2) capacity *= 2;
  const mask = capacity - 1;
  const slotShingle = new Uint32Array(capacity);
  const slotHead = new Int32Array(capacity).fill(-1); // latest entry for the shingle
  const entryParagraph = new Int32Array(room);
  const entryNext = new Int32Array(room); // the entry of the previous paragraph with the shingle
  // Pairs i < j at i * n + j: a flat array for up to 1024 paragraphs, a map above.
  const dense = n <= 1024 ? new Int32Array(n * n) : undefined;
  const sparse = new Map<number, number>();
  const pairs: number[] = [];
  let entries = 0;
  for (let j = 0; j < n; j++) {
    const text = paragraphs[j] as string;
    prose.push(sentenceEnd.test(text));
    if (groupOf[j] !== j) continue;
    const shingles = shingleHashes(text, size, hashes);
    kept[j] = shingles.kept;
    if (shingles.kept < minLength) continue;
    for (let k = 0; k < shingles.count; k++) {
      const h = hashes[k] as number;
      let slot = (Math.imul(h, 0x9e3779b1) >>> 0) & mask;
      while (slotHead[slot] !== -1 && slotShingle[slot] !== h) slot = (slot + 1) & mask;
      const head = slotHead[slot] as number;
      if (head !== -1 && entryParagraph[head] === j) continue; // seen in this paragraph
      for (let e = head; e !== -1; e = entryNext[e] as number) {
        const pair = (entryParagraph[e] as number) * n + j;
        const count = dense ? (dense[pair] as number) : (sparse.get(pair) ?? 0);
        if (count === 0) {
          if (pairs.length >= maxPairs) continue;
          pairs.push(pair);
        }
        if (dense) dense[pair] = count + 1;
        else sparse.set(pair, count + 1);
      }
      slotShingle[slot] = h;
      entryParagraph[entries] = j;
      entryNext[entries] = head;
      slotHead[slot] = entries++;
      sizes[j] = (sizes[j] as number) + 1;
    }
  }

  const best = new Map<number, RepeatedParagraph>(); // repeat -> best earlier match
  for (const pair of pairs.sort((x, y) => x - y)) {
    const shared = dense ? (dense[pair] as number) : (sparse.get(pair) as number);
    const i = Math.floor(pair / n);
    const j = pair % n;
    const a = sizes[i] as number;
    const b = sizes[j] as number;
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
  // A later member of a group repeats its first member exactly (similarity 1) — or, on the tie,
  // the earlier paragraph the first member itself repeats exactly.
  for (let j = 0; j < n; j++) {
    const first = groupOf[j] as number;
    if (first === j || (kept[first] as number) < minLength || (sizes[first] as number) === 0) continue;
    const earlier = best.get(first);
    best.set(j, { first: earlier?.similarity === 1 ? earlier.first : first, repeat: j, similarity: 1 });
  }
  return [...best.values()]
    .sort((x, y) => x.repeat - y.repeat)
    .map((r) => ({ ...r, similarity: round(r.similarity) }));
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
