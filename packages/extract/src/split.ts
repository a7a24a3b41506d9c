/**
 * Page → articles. Finds where articles start (headline stack, byline, lead, continuation marker,
 * column banner), handles pages whose headlines follow their article's body (PDF extractions), and
 * gives interleaved paragraphs back to the article they belong to (see interleave.ts).
 */
import type { Byline, StageContext } from '@xinwen/core';
import { parseTrailingCredit } from './byline.js';
import { reassignInterleaved } from './interleave.js';
import { groupRun, isColumn, parseStack, type Stack } from './stack.js';
import { toUnits, type Unit } from './units.js';

/** A paragraph with its span in the normalized text. */
export interface SpanText {
  text: string;
  start: number;
  end: number;
}

/** One article as the splitter sees it, before its fields are read. */
export interface ArticleSplit {
  /** 引题: the line above the title. */
  kicker?: string;
  /** 主题: the title; empty when the page kept none (an unsigned commentary). */
  title: string;
  /** 副题: the line below the title, without a leading 「——」. */
  subtitle?: string;
  /** The byline, empty (`{ text: '', reporters: [] }`) when the article has none. */
  byline: Byline;
  /** A dateline printed in a credit at the end of the article: 「（新华社北京10月19日电 …）」 → 北京10月19日电. */
  dateline?: string;
  /** The page an article continues from: 「（上接1版）」 → `1版`. */
  continuedFrom?: string;
  /** Body paragraphs (section headings left out), in text order. */
  paragraphs: SpanText[];
  /** Offset where the article's own text starts (its byline or first paragraph). */
  start: number;
}

/** Options of {@link splitArticles}. */
export interface SplitOptions {
  /**
   * Where the headline sits: `auto` decides per page (a page that ends in a headline with no body
   * after it is read as headline-after-body, as PDF extractions give it).
   * @default 'auto'
   */
  layout?: 'auto' | 'headline-first' | 'headline-after';
  /**
   * Move paragraphs that sit inside another article back to the article their words belong to.
   * @default true
   */
  reassign?: boolean;
}

const isHead = (u: Unit) => u.kind === 'heading' || u.kind === 'subtitle';
const isText = (u: Unit) => u.kind === 'body' || u.kind === 'bullet';
const isStart = (u: Unit) => u.kind === 'lead' || u.kind === 'byline' || u.kind === 'continued';

function emptyByline(): Byline {
  return { text: '', reporters: [] };
}

function newArticle(stack: Stack | undefined, start: number): ArticleSplit {
  const a: ArticleSplit = { title: stack?.title ?? '', byline: emptyByline(), paragraphs: [], start };
  if (stack?.kicker !== undefined) a.kicker = stack.kicker;
  if (stack?.subtitle !== undefined) a.subtitle = stack.subtitle;
  return a;
}

function applyStart(a: ArticleSplit, u: Unit): void {
  if (u.byline) {
    if (a.byline.text === '') a.byline = { ...u.byline, reporters: [...u.byline.reporters] };
    else {
      // A second byline before any text: 「本报北京10月19日电」 then 「（记者 袁泉）」.
      a.byline.text = `${a.byline.text} ${u.byline.text}`;
      for (const r of u.byline.reporters)
        if (!a.byline.reporters.some((x) => x.name === r.name)) a.byline.reporters.push(r);
      if (!a.byline.agency && u.byline.agency) a.byline.agency = u.byline.agency;
    }
  }
  if (u.continuedFrom) a.continuedFrom = u.continuedFrom;
}

const roleAtEnd = /(?:记者|通讯员|实习生)$/;

/** A line that can only be a headline set above its story: one short line that ends no sentence. */
function isBareHeadline(u: Unit | undefined): boolean {
  return (
    u !== undefined &&
    u.kind === 'body' &&
    [...u.text].length <= 100 &&
    !/[。！？!?；]/.test(u.text) &&
    !/[，,：:、]$/.test(u.text)
  );
}

function addTrailer(a: ArticleSplit | undefined, u: Unit): void {
  if (!a || !u.byline) return;
  if (a.byline.reporters.length === 0) a.byline = u.byline;
  else {
    for (const r of u.byline.reporters)
      if (!a.byline.reporters.some((x) => x.name === r.name)) a.byline.reporters.push(r);
  }
}

/** A lone headline line that reads as a new article (a sidebar) rather than a section heading. */
function isSidebarHeading(run: readonly Unit[]): boolean {
  if (run.length !== 1 || run[0]!.kind !== 'heading') return false;
  const t = run[0]!.text;
  return [...t].length >= 16 && !/[ ，,]/.test(t);
}

