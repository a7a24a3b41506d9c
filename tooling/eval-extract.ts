/**
 * Precision and recall of @xinwen/extract per field over the five seed pages, against what a
 * reader sees on each page (packages/extract/test/expected.ts, written by hand from the seeds).
 * Each seed goes through the real normalizer (and the segmenter, for keywords) first.
 *
 *   pnpm exec tsx tooling/eval-extract.ts
 */
import { createContext } from '@xinwen/core';
import { extract } from '../packages/extract/src/index.js';
import { expectedPages } from '../packages/extract/test/expected.js';
import { addTallies, fields, precisionRecall, scorePage } from '../packages/extract/test/score.js';
import { normalize } from '../packages/normalize/src/index.js';
import { segment } from '../packages/segment/src/index.js';
import { readSeeds } from './seeds.js';

const seeds = new Map(readSeeds().map((s) => [s.name, s.text]));
const tallies = [];
console.log('seed      ' + fields.map((f) => f.padStart(10)).join(''));
for (const page of expectedPages) {
  const raw = seeds.get(page.seed);
  if (raw === undefined) throw new Error(`seed ${page.seed} not found`);
  const normalized = normalize(raw);
  const result = extract(normalized, segment(normalized.text), {}, createContext('extract'));
  const t = scorePage(result.articles, page);
  tallies.push(t);
  console.log(
    page.seed.slice(0, 3).padEnd(10) +
      fields.map((f) => `${t[f].tp}/${t[f].extracted}/${t[f].expected}`.padStart(10)).join(''),
  );
}
console.log('(true positives / extracted / expected)\n');
const all = addTallies(tallies);
console.log('field       precision  recall');
for (const f of fields) {
  const { precision, recall } = precisionRecall(all[f]);
  console.log(`${f.padEnd(10)}  ${precision.toFixed(3).padStart(9)}  ${recall.toFixed(3).padStart(6)}`);
}
