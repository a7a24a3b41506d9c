/**
 * Word-segmentation accuracy on the SIGHAN 2005 bakeoff test sets, scored by the bakeoff's official
 * `score` script, and the speed of @xinwen/segment against bare nodejieba in the same run.
 *
 * Sets: PKU, and MSR, CityU and AS where their files are present in `<evalDir>/icwb2/` (named as in
 * the bakeoff's icwb2-data: `<set>_test.utf8`, `<set>_test_gold.utf8` or `<set>_testing_gold.utf8`,
 * `<set>_training_words.utf8`). CityU and AS are traditional text: it goes into `segment()` as it
 * is, and bare nodejieba gets it as it is too.
 *
 * For each set: P, R, F1, OOV recall and IV recall of nodejieba's `cut` (HMM) and of our `tokenize`.
 * Then the speed on the PKU lines: our `segment()` without keywords, and with 10 keywords, against
 * bare `nodejieba.tag`, interleaved rounds, CPU time.
 *
 * The data is research-only and lives outside the repository (tooling/seeds.ts evalDir, default
 * ../shared/eval). Nothing here is derived from it: the script only writes our output to a temp
 * dir and lets `score` compare. Skips with a message when the data, perl or GNU diff is absent.
 *
 *   pnpm eval:segment [--sets pku,msr] [--no-speed]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBench } from './bench.js';
import { evalDir, repoRoot } from './seeds.js';

const dir = join(evalDir, 'icwb2');
const args = process.argv.slice(2);
const setsArg = args.includes('--sets') ? (args[args.indexOf('--sets') + 1] ?? '') : 'pku,msr,cityu,as';
const wanted = setsArg.split(',').filter((s) => s !== '');
const speed = !args.includes('--no-speed');

function skip(reason: string): never {
  console.log(`eval-segment: skipped, ${reason}`);
  process.exit(0);
}

interface EvalSet {
  name: string;
  test: string;
  gold: string;
  words: string;
}

function findSet(name: string): EvalSet | undefined {
  const first = (...paths: string[]): string | undefined => paths.find((p) => existsSync(p));
  const test = first(join(dir, `${name}_test.utf8`));
  const gold = first(join(dir, `${name}_test_gold.utf8`), join(dir, `${name}_testing_gold.utf8`));
  const words = first(join(dir, `${name}_training_words.utf8`));
  return test && gold && words ? { name, test, gold, words } : undefined;
}

const score = join(dir, 'score');
if (!existsSync(score)) skip(`the scorer ${score} is absent`);
if (spawnSync('perl', ['-v']).status !== 0) skip('perl is not installed');
if (!/GNU/.test(spawnSync('diff', ['--version']).stdout?.toString() ?? '')) skip('GNU diff is not installed');
const sets = wanted.map(findSet).filter((s): s is EvalSet => s !== undefined);
if (sets.length === 0) skip(`no test set of ${wanted.join(', ')} in ${dir}`);
const missing = wanted.filter((name) => !sets.some((s) => s.name === name));
if (missing.length > 0) console.log(`not present in ${dir}: ${missing.join(', ')}`);

const readLines = (path: string): string[] => {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
};

const work = mkdtempSync(join(tmpdir(), 'xinwen-eval-segment-'));

function run(
  set: EvalSet,
  lines: readonly string[],
  name: string,
  segmentLine: (line: string) => string[],
): void {
  const out = lines
    .map((line) =>
      segmentLine(line)
        .filter((w) => w.trim() !== '')
        .join(' '),
    )
    .join('\n');
  const path = join(work, `${set.name}-${name.replace(/\W+/g, '_')}.utf8`);
  writeFileSync(path, `${out}\n`);
  const report = execFileSync('perl', [score, set.words, set.gold, path], { maxBuffer: 1 << 28 }).toString();
  const get = (label: string): string =>
    Number(new RegExp(`=== ${label}:\\s*([\\d.]+)`).exec(report)?.[1]).toFixed(3);
  console.log(
    `${set.name.toUpperCase().padEnd(6)} ${name.padEnd(26)} F1 ${get('F MEASURE')}  P ${get('TOTAL TEST WORDS PRECISION')}  R ${get('TOTAL TRUE WORDS RECALL')}  OOV-R ${get('OOV Recall Rate')}  IV-R ${get('IV Recall Rate')}`,
  );
}

try {
  const require = createRequire(join(repoRoot, 'packages/segment/package.json'));
  const nodejieba = require('nodejieba') as typeof import('nodejieba');
  nodejieba.load();
  const data = sets.map((set) => ({ set, lines: readLines(set.test) }));
  // bare nodejieba first: its dictionary is process-global, and @xinwen/segment reloads it with
  // the domain dictionary on first use
  const bare = data.map(({ lines }) => lines.map((l) => nodejieba.cut(l, true)));
  const { createSegmenter } = await import('../packages/segment/src/index.js');
  const segmenter = createSegmenter({ keywords: 0 });
  for (const [k, { set, lines }] of data.entries()) {
    let n = 0;
    run(set, lines, 'nodejieba.cut (HMM)', () => bare[k]?.[n++] ?? []);
    run(set, lines, '@xinwen/segment tokenize', (l) => segmenter.tokenize(l).map((t) => t.text));
  }

  if (speed) {
    const corpus = (data.find((d) => d.set.name === 'pku') ?? data[0])?.lines ?? [];
    const withKeywords = createSegmenter();
    const results = runBench({
      title: `speed on the ${corpus.length} test lines of ${(data.find((d) => d.set.name === 'pku') ?? data[0])?.set.name.toUpperCase()}`,
      corpus,
      clock: 'cpu',
      rounds: 5,
      warmup: 1,
      cases: [
        { name: 'nodejieba.tag', fn: (t) => nodejieba.tag(t), baseline: true },
        { name: 'segment() without keywords', fn: (t) => segmenter.segment(t) },
        { name: 'segment() with 10 keywords', fn: (t) => withKeywords.segment(t) },
      ],
    });
    const ratio = (name: string): string =>
      (results.find((r) => r.name === name)?.ratio ?? Number.NaN).toFixed(2);
    console.log(
      `\nsegment() runs at ${ratio('segment() without keywords')}x bare nodejieba.tag without keywords (target >= 1.0x), ${ratio('segment() with 10 keywords')}x with keywords (target >= 0.8x)`,
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