function needsTitle(a: ArticleSplit): boolean {
  return a.title === '' && (a.continuedFrom !== undefined || (a.kicker !== undefined && isColumn(a.kicker)));
}

function headlineFirst(units: readonly Unit[]): ArticleSplit[] {
  const articles: ArticleSplit[] = [];
  const orphans: Stack[] = [];
  let current: ArticleSplit | undefined;
  let pending: Unit[] = [];
  let started = false; // whether `current` has seen a paragraph since its start
  let previous: Unit | undefined;

  // A byline broken after its role (「本报记者」 / 「徐」 / 「靖」): the name pieces that follow.
  let nameSlot: { role: string; name: string } | undefined;
  const closeSlot = () => {
    if (nameSlot && current && nameSlot.name.length >= 2) {
      current.byline.reporters.push({ name: nameSlot.name, role: nameSlot.role });
      current.byline.text = `${current.byline.text} ${nameSlot.name}`;
    }
    nameSlot = undefined;
  };

  for (const u of units) {
    const before = previous;
    previous = u;
    if (nameSlot) {
      if (/^[\p{Script=Han}]{1,3}$/u.test(u.text) && nameSlot.name.length + u.text.length <= 3) {
        nameSlot.name += u.text;
        continue;
      }
      closeSlot();
    }
    if (isHead(u)) {
      pending.push(u);
      continue;
    }
    if (u.kind === 'label') continue;
    if (isStart(u) && current && !started && pending.length === 0 && u.kind !== 'continued') {
      applyStart(current, u);
      continue;
    }
    if (isStart(u) && pending.length === 0 && current && isBareHeadline(before)) {
      // A headline too long to look like one (a broadcast story's heading) over its lead.
      const last = current.paragraphs[current.paragraphs.length - 1];
      if (last && last.start === before!.start) {
        current.paragraphs.pop();
        pending.push({ ...before!, kind: 'heading' });
      }
    }
    if (isStart(u)) {
      const groups = pending.length > 0 ? groupRun(pending) : [];
      pending = [];
      const last = groups.pop();
      let stack = last ? parseStack(last) : undefined;
      for (const g of groups) orphans.push(parseStack(g));
      if ((!stack || stack.title === '') && orphans.length > 0 && u.kind !== 'continued') {
        const orphan = orphans.shift()!;
        stack = stack?.kicker && !orphan.kicker ? { ...orphan, kicker: stack.kicker } : orphan;
      }
      current = newArticle(stack, u.start);
      applyStart(current, u);
      articles.push(current);
      started = false;
      const role = roleAtEnd.exec(current.byline.text)?.[0];
      if (role && current.byline.reporters.length === 0) nameSlot = { role, name: '' };
      continue;
    }
    if (u.kind === 'trailer') {
      addTrailer(current, u);
      continue;
    }
    // body or bullet
    if (pending.length > 0) {
      const run = pending;
      pending = [];
      const column = run.some((x) => isColumn(x.text));
      if (!current || column) {
        const groups = groupRun(run);
        current = newArticle(parseStack(groups[groups.length - 1]!), u.start);
        articles.push(current);
      } else if (needsTitle(current) && run.length === 1 && [...run[0]!.text].length >= 10) {
        current.title = run[0]!.text;
      } else if (started && isSidebarHeading(run) && current.paragraphs.length >= 3) {
        current = newArticle(parseStack(run), u.start);
        articles.push(current);
      }
    } else if (!current) {
      current = newArticle(undefined, u.start);
      articles.push(current);
    }
    current.paragraphs.push({ text: u.text, start: u.start, end: u.end });
    started = true;
  }
  closeSlot();
  return articles;
}

function headlineAfter(units: readonly Unit[]): ArticleSplit[] {
  const articles: ArticleSplit[] = [];
  // Segments: from one start marker (lead, byline, continuation) to the next.
  const segments: Unit[][] = [];
  let seg: Unit[] = [];
  for (const u of units) {
    if (isStart(u) && seg.some((x) => isText(x) || isStart(x))) {
      segments.push(seg);
      seg = [];
    }
    seg.push(u);
  }
  if (seg.length > 0) segments.push(seg);

  for (const s of segments) {
    let end = s.length;
    while (end > 0 && (isHead(s[end - 1]!) || s[end - 1]!.kind === 'label')) end--;
    let stackUnits = s.slice(end).filter(isHead);
    let body = s.slice(0, end);
    if (stackUnits.length === 0) {
      // No headline after the body: take the last headline run that is followed by text.
      for (let i = body.length - 1; i >= 0; i--) {
        if (isHead(body[i]!)) {
          let j = i;
          while (j > 0 && isHead(body[j - 1]!)) j--;
          stackUnits = body.slice(j, i + 1);
          body = [...body.slice(0, j), ...body.slice(i + 1)];
          break;
        }
      }
    }
    const firstText = body.find((x) => isText(x) || isStart(x));
    if (!firstText) continue;
    const groups = stackUnits.length > 0 ? groupRun(stackUnits) : [];
    const a = newArticle(groups.length > 0 ? parseStack(groups.flat()) : undefined, firstText.start);
    for (const u of body) {
      if (isStart(u)) applyStart(a, u);
      else if (u.kind === 'trailer') addTrailer(a, u);
      else if (isText(u)) a.paragraphs.push({ text: u.text, start: u.start, end: u.end });
    }
    articles.push(a);
  }
  return articles;
}

