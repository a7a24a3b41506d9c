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
  /** Measure words cut off a numeral word (data/classifiers.txt). */
  classifiers: ReadonlySet<string>;
  /** Numeral + measure words that stay whole (data/numeral-words.txt). */
  numeralWords: ReadonlySet<string>;
  /** Words a number stops before (data/number-units.txt). */
  numberUnits: ReadonlySet<string>;
  /** Dictionary phrases and the words they are cut into (data/phrases.txt). */
  phrases: ReadonlyMap<string, readonly string[]>;
  /** Part-of-speech corrections (data/pos.txt). */
  posFixes: ReadonlyMap<string, string>;
}

/** Reads a table: one entry a line, its fields separated by spaces, `#` lines are comments. */
function readTable(path: string): string[][] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new XinwenError('invalid_dictionary', `could not read table ${path}`, { cause });
  }
  const rows: string[][] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.startsWith('#')) continue;
    const fields = line.split(/\s+/).filter((f) => f !== '');
    if (fields.length > 0) rows.push(fields);
  }
  return rows;
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
    classifiers: new Set(readWordList(dataPath('classifiers.txt'))),
    numeralWords: new Set(readWordList(dataPath('numeral-words.txt'))),
    numberUnits: new Set(readWordList(dataPath('number-units.txt'))),
    phrases: new Map(
      readTable(dataPath('phrases.txt')).map((row): [string, string[]] => [row[0] as string, row.slice(1)]),
    ),
    posFixes: new Map(
      readTable(dataPath('pos.txt')).map((row): [string, string] => [row[0] as string, row[1] ?? 'x']),
    ),
  };
  return tables;
}
