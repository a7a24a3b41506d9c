/**
 * normalize() against bare opencc-js conversion of the same text, measured in the same run.
 *
 * - traditional corpus: seed 002 (a traditional web page), pinyin annotations and all.
 *   Target: normalize at least 0.8x the speed of bare conversion.
 * - seed corpus: the four mostly-simplified print seeds (000, 001, 003, 004), with their stray
 *   traditional characters. Target: normalize at least 2x the speed of bare conversion.
 * - all five seeds together, for reference.
 */
import * as OpenCC from 'opencc-js';
import { runBench, scaleCorpus } from '../../../tooling/bench.js';
import { readSeeds } from '../../../tooling/seeds.js';
import { createNormalizer } from '../src/index.js';

const seeds = readSeeds();
const traditional = seeds.filter((s) => s.name.startsWith('002')).map((s) => s.text);
const simplified = seeds.filter((s) => !s.name.startsWith('002')).map((s) => s.text);
const all = seeds.map((s) => s.text);

const convert = OpenCC.Converter({ from: 'tw', to: 'cn' });
const normalize = createNormalizer();

const results: Record<string, number> = {};
for (const [title, items] of [
  ['traditional corpus (seed 002)', traditional],
  ['mostly-simplified seed corpus (000, 001, 003, 004)', simplified],
  ['all five seeds', all],
] as const) {
  const corpus = scaleCorpus(items, 1_000_000);
  const out = runBench({
    title,
    corpus,
    rounds: 9,
    warmup: 2,
    cases: [
      { name: 'opencc-js Converter(tw→cn)', fn: (t) => convert(t), baseline: true },
      { name: 'normalize()', fn: (t) => normalize(t).text },
    ],
  });
  results[title] = out[1]?.ratio ?? Number.NaN;
}
console.log('\n## ratios (normalize vs bare opencc-js)');
for (const [title, ratio] of Object.entries(results)) console.log(`${title}: ${ratio.toFixed(2)}x`);
