/**
 * Sentence splitting. A sentence ends after 。！？；… (and ASCII ! ? ;), together with any further
 * end marks and the closing quotes and brackets that follow (「……。”」 ends after ”). A line break
 * always ends a sentence, so headlines and list items are sentences of their own. The ASCII full
 * stop is not an end mark: it is a decimal point in 9.4万 far more often than a full stop in
 * normalized Chinese text.
 */
import type { Span } from '@xinwen/core';

const isEnd = (c: number): boolean =>
  c === 0x3002 ||
  c === 0xff01 ||
  c === 0xff1f ||
  c === 0xff1b ||
  c === 0x2026 ||
  c === 0x21 ||
  c === 0x3f ||
  c === 0x3b;

const isCloser = (c: number): boolean =>
  c === 0x201d ||
  c === 0x2019 ||
  c === 0x300d ||
  c === 0x300f ||
  c === 0xff09 ||
  c === 0x29 ||
  c === 0x300b ||
  c === 0x3011 ||
  c === 0x3015 ||
  c === 0x3009;

const isLineBreak = (c: number): boolean => c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;

const isBlank = (c: number): boolean =>
  c === 0x20 || c === 0x09 || c === 0x3000 || c === 0xa0 || c === 0x0b || c === 0x0c;

/**
 * Splits `text` into sentences. Spans are UTF-16 offsets into `text` (end exclusive) and never
 * start or end with whitespace; text that is only whitespace has no sentences.
 */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = -1;
  let last = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isLineBreak(c)) {
      if (start >= 0) spans.push({ start, end: last + 1 });
      start = -1;
      continue;
    }
    if (isBlank(c)) continue;
    if (start < 0) start = i;
    last = i;
    if (isEnd(c)) {
      let j = i + 1;
      while (j < text.length && (isEnd(text.charCodeAt(j)) || isCloser(text.charCodeAt(j)))) j++;
      spans.push({ start, end: j });
      start = -1;
      i = j - 1;
    }
  }
  if (start >= 0) spans.push({ start, end: last + 1 });
  return spans;
}
