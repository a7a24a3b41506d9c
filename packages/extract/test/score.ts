/**
 * Compares extracted articles with the hand-written expectations in expected.ts: per field,
 * precision (how much of what was extracted is right) and recall (how much of what a reader sees
 * was extracted), micro-averaged over the pages given.
 */
import type { Article } from '@xinwen/core';
import type { ExpectedArticle, ExpectedPage } from './expected.js';

/** The fields measured. */
/** `headline` is kicker, title and subtitle run together: every headline word found, whatever the split. */
export const fields = ['articles', 'title', 'headline', 'byline', 'dates', 'money', 'people'] as const;
export type Field = (typeof fields)[number];

/** True positives, and the sizes of the extracted and expected multisets. */
export interface Tally {
  tp: number;
  extracted: number;
  expected: number;
}

const squash = (s: string) => s.replace(/[\s　]+/g, '');

/**
 * Index of the extracted article that is `want`: its first paragraph opens with `want.starts`
 * (or holds it near the start, when a headline was run into that paragraph).
 */
export function matchArticle(articles: readonly Article[], want: ExpectedArticle): number {
  const start = squash(want.starts);
  const exact = articles.findIndex((a) => squash(a.paragraphs[0] ?? '').startsWith(start));
  if (exact >= 0) return exact;
  return articles.findIndex((a) =>
    squash(a.paragraphs[0] ?? '')
      .slice(0, 200)
      .includes(start),
  );
}

function items(
  field: Field,
  a: { title: string; kicker?: string | undefined; subtitle?: string | undefined },
  extra: {
    reporters: [string, string][];
    dates: [string, string?][];
    money: [number, string, boolean][];
    people: string[];
  },
): string[] {
  switch (field) {
    case 'articles':
      return ['article'];
    case 'title':
      return [squash(a.title)];
    case 'headline':
      return [squash(`${a.kicker ?? ''}${a.title}${a.subtitle ?? ''}`)];
    case 'byline':
      return extra.reporters.map(([n, r]) => `${n}/${r}`);
    case 'dates':
      return extra.dates.map(([d, e]) => `${d}/${e ?? ''}`);
    case 'money':
      return extra.money.map(([v, c, x]) => `${v}/${c}/${x}`);
    case 'people':
      return extra.people;
  }
}

function fromArticle(a: Article) {
  return {
    reporters: a.byline.reporters.map((r) => [r.name, r.role] as [string, string]),
    dates: a.dates.map((d) => [d.date, d.end] as [string, string?]),
    money: a.money.map((m) => [m.value, m.currency, m.approx] as [number, string, boolean]),
    people: a.people.map((p) => p.name),
  };
}

function overlap(x: readonly string[], y: readonly string[]): number {
  const pool = new Map<string, number>();
  for (const v of y) pool.set(v, (pool.get(v) ?? 0) + 1);
  let n = 0;
  for (const v of x) {
    const c = pool.get(v) ?? 0;
    if (c > 0) {
      n++;
      pool.set(v, c - 1);
    }
  }
  return n;
}

/** Tallies every field for one page. */
export function scorePage(articles: readonly Article[], want: ExpectedPage): Record<Field, Tally> {
  const out = Object.fromEntries(fields.map((f) => [f, { tp: 0, extracted: 0, expected: 0 }])) as Record<
    Field,
    Tally
  >;
  const matched = new Set<number>();
  for (const w of want.articles) {
    const i = matchArticle(articles, w);
    const got = i >= 0 && !matched.has(i) ? articles[i] : undefined;
    if (got) matched.add(i);
    for (const f of fields) {
      const exp = items(f, w, w);
      out[f].expected += exp.length;
      if (got) out[f].tp += overlap(items(f, got, fromArticle(got)), exp);
    }
  }
  articles.forEach((a) => {
    for (const f of fields) out[f].extracted += items(f, a, fromArticle(a)).length;
  });
  return out;
}

/** Adds tallies up. */
export function addTallies(all: readonly Record<Field, Tally>[]): Record<Field, Tally> {
  const out = Object.fromEntries(fields.map((f) => [f, { tp: 0, extracted: 0, expected: 0 }])) as Record<
    Field,
    Tally
  >;
  for (const t of all) {
    for (const f of fields) {
      out[f].tp += t[f].tp;
      out[f].extracted += t[f].extracted;
      out[f].expected += t[f].expected;
    }
  }
  return out;
}

/** Precision and recall of a tally (1 when there was nothing to find or nothing found). */
export function precisionRecall(t: Tally): { precision: number; recall: number } {
  return {
    precision: t.extracted === 0 ? 1 : t.tp / t.extracted,
    recall: t.expected === 0 ? 1 : t.tp / t.expected,
  };
}
