/**
 * What a web page says about itself: title (the headline that matches `<title>`, else `og:title`,
 * else `<title>` without its site suffix), publish time (meta tags, structured data, `<time>`, the
 * date line under the headline; China time when the page names no zone), source (来源), web
 * editors (责任编辑), site name and canonical URL, and the short lines around the headline.
 */
import { XinwenError } from '@xinwen/core';
import { dataFile } from '../data.generated.js';
import type { Content, TextRun } from './content.js';
import { loadSignals } from './content.js';
import type { HtmlDocument } from './dom.js';

/** A name with the role the page gives it. */
export interface WebName {
  name: string;
  role: string;
}

/** The page's own statements (all optional but the lists). */
export interface WebMeta {
  title?: string;
  /** ISO 8601 with offset, e.g. `2019-09-08T00:20:15+08:00` (China time when the page names none). */
  publishedAt?: string;
  /** Source (来源) the page names, e.g. 每日经济新闻. */
  source?: string;
  siteName?: string;
  canonicalUrl?: string;
  authors: WebName[];
  editors: WebName[];
  /** Short lines between the headline and the content (date, source, author lines). */
  header: string[];
}

interface MetaData {
  titleMeta: string[];
  dateMeta: string[];
  modifiedMeta: string[];
  siteMeta: string[];
  sourceMeta: string[];
  sourceLabels: string[];
  editorLabels: string[];
  titleSeparators: RegExp;
  titleClass: RegExp;
}

let data: MetaData | undefined;

function loadMeta(): MetaData {
  if (data !== undefined) return data;
  try {
    const raw = JSON.parse(dataFile('web-meta.json')) as Omit<MetaData, 'titleSeparators' | 'titleClass'> & {
      titleSeparators: string;
      titleClass: string;
    };
    data = {
      ...raw,
      titleSeparators: new RegExp(raw.titleSeparators),
      titleClass: new RegExp(raw.titleClass, 'i'),
    };
  } catch (cause) {
    throw new XinwenError(
      'invalid_dictionary',
      `expected the web metadata names as JSON in data/web-meta.json`,
      {
        cause,
      },
    );
  }
  return data;
}

