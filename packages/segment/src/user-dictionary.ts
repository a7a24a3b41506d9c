/**
 * A segmenter's own dictionary. nodejieba's dictionary is one per process (its `insertWord`
 * changes it for every caller, and there is no way to take a word out again), so user words are
 * not given to nodejieba. Instead they are matched in the text first (overlaps go to the higher
 * frequency, then the leftmost, then the longest) and kept as one token each; nodejieba segments the text between them.
 * Two segmenters with different dictionaries therefore never see each other's words.
 */
import { readFileSync } from 'node:fs';
import { XinwenError } from '@xinwen/core';

/** One user-dictionary word. */
export interface DictionaryEntry {
  /** The word, as it appears in normalized text. */
  word: string;
  /**
   * How common the word is. Where two user words overlap (「AB」 and 「BC」 in 「ABC」), the one
   * with the higher frequency wins; at equal frequency the leftmost, then the longest.
   * @default 1
   */
  freq?: number;
  /**
   * Part-of-speech tag given to the word's tokens (jieba/ICTCLAS tag set: `n`, `nr`, `ns`, `nt`, `nz`, …).
   * @default "nz"
   */
  tag?: string;
}

interface Compiled {
  word: string;
  freq: number;
  tag: string;
}

/** A compiled dictionary: entries grouped by first character, longest first. */
export type UserDictionary = ReadonlyMap<string, readonly Compiled[]>;

/**
 * Parses a dictionary file in nodejieba's user-dictionary format: one word a line, optionally
 * followed by a frequency and a tag (`川渝高竹新区 3000 ns`); `#` lines are comments.
 * @throws XinwenError `invalid_dictionary` when the file cannot be read or a line is malformed.
 */
export function readDictionaryFile(path: string): DictionaryEntry[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new XinwenError('invalid_dictionary', `could not read dictionary file ${path}`, { cause });
  }
  const entries: DictionaryEntry[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const parts = line.split(/\s+/);
    const [word, second, third] = parts;
    if (word === undefined || parts.length > 3) {
      throw new XinwenError(
        'invalid_dictionary',
        `${path}:${index + 1}: expected "word [freq] [tag]", found "${line}"`,
      );
    }
    const entry: DictionaryEntry = { word };
    if (second !== undefined) {
      if (/^\d+$/.test(second)) entry.freq = Number(second);
      else if (third === undefined) entry.tag = second;
      else
        throw new XinwenError(
          'invalid_dictionary',
          `${path}:${index + 1}: frequency "${second}" is not a whole number`,
        );
    }
    if (third !== undefined) entry.tag = third;
    entries.push(entry);
  });
  return entries;
}

/**
 * Checks and compiles entries for matching.
 * @throws XinwenError `invalid_dictionary` for an empty word, whitespace in a word or a bad frequency.
 */
export function compileDictionary(entries: readonly DictionaryEntry[]): UserDictionary {
  const byFirst = new Map<string, Compiled[]>();
  for (const entry of entries) {
    const { word } = entry;
    if (typeof word !== 'string' || word === '' || /\s/.test(word)) {
      throw new XinwenError(
        'invalid_dictionary',
        `dictionary word must be non-empty text without spaces, found ${JSON.stringify(word)}`,
      );
    }
    const freq = entry.freq ?? 1;
    if (!Number.isFinite(freq) || freq < 0) {
      throw new XinwenError(
        'invalid_dictionary',
        `frequency of "${word}" must be a number >= 0, found ${String(entry.freq)}`,
      );
    }
    const first = word[0] as string;
    let list = byFirst.get(first);
    if (list === undefined) {
      list = [];
      byFirst.set(first, list);
    }
    const existing = list.findIndex((e) => e.word === word);
    const compiled = { word, freq, tag: entry.tag ?? 'nz' };
    if (existing >= 0) list[existing] = compiled;
    else list.push(compiled);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.word.length - a.word.length || b.freq - a.freq);
  return byFirst;
}

/** A user word found in the text. */
export interface Match {
  start: number;
  end: number;
  tag: string;
}

function longestAt(text: string, i: number, dictionary: UserDictionary): Compiled | undefined {
  const list = dictionary.get(text[i] as string);
  return list === undefined ? undefined : list.find((e) => text.startsWith(e.word, i));
}

/** Finds user words in `text` without overlaps (see {@link DictionaryEntry.freq}). */
export function findMatches(text: string, dictionary: UserDictionary): Match[] {
  const matches: Match[] = [];
  for (let i = 0; i < text.length; ) {
    const hit = longestAt(text, i, dictionary);
    if (hit === undefined) {
      i++;
      continue;
    }
    const end = i + hit.word.length;
    let beaten = false;
    for (let j = i + 1; j < end && !beaten; j++) {
      const other = longestAt(text, j, dictionary);
      beaten = other !== undefined && j + other.word.length > end && other.freq > hit.freq;
    }
    if (beaten) {
      i++;
      continue;
    }
    matches.push({ start: i, end, tag: hit.tag });
    i = end;
  }
  return matches;
}
