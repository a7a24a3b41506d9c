/**
 * Numbers, dates and Latin runs. nodejieba cuts 「30」 into 3/0 without HMM and splits 「5G」,
 * 「1—7月」 or 「2024-06-22」 at every class change; these helpers find the whole span so the
 * tokenizer can keep it as one token.
 */

/** ASCII or full-width digit. */
export function isDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
}

/** ASCII or full-width Latin letter. */
export function isLatin(c: number): boolean {
  return (
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0xff21 && c <= 0xff3a) ||
    (c >= 0xff41 && c <= 0xff5a)
  );
}

/** Digit or Latin letter: the characters a number or Latin run starts with. */
export function isAlnum(c: number): boolean {
  return isDigit(c) || isLatin(c);
}

const isDecimalPoint = (c: number): boolean => c === 0x2e || c === 0xff0e; // . ．
const isDateSep = (c: number): boolean => c === 0x2d || c === 0x2f || c === 0x2e || c === 0xff0e; // - / . ．
const isRangeDash = (c: number): boolean =>
  c === 0x2014 || c === 0x2013 || c === 0x2d || c === 0x7e || c === 0xff5e || c === 0xff0d; // — – - ~ ～ －
const isPercent = (c: number): boolean => c === 0x25 || c === 0xff05 || c === 0x2030; // % ％ ‰
const isDateUnit = (c: number): boolean => c === 0x5e74 || c === 0x6708 || c === 0x65e5; // 年 月 日

function digitsEnd(text: string, i: number): number {
  while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  return i;
}

/** A span found by {@link scanNumeric}: where it ends and the tag it gets. */
export interface NumericSpan {
  end: number;
  /** `t` for dates and times, `m` for numbers, `eng` for runs with Latin letters. */
  pos: 't' | 'm' | 'eng';
}

/**
 * Finds the number, date or Latin run starting at `start` (which must be a digit or letter).
 * Recognised: ISO-like dates 2024-06-22 (also / and .), times 08:52:51, month ranges 1—7月,
 * decimals 108.7, thousands 1,000, percentages 25.2%, and alphanumeric runs (5G, KPI, MicroLED,
 * E11, COVID-19). A date unit (年 月 日) directly after a number is left to the caller.
 */
export function scanNumeric(text: string, start: number): NumericSpan {
  const first = text.charCodeAt(start);
  if (isDigit(first)) {
    const intEnd = digitsEnd(text, start);
    const next = text.charCodeAt(intEnd);
    // 2024-06-22, 2024/6/22, 2024.06.22
    if (intEnd - start === 4 && isDateSep(next)) {
      const mEnd = digitsEnd(text, intEnd + 1);
      const mLen = mEnd - intEnd - 1;
      if (mLen >= 1 && mLen <= 2 && text.charCodeAt(mEnd) === next) {
        const dEnd = digitsEnd(text, mEnd + 1);
        const dLen = dEnd - mEnd - 1;
        if (dLen >= 1 && dLen <= 2 && !isAlnum(text.charCodeAt(dEnd))) return { end: dEnd, pos: 't' };
      }
    }
    // 08:52, 08:52:51
    if (intEnd - start <= 2 && (next === 0x3a || next === 0xff1a)) {
      let end = intEnd;
      while (
        (text.charCodeAt(end) === 0x3a || text.charCodeAt(end) === 0xff1a) &&
        digitsEnd(text, end + 1) - end - 1 === 2
      ) {
        end += 3;
      }
      if (end > intEnd && !isAlnum(text.charCodeAt(end))) return { end, pos: 't' };
    }
    // 1—7月: a range of months or days
    if (intEnd - start <= 2 && isRangeDash(next)) {
      const rEnd = digitsEnd(text, intEnd + 1);
      if (
        rEnd > intEnd + 1 &&
        rEnd - intEnd - 1 <= 2 &&
        isDateUnit(text.charCodeAt(rEnd)) &&
        text.charCodeAt(rEnd) !== 0x5e74
      ) {
        return { end: rEnd + 1, pos: 't' };
      }
    }
    let end = intEnd;
    // 1,000,000 (ASCII comma followed by exactly three digits)
    while (text.charCodeAt(end) === 0x2c && digitsEnd(text, end + 1) - end - 1 === 3) end += 4;
    // 108.7
    if (isDecimalPoint(text.charCodeAt(end)) && isDigit(text.charCodeAt(end + 1)))
      end = digitsEnd(text, end + 1);
    if (isPercent(text.charCodeAt(end))) return { end: end + 1, pos: 'm' };
    if (!isLatin(text.charCodeAt(end))) return { end, pos: 'm' };
  }
  // alphanumeric run, with inner hyphens when it holds a letter: 5G, 3C, MicroLED, COVID-19
  let end = start;
  let letters = false;
  for (;;) {
    while (end < text.length) {
      const c = text.charCodeAt(end);
      if (isLatin(c)) letters = true;
      else if (!isDigit(c)) break;
      end++;
    }
    const c = text.charCodeAt(end);
    if ((c === 0x2d || c === 0x5f) && letters && isAlnum(text.charCodeAt(end + 1))) {
      end++;
      continue;
    }
    break;
  }
  return { end, pos: letters ? 'eng' : 'm' };
}

