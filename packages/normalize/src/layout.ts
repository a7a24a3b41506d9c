/**
 * The line-level pass: takes page furniture and captions out of the running text, unwraps
 * hard-wrapped lines (PDF extractions), rejoins sentences broken across a paragraph gap, and tidies
 * spaces inside lines. Paragraphs come out separated by one blank line; line breaks inside a block
 * (a list, a headline over its subtitle) stay single.
 */
import { Edit, type PassResult } from './edit.js';
import { count, type Fixes } from './fixes.js';
import { furnitureKind, type RemovedKind } from './furniture.js';

/** Which parts of the layout pass run. */
export interface LayoutSteps {
  furniture: boolean;
  captions: boolean;
  unwrap: boolean;
  rejoin: boolean;
  whitespace: boolean;
  splitNumbers: boolean;
}

/** A line taken out, in this pass's input offsets. */
export interface LocalRemoval {
  kind: RemovedKind;
  start: number;
  end: number;
}

interface Line {
  /** Trimmed content bounds. */
  start: number;
  end: number;
  text: string;
  /** Blank lines between this line and the previous non-blank one. */
  gap: number;
  /** Offset of the line break that ends this line (or the text's length). */
  eol: number;
  removed?: RemovedKind;
}

const TERMINAL = new Set(['。', '！', '？', '!', '?', '；', '…', '）', ')', '」', '』', '》']);
const CAPTION_MARKS = /^[▲◀▶▼△►◄↑↓←→]/;
const PARAGRAPH_START =
  /^(本报讯|本报|（上接|\(上接|（下转|□|——|▲|◀|【|- |• |[一二三四五六七八九十]+[、是]|[\u4e00-\u9fff·]{2,6}[：:]|[\u4e00-\u9fff]{2,8}消息\s*[（(：:]|[\u4e00-\u9fff]{2,10}[（(][^（）()]{1,20}[）)][：:]|(新华社|中新社)[^，。]{0,12}电)/;
const CONTINUATION = /^[（(](上接|下转|接上|转下)/;
const OPENING_PUNCT = new Set(['（', '《', '「', '“', '‘', '【', '『']);
const CLOSING_PUNCT = new Set([
  '，',
  '。',
  '、',
  '；',
  '：',
  '？',
  '！',
  '）',
  '》',
  '」',
  '”',
  '’',
  '】',
  '』',
  '…',
]);

function isCjk(c: number): boolean {
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}
function isAsciiAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}
function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** True when the line ends a sentence. A closing quote counts when a sentence end precedes it. */
function isTerminated(text: string, wrapped = false): boolean {
  if (wrapped && text.endsWith('；')) return false;
  const last = text[text.length - 1] ?? '';
  if (last === '”' || last === '’') return TERMINAL.has(text[text.length - 2] ?? '');
  if (last === '）' || last === ')') return TERMINAL.has(text[text.length - 2] ?? '');
  return TERMINAL.has(last);
}

/** A headline-like line: words separated by a space and no sentence punctuation. */
function isHeadlineLike(text: string): boolean {
  if (text.length > 80 || /[，。；（(]/.test(text)) return false;
  if (/ [|｜] /.test(text)) return true;
  return !text.includes('、') && /[\u4e00-\u9fff”」\d] [\u4e00-\u9fff“「]/.test(text);
}

function unclosedQuote(text: string): boolean {
  let open = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '“') open++;
    else if (ch === '”') open--;
  }
  return open > 0;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let gap = 0;
  let pos = 0;
  const n = text.length;
  while (pos <= n) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = n;
    let s = pos;
    let e = eol;
    while (s < e && text.charCodeAt(s) === 0x20) s++;
    while (e > s && text.charCodeAt(e - 1) === 0x20) e--;
    if (e > s) {
      lines.push({ start: s, end: e, text: text.slice(s, e), gap, eol });
      gap = 0;
    } else if (lines.length > 0) gap++;
    pos = eol + 1;
  }
  return lines;
}

