/**
 * The extract stage: a normalized page (and optionally its segmentation) in, the page's facts and
 * its articles out.
 */
import {
  type Article,
  createContext,
  type Dateline,
  type Normalized,
  type Page,
  type Removed,
  type Segmented,
  type Stage,
  type StageContext,
  type Token,
  XinwenError,
} from '@xinwen/core';
import { parseByline } from './byline.js';
import { articleDates, parseDates, textYear, unresolvedDates } from './dates.js';
import { articleKeywords } from './keywords.js';
import { articleMoney } from './money.js';
import { findOrganizations } from './organizations.js';
import { publicationName, readPage } from './page.js';
import { findPeople } from './people.js';
import { parsePercentages } from './percentages.js';
import { findPlaces } from './places.js';
import { findQuotes } from './quotes.js';
import { type ArticleSplit, type SplitOptions, splitArticles } from './split.js';
import { applyWebPage, finishWebArticles, planWebPage } from './web.js';
import { isWebPage, readWebPage } from './webpage.js';

/** Options of {@link createExtractor} and {@link extract}. */
export interface ExtractOptions {
  /**
   * The publication date (YYYY-MM-DD) to resolve 「9月5日」 and 「昨天」 against when the page's own
   * furniture gives none (no page_date or source_line in `normalized.removed`).
   * @default undefined (relative dates are left unresolved, with a `dates_unresolved` warning;
   * dates without a year take the year the text's dated mentions name most, with `year_inferred`)
   */
  referenceDate?: string;
  /**
   * Where headlines sit; see {@link SplitOptions.layout}.
   * @default 'auto'
   */
  layout?: 'auto' | 'headline-first' | 'headline-after';
  /**
   * Give interleaved paragraphs back to the article they belong to.
   * @default true
   */
  reassign?: boolean;
  /**
   * Keywords kept per article (only when a segmentation is given).
   * @default 10
   */
  keywords?: number;
}

/** What the stage reads. */
export interface ExtractInput {
  /** The normalized page (text, and the furniture removed from it). */
  normalized: Normalized;
  /** The page's segmentation, for keywords and person-name tokens. */
  segmented?: Segmented;
}

/** What the stage returns: the `page` and `articles` fields of a ProcessedDocument. */
export interface ExtractResult {
  /** The page's date, publication and editors. */
  page: Page;
  /** The articles on the page, in the order their text starts. */
  articles: Article[];
}

