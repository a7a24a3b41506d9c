/**
 * The main content of a web page: text, link and punctuation density per block, scores passed up
 * the tree (a block credits itself, its parent and, with less weight, its ancestors), class and id
 * names as a weak signal, then the best node and its text-heavy siblings. Everything else on the
 * page becomes a removed part with a kind (navigation, comments, related, footer, …).
 */
import { XinwenError } from '@xinwen/core';
import { dataFile } from '../data.generated.js';
import type { HtmlElement, HtmlNode, HtmlText } from './dom.js';

interface KindRule {
  kind: string;
  tags: Set<string>;
  pattern: RegExp;
}

interface Signals {
  inline: Set<string>;
  punctuation: Set<number>;
  positive: RegExp;
  negative: RegExp;
  kinds: KindRule[];
  pruneLinkDensity: number;
  siblingShare: number;
  siblingMinChars: number;
  siblingLinkDensity: number;
  minBlock: number;
  headerMaxLine: number;
  proseChars: number;
  controlMaxChars: number;
}

let signals: Signals | undefined;

/** The content signals from `data/html.json`, loaded once. */
export function loadSignals(): Signals {
  if (signals !== undefined) return signals;
  try {
    const raw = JSON.parse(dataFile('html.json')) as {
      inline: string[];
      punctuation: string;
      positive: string;
      negative: string;
      kinds: { kind: string; tags?: string[]; pattern: string }[];
      thresholds: Record<string, number>;
    };
    const t = raw.thresholds;
    signals = {
      inline: new Set(raw.inline),
      punctuation: new Set([...raw.punctuation].map((c) => c.charCodeAt(0))),
      positive: new RegExp(raw.positive, 'i'),
      negative: new RegExp(raw.negative, 'i'),
      kinds: raw.kinds.map((k) => ({
        kind: k.kind,
        tags: new Set(k.tags ?? []),
        pattern: new RegExp(k.pattern, 'i'),
      })),
      pruneLinkDensity: t.pruneLinkDensity ?? 0.5,
      siblingShare: t.siblingShare ?? 0.2,
      siblingMinChars: t.siblingMinChars ?? 80,
      siblingLinkDensity: t.siblingLinkDensity ?? 0.25,
      minBlock: t.minBlock ?? 25,
      headerMaxLine: t.headerMaxLine ?? 120,
      proseChars: t.proseChars ?? 40,
      controlMaxChars: t.controlMaxChars ?? 40,
    };
  } catch (cause) {
    throw new XinwenError(
      'invalid_dictionary',
      `expected the HTML content signals as JSON in data/html.json`,
      {
        cause,
      },
    );
  }
  return signals;
}

const CJK = String.raw`[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]`;
const CJK_BREAK = new RegExp(`(${CJK})[ \\t\\r]*\\n\\s*(?=${CJK})`, 'g');

/**
 * White space as a browser shows it: a line break between two Chinese characters disappears
 * (CSS Text 3 segment-break rule), other runs become one space.
 */
export function collapseSpace(text: string): string {
  return text.replace(CJK_BREAK, '$1').replace(/[\s\u00a0]+/g, ' ');
}

/** Per-element counts. */
export interface Stats {
  /** Visible characters (whitespace left out). */
  chars: number;
  /** Of which inside links. */
  linkChars: number;
  /** Punctuation marks outside links. */
  punct: number;
  /** Characters of text runs that read as prose (punctuated, or long enough), outside links. */
  good: number;
  /** The propagated content score. */
  score: number;
}

/** One removed part of the page: raw span, kind and its visible text. */
export interface RemovedPart {
  kind: string;
  start: number;
  end: number;
  text: string;
}

/** What {@link findContent} picked. */
export interface Content {
  /** The content's nodes, in document order (elements and loose text). */
  roots: HtmlElement[];
  /** Elements inside the roots that are left out (link lists, share bars, comment boxes). */
  pruned: Set<HtmlElement>;
  /** Everything else with visible text. */
  removed: RemovedPart[];
  stats: Map<HtmlElement, Stats>;
  /** Text runs in document order with their block, for header lines and metadata. */
  runs: TextRun[];
}

/** A run of visible text within one block element. */
export interface TextRun {
  block: HtmlElement;
  text: string;
  start: number;
  end: number;
  /** Index of the run's first text node in document order. */
  order: number;
  /** Characters of the run inside links. */
  linkChars: number;
}

const isSpace = (c: number) =>
  c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 0xa0 || c === 0x3000;

function visibleLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (!isSpace(text.charCodeAt(i))) n++;
  return n;
}

function classOf(el: HtmlElement): string {
  return `${el.attrs.class ?? ''} ${el.attrs.id ?? ''}`;
}

/**
 * The kind of a removed element: by its tag or class/id names, then its parent's (a list inside a
 * named box), else by its link density.
 */
export function kindOf(el: HtmlElement | null, stats: Stats | undefined): string {
  const s = loadSignals();
  for (let e = el; e !== null && e.tag !== '#root' && e.tag !== 'body'; e = e.parent) {
    const names = classOf(e);
    for (const k of s.kinds)
      if (k.tags.has(e.tag) || (names.trim() !== '' && k.pattern.test(names))) return k.kind;
    if (e !== el) break;
  }
  if (stats !== undefined && stats.chars > 0 && stats.linkChars / stats.chars > 0.5) return 'links';
  return 'boilerplate';
}