/** Hard-wrapped text: many lines, most of them close to one short width. Returns the width or 0. */
function wrapWidth(lines: readonly Line[]): number {
  if (lines.length < 20) return 0;
  // Median and spread from a histogram of line lengths (lines over 63 code units share a bucket).
  const histogram = new Uint32Array(65);
  for (const l of lines) {
    const bucket = Math.min(l.text.length, 64);
    histogram[bucket] = (histogram[bucket] as number) + 1;
  }
  const half = lines.length >> 1;
  let median = 0;
  for (let seen = 0; median < 65; median++) {
    seen += histogram[median] as number;
    if (seen > half) break;
  }
  if (median < 8 || median > 30) return 0;
  let near = 0;
  for (let len = median - 3; len <= median + 3; len++) near += histogram[len] as number;
  return near * 2 >= lines.length ? median : 0;
}

/** Runs the pass. Always returns a result (line structure is rebuilt). */
export function layout(text: string, steps: LayoutSteps, fixes: Fixes, removed: LocalRemoval[]): PassResult {
  const lines = splitLines(text);

  if (steps.furniture || steps.captions) classify(lines, steps);
  for (const line of lines) {
    if (line.removed !== undefined) {
      removed.push({ kind: line.removed, start: line.start, end: line.end });
      if (line.removed === 'caption') count(fixes, 'caption');
    }
  }

  const head = headLines(lines);
  const kept = lines.filter((l) => l.removed === undefined);
  const width = steps.unwrap ? wrapWidth(kept) : 0;
  const edit = new Edit(text);
  let prev: Line | undefined;
  // Gap to the previous kept line, counting removed lines as a paragraph gap.
  let pendingGap = 0;
  let paragraph = '';
  // Wrapped text: the first line of the paragraph being built and how many lines it has.
  let first: Line | undefined;
  let linesInParagraph = 0;
  // Kept lines followed by a blank line, a removed line, a line that opens a paragraph of its own
  // (「本报讯」, 「（上接1版）」 …) or the end: the last line of a block.
  const endsBlock = new Set<Line>();
  if (width > 0) {
    lines.forEach((line, i) => {
      const next = lines[i + 1];
      if (
        line.removed === undefined &&
        (next === undefined || next.removed !== undefined || next.gap > 0 || PARAGRAPH_START.test(next.text))
      ) {
        endsBlock.add(line);
      }
    });
  }
  for (const line of lines) {
    if (line.removed !== undefined) {
      pendingGap = Math.max(pendingGap, 1) + line.gap;
      continue;
    }
    const gap = line.gap + pendingGap;
    pendingGap = 0;
    if (prev !== undefined) {
      const inHead = head.has(line);
      const sep: '' | '\n' | '\n\n' =
        inHead || head.has(prev)
          ? inHead && head.has(prev)
            ? '\n'
            : '\n\n'
          : width > 0
            ? wrappedSeparator(prev, line, gap, width, first, linesInParagraph, endsBlock.has(line))
            : plainSeparator(prev, line, gap, paragraph, steps);
      if (sep === '') {
        // Nothing is written between them: the two lines read as one.
        count(fixes, width > 0 ? 'unwrapped_line' : 'rejoined_sentence');
      } else {
        edit.emit(sep, prev.eol);
        paragraph = sep === '\n' ? `${paragraph}\n` : '';
        if (sep === '\n\n') {
          first = undefined;
          linesInParagraph = 0;
        }
      }
    }
    first ??= line;
    linesInParagraph++;
    emitLine(edit, text, line, width > 0, steps, fixes);
    paragraph += line.text;
    prev = line;
  }
  return edit.done();
}

/** Most lines a headline stack and its byline take above a citation line. */
const MAX_HEAD_LINES = 8;
const HEAD_LINE_MAX = 80;

const opensBracket = (t: string) => (t.match(/[（(“「]/g) ?? []).length;
const closesBracket = (t: string) => (t.match(/[）)”」]/g) ?? []).length;

/**
 * The lines of an article's head: the headline stack and byline printed right above a citation
 * source line (「《人民日报》（2025年10月20日 第 05 版）」). They stay lines of their own, whatever
 * the wrapping, so that the extract stage can read the stack: short lines that end no sentence,
 * going back from the source line to a sentence end or a blank line (a byline broken into
 * name pieces by blank lines, 「本报记者」 / 「程」 / 「龙」, is followed through). A first line that
 * closes a bracket opened before it (the end of the previous article's credit) is left out.
 */