const squash = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
const key = (s: string) =>
  s.replace(/[\s\u00a0\u3000“”"'‘’「」《》（）()[\]【】:：，,。.!！?？_|｜\-–—·…]/g, '');

function metaValue(doc: HtmlDocument, names: readonly string[]): string | undefined {
  for (const name of names) {
    for (const m of doc.meta) {
      const n = (m.property ?? m.name ?? m.itemprop ?? '').toLowerCase();
      if (n === name && m.content !== undefined && m.content.trim() !== '') return squash(m.content);
    }
  }
  return undefined;
}

/** `<title>` without the site name: the longest part between separators. */
function titleCore(title: string): string {
  const parts = title
    .split(loadMeta().titleSeparators)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  let best = '';
  for (const p of parts) if (key(p).length > key(best).length) best = p;
  return best;
}

function pickTitle(
  doc: HtmlDocument,
  runs: readonly TextRun[],
  content: Content,
): { title?: string; run?: number } {
  const m = loadMeta();
  const titleKey = key(doc.title);
  const candidates: { text: string; index: number; weight: number }[] = [];
  runs.forEach((r, index) => {
    const tag = r.block.tag;
    const len = key(r.text).length;
    if (len < 4 || len > 120) return;
    let weight = 0;
    if (tag === 'h1') weight = 3;
    else if (tag === 'h2') weight = 2;
    else if (tag === 'h3' || tag === 'h4') weight = 1;
    else if (m.titleClass.test(`${r.block.attrs.class ?? ''} ${r.block.attrs.id ?? ''}`)) weight = 1;
    if (weight > 0) candidates.push({ text: r.text, index, weight });
  });
  // The headline shown on the page that the <title> also carries.
  let best: { text: string; index: number; score: number } | undefined;
  for (const c of candidates) {
    const k = key(c.text);
    if (titleKey === '' || !(titleKey.includes(k) || k.includes(titleKey))) continue;
    const cover = Math.min(k.length, titleKey.length) / Math.max(k.length, titleKey.length);
    // A site name in an <h1> (the logo) covers little of the <title>: coverage counts most.
    if (cover < 0.3) continue;
    const score = c.weight + cover * 4;
    if (best === undefined || score > best.score) best = { text: c.text, index: c.index, score };
  }
  const core = titleCore(doc.title);
  if (best !== undefined) {
    // The <title> may carry the whole headline where the page breaks it over two elements.
    let text = best.text;
    let index = best.index;
    for (let i = best.index + 1; i <= best.index + 2 && i < runs.length; i++) {
      const joined = `${text}${runs[i]!.text}`;
      if (!titleKey.includes(key(joined))) break;
      text = joined;
      index = i;
    }
    return { title: text, run: index };
  }
  const og = metaValue(doc, m.titleMeta);
  const ogCore = og === undefined ? undefined : titleCore(og);
  const chosen =
    ogCore !== undefined && key(ogCore).length >= 4 ? ogCore : core !== '' ? core : candidates[0]?.text;
  // The run that shows the chosen title, if any, marks where the header starts.
  const shown = (t: string) => {
    const tk = key(t);
    return runs.findIndex((r) => {
      const k = key(r.text);
      return k.length >= 4 && (k === tk || (tk.includes(k) && k.length >= 0.8 * tk.length));
    });
  };
  if (ogCore !== undefined && key(ogCore).length >= 4) {
    const at = shown(ogCore);
    return at >= 0 ? { title: ogCore, run: at } : { title: ogCore };
  }
  // A <title> that is only the site's name: the page's one <h1>, when it is no link.
  const h1 = runs.findIndex(
    (r) => r.block.tag === 'h1' && r.linkChars === 0 && key(r.text).length >= 4 && key(r.text).length <= 80,
  );
  if (h1 >= 0 && runs.filter((r) => r.block.tag === 'h1').length === 1)
    return { title: runs[h1]!.text, run: h1 };
  const index = chosen === undefined ? -1 : shown(chosen);
  if (chosen !== undefined && index >= 0) return { title: chosen, run: index };
  // Not shown on the page (a generic <title>): the line above the date line before the content.
  const contentStart = content.roots[0]?.start ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i < runs.length && runs[i]!.start < contentStart; i++) {
    const r = runs[i]!;
    if (r.text.length > 60 || !DATE.test(r.text)) continue;
    const above = runs[i - 1]!;
    const k = key(above.text);
    if (k.length >= 6 && k.length <= 80 && !DATE.test(above.text) && above.linkChars === 0)
      return { title: above.text, run: i - 1 };
  }
  return chosen === undefined ? {} : { title: chosen };
}

const DATE =
  /((?:19|20)\d{2})\s*[-/年.]\s*(\d{1,2})\s*[-/月.]\s*(\d{1,2})\s*日?(?:[\sT]*(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?)?/;
const ISO_ZONE = /(Z|[+-]\d{2}:?\d{2})$/;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A date (and time) as ISO 8601 in China time (+08:00), or undefined when it is not a real date. */
export function toIso(text: string): string | undefined {
  const t = text.trim();
  // Unix seconds or milliseconds.
  if (/^\d{10}(\d{3})?$/.test(t)) return fromEpoch(Number(t.length === 13 ? t : `${t}000`));
  const zone = ISO_ZONE.exec(t);
  if (zone !== null && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(t)) {
    const ms = Date.parse(t);
    if (Number.isFinite(ms)) return fromEpoch(ms);
  }
  const m = DATE.exec(t);
  if (m === null) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  const h = m[4] === undefined ? 0 : Number(m[4]);
  const mi = m[5] === undefined ? 0 : Number(m[5]);
  const s = m[6] === undefined ? 0 : Number(m[6]);
  if (h > 23 || mi > 59 || s > 59) return undefined;
  return `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}+08:00`;
}

function fromEpoch(ms: number): string | undefined {
  if (!Number.isFinite(ms) || ms <= 0) return undefined;
  const d = new Date(ms + 8 * 3600 * 1000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(
    d.getUTCMinutes(),
  )}:${pad(d.getUTCSeconds())}+08:00`;
}

function jsonLdValue(doc: HtmlDocument, field: string): string | undefined {
  const re = new RegExp(`"${field}"\\s*:\\s*"([^"]{4,80})"`);
  for (const j of doc.jsonLd) {
    const m = re.exec(j);
    if (m !== null) return m[1];
  }
  return undefined;
}

function labelled(line: string, labels: readonly string[]): string | undefined {
  for (const l of labels) {
    const i = line.indexOf(l);
    if (i < 0) continue;
    const rest = line.slice(i + l.length).replace(/^\s*[:：]?\s*/, '');
    const value = /^[^\s|｜/／,，;；]{2,24}/.exec(rest)?.[0];
    if (value !== undefined) return value;
  }
  return undefined;
}