/** Walks the tree in document order without recursion (deep, unclosed markup stays safe). */
export function* walk(root: HtmlElement): Generator<{ node: HtmlNode; enter: boolean; parent: HtmlElement }> {
  const stack: { el: HtmlElement; i: number }[] = [{ el: root, i: 0 }];
  yield { node: root, enter: true, parent: root.parent ?? root };
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.i >= top.el.children.length) {
      stack.pop();
      yield { node: top.el, enter: false, parent: top.el.parent ?? top.el };
      continue;
    }
    const child = top.el.children[top.i++]!;
    if (child.type === 'text') yield { node: child, enter: true, parent: top.el };
    else {
      yield { node: child, enter: true, parent: top.el };
      stack.push({ el: child, i: 0 });
    }
  }
}

/** Picks the main content of a parsed page. */
export function findContent(root: HtmlElement, controls: ReadonlySet<HtmlElement> = new Set()): Content {
  const s = loadSignals();
  const stats = new Map<HtmlElement, Stats>();
  const get = (el: HtmlElement): Stats => {
    let st = stats.get(el);
    if (st === undefined) {
      st = { chars: 0, linkChars: 0, punct: 0, good: 0, score: 0 };
      stats.set(el, st);
    }
    return st;
  };
  // Text runs: consecutive text nodes under one block element.
  const runs: TextRun[] = [];
  let run: {
    block: HtmlElement;
    parts: HtmlText[];
    owners: HtmlElement[];
    link: number;
    punct: number;
    chars: number;
  } | null = null;
  let order = 0;
  let runOrder = 0;
  const blockOf = (el: HtmlElement): HtmlElement => {
    let e = el;
    while (e.parent !== null && s.inline.has(e.tag)) e = e.parent;
    return e;
  };
  const inLink = (el: HtmlElement): boolean => {
    for (let e: HtmlElement | null = el; e !== null && s.inline.has(e.tag); e = e.parent)
      if (e.tag === 'a') return true;
    return false;
  };
  const closeRun = () => {
    if (run === null) return;
    const r = run;
    run = null;
    if (r.chars === 0) return;
    // Pieces from different elements (a link after a label) are kept apart by a space.
    let text = '';
    let prev: HtmlElement | undefined;
    for (let i = 0; i < r.parts.length; i++) {
      const owner = r.owners[i]!;
      if (prev !== undefined && owner !== prev) text += ' ';
      text += r.parts[i]!.text;
      prev = owner;
    }
    text = collapseSpace(text).trim();
    const first = r.parts[0]!;
    const last = r.parts[r.parts.length - 1]!;
    runs.push({
      block: r.block,
      text,
      start: first.start,
      end: last.end,
      order: runOrder,
      linkChars: r.link,
    });
    const nonLink = r.chars - r.link;
    const good = nonLink > 0 && (r.punct > 0 || nonLink >= s.minBlock) ? nonLink : 0;
    // A run's score: its prose characters, more with punctuation; link lists score nothing, and a
    // long run with little punctuation (keyword lists, spam) scores by the square of its
    // punctuation density against prose's.
    const density = Math.min(1, ((r.punct + 1) * s.proseChars) / Math.max(1, nonLink)) ** 2;
    const score =
      r.link > nonLink ? 0 : good * density * (r.punct > 0 ? 1 : 0.3) + Math.min(r.punct, nonLink / 10) * 4;
    let level = 0;
    for (let e: HtmlElement | null = r.block; e !== null && level < 6; e = e.parent, level++) {
      const st = get(e);
      st.score += level <= 1 ? score : level === 2 ? score / 2 : score / (3 * (level - 1));
    }
  };
  for (const { node, enter, parent } of walk(root)) {
    if (node.type === 'text') {
      const n = visibleLength(node.text);
      order++;
      if (n === 0) continue;
      const block = blockOf(parent);
      if (run === null || run.block !== block) {
        closeRun();
        run = { block, parts: [], owners: [], link: 0, punct: 0, chars: 0 };
        runOrder = order;
      }
      const linked = inLink(parent);
      let punct = 0;
      if (!linked)
        for (let i = 0; i < node.text.length; i++) if (s.punctuation.has(node.text.charCodeAt(i))) punct++;
      run.parts.push(node);
      run.owners.push(parent);
      run.chars += n;
      if (linked) run.link += n;
      run.punct += punct;
      // Counts for every ancestor element.
      for (let e: HtmlElement | null = parent; e !== null; e = e.parent) {
        const st = get(e);
        st.chars += n;
        if (linked) st.linkChars += n;
        st.punct += punct;
        if (!linked) st.good += n;
      }
    } else if (!s.inline.has(node.tag) || node.tag === 'br' || node.tag === 'img') {
      if (!s.inline.has(node.tag)) closeRun();
      else if (node.tag === 'br' && enter) closeRun();
    }
  }
  closeRun();

  // The best node: score less its link share, class names as a weak signal.
  let best: HtmlElement = root;
  let bestScore = -1;
  for (const [el, st] of stats) {
    if (el.tag === '#root' || el.tag === 'html' || st.chars === 0) continue;
    let v = st.score * (1 - st.linkChars / st.chars);
    const names = classOf(el);
    if (names.trim() !== '') {
      if (s.positive.test(names)) v *= 1.25;
      if (s.negative.test(names)) v *= 0.5;
    }
    if (el.tag === 'article' || el.tag === 'main') v *= 1.25;
    if (v > bestScore) {
      bestScore = v;
      best = el;
    }
  }
  if (bestScore <= 0) {
    // No prose anywhere (a list of links, a page of short items): keep the page's whole text.
    const body = findBody(root);
    return { roots: [body], pruned: new Set(), removed: [], stats, runs };
  }
  const bestStats = get(best);
  // Siblings of the best node that read as prose join it.
  const roots: HtmlElement[] = [];
  const parent = best.parent;
  if (parent === null) roots.push(best);
  else {
    for (const sib of parent.children) {
      if (sib === best) {
        roots.push(sib);
        continue;
      }
      if (sib.type === 'text') continue;
      const st = stats.get(sib);
      if (st === undefined || st.chars === 0) continue;
      const ld = st.linkChars / st.chars;
      if (s.negative.test(classOf(sib))) continue;
      if (
        ld <= s.siblingLinkDensity &&
        st.good - 0 >= s.siblingMinChars &&
        st.punct > 0 &&
        st.score >= s.siblingShare * bestStats.score
      )
        roots.push(sib);
    }
  }
  // Inside the content: link lists and named boilerplate boxes are left out.
  const pruned = new Set<HtmlElement>();
  const total = roots.reduce((n, r) => n + (stats.get(r)?.chars ?? 0), 0);
  for (const r of roots) {
    const stack: HtmlElement[] = [...r.children.filter((c): c is HtmlElement => c.type === 'element')];
    while (stack.length > 0) {
      const el = stack.pop()!;
      const st = stats.get(el);
      if (st === undefined || st.chars === 0) continue;
      const ld = st.linkChars / st.chars;
      const names = classOf(el);
      const negative = names.trim() !== '' && s.negative.test(names) && !s.positive.test(names);
      if (
        (controls.has(el) && st.chars < s.controlMaxChars) ||
        (ld > s.pruneLinkDensity && st.chars >= 4) ||
        (negative && st.chars < 0.5 * total && (st.punct === 0 || ld > 0.3 || kindOf(el, st) === 'comments'))
      ) {
        pruned.add(el);
        continue;
      }
      for (const c of el.children) if (c.type === 'element') stack.push(c);
    }
  }
  const removed = collectRemoved(root, roots, pruned, stats);
  return { roots, pruned, removed, stats, runs };
}

