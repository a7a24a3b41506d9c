/**
 * nodejieba's IDF table (`word idf` a line, 258,000 lines) as a compact hash table over the file's
 * text: a `Map` of the same entries costs about 80 MiB of heap, this about 15 MiB.
 */
import { readFileSync } from 'node:fs';
import { XinwenError } from '@xinwen/core';

/** Word → IDF lookups plus the table's median and maximum. */
export interface IdfTable {
  get(word: string): number | undefined;
  readonly median: number;
  readonly max: number;
}

function hashRange(s: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Reads an IDF file.
 * @throws XinwenError `invalid_dictionary` when the file cannot be read.
 */
export function readIdfTable(path: string): IdfTable {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new XinwenError('invalid_dictionary', `could not read IDF table ${path}`, { cause });
  }
  let lines = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines++;
  const capacity = lines + 1;
  const keyStart = new Int32Array(capacity);
  const keyEnd = new Int32Array(capacity);
  const values = new Float32Array(capacity);
  let count = 0;
  for (let at = 0; at < text.length; ) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const space = text.indexOf(' ', at);
    if (space > at && space < end) {
      keyStart[count] = at;
      keyEnd[count] = space;
      values[count++] = Number(text.slice(space + 1, end));
    }
    at = end + 1;
  }
  let size = 1;
  while (size < count * 2) size <<= 1;
  const mask = size - 1;
  const slots = new Int32Array(size).fill(-1);
  for (let e = 0; e < count; e++) {
    let slot = hashRange(text, keyStart[e] as number, keyEnd[e] as number) & mask;
    while (slots[slot] !== -1) slot = (slot + 1) & mask;
    slots[slot] = e;
  }
  const sorted = values.slice(0, count).sort();
  const find = (word: string): number => {
    let slot = hashRange(word, 0, word.length) & mask;
    for (;;) {
      const e = slots[slot] as number;
      if (e === -1) return -1;
      const start = keyStart[e] as number;
      if ((keyEnd[e] as number) - start === word.length && text.startsWith(word, start)) return e;
      slot = (slot + 1) & mask;
    }
  };
  return {
    get(word) {
      const e = find(word);
      return e === -1 ? undefined : (values[e] as number);
    },
    median: sorted[count >> 1] ?? 10,
    max: sorted[count - 1] ?? 10,
  };
}
