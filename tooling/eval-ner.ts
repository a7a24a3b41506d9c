/**
 * Exact-span NER scores of @xinwen/extract's findEntities on the MSRA NER dev half in
 * ../shared/corpus/ner/ (research data, read in place, never copied): each sentence is run twice,
 * on the text alone and with @xinwen/segment's tokens, and scored by the corpus's score-ner.py.
 * Skipped when the corpus is absent. Also prints the CPU time of entity finding against the
 * segmenter's on the same sentences.
 *
 *   pnpm eval:ner [--errors N]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findEntities } from '../packages/extract/src/index.js';
import { createSegmenter } from '../packages/segment/src/index.js';

const corpus = resolve(import.meta.dirname, '../../shared/corpus');
const gold = join(corpus, 'ner/msra-dev.jsonl');
if (!existsSync(gold)) {
  console.log(`eval:ner skipped: ${gold} not found`);
  process.exit(0);
}
const errors = process.argv.includes('--errors') ? process.argv[process.argv.indexOf('--errors') + 1]! : '0';
const labels = { person: 'PER', place: 'LOC', organization: 'ORG' } as const;
const sentences = readFileSync(gold, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { id: number; text: string });
const segmenter = createSegmenter({ keywords: 0 });
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
findEntities('预热');
let segmentMs = 0;
let plainMs = 0;
let tokenMs = 0;
const plain: string[] = [];
const withTokens: string[] = [];
for (const { id, text } of sentences) {
  let t = cpu();
  const tokens = segmenter.tokenize(text);
  segmentMs += cpu() - t;
  t = cpu();
  const a = findEntities(text);
  plainMs += cpu() - t;
  t = cpu();
  const b = findEntities(text, tokens);
  tokenMs += cpu() - t;
  const line = (es: typeof a) =>
    JSON.stringify({
      id,
      text,
      entities: es.map((e) => ({ type: labels[e.type], start: e.start, end: e.end })),
    });
  plain.push(line(a));
  withTokens.push(line(b));
}
const dir = mkdtempSync(join(tmpdir(), 'xinwen-ner-'));
for (const [name, lines] of [
  ['text alone', plain],
  ['with segment tokens', withTokens],
] as const) {
  const file = join(dir, `${name.replace(/\W+/g, '-')}.jsonl`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  console.log(`\n== findEntities, ${name} (${file})`);
  console.log(
    execFileSync('python3', [join(corpus, 'score-ner.py'), file, '--errors', errors], { encoding: 'utf8' }),
  );
}
console.log(
  `CPU time: segment ${segmentMs.toFixed(0)} ms, findEntities ${plainMs.toFixed(0)} ms alone (${(plainMs / segmentMs).toFixed(2)}×), ${tokenMs.toFixed(0)} ms with tokens (${(tokenMs / segmentMs).toFixed(2)}×)`,
);
