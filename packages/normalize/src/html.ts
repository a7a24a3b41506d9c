/**
 * HTML given where plain text was expected: detected, then rejected (`html_input`, the default)
 * or stripped to its text when the caller asks for it (`html: 'strip'`).
 */
import { Edit, type PassResult } from './edit.js';
import { count, type Fixes } from './fixes.js';

const DOCUMENT = /<!doctype\s+html|<html[\s>]|<body[\s>]|<head[\s>]/i;
const TAG = /<\/?(?:p|div|span|br|a|table|tr|td|li|ul|ol|script|style|img|h[1-6]|meta|link)\b[^>]*>/gi;

/** True when the text reads as an HTML document or fragment rather than text. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 65536);
  if (DOCUMENT.test(head.slice(0, 2048))) return true;
  if (head.indexOf('<') < 0) return false;
  let tags = 0;
  TAG.lastIndex = 0;
  while (TAG.exec(head) !== null) if (++tags >= 5) return true;
  return false;
}

const MARKUP =
  /<!--[\s\S]*?-->|<![a-zA-Z][^>]*>|<(script|style)\b[\s\S]*?<\/\1\s*>|<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>|&(#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/g;
const BLOCK = new Set([
  'p',
  'div',
  'br',
  'li',
  'tr',
  'table',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'section',
  'article',
  'ul',
  'ol',
]);
const ENTITIES: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ldquo: '“',
  rdquo: '”',
  hellip: '…',
  mdash: '—',
};

/** Strips tags, comments, scripts and styles; block tags become line breaks; entities are decoded. */
export function stripHtml(text: string, fixes: Fixes): PassResult {
  const edit = new Edit(text);
  let tags = 0;
  MARKUP.lastIndex = 0;
  for (let m = MARKUP.exec(text); m !== null; m = MARKUP.exec(text)) {
    edit.keepUntil(m.index);
    const end = m.index + m[0].length;
    const entity = m[3];
    if (entity !== undefined) {
      const code = entity.startsWith('#x')
        ? Number.parseInt(entity.slice(2), 16)
        : entity.startsWith('#')
          ? Number.parseInt(entity.slice(1), 10)
          : -1;
      const value =
        code < 0
          ? ENTITIES[entity.toLowerCase()]
          : code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
            ? String.fromCodePoint(code)
            : undefined;
      if (value !== undefined) edit.replace(value, m.index, end);
      else edit.copy(m.index, end);
    } else {
      const name = (m[2] ?? '').toLowerCase();
      if (BLOCK.has(name)) edit.emit('\n', m.index);
      tags++;
    }
    edit.skipTo(end);
  }
  count(fixes, 'html_markup', tags);
  return edit.finish();
}