/** 年 月 日 (the date units kept with a number: 2024年, 9月, 10日). */
export function dateUnitAfter(text: string, numberStart: number, numberEnd: number): boolean {
  const c = text.charCodeAt(numberEnd);
  const len = numberEnd - numberStart;
  for (let i = numberStart; i < numberEnd; i++) if (!isDigit(text.charCodeAt(i))) return false;
  if (c === 0x5e74) return len === 4; // 年 after a four-digit year only: 2024年, but 30/年
  if (c === 0x6708) return len <= 2 && Number(toAsciiDigits(text.slice(numberStart, numberEnd))) <= 12;
  if (c === 0x65e5) return len <= 2 && Number(toAsciiDigits(text.slice(numberStart, numberEnd))) <= 31;
  return false;
}

function toAsciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/** A minus sign: - － − (ASCII hyphen-minus, full-width and U+2212). */
export function isMinus(c: number): boolean {
  return c === 0x2d || c === 0xff0d || c === 0x2212;
}

/**
 * 时 分 秒 of a clock time directly after a number: 8时 (hours up to 24), then 30分 and 15秒 only
 * right after an hour or a minute (8时30分), since 分 alone is also a score or a share.
 */
export function timeUnitAfter(text: string, numberStart: number, numberEnd: number): boolean {
  const c = text.charCodeAt(numberEnd);
  if (c !== 0x65f6 && c !== 0x5206 && c !== 0x79d2) return false; // 时 分 秒
  const len = numberEnd - numberStart;
  if (len > 2) return false;
  for (let i = numberStart; i < numberEnd; i++) if (!isDigit(text.charCodeAt(i))) return false;
  const value = Number(toAsciiDigits(text.slice(numberStart, numberEnd)));
  if (c === 0x65f6) return value <= 24;
  const before = text.charCodeAt(numberStart - 1);
  return value <= 59 && (c === 0x5206 ? before === 0x65f6 : before === 0x5206);
}

/** Magnitude characters kept with a number: 2.1万, 108.7亿, 3千. */
export function isMagnitude(c: number): boolean {
  return c === 0x4e07 || c === 0x4ebf || c === 0x5343 || c === 0x767e || c === 0x5341; // 万 亿 千 百 十
}

const chineseDigits = '〇○零一二三四五六七八九';
const chineseNumerals = '〇○零一二三四五六七八九十';

const chineseNumeralCodes = new Set([...chineseNumerals].map((ch) => ch.charCodeAt(0)));

/** A Chinese digit 〇 ○ 零 一 … 九 or 十: the characters a date in Chinese numerals starts with. */
export function isChineseDigit(c: number): boolean {
  return chineseNumeralCodes.has(c);
}

/**
 * End of a date in Chinese numerals starting at `start` (二〇二四年, 十二月, 三十一日), or `start`
 * when there is none. Years need four digits; months and days at most three numerals.
 */
export function chineseDateEnd(text: string, start: number): number {
  let i = start;
  while (i < text.length && chineseNumerals.includes(text[i] as string)) i++;
  const len = i - start;
  const unit = text[i];
  if (unit === '年') {
    for (let j = start; j < i; j++) if (!chineseDigits.includes(text[j] as string)) return start;
    return len === 4 ? i + 1 : start;
  }
  if ((unit === '月' || unit === '日') && len >= 1 && len <= 3) {
    const value = chineseValue(text.slice(start, i));
    if (value >= 1 && value <= (unit === '月' ? 12 : 31)) return i + 1;
  }
  return start;
}

function chineseValue(s: string): number {
  const digit = (ch: string | undefined): number => (ch === undefined ? -1 : chineseDigits.indexOf(ch) - 2);
  if (s.length === 1) return s === '十' ? 10 : digit(s);
  const ten = s.indexOf('十');
  if (ten < 0) return -1;
  const tens = ten === 0 ? 1 : digit(s[0]);
  const ones = ten === s.length - 1 ? 0 : digit(s[ten + 1]);
  return tens < 1 || ones < 0 || s.length > ten + 2 ? -1 : tens * 10 + ones;
}

const numberChars = new Set([...'〇○零一二两三四五六七八九十百千万亿'].map((ch) => ch.charCodeAt(0)));

/** A character of a number in Chinese numerals: 〇 零 一 … 九 两 十 百 千 万 亿. */
export function isChineseNumeral(c: number): boolean {
  return numberChars.has(c);
}

/**
 * End of the number in Chinese numerals starting at `start` (四千三百一十三, 十三点二九亿, with 点 as
 * the decimal point between numerals), or `start` when there is none.
 */
export function chineseNumberEnd(text: string, start: number): number {
  let i = start;
  for (;;) {
    while (i < text.length && numberChars.has(text.charCodeAt(i))) i++;
    if (
      i > start &&
      text.charCodeAt(i) === 0x70b9 && // 点
      numberChars.has(text.charCodeAt(i + 1)) &&
      !text.slice(start, i).includes('点')
    ) {
      i++;
      continue;
    }
    return i;
  }
}
