/**
 * Keywords from tokens: TF-IDF (with nodejieba's IDF table) and TextRank (co-occurrence in a
 * window of five candidate words), or both (TF-IDF re-ranked by TextRank, the default). Candidates are nouns, names, places,
 * organisations, other proper nouns, verbal nouns, idioms, abbreviations and Latin terms of at
 * least two characters that are in neither nodejieba's stop-word list nor ours (data/stopwords.txt).
 * Words of the domain dictionary and person names are preferred: their weight is multiplied by
 * {@link preferredBoost}, and a name's IDF is the highest in the table (names are as specific as
 * the rarest words, and most are not in the table at all).
 */
import type { Keyword, Token } from '@xinwen/core';
import { type RuleTables, readWordList, ruleTables } from './data.js';
import { engine } from './engine.js';
import { type IdfTable, readIdfTable } from './idf.js';

/** How keywords are scored. */
export type KeywordMethod = 'tfidf' | 'textrank' | 'both';

/** Weight multiplier for domain-dictionary words and person names. */
export const preferredBoost = 1.5;

const candidateTags = new Set(['n', 'nr', 'nrfg', 'nrt', 'ns', 'nt', 'nz', 'vn', 'l', 'i', 'j', 'eng', 'ng']);

interface Tables {
  idf: IdfTable;
  stopWords: ReadonlySet<string>;
}

let loaded: Tables | undefined;

function loadTables(): Tables {
  if (loaded !== undefined) return loaded;
  const jieba = engine();
  loaded = {
    idf: readIdfTable(jieba.DEFAULT_IDF_DICT),
    stopWords: new Set(readWordList(jieba.DEFAULT_STOP_WORD_DICT)),
  };
  return loaded;
}

function isCandidate(token: Token, tables: RuleTables, stopWords: ReadonlySet<string>): boolean {
  return (
    token.text.length >= 2 &&
    candidateTags.has(token.pos) &&
    !tables.newsStopWords.has(token.text) &&
    !stopWords.has(token.text) &&
    !tables.titles.has(token.text)
  );
}

function tfidf(
  words: readonly string[],
  preferred: ReadonlySet<string>,
  names: ReadonlySet<string>,
  idf: IdfTable,
): Map<string, number> {
  const scores = new Map<string, number>();
  for (const w of words) scores.set(w, (scores.get(w) ?? 0) + 1);
  for (const [w, count] of scores) {
    const boost = preferred.has(w) ? preferredBoost : 1;
    // a person's name is as specific as the rarest word, whatever the IDF table (if anything) says
    const weight = names.has(w) ? idf.max : (idf.get(w) ?? idf.median);
    scores.set(w, (count / words.length) * weight * boost);
  }
  return scores;
}

function textRank(
  words: readonly string[],
  preferred: ReadonlySet<string>,
  window = 5,
  iterations = 10,
): Map<string, number> {
  // words as integer ids, co-occurrence counts in one Map keyed by id pair
  const ids = new Map<string, number>();
  const seq = new Int32Array(words.length);
  words.forEach((w, i) => {
    let id = ids.get(w);
    if (id === undefined) {
      id = ids.size;
      ids.set(w, id);
    }
    seq[i] = id;
  });
  const n = ids.size;
  const pairs = new Map<number, number>();
  for (let i = 0; i < seq.length; i++) {
    const a = seq[i] as number;
    for (let j = i + 1; j < i + window && j < seq.length; j++) {
      const b = seq[j] as number;
      if (a === b) continue;
      const key = a < b ? a * n + b : b * n + a;
      pairs.set(key, (pairs.get(key) ?? 0) + 1);
    }
  }
  // edge list (both directions) and each node's total edge weight
  const from = new Int32Array(pairs.size * 2);
  const to = new Int32Array(pairs.size * 2);
  const weight = new Float64Array(pairs.size * 2);
  const outSum = new Float64Array(n);
  let e = 0;
  for (const [key, w] of pairs) {
    const a = Math.floor(key / n);
    const b = key % n;
    from[e] = a;
    to[e] = b;
    weight[e++] = w;
    from[e] = b;
    to[e] = a;
    weight[e++] = w;
    outSum[a] = (outSum[a] as number) + w;
    outSum[b] = (outSum[b] as number) + w;
  }
  let score = new Float64Array(n).fill(1);
  const d = 0.85;
  for (let it = 0; it < iterations; it++) {
    const next = new Float64Array(n);
    for (let k = 0; k < e; k++) {
      const v = from[k] as number;
      const t = to[k] as number;
      next[t] = (next[t] as number) + ((weight[k] as number) / (outSum[v] as number)) * (score[v] as number);
    }
    for (let k = 0; k < n; k++) next[k] = 1 - d + d * (next[k] as number);
    score = next;
  }
  const result = new Map<string, number>();
  for (const [w, id] of ids) result.set(w, (score[id] as number) * (preferred.has(w) ? preferredBoost : 1));
  return result;
}