function headLines(lines: readonly Line[]): Set<Line> {
  const head = new Set<Line>();
  for (let k = 0; k < lines.length; k++) {
    const source = lines[k] as Line;
    if (source.removed !== 'source_line' || !source.text.startsWith('《')) continue;
    const taken: Line[] = [];
    for (let j = k - 1; j >= 0 && taken.length < MAX_HEAD_LINES; j--) {
      const l = lines[j] as Line;
      if (l.removed !== undefined) break;
      if (
        l.text.length > HEAD_LINE_MAX ||
        /[。；，、：]$/.test(l.text) ||
        /^[（(]/.test(l.text) ||
        head.has(l)
      )
        break;
      // A line ending 「！」 or 「？」 that carries on from an unfinished line is the end of a paragraph.
      const above = lines[j - 1];
      if (
        /[！？]$/.test(l.text) &&
        l.gap === 0 &&
        above !== undefined &&
        above.removed === undefined &&
        !/[。！？”」]$/.test(above.text)
      )
        break;
      taken.unshift(l);
      // Past a blank line only inside a broken byline: a name piece, a role line, or a line under
      // one (「展…」 / 「本报记者」 / blank / 「建…」 / 「曹…」, the PDF's interleaving).
      const roleAbove = /^[\u4e00-\u9fff]{0,8}记者$/.test((lines[j - 1] as Line | undefined)?.text ?? '');
      if (l.gap > 0 && !(l.text.length <= 4 || /记者$/.test(l.text) || roleAbove)) break;
    }
    let depth = 0;
    let from = 0;
    taken.forEach((l, i) => {
      depth += opensBracket(l.text) - closesBracket(l.text);
      if (depth < 0) {
        depth = 0;
        from = i + 1;
      }
    });
    for (const l of taken.slice(from)) head.add(l);
  }
  return head;
}

function wrappedSeparator(
  prev: Line,
  line: Line,
  gap: number,
  width: number,
  first: Line | undefined,
  linesInParagraph: number,
  lastOfBlock: boolean,
): '' | '\n' | '\n\n' {
  const a = prev.text;
  const b = line.text;
  if (PARAGRAPH_START.test(b) || isHeadlineLike(a) || isHeadlineLike(b)) return '\n\n';
  if (isTerminated(a, true)) return '\n\n';
  // A block of two lines, neither ending a sentence nor a clause, the second short: a headline
  // over a subtitle (「川渝开展“千校万岗”线上就业服务」/「已征集岗位9.4万余个」). Body paragraphs
  // end with 。！？, so they do not come here.
  if (
    linesInParagraph === 1 &&
    lastOfBlock &&
    gap === 0 &&
    b.length <= width * 0.8 &&
    !isTerminated(b) &&
    !/[，、：；,]$/.test(a)
  ) {
    return '\n';
  }
  // A paragraph that opens with a short unfinished line is a headline or a label (a body
  // paragraph's first line runs the full width); it takes at most one more line, without a gap.
  // That line is kept on a line of its own: a title and its subtitle look alike here, and the
  // extract stage tells them apart only if the break survives.
  const heading =
    first !== undefined &&
    first.text.length < width * 0.6 &&
    !isTerminated(first.text, true) &&
    !CONTINUATION.test(first.text);
  if (heading) return linesInParagraph === 1 && gap === 0 && b.length < width * 1.4 ? '\n' : '\n\n';
  return '';
}

function plainSeparator(
  prev: Line,
  line: Line,
  gap: number,
  paragraph: string,
  steps: LayoutSteps,
): '' | '\n' | '\n\n' {
  if (gap === 0) return '\n';
  if (!steps.rejoin) return '\n\n';
  const a = prev.text;
  const b = line.text;
  if (isTerminated(a) || a.startsWith('- ') || isHeadlineLike(a)) return '\n\n';
  const last = a.charCodeAt(a.length - 1);
  if (!(isCjk(last) || isDigit(last) || a.endsWith('，') || a.endsWith('、'))) return '\n\n';
  if (!(a.length >= 40 || unclosedQuote(paragraph))) return '\n\n';
  if (PARAGRAPH_START.test(b) || b.startsWith('“') || isHeadlineLike(b)) return '\n\n';
  if (b.length < 20 && !isTerminated(b)) return '\n\n';
  return '';
}

/** Writes one line's content, tidying spaces inside it. */
function emitLine(
  edit: Edit,
  text: string,
  line: Line,
  wrapped: boolean,
  steps: LayoutSteps,
  fixes: Fixes,
): void {
  const { start, end } = line;
  if (!steps.whitespace && !steps.splitNumbers) {
    edit.copy(start, end);
    return;
  }
  let from = start;
  let i = text.indexOf(' ', start);
  let spaces = 0;
  let numbers = 0;
  while (i >= 0 && i < end) {
    let j = i;
    while (j < end && text.charCodeAt(j) === 0x20) j++;
    const before = text.charCodeAt(i - 1);
    const after = text.charCodeAt(j);
    const bc = text[i - 1] as string;
    const ac = text[j] as string;
    let drop = false;
    let isNumber = false;
    if (
      steps.whitespace &&
      (CLOSING_PUNCT.has(ac) || OPENING_PUNCT.has(bc) || (ac === '（' && isCjk(before)))
    )
      drop = true;
    else if (steps.splitNumbers) {
      if (isDigit(before) && /[年月日时号点分秒]/.test(ac)) isNumber = true;
      else if (/[年月]/.test(bc) && isDigit(after)) isNumber = true;
      else if (wrapped && ((isCjk(before) && isAsciiAlnum(after)) || (isAsciiAlnum(before) && isCjk(after))))
        isNumber = true;
      drop = isNumber;
    }
    if (drop) {
      edit.copy(from, i);
      from = j;
      if (isNumber) numbers++;
      else spaces++;
    } else if (steps.whitespace && j - i > 1) {
      edit.copy(from, i + 1);
      from = j;
      spaces++;
    }
    i = text.indexOf(' ', j);
  }
  edit.copy(from, end);
  count(fixes, 'whitespace', spaces);
  count(fixes, 'split_number', numbers);
}

function classify(lines: Line[], steps: LayoutSteps): void {
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k] as Line;
    if (steps.captions && CAPTION_MARKS.test(line.text)) {
      line.removed = 'caption';
      continue;
    }
    if (steps.furniture) {
      const kind = furnitureKind(line.text);
      if (kind !== undefined && (kind !== 'photo_credit' || steps.captions)) {
        line.removed = kind;
      }
    }
  }
  if (!steps.captions) return;
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k] as Line;
    if (line.removed !== undefined) continue;
    const next = lines[k + 1];
    const standalone = line.gap > 0 && (next === undefined || next.gap > 0);
    if (!standalone) continue;
    const t = line.text;
    // Photo captions set between runs of blank lines, two or more in a row: `赛力斯汽车超级工厂。`
    if (isPhotoCaption(line) && (isPhotoCaption(lines[k - 1]) || isPhotoCaption(next))) {
      line.removed = 'caption';
      continue;
    }
    // A caption dropped into the middle of a sentence: the paragraph before it stops mid-sentence
    // and the one after it carries on.
    const before = previousKept(lines, k);
    if (
      before !== undefined &&
      next !== undefined &&
      t.length <= 100 &&
      isTerminated(t) &&
      /^\d{1,2}月\d{1,2}日[，,]/.test(t) &&
      before.text.length >= 40 &&
      !isTerminated(before.text) &&
      !PARAGRAPH_START.test(next.text) &&
      !next.text.startsWith('“')
    ) {
      line.removed = 'caption';
    }
  }
}

function isPhotoCaption(line: Line | undefined): boolean {
  if (line === undefined || line.gap < 2) return false;
  const t = line.text;
  return t.length <= 30 && t.endsWith('。') && !/[，,：]/.test(t);
}

function previousKept(lines: readonly Line[], k: number): Line | undefined {
  for (let j = k - 1; j >= 0; j--) {
    const l = lines[j] as Line;
    if (l.removed === undefined) return l;
  }
  return undefined;
}
