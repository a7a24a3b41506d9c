/**
 * The number, money and time parsers against segment() on the dev corpus (../shared/corpus, text
 * inputs), or on the seeds when the corpus is absent, measured in the same run. Target (issue 13):
 * parsing money, percentages and time expressions costs at most 0.1x the segment stage.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { normalize } from '@xinwen/normalize';
import { createSegmenter } from '@xinwen/segment';
import { runBench } from '../../../tooling/bench.js';
import { readSeeds } from '../../../tooling/seeds.js';
import { parseMoney, parsePercentages, parseTimes } from '../src/index.js';

const corpusDir = new URL('../../../../shared/corpus/pages/', import.meta.url);
const raw: string[] = existsSync(corpusDir)
  ? readdirSync(corpusDir)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => readFileSync(new URL(f, corpusDir), 'utf8'))
  : readSeeds().map((s) => s.text);
const texts = raw.map((t) => normalize(t).text);
const segmenter = createSegmenter();
const reference = '2024-06-22';

const results = runBench<string>({
  title: `number, money and time parsing vs segment (${texts.length} ${existsSync(corpusDir) ? 'corpus' : 'seed'} texts)`,
  corpus: texts,
  rounds: 5,
  warmup: 1,
  clock: 'cpu',
  cases: [
    { name: 'segment', baseline: true, fn: (t) => segmenter.segment(t) },
    { name: 'parseMoney', fn: (t) => parseMoney(t) },
    { name: 'parseTimes', fn: (t) => parseTimes(t, { reference }) },
    { name: 'parsePercentages', fn: (t) => parsePercentages(t) },
    {
      name: 'all three',
      fn: (t) => [parseMoney(t), parseTimes(t, { reference }), parsePercentages(t)],
    },
  ],
});

const seg = results.find((r) => r.name === 'segment')!;
const all = results.find((r) => r.name === 'all three')!;
const share = all.msPerRound / seg.msPerRound;
console.log(
  `parsing: ${share.toFixed(3)}x segment's time (target <= 0.1x): ${share <= 0.1 ? 'met' : 'NOT met'}`,
);
