/**
 * One nodejieba call over a stretch of text, turned into tokens with UTF-16 offsets. The offsets
 * come from a running cursor (each nodejieba word is the next slice of the input), so the text is
 * not searched a second time. Number, date and Latin runs that nodejieba split are joined, runs of
 * whitespace and repeated punctuation (「……」, 「——」) become one token each. Low-evidence
 * dictionary compounds are cut into their parts when `splitCompounds` is set (see compounds.ts).
 */
import type { Token } from '@xinwen/core';
import { XinwenError } from '@xinwen/core';
import { splitCompound } from './compounds.js';
import { ruleTables } from './data.js';
import { dictTable, engine } from './engine.js';
import {
  chineseDateEnd,
  chineseNumberEnd,
  dateUnitAfter,
  isAlnum,
  isChineseDigit,
  isChineseNumeral,
  isDigit,
  isMagnitude,
  isMinus,
  scanNumeric,
  timeUnitAfter,
} from './numbers.js';
import { cutWord } from './word-rules.js';

const isSpace = (c: number): boolean =>
  c === 0x20 ||
  c === 0x09 ||
  c === 0x0a ||
  c === 0x0d ||
  c === 0x3000 ||
  c === 0xa0 ||
  c === 0x0b ||
  c === 0x0c;

function isHan(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    c === 0x3007
  );
}

/** True when a word is neither Han, digits, letters nor whitespace: punctuation and symbols. */
function isPunctuation(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (isHan(c) || isAlnum(c) || isSpace(c) || (c >= 0xd800 && c <= 0xdfff)) return false;
  }
  return true;
}

interface Lookups {
  /** 1 for the first code unit of a word in data/pos.txt. */
  posFirst: Uint8Array;
  /** data/number-units.txt by first code unit. */
  unitsByFirst: Map<number, string[]>;
  /** Tags of the words seen lately: news vocabulary repeats, and a Map lookup beats the dictionary probe. */
  tagCache: Map<string, string>;
}

const tagCacheLimit = 100_000;

let cachedLookups: Lookups | undefined;

/** Indexes over the rule tables for the per-word checks, built once. */
function lookups(): Lookups {
  if (cachedLookups !== undefined) return cachedLookups;
  const tables = ruleTables();
  const posFirst = new Uint8Array(0x10000);
  for (const word of tables.posFixes.keys()) posFirst[word.charCodeAt(0)] = 1;
  const unitsByFirst = new Map<number, string[]>();
  for (const unit of tables.numberUnits) {
    const c = unit.charCodeAt(0);
    unitsByFirst.set(c, [...(unitsByFirst.get(c) ?? []), unit]);
  }
  cachedLookups = { posFirst, unitsByFirst, tagCache: new Map() };
  return cachedLookups;
}

/**
 * Appends the tokens of `text` to `out`, with offsets shifted by `base`.
 * @throws XinwenError `invalid_input` if nodejieba's words do not add up to the input.
 */
