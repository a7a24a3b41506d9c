/**
 * Web pages of the dev corpus side by side with GeneralNewsExtractor (GNE): title and publish
 * time right or wrong against the corpus gold for xinwen and for GNE, and the main content's
 * character F1 against GNE's content. Run from the checkout (built), the corpus beside it:
 *
 *   npx tsx tooling/eval-web.ts [--gne FILE] [--corpus DIR]
 *
 * --gne FILE: GNE's output for the pages, either as GNE's own `result.txt` (blocks opened by
 * `>>>>tests/SITE/N.html>>>>` holding its JSON) or as JSON Lines `{ "page": "SITE/N", "title",
 * "publish_time", "content" }`. Without it only xinwen's columns are filled. Character F1 counts
 * the characters (white space left out) the two contents share, as multisets.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createContext } from '@xinwen/core';
import { createExtractor } from '../packages/extract/src/index.js';
import { createNormalizer } from '../packages/normalize/src/index.js';

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const corpus = arg('--corpus') ?? new URL('../../shared/corpus/', import.meta.url).pathname;
if (!existsSync(`${corpus}/gold.json`)) {
  console.log(`no corpus at ${corpus}: nothing to compare`);
  process.exit(0);
}

interface GneResult {
  title?: string;
  publish_time?: string;
  content?: string;
}

function readGne(file: string | undefined): Map<string, GneResult> {
  const out = new Map<string, GneResult>();
  if (file === undefined) return out;
  const text = readFileSync(file, 'utf8');
  const blocks = [...text.matchAll(/>{5,}\s*tests\/([^>\s]+)\.html\s*>{5,}\s*([\s\S]*?)\n<{5,}/g)];
  for (const b of blocks) out.set(b[1]!, JSON.parse(b[2]!) as GneResult);
  if (blocks.length === 0) {
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      const j = JSON.parse(line) as GneResult & { page: string };
      out.set(j.page, j);
    }
  }
  return out;
}

const PUNCT = /[\s\u3000“”"「」『』‘’'`·•・．.:：，,、。！？!?（）()[\]【】《》<>—\-_|/…~～;；*#]+/g;
const normTitle = (s: string | undefined) => (s ?? '').replace(PUNCT, '');
function titleOk(
  pred: string | undefined,
  gold: { title: string; titleAlternatives?: string[]; kicker?: string },
) {
  const p = normTitle(pred);
  if (p === '') return false;
  const keys = [
    gold.title,
    ...(gold.titleAlternatives ?? []),
    ...(gold.kicker ? [gold.kicker + gold.title] : []),
  ];
  return keys.some((k) => {
    const g = normTitle(k);
    const [short, long] = g.length <= p.length ? [g, p] : [p, g];
    return long.includes(short) && short.length >= 0.8 * long.length;
  });
}
function isoDay(text: string | undefined): string | undefined {
  const m = /((?:19|20)\d{2})\s*[-/年.]\s*(\d{1,2})\s*[-/月.]\s*(\d{1,2})/.exec(text ?? '');
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : undefined;
}
function charF1(pred: string, ref: string): { p: number; r: number; common: number; np: number; nr: number } {
  const count = (s: string) => {
    const m = new Map<string, number>();
    for (const c of s.replace(/\s+/g, '')) m.set(c, (m.get(c) ?? 0) + 1);
    return m;
  };
  const a = count(pred);
  const b = count(ref);
  let common = 0;
  for (const [c, n] of a) common += Math.min(n, b.get(c) ?? 0);
  const np = [...a.values()].reduce((x, y) => x + y, 0);
  const nr = [...b.values()].reduce((x, y) => x + y, 0);
  return { p: np ? common / np : 0, r: nr ? common / nr : 0, common, np, nr };
}

const gold = JSON.parse(readFileSync(`${corpus}/gold.json`, 'utf8')).docs as Record<
  string,
  {
    kind: string;
    page: { date?: string };
    articles: {
      title: string;
      titleAlternatives?: string[];
      kicker?: string;
      date?: string;
      dateAlternatives?: string[];
    }[];
  }
>;
const gne = readGne(arg('--gne'));
const normalize = createNormalizer();
const extract = createExtractor();
const files = readdirSync(`${corpus}/pages`).filter(
  (f) => f.endsWith('.html') && gold[f]?.kind === 'web-html',
);

const totals = { xTitle: 0, gTitle: 0, xTime: 0, gTime: 0, times: 0, gPages: 0, common: 0, np: 0, nr: 0 };
const rows: string[] = [];
for (const f of files.sort()) {
  const g = gold[f]!;
  const ga = g.articles[0]!;
  const page = f
    .replace(/^web-gne-/, '')
    .replace(/\.html$/, '')
    .replace('-', '/');
  const r = normalize(readFileSync(`${corpus}/pages/${f}`), undefined, { uri: f });
  const normalized = {
    text: r.text,
    script: r.script,
    fixes: r.fixes,
    removed: r.removed,
    damaged: r.damaged,
    ...(r.web ? { web: r.web } : {}),
  };
  const out = extract({ normalized }, createContext('extract'));
  const xa = out.articles[0];
  const goldDates = [g.page.date, ga.date, ...(ga.dateAlternatives ?? [])].filter(
    (d): d is string => d !== undefined,
  );
  const ref = gne.get(page);
  const xTitle = titleOk(xa?.title, ga);
  const gTitle = ref ? titleOk(ref.title, ga) : undefined;
  const xDate = out.page.date ?? xa?.date;
  const gDate = isoDay(ref?.publish_time);
  const hasDate = goldDates.length > 0;
  const xTime = hasDate && xDate !== undefined && goldDates.includes(xDate);
  const gTime = ref ? hasDate && gDate !== undefined && goldDates.includes(gDate) : undefined;
  totals.xTitle += Number(xTitle);
  totals.gTitle += Number(gTitle === true);
  if (hasDate) totals.times++;
  totals.xTime += Number(xTime);
  totals.gTime += Number(gTime === true);
  let f1 = '';
  if (ref?.content !== undefined) {
    const c = charF1(r.text, ref.content);
    totals.gPages++;
    totals.common += c.common;
    totals.np += c.np;
    totals.nr += c.nr;
    f1 = ((2 * c.p * c.r) / (c.p + c.r || 1)).toFixed(3);
  }
  const mark = (v: boolean | undefined) => (v === undefined ? '-' : v ? 'ok' : 'NO');
  rows.push(
    [
      page.padEnd(20),
      mark(xTitle).padEnd(4),
      mark(gTitle).padEnd(4),
      hasDate ? mark(xTime) : 'n/a',
      hasDate && ref ? mark(gTime) : hasDate ? '-' : 'n/a',
      f1,
    ].join('  '),
  );
}
console.log(
  ['page'.padEnd(20), 'title xinwen', 'title GNE', 'time xinwen', 'time GNE', 'content char-F1 vs GNE'].join(
    '  ',
  ),
);
for (const row of rows) console.log(row);
const p = totals.np ? totals.common / totals.np : 0;
const rc = totals.nr ? totals.common / totals.nr : 0;
console.log(
  `\nSUMMARY web vs GNE: ${files.length} pages | titles xinwen ${totals.xTitle}/${files.length}` +
    (gne.size ? `, GNE ${totals.gTitle}/${gne.size} pages it covers` : '') +
    ` | times xinwen ${totals.xTime}/${totals.times}` +
    (gne.size ? `, GNE ${totals.gTime}` : '') +
    (totals.gPages
      ? ` | content char-F1 ${((2 * p * rc) / (p + rc || 1)).toFixed(3)} (P ${p.toFixed(3)} R ${rc.toFixed(3)}, ${totals.gPages} pages)`
      : ' | no GNE content given (--gne FILE)'),
);
