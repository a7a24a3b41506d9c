/** Loads `data/damage-candidates.json` once: characters by toneless pinyin and a word list. */
import { XinwenError } from '@xinwen/core';
import { dataFile } from './data.generated.js';
import { toneless } from './pinyin.js';

/** The candidate data a repair consults. */
export interface Candidates {
  /** Characters with the given toneless reading, simplified and traditional. */
  byPinyin(syllable: string): readonly string[];
  /** True when the (simplified) string is a listed word. */
  isWord(word: string): boolean;
  /** Listed words (simplified), for context-only recovery. */
  readonly words: readonly string[];
}

let loaded: Candidates | undefined;

/** The candidate data, loaded on first use. */
export function loadCandidates(): Candidates {
  if (loaded !== undefined) return loaded;
  let raw: { pinyin: Record<string, string>; words: string[] };
  try {
    raw = JSON.parse(dataFile('damage-candidates.json')) as typeof raw;
  } catch (cause) {
    throw new XinwenError('invalid_dictionary', 'expected readable JSON in data/damage-candidates.json', {
      cause,
    });
  }
  const pinyin = new Map<string, string[]>();
  for (const [syllable, chars] of Object.entries(raw.pinyin)) pinyin.set(syllable, Array.from(chars));
  const words = new Set(raw.words);
  loaded = {
    byPinyin: (syllable) => pinyin.get(toneless(syllable)) ?? [],
    isWord: (word) => words.has(word),
    words: raw.words,
  };
  return loaded;
}
