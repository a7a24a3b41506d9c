/**
 * Sentence splitting. A sentence ends after 。！？；… (and ASCII ! ? ;), together with any further
 * end marks and the closing quotes and brackets that follow (「……。”」 ends after ”). A line break
 * always ends a sentence, so headlines and list items are sentences of their own. The ASCII full
 * stop is not an end mark: it is a decimal point in 9.4万 far more often than a full stop in
 * normalized Chinese text.
 */
import type { Span } from '@xinwen/core';

const END = 1;
const CLOSER = 2;
const LINE_BREAK = 3;
const BLANK = 4;

/** Character classes for the code units that matter; everything else is 0. */
const classes = new Uint8Array(0x10000);
for (const c of [0x3002, 0xff01, 0xff1f, 0xff1b, 0x2026, 0x21, 0x3f, 0x3b]) classes[c] = END; // 。！？；… ! ? ;
for (const c of [0x201d, 0x2019, 0x300d, 0x300f, 0xff09, 0x29, 0x300b, 0x3011, 0x3015, 0x3009])
  classes[c] = CLOSER; // ”’」』）)》】〕〉
for (const c of [0x0a, 0x0d, 0x2028, 0x2029]) classes[c] = LINE_BREAK;
for (const c of [0x20, 0x09, 0x3000, 0xa0, 0x0b, 0x0c]) classes[c] = BLANK;

/**
 * Splits `text` into sentences. Spans are UTF-16 offsets into `text` (end exclusive) and never
 * start or end with whitespace; text that is only whitespace has no sentences.
 */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = -1;
  let last = -1;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const k = classes[text.charCodeAt(i)];
    if (k === LINE_BREAK) {
      if (start >= 0) spans.push({ start, end: last + 1 });
      start = -1;
      continue;
    }
    if (k === BLANK) continue;
    if (start < 0) start = i;
    last = i;
    if (k === END) {
      let j = i + 1;
      while (j < n) {
        const kj = classes[text.charCodeAt(j)];
        if (kj !== END && kj !== CLOSER) break;
        j++;
      }
      spans.push({ start, end: j });
      start = -1;
      i = j - 1;
    }
  }
  if (start >= 0) spans.push({ start, end: last + 1 });
  return spans;
}
