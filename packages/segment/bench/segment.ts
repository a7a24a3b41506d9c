/**
 * Speed of @xinwen/segment on the seed corpus against bare nodejieba, measured in one run.
 *
 * Baseline: `nodejieba.tag` (words + POS, no offsets). Cases: our `segment()` with keywords
 * (everything the pipeline stores; target >= 0.8x the baseline) and without (tokens + POS +
 * offsets + sentences; target >= 1.0x), and for reference bare `nodejieba.cut` and @node-rs/jieba's
 * `cut`. Timed in CPU time, cases interleaved round by round.
 * nodejieba's dictionary is process-global, so every nodejieba case here runs with our domain
 * dictionary loaded (212 extra words on 349k). Prints RSS after each library is loaded.
 *
 *   pnpm --filter @xinwen/segment bench
 */
import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import { runBench, scaleCorpus } from '../../../tooling/bench.js';
import { readSeeds } from '../../../tooling/seeds.js';
import { createSegmenter } from '../src/index.js';

const mib = (): string => `${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`;
console.log(`RSS at start: ${mib()}`);

const corpus = scaleCorpus(
  readSeeds().map((s) => s.text),
  400_000,
);

const withKeywords = createSegmenter();
const withoutKeywords = createSegmenter({ keywords: 0 });
const warm = corpus[0] ?? '';
withKeywords.segment(warm); // loads nodejieba + domain dictionary, IDF table, low-evidence set
console.log(`RSS after @xinwen/segment is loaded (nodejieba, dictionaries, IDF table): ${mib()}`);

const nodejieba = createRequire(import.meta.url)('nodejieba') as typeof import('nodejieba');
const rs = Jieba.withDict(dict);
rs.cut(warm, true);
console.log(`RSS after @node-rs/jieba is loaded too: ${mib()}`);

const results = runBench({
  title: 'segment: seed corpus',
  corpus,
  clock: 'cpu',
  cases: [
    { name: 'nodejieba.tag', fn: (t) => nodejieba.tag(t), baseline: true },
    { name: 'segment() tokens+POS+offsets+sentences', fn: (t) => withoutKeywords.segment(t) },
    { name: 'segment() with 10 keywords', fn: (t) => withKeywords.segment(t) },
    { name: 'nodejieba.cut (HMM)', fn: (t) => nodejieba.cut(t, true) },
    { name: '@node-rs/jieba cut (HMM)', fn: (t) => rs.cut(t, true) },
  ],
});

const ratio = (name: string): number => results.find((r) => r.name === name)?.ratio ?? Number.NaN;
const bare = ratio('segment() tokens+POS+offsets+sentences');
const full = ratio('segment() with 10 keywords');
console.log(
  `\nsegment() runs at ${bare.toFixed(2)}x bare nodejieba.tag without keywords (target >= 1.0x): ${bare >= 1 ? 'met' : 'NOT met'}; ${full.toFixed(2)}x with keywords (target >= 0.8x): ${full >= 0.8 ? 'met' : 'NOT met'}`,
);