function findBody(root: HtmlElement): HtmlElement {
  const stack: HtmlElement[] = [root];
  while (stack.length > 0) {
    const el = stack.pop()!;
    if (el.tag === 'body') return el;
    for (const c of el.children) if (c.type === 'element' && c.depth <= 3) stack.push(c);
  }
  return root;
}

/** Visible text of a subtree, blocks on their own lines. */
export function visibleText(el: HtmlNode): string {
  if (el.type === 'text') return el.text.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
  const s = loadSignals();
  const out: string[] = [];
  for (const { node } of walk(el)) {
    if (node.type === 'text') out.push(node.text.replace(/[\s\u00a0\u3000]+/g, ' '));
    else if (!s.inline.has(node.tag) || node.tag === 'br') out.push('\n');
  }
  return out
    .join('')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join('\n');
}

function collectRemoved(
  root: HtmlElement,
  roots: readonly HtmlElement[],
  pruned: ReadonlySet<HtmlElement>,
  stats: ReadonlyMap<HtmlElement, Stats>,
): RemovedPart[] {
  const keep = new Set<HtmlNode>(roots);
  const ancestors = new Set<HtmlElement>();
  for (const r of roots) for (let e = r.parent; e !== null; e = e.parent) ancestors.add(e);
  const out: RemovedPart[] = [];
  const visit = (node: HtmlNode) => {
    if (node.type === 'text') {
      const text = node.text.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
      if (text !== '') out.push({ kind: 'boilerplate', start: node.start, end: node.end, text });
      return;
    }
    const st = stats.get(node);
    if (st === undefined || st.chars === 0) return;
    out.push({
      kind: kindOf(node, st),
      start: node.start,
      end: Math.max(node.start + 1, node.end),
      text: visibleText(node),
    });
  };
  const stack: HtmlElement[] = [root];
  while (stack.length > 0) {
    const el = stack.pop()!;
    for (const c of el.children) {
      if (keep.has(c)) continue;
      if (c.type === 'element' && ancestors.has(c)) stack.push(c);
      else visit(c);
    }
  }
  for (const p of pruned) {
    const st = stats.get(p);
    out.push({
      kind: kindOf(p, st),
      start: p.start,
      end: Math.max(p.start + 1, p.end),
      text: visibleText(p),
    });
  }
  return out;
}