const datelineRe =
  /^(?:(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日(?:\s*[至—-]\s*\d{1,2}\s*日)?)(?:上午|下午|晚上?|凌晨|中午)?(?=[，,电讯])/;

const captionKinds = new Set(['caption', 'photo_credit']);

/**
 * Assigns removed captions and photo credits to the article nearest to where they stood. Their
 * offsets are raw offsets; the normalized offset is estimated as the raw offset less everything
 * removed before it (normalize mostly removes; other edits shift the estimate a little).
 */
function placeCaptions(removed: readonly Removed[], splits: readonly ArticleSplit[]): Map<number, Removed[]> {
  const out = new Map<number, Removed[]>();
  if (splits.length === 0) return out;
  const sorted = [...removed].sort((x, y) => x.start - y.start);
  let removedBefore = 0;
  for (const r of sorted) {
    if (captionKinds.has(r.kind)) {
      const pos = Math.max(0, r.start - removedBefore);
      let best = 0;
      let bestDistance = Number.POSITIVE_INFINITY;
      splits.forEach((a, i) => {
        for (const p of a.paragraphs) {
          // A caption belongs with the text after it when it sits between two articles.
          const d = pos <= p.start ? p.start - pos : pos >= p.end ? pos - p.end + 0.5 : 0;
          if (d < bestDistance) {
            bestDistance = d;
            best = i;
          }
        }
      });
      if (!out.has(best)) out.set(best, []);
      out.get(best)!.push(r);
    }
    removedBefore += r.end - r.start;
  }
  return out;
}

/** Index of the first token that starts at or after `start` (tokens are in text order). */
function findTokensStart(tokens: readonly Token[], start: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The tokens inside the article's paragraphs. */
function articleTokens(split: ArticleSplit, tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (const p of split.paragraphs) {
    for (let i = findTokensStart(tokens, p.start); i < tokens.length && tokens[i]!.end <= p.end; i++)
      out.push(tokens[i]!);
  }
  return out;
}

/** The article's tokens with offsets moved into the article's text. */
function tokensFor(split: ArticleSplit, tokens: readonly Token[] | undefined): Token[] {
  if (!tokens) return [];
  const out: Token[] = [];
  let base = 0;
  for (const p of split.paragraphs) {
    for (let i = findTokensStart(tokens, p.start); i < tokens.length && tokens[i]!.end <= p.end; i++) {
      const t = tokens[i]!;
      const at = t.start - p.start;
      if (p.text.slice(at, at + t.text.length) === t.text)
        out.push({ ...t, start: base + at, end: base + at + t.text.length });
    }
    base += p.text.length + 1;
  }
  return out;
}

function build(
  split: ArticleSplit,
  captions: readonly Removed[],
  page: Page,
  year: number | undefined,
  tokens: readonly Token[] | undefined,
): Article {
  const text = split.paragraphs.map((p) => p.text).join('\n');
  const byline = { ...split.byline, reporters: [...split.byline.reporters] };
  const captionTexts: string[] = [];
  for (const c of captions) {
    if (c.kind === 'photo_credit') {
      const credit = parseByline(c.text);
      for (const r of credit?.reporters ?? []) {
        if (!byline.reporters.some((x) => x.name === r.name && x.role === r.role)) byline.reporters.push(r);
      }
    } else {
      captionTexts.push(c.text.trim().replace(/^[▲◀▶▼△◁▷▽]\s*/, ''));
      // A credit inside the caption: 「……（记者 崔力 摄）」.
      const inside = /(?:记者|通讯员)\s*([\p{Script=Han}·]{2,4}(?:\s+[\p{Script=Han}·]{2,4})*)\s*摄/u.exec(
        c.text,
      );
      for (const name of inside?.[1]?.split(/\s+/) ?? []) {
        if (!byline.reporters.some((x) => x.name === name && x.role === '摄影'))
          byline.reporters.push({ name, role: '摄影' });
      }
    }
  }
  const dateOptions = page.date ? { reference: page.date } : year === undefined ? {} : { year };
  const first = split.paragraphs[0]?.text ?? '';
  let dateline: Dateline | undefined;
  const wire = /([\p{Script=Han}]{0,8}?\d{1,2}\s*月\s*\d{1,2}\s*日)电/u.exec(byline.text);
  const datelineText = wire
    ? `${wire[1]!.replace(/^(?:本报|新华社|中新社|中国新闻社|人民日报|央视网|新华网|人民网)/, '')}电`
    : (split.dateline ?? datelineRe.exec(first)?.[0]);
  if (datelineText !== undefined) {
    dateline = { text: datelineText };
    const d = parseDates(datelineText, dateOptions)[0];
    if (d) dateline.date = d.date;
  }
  const reporterNames = byline.reporters.map((r) => r.name);
  const entityTokens = tokens ? tokensFor(split, tokens) : undefined;
  const people = findPeople(
    text,
    entityTokens ? { exclude: reporterNames, tokens: entityTokens } : { exclude: reporterNames },
  );
  const article: Article = {
    title: split.title,
    byline,
    paragraphs: split.paragraphs.map((p) => p.text),
    captions: captionTexts,
    people,
    organizations: findOrganizations(text, entityTokens),
    places: findPlaces(text, entityTokens),
    money: articleMoney(text),
    percentages: parsePercentages(text),
    dates: articleDates(text, dateOptions),
    quotes: findQuotes(text, { people: people.map((p) => p.name) }),
    keywords: [],
  };
  if (split.kicker !== undefined) article.kicker = split.kicker;
  if (split.subtitle !== undefined) article.subtitle = split.subtitle;
  if (dateline) article.dateline = dateline;
  const date = dateline?.date ?? page.date;
  if (date !== undefined) article.date = date;
  if (split.continuedFrom !== undefined) article.continuedFrom = split.continuedFrom;
  return orderKeys(article);
}

/** Keys in the document model's order, so serialized output reads like the schema. */
function orderKeys(a: Article): Article {
  const keys: (keyof Article)[] = [
    'kicker',
    'title',
    'subtitle',
    'byline',
    'dateline',
    'date',
    'paragraphs',
    'captions',
    'continuedFrom',
    'people',
    'organizations',
    'places',
    'money',
    'percentages',
    'dates',
    'quotes',
    'keywords',
  ];
  const out: Record<string, unknown> = {};
  for (const k of keys) if (a[k] !== undefined) out[k] = a[k];
  return out as Article;
}

function check(input: unknown): asserts input is ExtractInput {
  const n = (input as { normalized?: { text?: unknown; removed?: unknown } } | null)?.normalized;
  if (!n || typeof n.text !== 'string' || !Array.isArray(n.removed)) {
    throw new XinwenError(
      'invalid_input',
      'expected { normalized: { text: string, removed: [...] } } from @xinwen/normalize',
      {
        details: { found: n === undefined ? 'no normalized result' : typeof n },
      },
    );
  }
}

function checkOptions(options: ExtractOptions): void {
  if (options.referenceDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.referenceDate)) {
    throw new XinwenError(
      'invalid_options',
      `expected referenceDate as YYYY-MM-DD, found ${options.referenceDate}`,
    );
  }
  if (options.keywords !== undefined && (!Number.isInteger(options.keywords) || options.keywords < 0)) {
    throw new XinwenError(
      'invalid_options',
      `expected keywords as a whole number >= 0, found ${options.keywords}`,
    );
  }
}

/**
 * Makes the extract stage. Throws `invalid_options` for a malformed `referenceDate` or
 * `keywords`; the transformer throws `invalid_input` when the input is not a normalized result.
 */
export const createExtractor: Stage<ExtractInput, ExtractResult, ExtractOptions> = (options = {}) => {
  checkOptions(options);
  const splitOptions: SplitOptions = { layout: options.layout ?? 'auto', reassign: options.reassign ?? true };
  return (input, ctx) => {
    check(input);
    const { normalized, segmented } = input;
    const text = normalized.text;
    const page = readPage(normalized.removed);
    // HTML and Markdown input: the page's markup gives the articles and the page facts.
    const web = planWebPage(normalized, ctx);
    if (web !== undefined) applyWebPage(page, web);
    // A web page kept as visible text (no markup) holds one article among its navigation and footer.
    const webText = web === undefined && isWebPage(text) ? readWebPage(text, normalized.removed) : undefined;
    if (webText?.date !== undefined && page.date === undefined) page.date = webText.date;
    if (page.date === undefined && options.referenceDate !== undefined) page.date = options.referenceDate;
    let year: number | undefined;
    if (page.date === undefined) {
      year = textYear(text);
      if (year !== undefined) {
        ctx.warn(
          'year_inferred',
          `no page date; dates without a year are read as ${year}, the year the text's dates name most`,
        );
      }
      const unresolved = unresolvedDates(text, year === undefined ? {} : { year });
      if (unresolved.length > 0) {
        const first = unresolved[0]!;
        ctx.warn(
          'dates_unresolved',
          `no page date or referenceDate; ${unresolved.length} relative date mention(s) left unresolved, first 「${first.text}」`,
          { start: first.start, end: first.end },
        );
      }
    }
    const splits = web?.splits ?? (webText ? [webText.split] : splitArticles(text, splitOptions, ctx));
    if (splits.length === 0) ctx.warn('no_articles', 'no article text found on the page');
    if (page.publication === undefined) {
      for (const s of splits) {
        const name = s.byline.agency ? publicationName(s.byline.agency) : undefined;
        if (name) {
          page.publication = name;
          break;
        }
      }
    }
    if (page.publication === undefined && splits.some((s) => s.byline.agency === '本报')) {
      // 「本报讯」 pages name their paper in the text: 「重庆日报记者从团市委了解到」, 「重庆日报：」.
      const own = /([\p{Script=Han}]{2,6}(?:日报|晚报|晨报))(?=记者|[：:])/u.exec(text);
      const name = own ? publicationName(own[1]!) : undefined;
      if (name) page.publication = name;
    }
    const captions = placeCaptions(normalized.removed, splits);
    const tokens = segmented?.tokens;
    const articles = splits.map((s, i) => build(s, captions.get(i) ?? [], page, year, tokens));
    if (web !== undefined) finishWebArticles(articles, web);
    if (tokens && tokens.length > 0) {
      const keywords = articleKeywords(
        splits.map((s) => articleTokens(s, tokens)),
        { limit: options.keywords ?? 10 },
      );
      articles.forEach((a, i) => {
        a.keywords = keywords[i] ?? [];
      });
    }
    return { page, articles };
  };
};

/**
 * Extracts the page and its articles from a normalized result (and, optionally, its
 * segmentation, which adds keywords and person-name tokens). Warnings go to `ctx` when given.
 */
export function extract(
  normalized: Normalized,
  segmented?: Segmented,
  options: ExtractOptions = {},
  ctx: StageContext = createContext('extract'),
): ExtractResult {
  const input: ExtractInput = segmented === undefined ? { normalized } : { normalized, segmented };
  return createExtractor(options)(input, ctx);
}
