/**
 * Precision and recall of @xinwen/extract per field over the five seed pages, against what a
 * reader sees on each page (packages/extract/test/expected.ts, written by hand from the seeds).
 * Each seed goes through the real normalizer (and the segmenter, for keywords) first. Then, when
 * the development corpus is there (../shared/corpus beside the checkout, or XINWEN_CORPUS), its
 * scorer runs over the text inputs and its per-kind, per-field table is printed; the corpus
 * part is skipped when the corpus is absent. Build first (`pnpm build`): the scorer runs the CLI.
 *
 *   pnpm eval:extract            (seeds and corpus)
 *   pnpm eval:extract --seeds    (seeds only)
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
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

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const at = process.argv.indexOf('--corpus');
const corpus =
  at > 0 && process.argv[at + 1] ? resolve(process.argv[at + 1]!) : join(root, '..', 'shared', 'corpus');
const scorer = join(corpus, 'score.py');
if (process.argv.includes('--seeds')) {
  // seeds only
} else if (!existsSync(scorer)) {
  console.log(`\ncorpus: skipped (no scorer at ${scorer})`);
} else {
  console.log(`\ncorpus: ${corpus} (text inputs; .html and .md belong to the web-page issue)`);
  const kinds = ['print', 'wrapped', 'traditional', 'transcript-text', 'web-text'];
  const run = spawnSync('python3', [scorer, ...kinds.flatMap((k) => ['--kind', k])], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) {
    console.error(run.stderr || run.stdout);
    process.exitCode = 1;
  } else {
    const keep =
      /^(ALL INPUTS|kind:|\s+field|\s+(articles|titles|reporters|dates|page date|publication)\s|SUMMARY)/;
    for (const line of run.stdout.split('\n')) if (keep.test(line)) console.log(line);
  }
}
