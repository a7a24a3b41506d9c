/**
 * Date mentions: 「2024年6月22日」, 「9月5日」, 「9月9日至13日」, 「2023-03-31 08:52:51」, 「1—5月」,
 * 「今年上半年」, 「昨天」, 「去年12月」, 「2024年6月」. Dates without a year, and relative ones, are
 * resolved against a reference date (the page date, or the web timestamp). A year alone (「2027年」)
 * is not a date mention: it names no day or month.
 */
import type { DateMention } from '@xinwen/core';

/** Options of {@link parseDates}. */
export interface ParseDatesOptions {
  /**
   * The date the text was published (YYYY-MM-DD): resolves 「9月5日」, 「昨天」, 「今年」.
   * @default undefined (mentions that need it are skipped unless `year` is given)
   */
  reference?: string;
  /**
   * The year to give dates printed without one, when there is no `reference`.
   * @default undefined
   */
  year?: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function validDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);
}

function shift(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  const d = new Date(t);
  return iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

const sp = String.raw`\s*`;
const dash = '[—–\\-~～至到]';
// Alternatives, tried in this order at each position.
// The leading lookahead skips, cheaply, every position where no date can start.
const dateRe = new RegExp(
  '(?=[\\d今去明前上下昨])(?:' +
    [
      // 1 ISO-like timestamp
      String.raw`(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?`,
      // 4 full date, optional day range and weekday: 2024年6月22日 星期六, 2024年9月9日至13日
      String.raw`(\d{4})${sp}年${sp}(\d{1,2})${sp}月${sp}(\d{1,2})${sp}[日号](?:${sp}${dash}${sp}(?:(\d{1,2})${sp}月${sp})?(\d{1,2})${sp}[日号])?(?:${sp}(?:星期|周)[一二三四五六日天])?`,
      // 9 year-month, optional month range: 2024年6月, 2024年1—5月
      String.raw`(\d{4})${sp}年${sp}(?:(\d{1,2})${sp}${dash}${sp})?(\d{1,2})${sp}月(?!${sp}\d{1,2}${sp}[日号])`,
      // 12 relative year + month range or month: 今年1—5月, 去年12月, 今年6月, 今年上半年
      String.raw`(今年|去年|明年|前年|(?=上半年|下半年))(?:${sp}(?:(\d{1,2})${sp}${dash}${sp})?(\d{1,2})${sp}月(?!${sp}\d{1,2}${sp}[日号])|(上半年|下半年|一季度|二季度|三季度|四季度|前三季度))?`,
      // 17 month-day, optional range: 9月5日, 9月9日至13日, 9月2日至3日, 4月22日至30日
      String.raw`(?<![\d年])(\d{1,2})${sp}月${sp}(\d{1,2})${sp}[日号](?:${sp}${dash}${sp}(?:(\d{1,2})${sp}月${sp})?(\d{1,2})${sp}[日号])?`,
      // 21 month range or month alone: 1—5月, 3月
      String.raw`(?<![\d年个])(?:(\d{1,2})${sp}${dash}${sp})?(\d{1,2})${sp}月(?!${sp}\d)(?!份?[以之]?前)`,
      // 23 昨天, 今天, 前天, 昨日, 今日
      String.raw`(昨天|今天|前天|昨日|今日|明天)`,
    ].join('|') +
    ')',
  'g',
);

const relativeYear: Record<string, number> = { 今年: 0, 去年: -1, 明年: 1, 前年: -2 };
const relativeDay: Record<string, number> = { 昨天: -1, 昨日: -1, 今天: 0, 今日: 0, 前天: -2, 明天: 1 };
const parts: Record<string, [number, number]> = {
  上半年: [1, 6],
  下半年: [7, 12],
  一季度: [1, 3],
  二季度: [4, 6],
  三季度: [7, 9],
  四季度: [10, 12],
  前三季度: [1, 9],
};

function insideQuote(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at) + 1;
  let depth = 0;
  for (let i = lineStart; i < at; i++) {
    if (text[i] === '“') depth++;
    else if (text[i] === '”' && depth > 0) depth--;
  }
  return depth > 0;
}

/** Finds date mentions in `text` and resolves them to ISO dates; a range gets `end`. */
export function parseDates(text: string, options: ParseDatesOptions = {}): DateMention[] {
  const ref = options.reference;
  const refYear = ref ? Number(ref.slice(0, 4)) : options.year;
  const out: DateMention[] = [];
  const push = (mention: string, y: number, m: number, d: number, end?: [number, number, number]) => {
    if (!validDay(y, m, d)) return;
    const entry: DateMention = { text: mention.trim(), date: iso(y, m, d) };
    if (end && validDay(...end)) {
      const e = iso(...end);
      if (e > entry.date) entry.end = e;
    }
    out.push(entry);
  };
  const month = (mention: string, y: number, m1: number, m2: number) =>
    push(mention, y, m1, 1, [y, m2, daysIn(y, m2 >= 1 && m2 <= 12 ? m2 : 1)]);

  // Explicit years, so that 「1994年……这一年的6月15日」 reads 6月15日 in 1994 (same line, after the year).
  const years = [...text.matchAll(/(?<![到至\d])((?:19|20)\d{2})\s*年/g)].map((m) => ({
    at: m.index,
    year: Number(m[1]),
  }));
  const yearAt = (at: number): number | undefined => {
    const lineStart = text.lastIndexOf('\n', at) + 1;
    let found: number | undefined;
    for (const y of years) if (y.at >= lineStart && y.at < at) found = y.year;
    return found ?? refYear;
  };
  for (const g of text.matchAll(dateRe)) {
    const n = (i: number) => (g[i] === undefined ? undefined : Number(g[i]));
    const whole = g[0];
    if (whole === '') continue;
    if (g[1] !== undefined) push(whole, n(1)!, n(2)!, n(3)!);
    else if (g[4] !== undefined) {
      const y = n(4)!;
      const m = n(5)!;
      push(whole, y, m, n(6)!, g[8] === undefined ? undefined : [y, n(7) ?? m, n(8)!]);
    } else if (g[9] !== undefined) month(whole, n(9)!, n(10) ?? n(11)!, n(11)!);
    else if (g[12] !== undefined) {
      if (refYear === undefined) continue;
      const y = refYear + (relativeYear[g[12]] ?? 0);
      if (g[14] !== undefined) month(whole, y, n(13) ?? n(14)!, n(14)!);
      else if (g[15] !== undefined) {
        const [a, b] = parts[g[15]] ?? [1, 12];
        month(whole, y, a, b);
      }
      // 今年 alone names a year, not a date.
    } else if (g[16] !== undefined) {
      const y = yearAt(g.index);
      if (y === undefined) continue;
      const m = n(16)!;
      push(whole, y, m, n(17)!, g[19] === undefined ? undefined : [y, n(18) ?? m, n(19)!]);
    } else if (g[21] !== undefined) {
      if (refYear === undefined) continue;
      month(whole, refYear, n(20) ?? n(21)!, n(21)!);
    } else if (g[22] !== undefined) {
      // 「今天」 inside a quotation is the speaker's day, not the page's.
      if (ref === undefined || insideQuote(text, g.index)) continue;
      const date = shift(ref, relativeDay[g[22]] ?? 0);
      out.push({ text: whole, date });
    }
  }
  return out;
}
