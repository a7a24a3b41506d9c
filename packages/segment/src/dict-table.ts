/**
 * nodejieba's dictionary on our side, for part-of-speech lookups and the low-evidence test.
 *
 * `nodejieba.tag` is `cut` plus one dictionary lookup per word, but it builds a JS object with two
 * strings per word across the native boundary, which makes it about twice as slow as `cut`. We
 * call `cut` and look tags up here, exactly as cppjieba's PosTagger does: the dictionary tag
 * (user dictionaries override the main one), else `m` for ASCII digits, `eng` for other ASCII,
 * `x` for the rest. The table is a compact hash over the dictionary file's text (about 15 MiB,
 * where a `Map` of 349,000 words would take several times that).
 */
import { readFileSync } from 'node:fs';
import { XinwenError } from '@xinwen/core';

/** Tags whose entries stay whole however rare: names, places, organisations, other proper nouns, idioms. */
const keptTags = new Set(['nr', 'nrt', 'nrfg', 'ns', 'nt', 'nz', 'i']);

/** nodejieba's floor frequency: entries at or below it have no corpus evidence. */
const floorFrequency = 3;

const hanRun = /^[\u4e00-\u9fff]{3,}$/;

/** Lookups in nodejieba's dictionary as loaded (main dictionary plus user dictionaries). */
export interface DictTable {
  /** The tag nodejieba's `tag` gives `word`. */
  tag(word: string): string;
  /** True for a low-evidence compound: floor frequency, 3+ Han characters, not a proper noun or idiom, not a user word. */
  lowEvidence(word: string): boolean;
}

function hashRange(s: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function sameRange(s: string, a: number, b: number, len: number): boolean {
  for (let i = 0; i < len; i++) if (s.charCodeAt(a + i) !== s.charCodeAt(b + i)) return false;
  return true;
}

function read(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (cause) {
    throw new XinwenError('invalid_dictionary', `could not read dictionary ${path}`, { cause });
  }
}

/** cppjieba's PosTagger::SpecialRule for words the dictionary does not tag. */
export function specialTag(word: string): string {
  const runes = [...word];
  let ascii = 0;
  let digits = 0;
  const half = Math.floor(runes.length / 2);
  for (let i = 0; i < runes.length && ascii < half; i++) {
    const c = (runes[i] as string).charCodeAt(0);
    if (c < 0x80) {
      ascii++;
      if (c >= 0x30 && c <= 0x39) digits++;
    }
  }
  if (ascii === 0) return 'x';
  return digits === ascii ? 'm' : 'eng';
}

/**
 * Reads the main dictionary and the user dictionaries (nodejieba's `word [freq] [tag]` format), in
 * the order nodejieba loads them.
 * @throws XinwenError `invalid_dictionary` when a file cannot be read.
 */
export function readDictTable(mainPath: string, userPaths: readonly string[]): DictTable {
  const text = read(mainPath);
  let lines = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines++;
  const keyStart = new Int32Array(lines);
  const keyEnd = new Int32Array(lines);
  const tagId = new Uint8Array(lines);
  const weak = new Uint8Array(lines);
  const tagNames: string[] = [];
  const tagIds = new Map<string, number>();
  let count = 0;
  for (let at = 0; at < text.length; ) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const a = text.indexOf(' ', at);
    const b = a < 0 ? -1 : text.indexOf(' ', a + 1);
    if (a > at && b > a && b < end) {
      const tag = text.slice(b + 1, end).trim();
      let id = tagIds.get(tag);
      if (id === undefined) {
        id = tagNames.length;
        tagNames.push(tag);
        tagIds.set(tag, id);
      }
      keyStart[count] = at;
      keyEnd[count] = a;
      tagId[count] = id;
      if (a - at >= 3 && Number(text.slice(a + 1, b)) <= floorFrequency && !keptTags.has(tag)) {
        weak[count] = hanRun.test(text.slice(at, a)) ? 1 : 0;
      }
      count++;
    }
    at = end + 1;
  }
  let size = 1;
  while (size < count * 2) size <<= 1;
  const mask = size - 1;
  const slots = new Int32Array(size).fill(-1);
  for (let e = 0; e < count; e++) {
    let slot = hashRange(text, keyStart[e] as number, keyEnd[e] as number) & mask;
    // a later line for the same word replaces the earlier one, as in cppjieba's trie
    while (slots[slot] !== -1) {
      const o = slots[slot] as number;
      const len = (keyEnd[o] as number) - (keyStart[o] as number);
      if (
        len === (keyEnd[e] as number) - (keyStart[e] as number) &&
        sameRange(text, keyStart[o] as number, keyStart[e] as number, len)
      ) {
        break;
      }
      slot = (slot + 1) & mask;
    }
    slots[slot] = e;
  }
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

  // user dictionaries: few words, kept in a Map that overrides the main table
  const userTags = new Map<string, string>();
  for (const path of userPaths) {
    for (const line of read(path).split('\n')) {
      const parts = line.trim().split(' ');
      const word = parts[0];
      if (word === undefined || word === '' || parts.length > 3) continue;
      userTags.set(word, parts.length === 2 ? (parts[1] ?? '') : parts.length === 3 ? (parts[2] ?? '') : '');
    }
  }

  return {
    tag(word) {
      const user = userTags.get(word);
      if (user !== undefined) return user === '' ? specialTag(word) : user;
      const e = find(word);
      if (e === -1) return specialTag(word);
      const tag = tagNames[tagId[e] as number] ?? '';
      return tag === '' ? specialTag(word) : tag;
    },
    lowEvidence(word) {
      if (word.length < 3 || userTags.has(word)) return false;
      const e = find(word);
      return e !== -1 && weak[e] === 1;
    },
  };
}
