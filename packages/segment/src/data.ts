/**
 * The package's data files (`data/*.txt`), read once on first use and shared by every segmenter.
 * Sources and licences are noted in `data/SOURCES.md`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { XinwenError } from '@xinwen/core';

/** Absolute path of a file in the package's `data/` directory. */
export function dataPath(name: string): string {
  return fileURLToPath(new URL(`../data/${name}`, import.meta.url));
}

/** Reads a word list: words separated by spaces or line breaks, `#` lines are comments. */
export function readWordList(path: string): string[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new XinwenError('invalid_dictionary', `could not read word list ${path}`, { cause });
  }
  const words: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.startsWith('#')) continue;
    for (const word of line.split(/\s+/)) if (word !== '') words.push(word);
  }
  return words;
}

/** The rule tables the tokenizer and keyword extractor use. */
export interface RuleTables {
  /** Single-character surnames. */
  surnames: ReadonlySet<string>;
  /** Two-character (compound) surnames. */
  compoundSurnames: ReadonlySet<string>;
  /** Office titles and roles that precede a name. */
  titles: ReadonlySet<string>;
  /** Verbs of saying that follow a speaker's name. */
  speechVerbs: ReadonlySet<string>;
  /** News words that never make a keyword. */
  newsStopWords: ReadonlySet<string>;
  /** Words of the shipped domain dictionary (preferred as keywords). */
  domainWords: ReadonlySet<string>;
}

let tables: RuleTables | undefined;

/** The rule tables, loaded on first call. */
export function ruleTables(): RuleTables {
  if (tables !== undefined) return tables;
  const surnameWords = readWordList(dataPath('surnames.txt'));
  const domain = readFileSync(dataPath('domain.txt'), 'utf8');
  tables = {
    surnames: new Set(surnameWords.filter((w) => w.length === 1)),
    compoundSurnames: new Set(surnameWords.filter((w) => w.length === 2)),
    titles: new Set(readWordList(dataPath('titles.txt'))),
    speechVerbs: new Set(readWordList(dataPath('speech-verbs.txt'))),
    newsStopWords: new Set(readWordList(dataPath('stopwords.txt'))),
    domainWords: new Set(
      domain
        .split('\n')
        .map((line) => line.split(' ')[0] ?? '')
        .filter((w) => w !== ''),
    ),
  };
  return tables;
}
