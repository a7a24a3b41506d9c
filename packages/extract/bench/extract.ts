/**
 * extract() against segment() on the seed corpus, measured in the same run.
 *
 * Every seed is normalized (and segmented, for the case with tokens) once before timing; the
 * cases then time one stage each over the same pages. Target (issue 5): extract adds no more than
 * half of segment's time, i.e. extract's ratio against the segment baseline is at least 2x.
 */
import { createContext, type Normalized, type Segmented } from '@xinwen/core';
import { normalize } from '@xinwen/normalize';
import { createSegmenter } from '@xinwen/segment';
import { runBench, scaleCorpus } from '../../../tooling/bench.js';
import { readSeeds } from '../../../tooling/seeds.js';
import { createExtractor } from '../src/index.js';

interface Page {
  raw: string;
  normalized: Normalized;
  segmented: Segmented;
}

const segmenter = createSegmenter();
const extractor = createExtractor();
const pages: Page[] = readSeeds().map((s) => {
  const normalized = normalize(s.text);
  return { raw: s.text, normalized, segmented: segmenter.segment(normalized.text) };
});
const byRaw = new Map(pages.map((p) => [p.raw, p]));
const corpus = scaleCorpus(
  pages.map((p) => p.raw),
  1_000_000,
).map((raw) => byRaw.get(raw)!);

const results = runBench<Page>({
  title: 'extract vs segment, all five seeds (normalized once beforehand)',
  corpus,
  sizeOf: (p) => Buffer.byteLength(p.normalized.text),
  rounds: 7,
  warmup: 2,
  cases: [
    { name: 'segment', baseline: true, fn: (p) => segmenter.segment(p.normalized.text) },
    { name: 'extract (no tokens)', fn: (p) => extractor({ normalized: p.normalized }, createContext()) },
    {
      name: 'extract (with tokens)',
      fn: (p) => extractor({ normalized: p.normalized, segmented: p.segmented }, createContext()),
    },
    { name: 'normalize', fn: (p) => normalize(p.raw) },
  ],
});

const seg = results.find((r) => r.name === 'segment')!;
for (const r of results.filter((x) => x.name.startsWith('extract'))) {
  const share = r.msPerRound / seg.msPerRound;
  console.log(
    `${r.name}: ${(share * 100).toFixed(0)}% of segment's time (target <= 50%): ${share <= 0.5 ? 'met' : 'NOT met'}`,
  );
}