function normalize(scores: Map<string, number>): Map<string, number> {
  let max = 0;
  for (const v of scores.values()) max = Math.max(max, v);
  if (max > 0) for (const [w, v] of scores) scores.set(w, v / max);
  return scores;
}

/** The top `n` keywords of a token list, heaviest first (ties in code-point order of the word). */
export function keywordsFromTokens(
  tokens: readonly Token[],
  n: number,
  method: KeywordMethod = 'both',
): Keyword[] {
  if (n <= 0) return [];
  const tables = ruleTables();
  const table = loadTables();
  const words: string[] = [];
  const preferred = new Set<string>();
  const names = new Set<string>();
  for (const token of tokens) {
    if (!isCandidate(token, tables, table.stopWords)) continue;
    words.push(token.text);
    // nodejieba's dictionary tags many common words nr (养老, 慈善); a name worth preferring starts
    // with a surname and is not a word of the IDF table
    const name =
      token.pos === 'nr' &&
      table.idf.get(token.text) === undefined &&
      (tables.surnames.has(token.text[0] ?? '') || tables.compoundSurnames.has(token.text.slice(0, 2)));
    if (name) names.add(token.text);
    if (name || tables.domainWords.has(token.text)) preferred.add(token.text);
  }
  if (words.length === 0) return [];
  let scores: Map<string, number>;
  if (method === 'tfidf') scores = tfidf(words, preferred, names, table.idf);
  else if (method === 'textrank') scores = textRank(words, preferred);
  else {
    const a = normalize(tfidf(words, preferred, names, table.idf));
    const b = normalize(textRank(words, preferred));
    scores = new Map();
    // TF-IDF keeps words that are rare in general text; TextRank re-ranks them by how central
    // they are in this one. TextRank alone favours frequent generic words (产业, 中心).
    for (const [w, v] of a) scores.set(w, v * (0.5 + 0.5 * (b.get(w) ?? 0)));
  }
  return topN(scores, n).map(([word, weight]) => ({ word, weight: Math.round(weight * 1e6) / 1e6 }));
}

/** Orders by weight, highest first, then by word. */
const before = (x: [string, number], y: [string, number]): boolean =>
  x[1] > y[1] || (x[1] === y[1] && x[0] < y[0]);

/** The `n` best entries of `scores` in order (a sorted window of n, without sorting all of them). */
function topN(scores: Map<string, number>, n: number): [string, number][] {
  const top: [string, number][] = [];
  for (const entry of scores) {
    if (top.length === n && !before(entry, top[n - 1] as [string, number])) continue;
    let k = top.length === n ? n - 1 : top.length;
    while (k > 0 && before(entry, top[k - 1] as [string, number])) {
      top[k] = top[k - 1] as [string, number];
      k--;
    }
    top[k] = entry;
  }
  return top;
}