/**
 * Moves a bracketed credit that ends the article (「（新华社北京10月19日电 记者…）」, possibly broken
 * over the last paragraphs) out of its text into its byline and dateline.
 */
function takeTrailingCredit(a: ArticleSplit): void {
  const ps = a.paragraphs;
  for (let k = 1; k <= Math.min(3, ps.length); k++) {
    const tail = ps.slice(ps.length - k);
    const joined = tail.map((p) => p.text).join('');
    if (!/[）)]\s*$/.test(joined)) return;
    const credit = parseTrailingCredit(joined);
    if (!credit) continue;
    // Cut the text at the credit: paragraphs after the one it starts in go.
    let at = credit.start;
    let i = 0;
    while (i < tail.length - 1 && at >= tail[i]!.text.length) {
      at -= tail[i]!.text.length;
      i++;
    }
    const keep = ps.length - k + i;
    const cut = ps[keep]!;
    const text = cut.text.slice(0, at).trimEnd();
    ps.length = keep;
    if (text !== '') ps.push({ text, start: cut.start, end: cut.start + text.length });
    for (const r of credit.byline.reporters)
      if (!a.byline.reporters.some((x) => x.name === r.name)) a.byline.reporters.push(r);
    if (a.byline.text === '') a.byline.text = credit.text;
    if (!a.byline.agency && credit.byline.agency) a.byline.agency = credit.byline.agency;
    if (credit.dateline) a.dateline = credit.dateline;
    return;
  }
}

/** A paragraph the page printed twice stays once (the dedupe stage still reports the repeat). */
function dropRepeatedParagraphs(a: ArticleSplit): void {
  const seen = new Set<string>();
  a.paragraphs = a.paragraphs.filter((p) => {
    if (p.text.length < 12) return true;
    if (seen.has(p.text)) return false;
    seen.add(p.text);
    return true;
  });
}

/** Whether the page puts headlines after their bodies: it ends in a headline with a start marker earlier on. */
function endsInHeadline(units: readonly Unit[]): boolean {
  const content = units.filter((u) => u.kind !== 'label');
  const last = content[content.length - 1];
  return (
    last !== undefined && isHead(last) && content.some((u) => u.kind === 'lead' || u.kind === 'continued')
  );
}

/**
 * Splits a normalized page into articles: headline stack (kicker, title, subtitle), byline,
 * continuation source and body paragraphs of each. Section headings inside an article are left
 * out of its paragraphs. Warnings (untitled articles, uncertain paragraph assignment) go to `ctx`.
 */
export function splitArticles(text: string, options: SplitOptions = {}, ctx?: StageContext): ArticleSplit[] {
  const units = toUnits(text);
  const layout = options.layout ?? 'auto';
  const after = layout === 'headline-after' || (layout === 'auto' && endsInHeadline(units));
  const articles = (after ? headlineAfter(units) : headlineFirst(units)).filter(
    (a) =>
      a.paragraphs.length > 0 &&
      // A stray fragment (a name piece of the previous page's credit box) is no article.
      (a.title !== '' || a.byline.text !== '' || a.paragraphs.reduce((n, p) => n + p.text.length, 0) >= 20),
  );
  for (const a of articles) {
    takeTrailingCredit(a);
    dropRepeatedParagraphs(a);
  }
  if (options.reassign ?? true) reassignInterleaved(articles, ctx);
  for (const a of articles) {
    if (a.title === '') {
      ctx?.warn(
        'untitled_article',
        `no headline found for the article starting 「${a.paragraphs[0]?.text.slice(0, 20) ?? ''}」`,
        {
          start: a.start,
          end: a.paragraphs[0]?.end ?? a.start,
        },
      );
    }
  }
  return articles.sort((x, y) => x.start - y.start);
}
