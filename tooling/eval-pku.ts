/**
 * Word-segmentation accuracy on the SIGHAN 2005 PKU test set, scored by the bakeoff's official
 * `score` script. Prints F1 for plain nodejieba (its default `cut`, and `cut` with HMM) and for
 * @xinwen/segment's `tokenize`.
 *
 * The data is research-only and lives outside the repository (tooling/seeds.ts evalDir, default
 * ../shared/eval). Nothing here is derived from it: the script only writes our output to a temp
 * dir and lets `score` compare. Skips with a message when the data, perl or GNU diff is absent.
 *
 *   pnpm exec tsx tooling/eval-pku.ts
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evalDir, repoRoot } from './seeds.js';

const dir = join(evalDir, 'icwb2');
const files = {
  test: join(dir, 'pku_test.utf8'),
  gold: join(dir, 'pku_test_gold.utf8'),
  words: join(dir, 'pku_training_words.utf8'),
  score: join(dir, 'score'),
};

function skip(reason: string): never {
  console.log(`eval-pku: skipped, ${reason}`);
  process.exit(0);
}

for (const [name, path] of Object.entries(files))
  if (!existsSync(path)) skip(`${name} file ${path} is absent`);
if (spawnSync('perl', ['-v']).status !== 0) skip('perl is not installed');
if (!/GNU/.test(spawnSync('diff', ['--version']).stdout?.toString() ?? '')) skip('GNU diff is not installed');

const lines = readFileSync(files.test, 'utf8').split(/\r?\n/);
if (lines[lines.length - 1] === '') lines.pop();
const work = mkdtempSync(join(tmpdir(), 'xinwen-eval-pku-'));

function score(name: string, segmentLine: (line: string) => string[]): number {
  const t0 = performance.now();
  const out = lines
    .map((line) =>
      segmentLine(line)
        .filter((w) => w.trim() !== '')
        .join(' '),
    )
    .join('\n');
  const ms = performance.now() - t0;
  const path = join(work, `${name.replace(/\W+/g, '_')}.utf8`);
  writeFileSync(path, `${out}\n`);
  const report = execFileSync('perl', [files.score, files.words, files.gold, path], {
    maxBuffer: 1 << 28,
  }).toString();
  const get = (label: string): number => Number(new RegExp(`=== ${label}:\\s*([\\d.]+)`).exec(report)?.[1]);
  const f1 = get('F MEASURE');
  console.log(
    `${name.padEnd(34)} F1 ${f1.toFixed(3)}  P ${get('TOTAL TEST WORDS PRECISION').toFixed(3)}  R ${get('TOTAL TRUE WORDS RECALL').toFixed(3)}  OOV-R ${get('OOV Recall Rate').toFixed(3)}  IV-R ${get('IV Recall Rate').toFixed(3)}  (${ms.toFixed(0)} ms)`,
  );
  return f1;
}

try {
  // Plain nodejieba first: its dictionary is process-global, and @xinwen/segment reloads it with
  // the domain dictionary on first use.
  const require = createRequire(join(repoRoot, 'packages/segment/package.json'));
  const nodejieba = require('nodejieba') as typeof import('nodejieba');
  nodejieba.load();
  console.log(`PKU test set: ${lines.length} lines`);
  const plain = score('nodejieba.cut (default, no HMM)', (l) => nodejieba.cut(l));
  score('nodejieba.cut (HMM)', (l) => nodejieba.cut(l, true));
  const { createSegmenter, tokenize } = await import('../packages/segment/src/index.js');
  const ours = score('@xinwen/segment tokenize', (l) => tokenize(l).map((t) => t.text));
  // Ablations, to show where the gain comes from.
  const coarse = createSegmenter({ splitCompounds: false });
  score('  without splitCompounds', (l) => coarse.tokenize(l).map((t) => t.text));
  const noNames = createSegmenter({ names: false });
  score('  without names', (l) => noNames.tokenize(l).map((t) => t.text));
  console.log(
    `ours - plain nodejieba: ${(ours - plain >= 0 ? '+' : '') + (ours - plain).toFixed(3)} F1 (target: F1 >= 0.86)`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
