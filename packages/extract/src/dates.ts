/**
 * Date mentions as the document model stores them (`{ text, date, end?, time?, endTime?, span }`):
 * the resolved day and span mentions {@link parseTimes} finds, less those that name no day or
 * month (a year alone, 「今年」), durations, recurring times and words relative to another day of
 * the text (「当天」, 「次日」).
 */
import type { DateMention, Span } from '@xinwen/core';
import {
  contextDayWords,
  notYearAfterWords,
  type ParseTimeOptions,
  parseTimes,
  type TimePointMention,
} from './time.js';

/** A date mention with its offsets in the input (`span`, since `end` is the range's last day). */
export interface DateFound extends DateMention {
  span: Span;
}

/** Options of {@link parseDates}. */
export type ParseDatesOptions = ParseTimeOptions;

function insideQuote(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at) + 1;
  let depth = 0;
  for (let i = lineStart; i < at; i++) {
    if (text[i] === '“') depth++;
    else if (text[i] === '”' && depth > 0) depth--;
  }
  return depth > 0;
}

const timeOnly = /^(?:凌晨|清晨|早晨|早上|上午|中午|午间|下午|傍晚|晚上|晚间|夜里|夜间|深夜|午夜|晚|早)$/;
const weekdayOnly = /^(?:周|星期|礼拜)[一二三四五六日天末]$/;

/** Whether a date mention names a day or a span a reader would call a date. */
export function isDateMention(m: TimePointMention, text: string): boolean {
  if (m.precision === 'year' || m.window || timeOnly.test(m.text) || weekdayOnly.test(m.text)) return false;
  if (contextDayWords().includes(m.text)) return false;
  // 「今天」 inside a quotation is the speaker's day, not the page's.
  if (m.relative && /^(?:今|昨|明|前天|后天)/.test(m.text) && insideQuote(text, m.start)) return false;
  return true;
}

/**
 * Finds date mentions in `text` and resolves them to ISO dates; a range or period gets `end`, a
 * time of day `time` (and `endTime`), and every mention its offsets as `span`. Mentions that need
 * a reference (or a year) and have none are left out: {@link parseTimes} returns them unresolved.
 * Throws `XinwenError('invalid_input')` for a non-string `text` or an invalid reference.
 */
export function parseDates(text: string, options: ParseDatesOptions = {}): DateFound[] {
  const out: DateFound[] = [];
  for (const m of parseTimes(text, options)) {
    if (m.kind !== 'date' || m.date === undefined || !isDateMention(m, text)) continue;
    const lead = m.text.length - m.text.trimStart().length;
    const text2 = m.text.trim();
    const entry: DateFound = {
      text: text2,
      date: m.date,
      span: { start: m.start + lead, end: m.start + lead + text2.length },
    };
    if (m.endDate !== undefined) entry.end = m.endDate;
    if (m.time !== undefined) entry.time = m.time;
    if (m.endTime !== undefined) entry.endTime = m.endTime;
    out.push(entry);
  }
  return out;
}

/** The stored form of an article's date mentions (the document model keeps no offsets for them). */
export function articleDates(text: string, options: ParseDatesOptions = {}): DateMention[] {
  return parseDates(text, options).map(({ span: _span, ...m }) => m);
}

/**
 * The year a text names most, for a text without a reference date: years printed with 年
 * (「2027年」, 「2023年3月」), dated forms (「2023-03-31」) and years that lead a name (「2024台湾名品展」).
 * A number followed by a unit or a measure word (「2033万公顷」, 「2024个」) is not a year.
 */
export function textYear(text: string): number | undefined {
  const counts = new Map<number, number>();
  for (const m of text.matchAll(yearLike())) {
    const y = Number(m[1]);
    counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  let best: number | undefined;
  let bestCount = 0;
  for (const [y, n] of counts) {
    if (n > bestCount || (n === bestCount && best !== undefined && y > best)) {
      best = y;
      bestCount = n;
    }
  }
  return best;
}

let yearRe: RegExp | undefined;
function yearLike(): RegExp {
  yearRe ??= new RegExp(
    String.raw`(?<![\d.,，到至~～—-])((?:19|20)\d{2})(?=年|[-/.]\d{1,2}[-/.]\d{1,2}|(?![${notYearAfterWords()}])\p{Script=Han})`,
    'gu',
  );
  return yearRe;
}

/** The date mentions of `text` that a reference date would resolve (relative or yearless ones). */
export function unresolvedDates(text: string, options: ParseDatesOptions = {}): TimePointMention[] {
  return parseTimes(text, options).filter(
    (m): m is TimePointMention => m.kind === 'date' && m.date === undefined && isDateMention(m, text),
  );
}
