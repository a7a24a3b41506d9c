/**
 * Pages that normalize read from HTML or Markdown (`normalized.web`): what the page says about
 * itself goes to the page and its articles. A web page is one article: the page's headline, the
 * reporters its byline lines and credits name, its publish date as the page date, its web editors
 * (责任编辑) in `page.editors`. A Markdown document gives one article per heading that has text
 * under it (「【kicker】title」 headings are split), its first-level heading or programme line the
 * page date and publication.
 */
import { readFileSync } from 'node:fs';
import {
  type Article,
  type Byline,
  type NamedRole,
  type Normalized,
  type Page,
  type StageContext,
  type WebPage,
  XinwenError,
} from '@xinwen/core';
import { loadData } from './data.js';
import { publicationName } from './page.js';
import type { ArticleSplit, SpanText } from './split.js';

interface BylineWords {
  roles: string[];
  after: string[];
  notNames: Set<string>;
}

let words: BylineWords | undefined;

function loadWords(): BylineWords {
  if (words !== undefined) return words;
  const url = new URL('../data/web-bylines.json', import.meta.url);
  let raw: { roles: string[]; after: string[]; notNames: string[] };
  try {
    raw = JSON.parse(readFileSync(url, 'utf8')) as typeof raw;
  } catch (cause) {
    throw new XinwenError('invalid_dictionary', `expected the web byline words as JSON at ${url.pathname}`, {
      cause,
    });
  }
  words = { roles: raw.roles, after: raw.after, notNames: new Set(raw.notNames) };
  return words;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

interface Patterns {
  inParens: RegExp;
  line: RegExp;
  /** In an info bar: 「作者 魏星 2014-08-22」. */
  labelled: RegExp;
  /** 「石佳/中国青年报」. */
  nameSource: RegExp;
}

let patterns: Patterns | undefined;

function bylinePatterns(): Patterns {
  if (patterns !== undefined) return patterns;
  const w = loadWords();
  const roles = w.roles.map(escapeRe).join('|');
  const after = w.after.map(escapeRe).join('|');
  const names = String.raw`[\p{Script=Han}·]{2,4}(?:[\s、，,]+[\p{Script=Han}·]{2,4})*`;
  patterns = {
    inParens: new RegExp(
      String.raw`[（(][^（）()]{0,16}?(${roles})\s*(${names})\s*(?:${after})?\s*[）)]`,
      'u',
    ),
    line: new RegExp(String.raw`^.{0,16}(${roles})[\s:：|丨]*(${names})\s*(?:${after})?$`, 'u'),
    labelled: new RegExp(String.raw`(${roles})[\s:：|丨]*(${names})(?=$|[\s|丨/／,，;；（(])`, 'u'),
    nameSource:
      /^()([\p{Script=Han}·]{2,4})\s*[/／]\s*[\p{Script=Han}]{2,10}(?:报|社|网|台|新闻|杂志|周刊)$/u,
  };
  return patterns;
}

function isName(name: string): boolean {
  const d = loadData();
  if (loadWords().notNames.has(name)) return false;
  return d.surnames.has(name[0]!) || d.compoundSurnames.has(name.slice(0, 2));
}

/** Reporters a line credits: 「（记者 陆一夫）」 anywhere, or a short line 「澎湃新闻记者 段彦超 廖艳」. */
export function creditedReporters(line: string, infoBar = false): NamedRole[] {
  const p = bylinePatterns();
  const out: NamedRole[] = [];
  const text = line.trim();
  const short = text.length <= 40;
  const m =
    (short ? (p.line.exec(text) ?? p.nameSource.exec(text)) : null) ??
    (infoBar ? p.labelled.exec(text) : null) ??
    p.inParens.exec(text.slice(0, 80)) ??
    p.inParens.exec(text.slice(-40));
  if (m === null) return out;
  const role = m[1] === '' ? '作者' : m[1]!.replace(/[/／:：]$/, '');
  for (const name of m[2]!.split(/[\s、，,]+/)) {
    if (isName(name) && !out.some((r) => r.name === name))
      out.push({ name, role: role === '文' ? '作者' : role });
  }
  return out;
}

const key = (s: string) => s.replace(/[\s\u3000“”"'‘’「」《》（）()[\]【】:：，,。.!！?？_|｜\-–—·…]/g, '');

function paragraphsOf(text: string, from: number, to: number): SpanText[] {
  const out: SpanText[] = [];
  const re = /[^\n]+/g;
  re.lastIndex = from;
  for (let m = re.exec(text); m !== null && m.index < to; m = re.exec(text)) {
    const end = Math.min(to, m.index + m[0].length);
    const t = text.slice(m.index, end).trim();
    if (t !== '') out.push({ text: t, start: m.index, end });
  }
  return out;
}

/** What the web hook decided: the articles' splits and the page facts to set. */
export interface WebPlan {
  format: 'html' | 'markdown';
  splits: ArticleSplit[];
  date?: string;
  publication?: string;
  editors: NamedRole[];
}

function addReporters(byline: Byline, found: readonly NamedRole[]): void {
  for (const r of found) if (!byline.reporters.some((x) => x.name === r.name)) byline.reporters.push(r);
}

function webArticle(normalized: Normalized, web: WebPage): ArticleSplit {
  const all = paragraphsOf(normalized.text, 0, normalized.text.length);
  const titleKey = key(web.title ?? '');
  const byline: Byline = { text: '', reporters: [] };
  const bylineTexts: string[] = [];
  addReporters(
    byline,
    web.authors.filter((a) => isName(a.name)),
  );
  for (const line of web.header) {
    const found = creditedReporters(line, true);
    if (found.length > 0) bylineTexts.push(line);
    addReporters(byline, found);
  }
  const paragraphs: SpanText[] = [];
  all.forEach((p, i) => {
    if (titleKey !== '' && key(p.text) === titleKey) return;
    // Credits in parentheses near the start or the end; a short line that is only a byline anywhere.
    const nearEdge = i < 3 || i >= all.length - 4;
    const found = nearEdge || p.text.length <= 40 ? creditedReporters(p.text) : [];
    if (found.length > 0) {
      addReporters(byline, found);
      // A line that is only a byline is not body text.
      const b = bylinePatterns();
      if (p.text.length <= 40 && (b.line.test(p.text) || b.nameSource.test(p.text))) {
        bylineTexts.push(p.text);
        return;
      }
    }
    paragraphs.push(p);
  });
  byline.text = bylineTexts.join(' ');
  return { title: web.title ?? '', byline, paragraphs, start: paragraphs[0]?.start ?? 0 };
}

const KICKER = /^[【[]([^】\]]{1,30})[】\]]\s*(.+)$/u;

function markdownArticles(normalized: Normalized, web: WebPage): ArticleSplit[] {
  const text = normalized.text;
  const sections = web.sections;
  const out: ArticleSplit[] = [];
  sections.forEach((s, i) => {
    const next = sections[i + 1];
    const headingEnd = text.indexOf('\n', s.start);
    const bodyStart = headingEnd < 0 || headingEnd > s.end ? s.end : headingEnd;
    const body = paragraphsOf(text, bodyStart, s.end);
    const leaf = next === undefined || next.level <= s.level;
    // A heading with headings under it and no text of its own (the page title, 「详细新闻」) is no article.
    if (body.length === 0 && (!leaf || s.level === 1)) return;
    if (s.level === 1 && sections.length > 1 && body.length === 0) return;
    const split: ArticleSplit = {
      title: s.title,
      byline: { text: '', reporters: [] },
      paragraphs: body,
      start: s.start,
    };
    const k = KICKER.exec(s.title);
    if (k !== null) {
      split.kicker = k[1]!.trim();
      split.title = k[2]!.trim();
    }
    if (body[0] !== undefined) addReporters(split.byline, creditedReporters(body[0].text));
    out.push(split);
  });
  return out;
}

/**
 * The web hook of the extract stage: undefined for plain text (the text splitter reads it), else
 * the articles and page facts the page's markup gives.
 */
export function planWebPage(normalized: Normalized, ctx: StageContext): WebPlan | undefined {
  const web = normalized.web;
  if (web === undefined) return undefined;
  const plan: WebPlan = { format: web.format, splits: [], editors: [...web.editors] };
  const date = web.publishedAt?.slice(0, 10);
  if (date !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(date)) plan.date = date;
  if (web.source !== undefined) plan.publication = publicationName(web.source) ?? web.source;
  if (web.format === 'markdown' && web.sections.length > 0) {
    plan.splits = markdownArticles(normalized, web);
  } else {
    const article = webArticle(normalized, web);
    if (article.paragraphs.length > 0 || article.title !== '') plan.splits = [article];
    const lines = article.paragraphs;
    const short = lines.filter((p) => p.text.length < 24).length;
    if (lines.length >= 20 && short / lines.length > 0.7) {
      ctx.warn('list_page', 'the page reads as a list of links or items rather than one article');
    }
  }
  return plan;
}

/** A web page's article carries the page's publish date (a date in its first line is not its dateline). */
export function finishWebArticles(articles: Article[], plan: WebPlan): void {
  if (plan.format !== 'html' || plan.date === undefined) return;
  for (const a of articles) {
    a.date = plan.date;
    delete a.dateline;
  }
}

/** Sets the page facts of a web plan where the page's furniture gave none. */
export function applyWebPage(page: Page, plan: WebPlan): void {
  if (plan.date !== undefined) page.date = plan.date;
  if (page.publication === undefined && plan.publication !== undefined) page.publication = plan.publication;
  for (const e of plan.editors) if (!page.editors.some((x) => x.name === e.name)) page.editors.push(e);
}