const NAME = /^[\p{Script=Han}·]{2,4}$/u;

/** Reads the page's metadata. `runs` are the page's text runs in document order. */
export function readMeta(doc: HtmlDocument, content: Content): WebMeta {
  const m = loadMeta();
  const s = loadSignals();
  const runs = content.runs;
  const { title, run: titleRun } = pickTitle(doc, runs, content);
  // Header: short lines after the headline, up to the content's first line.
  const contentStart = content.roots[0]?.start ?? Number.POSITIVE_INFINITY;
  const firstContent = runs.findIndex((r) => r.start >= contentStart);
  const header: string[] = [];
  const from =
    titleRun === undefined ? Math.max(0, (firstContent < 0 ? runs.length : firstContent) - 12) : titleRun + 1;
  const to = firstContent < 0 || firstContent < from ? Math.min(runs.length, from + 12) : firstContent;
  for (let i = from; i < to && header.length < 16; i++) {
    const t = runs[i]!.text;
    if (t.length <= s.headerMaxLine) header.push(t);
  }
  const meta: WebMeta = { authors: [], editors: [], header };
  if (title !== undefined) meta.title = title;

  // Publish time: meta tags, structured data, <time>, then the header lines, then any dated line.
  let published: string | undefined;
  const fromMeta = metaValue(doc, m.dateMeta);
  if (fromMeta !== undefined) published = toIso(fromMeta);
  if (published === undefined) {
    const ld = jsonLdValue(doc, 'datePublished');
    if (ld !== undefined) published = toIso(ld);
  }
  if (published === undefined) {
    for (const line of header) {
      published = DATE.test(line) ? toIso(line) : undefined;
      if (published !== undefined) break;
    }
  }
  if (published === undefined) {
    const modified = metaValue(doc, m.modifiedMeta);
    if (modified !== undefined) published = toIso(modified);
  }
  if (published === undefined) {
    // The first date with a time of day anywhere on the page, then the first date at all.
    const withTime =
      /((?:19|20)\d{2})\s*[-/年.]\s*\d{1,2}\s*[-/月.]\s*\d{1,2}\s*日?\s*\d{1,2}\s*[:：]\s*\d{2}/;
    const hit =
      runs.find((r) => withTime.test(r.text)) ?? runs.find((r) => r.text.length <= 80 && DATE.test(r.text));
    if (hit !== undefined) published = toIso(hit.text.slice(hit.text.search(DATE)));
  }
  if (published !== undefined) meta.publishedAt = published;

  const site = metaValue(doc, m.siteMeta);
  if (site !== undefined) meta.siteName = site;
  const canonical =
    doc.links.find((l) => (l.rel ?? '').toLowerCase() === 'canonical')?.href ?? metaValue(doc, ['og:url']);
  if (canonical !== undefined && canonical.trim() !== '') meta.canonicalUrl = canonical.trim();

  // Source and editors: the header first, then the content's last lines.
  const inContent = runs.filter((r) => content.roots.some((c) => r.start >= c.start && r.end <= c.end));
  const tail = inContent.slice(-12).map((r) => r.text);
  for (const line of [...header, ...tail]) {
    if (meta.source === undefined) {
      const v = labelled(line, m.sourceLabels);
      if (v !== undefined && !/^\d/.test(v)) meta.source = v;
    }
    const ed = labelled(line, m.editorLabels);
    if (ed !== undefined) {
      const name = ed.replace(/[_\-（(].*$/, '');
      if (NAME.test(name) && !meta.editors.some((e) => e.name === name))
        meta.editors.push({ name, role: m.editorLabels.find((l) => line.includes(l)) ?? '编辑' });
    }
  }
  if (meta.source === undefined) {
    const v = metaValue(doc, m.sourceMeta);
    if (v !== undefined && v.length <= 24) meta.source = v;
  }
  for (const line of header) {
    const a = /(?:^|\s)(作者|记者)\s*[:：]\s*([\p{Script=Han}·]{2,4})(?=$|[\s|｜,，;；])/u.exec(line);
    if (a !== null && !meta.authors.some((x) => x.name === a[2]))
      meta.authors.push({ name: a[2]!, role: a[1]! });
  }
  return meta;
}
