/**
 * Rules that cut one nodejieba word into the words news text is read as (the tables are data files,
 * see data/SOURCES.md):
 * - numeral + measure word: 一年 → 一/年, 第一次 → 第一/次, 十五届 → 十五/届 (classifiers.txt,
 *   numeral-words.txt);
 * - dictionary phrases: 地说 → 地/说, 本报讯 → 本报/讯 (phrases.txt);
 * - photo credits: an unknown word of a name and 摄 ("photographed by") right before a bracket, a
 *   line end or another name: 张悦摄） → 张悦/摄.
 */
import type { RuleTables } from './data.js';

/** A word's parts with their tags. */
export type Parts = readonly { word: string; tag: string }[];

const numerals = new Set('零〇○一二两三四五六七八九十百千万亿几多半数'.split(''));

const hanOnly = /^[\u3400-\u4dbf\u4e00-\u9fff]+$/;

/** The numeral and measure word of `word`, or undefined when it is not one. */
function numeralParts(word: string, tables: RuleTables): Parts | undefined {
  if (tables.numeralWords.has(word)) return undefined;
  const first = word.startsWith('第') ? 1 : 0;
  let i = first;
  while (i < word.length && numerals.has(word[i] as string)) i++;
  if (i === first || i === word.length) return undefined;
  const measure = word.slice(i);
  if (!tables.classifiers.has(measure)) return undefined;
  return [
    { word: word.slice(0, i), tag: 'm' },
    { word: measure, tag: 'q' },
  ];
}

const isHanCode = (c: number): boolean => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);

/**
 * Cuts `word` (which ends at `end` in `text`, `known` when it is a dictionary word) by
 * the rules above; undefined keeps it whole.
 */
export function cutWord(
  word: string,
  known: boolean,
  text: string,
  end: number,
  tables: RuleTables,
  tagOf: (word: string) => string,
): Parts | undefined {
  if (word.length < 2) return undefined;
  const phrase = tables.phrases.get(word);
  if (phrase !== undefined) return phrase.map((part) => ({ word: part, tag: tagOf(part) }));
  if (numerals.has(word[0] as string) || word[0] === '第') {
    const parts = numeralParts(word, tables);
    if (parts !== undefined) return parts;
  }
  if (
    !known &&
    word.length >= 3 &&
    word.length <= 4 &&
    word.endsWith('摄') &&
    hanOnly.test(word) &&
    !isHanCode(text.charCodeAt(end))
  ) {
    return [
      { word: word.slice(0, -1), tag: 'nr' },
      { word: '摄', tag: 'v' },
    ];
  }
  return undefined;
}
