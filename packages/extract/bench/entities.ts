/**
 * findEntities() against the segmenter's tokenize() on the same texts, measured in the same run:
 * the text pages of the development corpus (../shared/corpus/pages/*.txt, read in place, when
 * present) and the five seeds, each normalized once beforehand. Target (issue 11): entity finding
 * takes at most 0.3× the segment stage's time.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Token } from '@xinwen/core';
import { normalize } from '@xinwen/normalize';
import { createSegmenter } from '@xinwen/segment';
import { runBench } from '../../../tooling/bench.js';
import { readSeeds } from '../../../tooling/seeds.js';
import { findEntities } from '../src/index.js';

interface Page {
  text: string;
  tokens: Token[];
}

const segmenter = createSegmenter();
const pagesDir = resolve(import.meta.dirname, '../../../../shared/corpus/pages');
const texts = readSeeds().map((s) => s.text);
if (existsSync(pagesDir)) {
  for (const f of readdirSync(pagesDir).filter((n) => n.endsWith('.txt')))
    texts.push(readFileSync(join(pagesDir, f), 'utf8'));
}
const corpus: Page[] = texts.map((raw) => {
  const text = normalize(raw).text;
  return { text, tokens: segmenter.tokenize(text) };
});

const results = runBench<Page>({
  title: `findEntities vs segment, ${corpus.length} pages (${existsSync(pagesDir) ? 'dev corpus text pages and seeds' : 'seeds'})`,
  corpus,
  sizeOf: (p) => Buffer.byteLength(p.text),
  rounds: 3,
  warmup: 1,
  cases: [
    { name: 'segment', baseline: true, fn: (p) => segmenter.segment(p.text) },
    { name: 'findEntities (no tokens)', fn: (p) => findEntities(p.text) },
    { name: 'findEntities (with tokens)', fn: (p) => findEntities(p.text, p.tokens) },
  ],
});

const seg = results.find((r) => r.name === 'segment')!;
for (const r of results.filter((x) => x.name.startsWith('findEntities'))) {
  const share = r.msPerRound / seg.msPerRound;
  console.log(
    `${r.name}: ${share.toFixed(2)}× segment's time (target <= 0.3×): ${share <= 0.3 ? 'met' : 'NOT met'}`,
  );
}