export function tokenizeChunk(text: string, base: number, out: Token[], splitCompounds = true): void {
  if (text === '') return;
  const jieba = engine();
  const table = dictTable();
  const tables = ruleTables();
  const fast = lookups();
  const cache = fast.tagCache;
  const tagOf = (word: string): string => {
    let tag = cache.get(word);
    if (tag === undefined) {
      tag =
        (fast.posFirst[word.charCodeAt(0)] === 1 ? tables.posFixes.get(word) : undefined) ?? table.tag(word);
      if (cache.size >= tagCacheLimit) cache.clear();
      cache.set(word, tag);
    }
    return tag;
  };
  // cut + our own tag lookup gives exactly nodejieba.tag's result, at about half its cost
  const words: string[] = jieba.cut(text, true);
  /** True when a unit word (千瓦, 年度, 分钟) starts at `at`: a number stops before it. */
  const unitAt = (at: number): boolean => {
    const units = fast.unitsByFirst.get(text.charCodeAt(at));
    if (units !== undefined) for (const unit of units) if (text.startsWith(unit, at)) return true;
    return false;
  };
  let pos = 0; // start of the next token to push
  let i = 0;
  let cur = 0; // start of words[i]
  const push = (end: number, tag: string): void => {
    out.push({ text: text.slice(pos, end), pos: tag, start: base + pos, end: base + end });
    pos = end;
  };
  /** Pushes `word`, which is the text at `pos` (no slicing needed). */
  const pushWord = (word: string, tag: string): void => {
    const end = pos + word.length;
    out.push({ text: word, pos: tag, start: base + pos, end: base + end });
    pos = end;
  };
  /** Moves past the words that end at or before `target`; splits a word that straddles it. */
  const consumeTo = (target: number): void => {
    while (i < words.length && cur < target) {
      const wEnd = cur + (words[i] as string).length;
      if (wEnd <= target) {
        cur = wEnd;
        i++;
      } else {
        const rest = text.slice(target, wEnd);
        words.splice(i, 1, ...jieba.cut(rest, true));
        cur = target;
      }
    }
  };

  /**
   * True when one of the words from the current one on ends exactly at `target`, or the word
   * across it goes on with a measure word or unit (四十八条 → 四十八/条, 二九亿元 → 二九亿/元).
   */
  const endsAtWord = (target: number): boolean => {
    let at = cur;
    for (let j = i; j < words.length && at < target; j++) at += (words[j] as string).length;
    return at === target || tables.classifiers.has(text.slice(target, at));
  };

  while (i < words.length) {
    const word = words[i] as string;
    const c = word.charCodeAt(0);
    const wEnd = pos + word.length;

    if (isSpace(c)) {
      let end = wEnd;
      i++;
      while (i < words.length && isSpace((words[i] as string).charCodeAt(0))) {
        end += (words[i] as string).length;
        i++;
      }
      cur = end;
      push(end, 'x');
      continue;
    }

    // a minus sign that no number or letter precedes belongs to the number: －5, -3.5
    const signed =
      word.length === 1 &&
      isMinus(c) &&
      isDigit(text.charCodeAt(pos + 1)) &&
      !isAlnum(text.charCodeAt(pos - 1));
    if (isAlnum(c) || signed) {
      const span = scanNumeric(text, signed ? pos + 1 : pos);
      if (wEnd > span.end) {
        // nodejieba already holds a longer dictionary word here (T恤, B超): keep it
        i++;
        cur = wEnd;
        const tag = tagOf(word);
        push(wEnd, tag === 'x' ? span.pos : tag);
        continue;
      }
      let end = span.end;
      let tag: string = span.pos;
      consumeTo(end);
      const next = words[i];
      if (tag === 'm' && next !== undefined) {
        if (unitAt(end)) {
          // 3千瓦, 2000年度, 5分钟: the number stops before the unit word
        } else if (dateUnitAfter(text, pos, end) || timeUnitAfter(text, pos, end)) {
          // 2024年, 9月, 10日, 8时, 8时30分, also out of nodejieba's 「日至」「日电」「年底」
          end += 1;
          // 2月份: the month with 份
          if (text.charCodeAt(end - 1) === 0x6708 && text.charCodeAt(end) === 0x4efd) end += 1;
          tag = 't';
          consumeTo(end);
        } else if (
          isMagnitude(next.charCodeAt(0)) &&
          (next.length === 1 || tagOf(next) === 'm' || tagOf(next) === 'x')
        ) {
          // 2.1万, 108.7亿 (元), out of nodejieba's 「万余个」「亿元」
          let m = end;
          while (m < end + next.length && isMagnitude(text.charCodeAt(m))) m++;
          end = m;
          consumeTo(end);
        }
      }
      push(end, tag);
      continue;
    }

    if (isChineseDigit(c)) {
      const end = chineseDateEnd(text, pos);
      if (end >= wEnd && end > pos) {
        consumeTo(end);
        push(end, 't');
        continue;
      }
    }

    // a number in Chinese numerals that nodejieba cut in pieces (三百/一十三, 十三点/二九亿), and
    // an ordinal (第/四十八): one token where the number ends between two words
    const ordinal = c === 0x7b2c && word.length === 1; // 第
    if (ordinal || isChineseNumeral(c)) {
      const end = chineseNumberEnd(text, ordinal ? pos + 1 : pos);
      if (end > wEnd && endsAtWord(end)) {
        consumeTo(end);
        push(end, 'm');
        continue;
      }
    }

    i++;
    cur = wEnd;
    const tag = tagOf(word);
    if (tag === 'x' && isPunctuation(word)) {
      // 「……」 and 「——」 come out of nodejieba one character at a time
      let end = wEnd;
      while (i < words.length && words[i] === word && word.length === 1) {
        end += 1;
        i++;
      }
      cur = end;
      push(end, 'w');
      continue;
    }
    const parts =
      cutWord(word, tag !== 'x', text, wEnd, tables, tagOf) ??
      (splitCompounds ? splitCompound(word) : undefined);
    if (parts === undefined) pushWord(word, tag);
    else for (const part of parts) pushWord(part.word, part.tag);
  }
  if (pos !== text.length) {
    throw new XinwenError(
      'invalid_input',
      `segmentation lost text: nodejieba's words cover ${pos} of ${text.length} code units`,
      { details: { covered: pos, length: text.length } },
    );
  }
}
