/**
 * Markdown (and the inline HTML it often carries) to text: each line is a paragraph, headings are
 * kept as their own paragraphs and reported as sections, link-only lines and images are removed,
 * inline marks and tags are dropped, entities decoded. The first-level heading, front matter and a
 * programme line such as 「（《新闻联播》 20221103 19:00）」 give the page's title, date and
 * publication.
 */
import { decodeHTML } from 'entities';
import { Edit, type PassResult } from '../edit.js';
import { count, type Fixes } from '../fixes.js';
import type { RemovedPart } from './content.js';
import { toIso, type WebMeta } from './meta.js';

/** A heading and the raw span its section covers (up to the next heading). */
export interface RawSection {
  level: number;
  title: string;
  /** Raw offset of the heading's text. */
  start: number;
  /** Raw offset where the next heading's line starts (or the end of the text). */
  end: number;
}

/** What {@link markdownToText} returns. */
export interface MarkdownText {
  result: PassResult;
  removed: RemovedPart[];
  meta: WebMeta;
  sections: RawSection[];
}

const HEADING = /^(#{1,6})[ \t]+(.*?)[ \t#]*$/;
const LINK_LINE = /^\s*(?:[-*+]\s+)?(?:!?\[[^\]]*\]\([^)]*\)\s*)+$/;
const INLINE =
  /<\/?(p|div|br|li|ul|ol|h[1-6]|section|article|blockquote|table|tr)\b[^>]*>|<!--[\s\S]*?-->|<\/?[a-zA-Z][a-zA-Z0-9]*\b[^>]*>|!\[[^\]]*\]\([^)]*\)|\[([^\]]*)\]\([^)]*\)|\*\*|__|`|&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,31});/g;
const PROGRAMME =
  /^[（(]\s*《([^》]{1,20})》\s*((?:19|20)\d{6}|(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?)(?:\s+(\d{1,2}:\d{2}))?\s*[）)]$/;
const FRONT = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/;

function dateIso(text: string, time?: string): string | undefined {
  const eight = /((?:19|20)\d{2})(\d{2})(\d{2})/.exec(text);
  const base = eight !== null ? `${eight[1]}-${eight[2]}-${eight[3]}` : text;
  return toIso(time === undefined ? base : `${base} ${time}`);
}

/** True when the text reads as Markdown: headings or link lines at line starts. */
export function looksLikeMarkdown(text: string): boolean {
  const head = text.slice(0, 65536);
  const headings = head.match(/^#{1,6}[ \t]+\S/gm)?.length ?? 0;
  const links = head.match(/^\s*\[[^\]]+\]\([^)\s]+\)\s*$/gm)?.length ?? 0;
  return headings >= 2 || (headings >= 1 && links >= 1) || FRONT.test(head);
}

/** Reads a Markdown document. */
export function markdownToText(raw: string, fixes: Fixes): MarkdownText {
  const edit = new Edit(raw);
  const removed: RemovedPart[] = [];
  const headings: { level: number; title: string; start: number; lineStart: number }[] = [];
  const meta: WebMeta = { authors: [], editors: [], header: [] };
  let written = 0;
  let marks = 0;
  let pos = 0;
  const front = FRONT.exec(raw);
  if (front !== null) {
    for (const line of front[1]!.split(/\r?\n/)) {
      const kv = /^(\w+)\s*:\s*["']?(.*?)["']?\s*$/.exec(line);
      if (kv === null) continue;
      const k = kv[1]!.toLowerCase();
      if (k === 'title' && kv[2]) meta.title = kv[2];
      if ((k === 'date' || k === 'published') && kv[2]) {
        const iso = dateIso(kv[2]);
        if (iso !== undefined) meta.publishedAt = iso;
      }
    }
    removed.push({ kind: 'front_matter', start: 0, end: front[0].length, text: front[1]! });
    pos = front[0].length;
  }
  const paragraphBreak = (at: number) => {
    if (written > 0) edit.emit('\n\n', at);
  };
  while (pos < raw.length) {
    let nl = raw.indexOf('\n', pos);
    if (nl < 0) nl = raw.length;
    const lineEnd = nl > pos && raw.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    const line = raw.slice(pos, lineEnd);
    const h = HEADING.exec(line);
    if (h !== null) {
      const textStart = pos + line.indexOf(h[2]!, h[1]!.length);
      const title = h[2]!.trim();
      if (title !== '') {
        headings.push({ level: h[1]!.length, title, start: textStart, lineStart: pos });
        paragraphBreak(textStart);
        written += writeInline(edit, raw, textStart, textStart + h[2]!.length, () => marks++);
        marks++;
      }
    } else if (LINK_LINE.test(line) && line.trim() !== '') {
      removed.push({ kind: 'link', start: pos, end: lineEnd, text: line.trim() });
    } else if (line.trim() !== '') {
      const programme = PROGRAMME.exec(line.trim());
      if (programme !== null) {
        removed.push({ kind: 'source_line', start: pos, end: lineEnd, text: line.trim() });
        meta.source ??= programme[1]!;
        const iso = dateIso(programme[2]!, programme[3]);
        if (iso !== undefined && meta.publishedAt === undefined) meta.publishedAt = iso;
      } else {
        const lead = /^\s*/.exec(line)![0].length;
        paragraphBreak(pos + lead);
        written += writeInline(edit, raw, pos + lead, lineEnd, () => marks++);
      }
    }
    pos = nl + 1;
  }
  count(fixes, 'markdown_markup', marks);
  // Sections: each heading up to the next one.
  const sections: RawSection[] = headings.map((h, i) => ({
    level: h.level,
    title: stripInline(h.title),
    start: h.start,
    end: headings[i + 1]?.lineStart ?? raw.length,
  }));
  const top = headings.find((h) => h.level === 1);
  if (top !== undefined) {
    const title = stripInline(top.title);
    meta.title ??= title;
    const pub = /《([^》]{1,20})》/.exec(title);
    if (pub !== null) meta.source ??= pub[1]!;
    const date = /(?:19|20)\d{6}|(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}/.exec(title);
    if (date !== null && meta.publishedAt === undefined) {
      const iso = dateIso(date[0]);
      if (iso !== undefined) meta.publishedAt = iso;
    }
  }
  return { result: edit.done(), removed, meta, sections };
}

/** Heading text without inline marks. */
function stripInline(text: string): string {
  return text
    .replace(INLINE, (m, _block, label: string | undefined) =>
      label !== undefined ? label : m.startsWith('&') ? decodeHTML(m) : '',
    )
    .trim();
}

/** Writes raw `[from, to)` without its inline marks; block tags inside the line end paragraphs. */
function writeInline(edit: Edit, raw: string, from: number, to: number, mark: () => void): number {
  let written = 0;
  let at = from;
  let pendingBreak = false;
  const out = (a: number, b: number) => {
    if (b <= a) return;
    if (pendingBreak && written > 0) edit.emit('\n\n', a);
    pendingBreak = false;
    edit.copy(a, b);
    written += b - a;
  };
  const segment = raw.slice(from, to);
  INLINE.lastIndex = 0;
  for (let m = INLINE.exec(segment); m !== null; m = INLINE.exec(segment)) {
    const s = from + m.index;
    const e = s + m[0].length;
    out(at, s);
    mark();
    if (m[1] !== undefined) pendingBreak = true;
    else if (m[2] !== undefined) {
      const labelStart = s + 1;
      out(labelStart, labelStart + m[2].length);
    } else if (m[0].startsWith('&')) {
      const value = decodeHTML(m[0]);
      if (value !== m[0]) {
        if (pendingBreak && written > 0) edit.emit('\n\n', s);
        pendingBreak = false;
        edit.replace(value, s, e);
        written += value.length;
      } else out(s, e);
    }
    at = e;
  }
  out(at, to);
  return written;
}
