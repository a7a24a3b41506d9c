/**
 * The seed pages through the real normalizer, compared with what a reader of each page sees
 * (test/expected.ts, written by hand from the seed files). Known shortfalls are `it.fails` with
 * the reason, so that fixing one shows up as a test to turn back into a plain `it`.
 */
import { readFileSync } from 'node:fs';
import { createContext } from '@xinwen/core';
import { normalize } from '@xinwen/normalize';
import { describe, expect, it } from 'vitest';
import { type ExpectedArticle, expectedPages } from '../test/expected.js';
import { matchArticle } from '../test/score.js';
import { extract } from './extract.js';

const seedsDir = new URL('../../../seeds/', import.meta.url);

type Check = 'headline' | 'byline' | 'dates' | 'money' | 'people';

/** Fields this package does not yet get right on a page, and why. */
const known: Record<string, { checks: Check[]; why: string }> = {
  '000_b6d3aba162f0a3bb.txt#1': {
    checks: ['people'],
    why: '台胞宏文 is named without a title or a known family name',
  },
};

function headline(a: { kicker?: string | undefined; title: string; subtitle?: string | undefined }) {
  return { kicker: a.kicker, title: a.title, subtitle: a.subtitle };
}

for (const page of expectedPages) {
  describe(`seed ${page.seed}`, () => {
    const ctx = createContext('extract');
    const result = extract(
      normalize(readFileSync(new URL(page.seed, seedsDir))),
      undefined,
      page.reference === undefined ? {} : { referenceDate: page.reference },
      ctx,
    );

    it('finds the articles a reader sees, and no others', () => {
      const found = page.articles.map((w) => matchArticle(result.articles, w));
      expect(found.every((i) => i >= 0)).toBe(true);
      expect(new Set(found).size).toBe(page.articles.length);
      expect(result.articles).toHaveLength(page.articles.length);
    });

    it('reads the page date, publication and editors', () => {
      const editors = result.page.editors.map((e) => [e.name, e.role]);
      expect({ date: result.page.date, publication: result.page.publication, editors }).toEqual({
        date: page.page.date ?? page.reference,
        publication: page.page.publication,
        editors: page.page.editors,
      });
    });

    page.articles.forEach((want: ExpectedArticle, index) => {
      const gaps = known[`${page.seed}#${index}`];
      const article = () => {
        const i = matchArticle(result.articles, want);
        expect(i).toBeGreaterThanOrEqual(0);
        return result.articles[i]!;
      };
      const name = want.title || `(untitled, starting 「${want.starts.slice(0, 10)}」)`;
      const check = (what: Check, fn: () => void) => {
        const gap = gaps?.checks.includes(what);
        (gap ? it.fails : it)(`${name}: ${what}${gap ? ` (known gap: ${gaps?.why})` : ''}`, fn);
      };
      check('headline', () => {
        const a = article();
        expect({ ...headline(a), continuedFrom: a.continuedFrom }).toEqual({
          ...headline(want),
          continuedFrom: want.continuedFrom,
        });
      });
      check('byline', () => {
        const a = article();
        expect(a.byline.reporters.map((r) => [r.name, r.role])).toEqual(want.reporters);
        expect(a.byline.agency).toBe(want.agency);
      });
      check('dates', () => {
        expect(article().dates.map((d) => (d.end ? [d.date, d.end] : [d.date]))).toEqual(want.dates);
      });
      check('money', () => {
        expect(article().money.map((m) => [m.value, m.currency, m.approx])).toEqual(want.money);
      });
      check('people', () => {
        expect(
          article()
            .people.map((p) => p.name)
            .sort(),
        ).toEqual([...want.people].sort());
      });
    });
  });
}
