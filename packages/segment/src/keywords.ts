/**
 * Keywords from tokens: TF-IDF (with nodejieba's IDF table) and TextRank (co-occurrence in a
 * window of five candidate words), or both (TF-IDF re-ranked by TextRank, the default). Candidates are nouns, names, places,
 * organisations, other proper nouns, verbal nouns, idioms, abbreviations and Latin terms of at
 * least two characters that are in neither nodejieba's stop-word list nor ours (data/stopwords.txt).
 * Words of the domain dictionary and person names found by the name rules are preferred: their
 * weight is multiplied by {@link preferredBoost}.
 */
import { readFileSync } from 'node:fs';
import type { Keyword, Token } from '@xinwen/core';
import { type RuleTables, readWordList, ruleTables } from './data.js';
import { engine } from './engine.js';

/** How keywords are scored. */
export type KeywordMethod = 'tfidf' | 'textrank' | 'both';

/** Weight multiplier for domain-dictionary words and person names. */
export const preferredBoost = 1.5;

const candidateTags = new Set(['n', 'nr', 'nrfg', 'nrt', 'ns', 'nt', 'nz', 'vn', 'l', 'i', 'j', 'eng', 'ng']);

interface IdfTable {
  idf: ReadonlyMap<string, number>;
  median: number;
  stopWords: ReadonlySet<string>;
}

let idfTable: IdfTable | undefined;

function loadIdf(): IdfTable {
  if (idfTable !== undefined) return idfTable;
  const jieba = engine();
  const idf = new Map<string, number>();
  const values: number[] = [];
  for (const line of readFileSync(jieba.DEFAULT_IDF_DICT, 'utf8').split('\n')) {
    const space = line.indexOf(' ');
    if (space <= 0) continue;
    const value = Number(line.slice(space + 1));
    idf.set(line.slice(0, space), value);
    values.push(value);
  }
  values.sort((a, b) => a - b);
  idfTable = {
    idf,
    median: values[values.length >> 1] ?? 10,
    stopWords: new Set(readWordList(jieba.DEFAULT_STOP_WORD_DICT)),
  };
  return idfTable;
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
  table: IdfTable,
): Map<string, number> {
  const scores = new Map<string, number>();
  for (const w of words) scores.set(w, (scores.get(w) ?? 0) + 1);
  for (const [w, count] of scores) {
    const boost = preferred.has(w) ? preferredBoost : 1;
    scores.set(w, (count / words.length) * (table.idf.get(w) ?? table.median) * boost);
  }
  return scores;
}

function textRank(
  words: readonly string[],
  preferred: ReadonlySet<string>,
  window = 5,
  iterations = 10,
): Map<string, number> {
  const edges = new Map<string, Map<string, number>>();
  const link = (a: string, b: string): void => {
    let m = edges.get(a);
    if (m === undefined) {
      m = new Map();
      edges.set(a, m);
    }
    m.set(b, (m.get(b) ?? 0) + 1);
  };
  for (let i = 0; i < words.length; i++) {
    const a = words[i] as string;
    if (!edges.has(a)) edges.set(a, new Map());
    for (let j = i + 1; j < i + window && j < words.length; j++) {
      const b = words[j] as string;
      if (a === b) continue;
      link(a, b);
      link(b, a);
    }
  }
  const outSum = new Map<string, number>();
  for (const [w, m] of edges) {
    let s = 0;
    for (const v of m.values()) s += v;
    outSum.set(w, s);
  }
  let score = new Map<string, number>();
  for (const w of edges.keys()) score.set(w, 1);
  const d = 0.85;
  for (let it = 0; it < iterations; it++) {
    const next = new Map<string, number>();
    for (const [w, m] of edges) {
      let s = 0;
      for (const [v, weight] of m) s += (weight / (outSum.get(v) || 1)) * (score.get(v) ?? 0);
      next.set(w, 1 - d + d * s);
    }
    score = next;
  }
  for (const [w, s] of score) if (preferred.has(w)) score.set(w, s * preferredBoost);
  return score;
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
  const table = loadIdf();
  const words: string[] = [];
  const preferred = new Set<string>();
  for (const token of tokens) {
    if (!isCandidate(token, tables, table.stopWords)) continue;
    words.push(token.text);
    if (token.pos === 'nr' || tables.domainWords.has(token.text)) preferred.add(token.text);
  }
  if (words.length === 0) return [];
  let scores: Map<string, number>;
  if (method === 'tfidf') scores = tfidf(words, preferred, table);
  else if (method === 'textrank') scores = textRank(words, preferred);
  else {
    const a = normalize(tfidf(words, preferred, table));
    const b = normalize(textRank(words, preferred));
    scores = new Map();
    // TF-IDF keeps words that are rare in general text; TextRank re-ranks them by how central
    // they are in this one. TextRank alone favours frequent generic words (产业, 中心).
    for (const [w, v] of a) scores.set(w, v * (0.5 + 0.5 * (b.get(w) ?? 0)));
  }
  return [...scores]
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))
    .slice(0, n)
    .map(([word, weight]) => ({ word, weight: Math.round(weight * 1e6) / 1e6 }));
}
