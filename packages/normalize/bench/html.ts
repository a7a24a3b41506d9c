/**
 * Web pages to text: the HTML pass alone (parse, main content, metadata) and the whole
 * normalize() of the page, against normalize() of the text the page yields, measured in the same
 * run. MB/s are of HTML bytes for every case (the baseline processes the page's extracted text,
 * so its ratio says how much the page's markup costs on top of normalizing its text).
 * Target: the HTML pass at 10 MB/s of HTML or more.
 *
 * Corpus: the dev corpus's web pages (../shared/corpus/pages/*.html beside the checkout), else a
 * page made from the seeds wrapped in navigation and comment boxes.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { runBench, scaleCorpus } from '../../../tooling/bench.js';
import { readSeeds } from '../../../tooling/seeds.js';
import { htmlToText } from '../src/html/text.js';
import { createNormalizer } from '../src/index.js';

const dir = new URL('../../../../shared/corpus/pages/', import.meta.url);

function corpusPages(): string[] {
  if (existsSync(dir)) {
    const files = readdirSync(dir).filter((f) => f.endsWith('.html'));
    if (files.length > 0) return files.map((f) => readFileSync(new URL(f, dir), 'utf8'));
  }
  const nav = `<div class="nav">${'<a href="/x">频道</a>'.repeat(40)}</div>`;
  return readSeeds().map(
    (s) =>
      `<html><head><title>seed</title></head><body>${nav}<div class="content">${s.text
        .split(/\n+/)
        .map((p) => `<p>${p}</p>`)
        .join('')}</div><div id="comments">${'<p>评论</p>'.repeat(50)}</div></body></html>`,
  );
}

const pages = scaleCorpus(corpusPages(), 4_000_000);
const normalize = createNormalizer();
const texts = new Map<string, string>();
for (const p of new Set(pages)) texts.set(p, normalize(p).text);

const out = runBench({
  title: `web pages (${existsSync(dir) ? 'dev corpus .html' : 'seed pages'}); MB/s of HTML`,
  corpus: pages,
  rounds: 7,
  warmup: 2,
  cases: [
    { name: 'normalize(extracted text)', fn: (p) => normalize(texts.get(p) ?? '').text, baseline: true },
    { name: 'HTML pass (parse, content, metadata)', fn: (p) => htmlToText(p, {}).result.text },
    { name: 'normalize(page)', fn: (p) => normalize(p).text },
  ],
});
// CPU time as well: on a shared machine wall time also counts the neighbours' work.
const bytes = pages.reduce((n, p) => n + Buffer.byteLength(p), 0);
const cpu = (fn: (p: string) => unknown) => {
  const rounds = 3;
  const t0 = process.cpuUsage();
  for (let r = 0; r < rounds; r++) for (const p of pages) fn(p);
  const t = process.cpuUsage(t0);
  return (rounds * bytes) / 1e6 / ((t.user + t.system) / 1e6);
};
const cpuHtml = cpu((p) => htmlToText(p, {}).result.text);
const cpuText = cpu((p) => normalize(texts.get(p) ?? '').text);
console.log('\n## HTML to text');
console.log(
  `HTML pass, CPU time: ${cpuHtml.toFixed(1)} MB/s of HTML (target 10); ${(cpuHtml / cpuText).toFixed(2)}x normalize on the extracted text`,
);
console.log(
  `HTML pass: ${out[1]?.mbPerSecond.toFixed(1)} MB/s of HTML (target 10); ${out[1]?.ratio.toFixed(2)}x normalize on the extracted text`,
);
console.log(
  `normalize(page): ${out[2]?.mbPerSecond.toFixed(1)} MB/s of HTML; ${out[2]?.ratio.toFixed(2)}x normalize on the extracted text`,
);
