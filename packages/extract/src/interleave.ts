/**
 * Interleaved articles: a print page flowed column by column can put one article's paragraphs in
 * the middle of another's (seed 000: the 川渝政协 report inside the 市台协 feature). A paragraph is
 * compared, by character bigrams weighted by how few of the page's articles use them in their
 * anchor (headline and first three paragraphs, which never move), with the article it sits in
 * (anchor and paragraphs kept so far) and with the anchor of the article printed just before. It moves back to the earlier article only on clear evidence (twice the score
 * and a minimum); a paragraph without clear evidence stays with its neighbour (continuity), and a
 * warning says so when that keeps it away from the article it sits in. The first three paragraphs
 * of an article are never moved.
 */
import type { StageContext } from '@xinwen/core';
import type { ArticleSplit } from './split.js';

const profileParagraphs = 3;
/** A paragraph moves to an earlier article only on this much more evidence, and at least `minScore`. */
const margin = 2;
const minScore = 0.08;
/** It goes back to its own article on less. */
const backMargin = 1.5;
const minBack = 0.05;

/** Letters and digits that make up words: CJK ideographs, ASCII letters and digits. */
function isWordChar(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a)
  );
}

function bigrams(text: string): Map<string, number> {
  const out = new Map<string, number>();
  let prevWord = false;
  for (let i = 0; i < text.length; i++) {
    const word = isWordChar(text.charCodeAt(i));
    if (word && prevWord) {
      const g = text.slice(i - 1, i + 1);
      out.set(g, (out.get(g) ?? 0) + 1);
    }
    prevWord = word;
  }
  return out;
}

/** Moves paragraphs to the earlier article they belong to; mutates `articles`. */
export function reassignInterleaved(articles: ArticleSplit[], ctx?: StageContext): void {
  if (articles.length < 2) return;
  const head = (a: ArticleSplit) => [a.kicker ?? '', a.title, a.subtitle ?? ''].join('\n');
  // Bigram weights from how few of the page's articles use them (one more than there are, so
  // that a bigram every article shares still weighs a little on a two-article page).
  // Counted over each article's anchor (headline and first paragraphs, which never move), so that
  // paragraphs sitting in the wrong article do not make their own words look shared.
  const anchors = articles.map((a) =>
    bigrams(
      head(a) +
        '\n' +
        a.paragraphs
          .slice(0, profileParagraphs)
          .map((p) => p.text)
          .join('\n'),
    ),
  );
  const df = new Map<string, number>();
  for (const anchor of anchors) for (const g of anchor.keys()) df.set(g, (df.get(g) ?? 0) + 1);
  const n = articles.length + 1;
  const score = (grams: Map<string, number>, profile: Map<string, number>) => {
    let s = 0;
    for (const g of grams.keys()) if (profile.has(g)) s += Math.log(n / (df.get(g) ?? 1));
    return grams.size === 0 ? 0 : s / grams.size;
  };
  const order = articles.map((a, i) => ({ a, i })).sort((x, y) => x.a.start - y.a.start);
  const moves: { from: number; to: number; index: number }[] = [];
  order.forEach(({ a, i }, rank) => {
    if (rank === 0) return;
    const target = order[rank - 1]!.i;
    const own = bigrams(head(a));
    let prev = i;
    let moved = false;
    a.paragraphs.forEach((p, index) => {
      const grams = bigrams(p.text);
      if (index < profileParagraphs) {
        for (const g of grams.keys()) own.set(g, 1);
        return;
      }
      const ownScore = score(grams, own);
      const otherScore = score(grams, anchors[target]!);
      let owner: number;
      if (otherScore >= minScore && otherScore >= margin * ownScore) owner = target;
      else if (ownScore >= minBack && ownScore >= backMargin * otherScore) owner = i;
      else {
        owner = prev;
        if (moved && owner !== i) {
          ctx?.warn(
            'uncertain_assignment',
            `paragraph 「${p.text.slice(0, 16)}」 kept with 「${articles[owner]!.title || '(untitled)'}」 by position only; its words do not settle which article it belongs to`,
            p,
          );
        }
      }
      if (owner === i) for (const g of grams.keys()) own.set(g, 1);
      else {
        moves.push({ from: i, to: owner, index });
        moved = true;
      }
      prev = owner;
    });
  });
  const take = new Map<number, Set<number>>();
  for (const m of moves) {
    if (!take.has(m.from)) take.set(m.from, new Set());
    take.get(m.from)!.add(m.index);
    articles[m.to]!.paragraphs.push(articles[m.from]!.paragraphs[m.index]!);
  }
  for (const [from, indexes] of take) {
    articles[from]!.paragraphs = articles[from]!.paragraphs.filter((_, idx) => !indexes.has(idx));
  }
  for (const a of articles) a.paragraphs.sort((x, y) => x.start - y.start);
}
