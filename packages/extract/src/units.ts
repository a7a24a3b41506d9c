/**
 * Cuts normalized text into typed units: headings, subtitles, bylines, leads 「本报讯（…）」,
 * continuation markers 「（上接1版）」, bullets and body paragraphs, each with its offsets.
 */
import type { Byline } from '@xinwen/core';
import { parseBylineLine, parseBylineMatch } from './byline.js';
import { loadData } from './data.js';

/** What a unit of the page is. */
export type UnitKind =
  | 'heading'
  | 'subtitle'
  | 'label'
  | 'lead'
  | 'byline'
  | 'trailer'
  | 'continued'
  | 'bullet'
  | 'body';

/** One unit of the page with its span in the text. */
export interface Unit {
  kind: UnitKind;
  text: string;
  start: number;
  end: number;
  byline?: Byline;
  continuedFrom?: string;
  /** The unit opens a block (the text before it ends in a blank line, or it starts the page). */
  blockStart?: boolean;
}

const continuedRe = /^[（(]\s*上接\s*(第?[0-9一二三四五六七八九十]{1,3}版)\s*[）)]\s*/;
const markerRe = /^(?:本报讯|本报\s*[（(]|[□■]|[（(]\s*上接|[（(]本组|(?:本报|新华社|中新社)[^（(]{0,12}电)/;

/** Whether a line reads like a headline (short, no sentence punctuation). */
export function isHeadingLike(line: string): boolean {
  const t = line.trim();
  // Cheap tests first: most lines are long body paragraphs.
  if (t.length > (t.includes(' | ') ? 80 : 40)) return false;
  if (/[。！？；…：:，,、]$/.test(t) || /[。！？；]/.test(t)) return false;
  let han = 0;
  for (let i = 0; i < t.length && han < 2; i++) {
    const c = t.charCodeAt(i);
    if (c >= 0x3400 && c <= 0x9fff) han++;
  }
  if (han < 2) return false;
  if ((t.match(/[，,]/g) ?? []).length > 1) return false;
  // An enumeration (「基本要求：统一市场基础制度、统一市场基础设施、…」) is running text.
  if ((t.match(/、/g) ?? []).length >= 3 || /[：:].*、/.test(t)) return false;
  if (/^[-•·]\s/.test(t)) return false;
  // A date line (「2024年6月22日 星期六」) is page furniture, not a headline.
  if (/^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:星期.|周.)?$/.test(t)) return false;
  const opens = (t.match(/[“「]/g) ?? []).length;
  const closes = (t.match(/[”」]/g) ?? []).length;
  if (opens !== closes) return false;
  // Brackets: a line that closes one it did not open (「王雨萧）」, the end of a credit) or a line
  // wholly in brackets (「（作者单位：厦门大学）」) is no headline.
  if ((t.match(/[（(]/g) ?? []).length !== (t.match(/[）)]/g) ?? []).length) return false;
  return !/^[（(].*[）)]$/.test(t);
}

/**
 * A line of a headline stack set above its byline: like {@link isHeadingLike}, but longer lines
 * (a title with its column tag) and a bracket broken across two lines are allowed.
 */
function isStackLine(line: string): boolean {
  const t = line.trim();
  if (isHeadingLike(t)) return true;
  return t.length <= 80 && !/[。！？；]/.test(t) && !/[：:，,、]$/.test(t) && !/^[（(].*[）)]$/.test(t);
}

function classify(text: string, start: number, end: number, out: Unit[]): void {
  const t = text.trim();
  if (t.length === 0) return;
  const offset = start + text.indexOf(t);
  const cont = continuedRe.exec(t);
  if (cont) {
    out.push({
      kind: 'continued',
      text: cont[0].trim(),
      start: offset,
      end: offset + cont[0].length,
      continuedFrom: cont[1]!,
    });
    const rest = t.slice(cont[0].length);
    if (rest.trim()) classify(rest, offset + cont[0].length, end, out);
    return;
  }
  const by = parseBylineMatch(t);
  if (by) {
    const kind = by.rest ? 'lead' : /^[（(]/.test(t) ? 'trailer' : 'byline';
    const bylineEnd = offset + t.length - by.rest.length;
    out.push({ kind, text: by.byline.text, start: offset, end: bylineEnd, byline: by.byline });
    if (by.rest.trim()) out.push({ kind: 'body', text: by.rest.trim(), start: bylineEnd, end });
    return;
  }
  const line = t.includes('\n') ? undefined : parseBylineLine(t);
  if (line) {
    out.push({ kind: 'byline', text: t, start: offset, end, byline: line });
    return;
  }
  if (loadData().sectionLabels.has(t)) out.push({ kind: 'label', text: t, start: offset, end });
  else if (/^——/.test(t) && isHeadingLike(t.replace(/^——\s*/, '')))
    out.push({ kind: 'subtitle', text: t, start: offset, end });
  else if (/^[-•·]\s/.test(t))
    out.push({ kind: 'bullet', text: t.replace(/^[-•·]\s+/, ''), start: offset, end });
  else if (isHeadingLike(t)) out.push({ kind: 'heading', text: t.replace(/\s+/g, ' '), start: offset, end });
  else out.push({ kind: 'body', text: t, start: offset, end });
}

/**
 * Whether a block's lines are one paragraph broken at a fixed width (few of them end a sentence)
 * rather than one paragraph a line.
 */
function isHardWrapped(lines: readonly { text: string }[]): boolean {
  let ends = 0;
  for (const l of lines) if (/[。！？!?…；”」）)]\s*$/.test(l.text)) ends++;
  return ends * 2 < lines.length;
}

/** Joins hard-wrapped lines (a PDF extraction that normalize did not rejoin). */
function joinLines(lines: { text: string }[]): string {
  return lines.map((l) => l.text.trim()).join('');
}

/** Classifies the lines of one block (lines between blank lines). */
function classifyBlock(block: { text: string; start: number; end: number }[], out: Unit[]): void {
  let lines = block;
  if (lines.length === 1) {
    const l = lines[0]!;
    classify(l.text, l.start, l.end, out);
    return;
  }
  // A headline stack with its byline under it: 「标题」 / 「李洪兴」, or the byline broken into
  // pieces, one a line (「本报记者」 / 「程」 / 「龙」).
  if (lines.length <= 12) {
    // A role line set inside the stack (「展世界艺术画卷」 / 「本报记者」 / 「建文化交流平台」 / 「曹玲娟」)
    // goes with the name at the end.
    const role = lines.findIndex(
      (l, i) => i > 0 && i < lines.length - 1 && /^[\p{Script=Han}]{0,8}记者$/u.test(l.text.trim()),
    );
    if (
      role > 0 &&
      !lines.slice(role + 1).some((l) => /记者/.test(l.text)) &&
      lines.slice(role + 1, -1).some((l) => [...l.text.trim()].length > 4)
    ) {
      lines = [...lines.slice(0, role), ...lines.slice(role + 1, -1), lines[role]!, lines[lines.length - 1]!];
    }
    for (let k = 1; k < lines.length && lines.length - k <= 6; k++) {
      if (!isStackLine(lines[k - 1]!.text)) break;
      const tail = lines.slice(k);
      const text = tail.map((l) => l.text.trim()).join(' ');
      const byline = parseBylineLine(text, { nameOnly: true, anyName: k === 1 && tail.length === 1 });
      if (!byline) continue;
      for (const l of lines.slice(0, k)) {
        const t = l.text.trim();
        const at = l.start + l.text.indexOf(t);
        out.push({ kind: 'heading', text: t.replace(/\s+/g, ' '), start: at, end: at + t.length });
      }
      const first = tail[0]!;
      const at = first.start + first.text.indexOf(first.text.trim());
      out.push({ kind: 'byline', text, start: at, end: tail[tail.length - 1]!.end, byline });
      return;
    }
  }
  const marker = lines.findIndex((l) => markerRe.test(l.text.trim()));
  const headingLines = marker > 0 ? lines.slice(0, marker) : lines;
  const allHeadings = headingLines.length <= 3 && headingLines.every((l) => isHeadingLike(l.text));
  if (marker > 0 || (marker < 0 && allHeadings)) {
    for (const l of headingLines) classify(l.text, l.start, l.end, out);
    if (marker > 0) {
      const rest = lines.slice(marker);
      classify(joinLines(rest), rest[0]!.start, rest[rest.length - 1]!.end, out);
    }
    return;
  }
  if (isHardWrapped(lines)) classify(joinLines(lines), lines[0]!.start, lines[lines.length - 1]!.end, out);
  else for (const l of lines) classify(l.text, l.start, l.end, out);
}

/** Splits `text` into units: blocks are separated by blank lines; a block's lines are looked into for headline stacks and markers. */
export function toUnits(text: string): Unit[] {
  const out: Unit[] = [];
  const blockRe = /[^\n]+(?:\n(?![ \t\u3000]*\n)[^\n]*)*/g;
  for (const block of text.matchAll(blockRe)) {
    const blockStart = block.index;
    const lines: { text: string; start: number; end: number }[] = [];
    let pos = blockStart;
    for (const line of block[0].split('\n')) {
      if (line.trim()) lines.push({ text: line, start: pos, end: pos + line.length });
      pos += line.length + 1;
    }
    if (lines.length === 0) continue;
    const first = out.length;
    classifyBlock(lines, out);
    if (out[first]) out[first].blockStart = true;
  }
  return out;
}
