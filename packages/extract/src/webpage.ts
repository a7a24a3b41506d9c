/**
 * Web pages kept as all their visible text (navigation, related links, comments and footer
 * included): one article, found from the page's own evidence. The document title (first line,
 * with the site name after 「_」 or 「-」) names the article; its headline line repeats it; the
 * date and the byline sit in the lines around the headline; the body is the run of long lines
 * that follows.
 */
import type { Byline, Removed } from '@xinwen/core';
import { parseBylineLine, parseBylineMatch } from './byline.js';
import type { ArticleSplit, SpanText } from './split.js';

interface Line extends SpanText {
  index: number;
}

function toLines(text: string): Line[] {
  const out: Line[] = [];
  let pos = 0;
  for (const raw of text.split('\n')) {
    const t = raw.trim();
    if (t) {
      const start = pos + raw.indexOf(t);
      out.push({ text: t, start, end: start + t.length, index: out.length });
    }
    pos += raw.length + 1;
  }
  return out;
}

/** Lines of navigation and buttons are short; a page of visible text has many of them. */
const shortLine = (t: string) => [...t].length <= 8;
/** A body line: long, or a sentence. */
const longLine = (t: string) => [...t].length >= 40 || (/[。！？]/.test(t) && [...t].length >= 16);

/** Whether `text` reads as the visible text of a whole web page rather than an article or a page of print. */
export function isWebPage(text: string): boolean {
  const lines = toLines(text);
  if (lines.length < 40) return false;
  let short = 0;
  for (const l of lines) if (shortLine(l.text)) short++;
  if (short / lines.length < 0.35) return false;
  // And the first line is a document title: it names its site, or the page repeats it as its headline.
  const docTitle = lines[0]!.text;
  if (stripSite(docTitle) !== docTitle) return true;
  const c = canon(docTitle);
  return lines.slice(1).some((l) => canon(l.text) === c);
}

const canon = (s: string) => s.replace(/[\s\u3000"“”'‘’「」]/g, '');

/** The document title without the site's name: 「标题_网易科技」, 「标题-新华网」, 「标题_财经_腾讯网」. */
function stripSite(title: string): string {
  const under = title.indexOf('_');
  if (under >= 6) return title.slice(0, under).trim();
  const dash = /^(.{6,}?)\s*[-－|｜]\s*[^-－|｜]{2,12}$/.exec(title);
  return (dash ? dash[1]! : title).trim();
}

const dateRe =
  /((?:19|20)\d{2})\s*(?:[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日)/;

/** The first full date (with its year) in `text`, as YYYY-MM-DD. */
function fullDate(text: string): string | undefined {
  const m = dateRe.exec(text);
  if (!m) return undefined;
  const month = Number(m[2] ?? m[4]);
  const day = Number(m[3] ?? m[5]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return `${m[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** 「作者：李在山」 inside a metadata line. */
const authorRe = /(?:作者|记者)\s*[：:]\s*([\p{Script=Han}·]{2,8})(?:\s|$)/u;

/** The one article of a web page, and the date the page gives for it. */
export interface WebArticle {
  split: ArticleSplit;
  date?: string;
}

/**
 * Reads the article of a web page's visible text (and the author named in a source line
 * normalize took out); undefined when the page has no headline the
 * document title names and no run of body text.
 */
export function readWebPage(text: string, removed: readonly Removed[] = []): WebArticle | undefined {
  const lines = toLines(text);
  if (lines.length === 0) return undefined;
  const docTitle = lines[0]!.text;
  const wanted = canon(stripSite(docTitle));
  // The headline: a later line that the document title starts with (or equals, without the site).
  let head: Line | undefined;
  for (const l of lines.slice(1)) {
    const c = canon(l.text);
    if (
      c.length >= 6 &&
      (c === wanted || (canon(docTitle).startsWith(c) && c.length >= wanted.length * 0.8))
    ) {
      head = l;
      break;
    }
  }
  const title = head ? head.text : stripSite(docTitle);
  if (title === '') return undefined;
  const from = head ? head.index + 1 : 1;
  // The body: the first run of long lines after the headline, through short lines (captions,
  // subheads) until five short lines come in a row.
  let first = -1;
  for (let i = from; i < lines.length; i++) {
    if (longLine(lines[i]!.text) && canon(lines[i]!.text) !== canon(title)) {
      first = i;
      break;
    }
  }
  if (first < 0) return undefined;
  const body: Line[] = [];
  let shortRun = 0;
  for (let i = first; i < lines.length; i++) {
    const l = lines[i]!;
    if (longLine(l.text)) {
      shortRun = 0;
      body.push(l);
    } else if (++shortRun >= 5) break;
    else if ([...l.text].length >= 6) body.push(l);
  }
  // Metadata between the headline and the body (and the lines at the body's end): date, byline.
  const meta = lines.slice(from, first);
  const byline: Byline = { text: '', reporters: [] };
  const addReporters = (b: Byline | undefined, text: string) => {
    if (!b) return;
    for (const r of b.reporters)
      if (r.role !== '摄影' && !byline.reporters.some((x) => x.name === r.name)) byline.reporters.push(r);
    if (byline.text === '' && b.reporters.length > 0) byline.text = text;
    if (!byline.agency && b.agency) byline.agency = b.agency;
  };
  let date: string | undefined;
  for (const l of meta) {
    date ??= fullDate(l.text);
    addReporters(parseBylineLine(l.text), l.text);
    const author = authorRe.exec(l.text);
    if (author) addReporters({ text: l.text, reporters: [{ name: author[1]!, role: '记者' }] }, l.text);
  }
  // The source line normalize took out: 「2019-09-26 12:11来源：证券时报网作者：李在山」.
  for (const r of removed) {
    if (r.kind !== 'source_line') continue;
    const author = authorRe.exec(r.text);
    if (author) addReporters({ text: r.text, reporters: [{ name: author[1]!, role: '记者' }] }, r.text);
  }
  const paragraphs: SpanText[] = [];
  for (const l of body) {
    const lead = parseBylineMatch(l.text);
    if (lead && lead.byline.reporters.length > 0) {
      addReporters(lead.byline, lead.byline.text);
      const rest = lead.rest.trim();
      if (rest) paragraphs.push({ text: rest, start: l.end - rest.length, end: l.end });
      continue;
    }
    const line = [...l.text].length <= 30 ? parseBylineLine(l.text) : undefined;
    if (line && line.reporters.length > 0) {
      addReporters(line, l.text);
      continue;
    }
    paragraphs.push({ text: l.text, start: l.start, end: l.end });
  }
  if (paragraphs.length === 0) return undefined;
  const split: ArticleSplit = { title, byline, paragraphs, start: (head ?? body[0]!).start };
  return date === undefined ? { split } : { split, date };
}
