/**
 * Time expressions: absolute dates in every numeric and Chinese-numeral form (「2024年6月22日」,
 * 「二〇二四年九月五日」, 「零七年八月二十九号」, 「20240307」, 「2019/04/19」, 「15年3月2日」), dates relative
 * to a reference (「去年3月3号」, 「上周三」, 「3年后」, 「近7天」), parts of periods (「6月上旬」,
 * 「1993年上半年」, 「一季度」), holidays, solar terms and lunar dates (「农历八月二十三」), times of day
 * (「下午3点」, 「晚上9~11点」), ranges (「2017年8月至11月」), durations (「3个月」) and recurring times
 * (「每周一」). The words are data (`data/time-words.json`).
 */
import { XinwenError } from '@xinwen/core';
import {
  addDays,
  addMonths,
  daysIn,
  fromLunar,
  iso,
  lunarMonthDays,
  monthEnd,
  solarTerm,
  valid,
  weekday,
  type Ymd,
} from './calendar.js';
import { alternation, readDataJson } from './lexicons.js';
import { foldNumerals, parseNumeral } from './numerals.js';

/** Options of {@link parseTimes}, {@link parseTime} and {@link parseDates}. */
export interface ParseTimeOptions {
  /**
   * The day (and optionally time) the text speaks from: a `YYYY-MM-DD` string, an ISO timestamp
   * or a valid `Date` (read in UTC). Resolves 「9月5日」, 「昨天」, 「上周三」, 「3年后」.
   * @default undefined (mentions that need it are returned unresolved)
   */
  reference?: string | Date;
  /**
   * The year to give dates printed without one, when there is no `reference`.
   * @default undefined
   */
  year?: number;
}

/** A length of time: 「3个月」 → `{ months: 3 }`, 「一年半」 → `{ years: 1.5 }`. */
export interface Duration {
  years?: number;
  months?: number;
  weeks?: number;
  days?: number;
  hours?: number;
  minutes?: number;
  seconds?: number;
}

interface MentionBase {
  /** The mention as printed. */
  text: string;
  /** UTF-16 offset of its first character in the input. */
  start: number;
  /** UTF-16 offset just past it. */
  end: number;
}

/** A day, a time of day, or a span of days (a range, a month, a period part, a year). */
export interface TimePointMention extends MentionBase {
  kind: 'date';
  /** Whether `date` could be computed (relative mentions need a reference). */
  resolved: boolean;
  /** Whether the mention is relative to the reference (昨天, 上周三, 3年后, 今年6月). */
  relative: boolean;
  /** What the mention names: a day, or a span (a range, a week, a month, part of a year, a year). */
  granularity: 'day' | 'span';
  /** The finest unit the mention states: 「2024年」 year, 「6月」 and 「上半年」 month, 「6月上旬」 and 「6月5日」 day, 「下午3点」 time. */
  precision: 'year' | 'month' | 'day' | 'time';
  /** 「近7天」, 「过去三年」: a window that ends (or starts) at the reference. */
  window?: boolean;
  /** First day (YYYY-MM-DD), when resolved. */
  date?: string;
  /** Last day of a span, when resolved and not the same as `date`. */
  endDate?: string;
  /** Time of day (HH:MM) on `date`. */
  time?: string;
  /** Time of day (HH:MM) at the end of the mention. */
  endTime?: string;
}

/** A length of time: 「3个月」, 「两年」, 「20天」. */
export interface DurationMention extends MentionBase {
  kind: 'duration';
  duration: Duration;
  /** 「3个多月」, 「几天」. */
  approx: boolean;
}

/** A time that comes back: 「每天」, 「每周一」, 「每月15日」, 「每天早上8点」. */
export interface RecurringMention extends MentionBase {
  kind: 'recurring';
  every: 'year' | 'month' | 'week' | 'day' | 'hour';
  /** ISO weekday (1 = Monday) for 每周X. */
  weekday?: number;
  /** Month for 每年X月. */
  month?: number;
  /** Day of month for 每月X日. */
  day?: number;
  /** Time of day (HH:MM). */
  time?: string;
}

/** Any time expression. */
export type TimeMention = TimePointMention | DurationMention | RecurringMention;

interface Words {
  relativeDays: Record<string, number>;
  dayWordPeriods: Record<string, string>;
  relativeYears: Record<string, number>;
  relativeMonths: Record<string, number>;
  relativeWeeks: Record<string, number>;
  weekdays: Record<string, number>;
  periodsOfDay: Record<string, [number, number]>;
  afternoonPeriods: string[];
  monthParts: Record<string, [number, number]>;
  yearParts: Record<string, [number, number]>;
  solarHolidays: Record<string, [number, number]>;
  lunarHolidays: Record<string, [number, number]>;
  holidaySpans: Record<string, [number, number, number, number]>;
  solarTerms: string[];
  solarTermAliases: Record<string, string>;
  lunarMonths: Record<string, number>;
  durationUnits: Record<string, keyof Duration>;
  contextDays: string[];
  notYearAfter: string;
  relativeQuarters: Record<string, number>;
  relativeCenturies: Record<string, number>;
  dayPairs: Record<string, [number, number]>;
}

interface Grammar {
  w: Words;
  era: RegExp;
  relQuarter: RegExp;
  dayPair: RegExp;
  year: RegExp;
  relYear: RegExp;
  holiday: RegExp;
  month: RegExp;
  relMonth: RegExp;
  yearPart: RegExp;
  day: RegExp;
  lunarDay: RegExp;
  monthPart: RegExp;
  relDay: RegExp;
  week: RegExp;
  period: RegExp;
  clock: RegExp;
  hour: RegExp;
  minute: RegExp;
  second: RegExp;
  numeric: RegExp;
  compact: RegExp;
  shift: RegExp;
  recurring: RegExp;
  sep: RegExp;
  /** Where a time expression can start: scanning jumps from one to the next. */
  entry: RegExp;
}

const N = '(?:\\d{1,2}|[零〇一二两三四五六七八九十]{1,3})';
const SEP = '(?:至|到|——|[-~—–]|、)';
let grammar: Grammar | undefined;

function compile(): Grammar {
  if (grammar) return grammar;
  const w = readDataJson<Words>('time-words.json');
  const y = (src: string) => new RegExp(src, 'y');
  const holidays = [
    ...Object.keys(w.holidaySpans),
    ...Object.keys(w.solarHolidays),
    ...Object.keys(w.lunarHolidays),
    ...w.solarTerms,
    ...Object.keys(w.solarTermAliases),
  ];
  const weekRel = alternation(Object.keys(w.relativeWeeks));
  const durationUnits = alternation(Object.keys(w.durationUnits));
  grammar = {
    w,
    era: y(
      `(?:(${alternation(Object.keys(w.relativeCenturies))})|(\\d{1,2}|[一二三四五六七八九十]{1,3})世纪)?(?:(\\d{3}0|\\d0|[一二三四五六七八九]十)年代)?`,
    ),
    relQuarter: y(`(${alternation(Object.keys(w.relativeQuarters))})`),
    dayPair: y(`(${alternation(Object.keys(w.dayPairs))})`),
    year: y(
      String.raw`(\d{4}|\d{2}|[〇零一二三四五六七八九]{2,4})(?:\s?年\s{0,2}|(?=\s*${SEP}\s*(?:\d{4}|\d{2}|[〇零一二三四五六七八九]{2,4})年))(?![代级度轻内来里])`,
    ),
    relYear: y(`(${alternation(Object.keys(w.relativeYears))})(?!代)`),
    holiday: y(`(${alternation(holidays)})(?:节)?(?:期间|假期|当天|前夕)?`),
    month: y(String.raw`(${N}|正|腊|冬)(?:\s?月份?\s{0,2}|(?=\s*${SEP}\s*${N}月))(?![亮光球饼])`),
    relMonth: y(`(${alternation(Object.keys(w.relativeMonths))})`),
    yearPart: y(`(${alternation(Object.keys(w.yearParts))})`),
    day: y(String.raw`(${N})(?:\s?[日号]|(?=\s*${SEP}\s*${N}[日号]))`),
    lunarDay: y(
      '(初[一二三四五六七八九十]|十[一二三四五六七八九]|二十[一二三四五六七八九]?|廿[一二三四五六七八九]|三十)',
    ),
    monthPart: y(`(${alternation(Object.keys(w.monthParts))})`),
    relDay: y(`(${alternation(Object.keys(w.relativeDays))})`),
    week: y(`[（(]?(${weekRel})?(?:个)?(?:周|星期|礼拜)([一二三四五六日天末])?[）)]?`),
    period: y(`(${alternation(Object.keys(w.periodsOfDay))})`),
    clock: y(String.raw`(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?`),
    hour: y(String.raw`(${N})(?:[点时](?:钟)?|(?=\s*${SEP}\s*${N}[点时]))`),
    minute: y(String.raw`(半|一刻|三刻|${N}(?:分钟?)?)`),
    second: y(String.raw`(${N})秒`),
    numeric: y(
      String.raw`(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\d.])(?:[ T]?(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?)?|(\d{4})年(\d{1,2})月(\d{1,2})日?\s*(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?`,
    ),
    compact: y(String.raw`(?<!\d)((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)`),
    shift: y(
      String.raw`(近|最近|过去|未来|今后|前|后)?(\d+|[零〇一二两三四五六七八九十百]+|半|几)(个半|个)?(多)?(${durationUnits})(半)?(多)?(以前|以后|之前|之后|前|后|以来|来(?![到自看说])|内|之内)?`,
    ),
    recurring: y(`每(?:个)?(年|月|周|星期|礼拜|天|日|晚|早|小时)`),
    sep: y(String.raw`\s*(${SEP})\s*`),
    entry: new RegExp(
      [
        // A number that a date, a time or a duration can follow (not 「300人」).
        String.raw`(?<![\d.])\d{8}(?!\d)|(?<![\d.])\d+(?=\s?(?:[年月日号点时:：/\-.天周个小分秒多余来几半~至到—–]|世纪|星期|礼拜))`,
        `[零〇一二两三四五六七八九十百廿半几]{1,6}(?=\\s?(?:[年月日号点时天周分秒世代个多来余半]|小时|星期|礼拜|钟))`,
        `[正腊冬]月`,
        `(?:近|最近|过去|未来|今后|前|后)(?=\\s?[\\d零〇一二两三四五六七八九十百半几])`,
        `[早晚](?=\\s?[\\d零〇一二两三四五六七八九十])`,
        '每',
        'Q[1-4]',
        alternation([
          ...Object.keys(w.relativeDays),
          ...Object.keys(w.relativeYears),
          ...Object.keys(w.relativeMonths),
          ...Object.keys(w.yearParts),
          ...Object.keys(w.periodsOfDay).filter((k) => k.length > 1),
          ...Object.keys(w.relativeQuarters),
          ...Object.keys(w.relativeCenturies),
          ...Object.keys(w.dayPairs),
          ...holidays,
          '农历',
          '阴历',
          '周',
          '星期',
          '礼拜',
          ...Object.keys(w.relativeWeeks).flatMap((k) => [
            `${k}周`,
            `${k}个周`,
            `${k}星期`,
            `${k}个星期`,
            `${k}礼拜`,
            `${k}个礼拜`,
          ]),
        ]),
      ].join('|'),
      'g',
    ),
  };
  return grammar;
}

/** What a date expression says, field by field. */
interface Fields {
  y?: number;
  twoDigitYear?: boolean;
  yRel?: number;
  m?: number;
  mRel?: number;
  d?: number;
  dRel?: number;
  dayWord?: string;
  lunar?: boolean;
  monthPart?: [number, number];
  yearPart?: [number, number];
  holiday?: string;
  weekRel?: number;
  weekday?: number;
  weekend?: boolean;
  period?: string;
  hour?: number;
  minute?: number;
  second?: number;
  shift?: { n: number; unit: keyof Duration; dir: number };
  /** 「90年代」, 「21世纪」: whole years from, to. */
  era?: [number, number];
  /** 「上季度」: quarters from the reference's. */
  quarterRel?: number;
  /** 「今明两天」: days from the reference, from and to. */
  dayPair?: [number, number];
  window?: { n: number; unit: keyof Duration; kind: string };
}

const order = ['y', 'm', 'd', 'hour'] as const;

function num(text: string): number {
  return parseNumeral(text);
}

function at(re: RegExp, s: string, i: number): RegExpExecArray | null {
  re.lastIndex = i;
  return re.exec(s);
}

const ws = /\s*/y;
function skipSpace(s: string, i: number): number {
  ws.lastIndex = i;
  ws.exec(s);
  return ws.lastIndex;
}

/** Reads the chain year → month → day → week → time of day at `i`. */
function readChain(s: string, i: number, g: Grammar, loose = false): { f: Fields; end: number } | undefined {
  const f: Fields = {};
  let p = i;
  let any = false;
  const era = at(g.era, s, p);
  if (era && era[0] !== '' && (era[3] !== undefined || era[1] !== undefined || era[2] !== undefined)) {
    const years = eraYears(era[1], era[2], era[3], g);
    if (years) return { f: { era: years }, end: era.index + era[0].length };
  }
  const quarter = at(g.relQuarter, s, p);
  if (quarter)
    return { f: { quarterRel: g.w.relativeQuarters[quarter[1]!]! }, end: quarter.index + quarter[0].length };
  const pair = at(g.dayPair, s, p);
  if (pair) return { f: { dayPair: g.w.dayPairs[pair[1]!]! }, end: pair.index + pair[0].length };
  let r = null as RegExpExecArray | null;
  const hit = (re: RegExp, pos: number): boolean => {
    r = at(re, s, pos);
    return r !== null;
  };
  // Year.
  if (hit(g.year, p)) {
    const digits = r![1]!;
    const value = num(digits);
    if (digits.length === 4 && value >= 1000 && value <= 2999) {
      f.y = value;
    } else if (digits.length === 2 && at(g.month, s, r!.index + r![0].length)) {
      // 「15年3月」 is 2015; 「30年」 alone is thirty years.
      f.y = value;
      f.twoDigitYear = true;
    }
    if (f.y !== undefined) {
      p = r!.index + r![0].length;
      any = true;
    }
  } else if (hit(g.relYear, p)) {
    f.yRel = g.w.relativeYears[r![1]!]!;
    p = r!.index + r![0].length;
    any = true;
  }
  // A holiday or solar term, or a part of the year.
  if (hit(g.holiday, p) && !/[月日号点时年\d万亿千百十个周岁届次%]/.test(s[r!.index + r![0].length] ?? '')) {
    f.holiday = r![0];
    return { f, end: r!.index + r![0].length };
  }
  if (hit(g.yearPart, p) && (any || !/^(?:全年|一年)$/.test(r![1]!))) {
    f.yearPart = g.w.yearParts[r![1]!]!;
    return { f, end: r!.index + r![0].length };
  }
  // Month.
  let q = p;
  const lunar = /农历|阴历/y;
  lunar.lastIndex = q;
  if (lunar.exec(s)) {
    f.lunar = true;
    q = lunar.lastIndex;
  }
  if (hit(g.month, q)) {
    const word = r![1]!;
    const m =
      g.w.lunarMonths[word] !== undefined && /[正腊冬]/.test(word) ? g.w.lunarMonths[word]! : num(word);
    if (/[正腊冬]/.test(word)) f.lunar = true;
    if (m >= 1 && m <= 12) {
      f.m = m;
      p = r!.index + r![0].length;
      any = true;
    }
  } else if (!f.lunar && hit(g.relMonth, p)) {
    f.mRel = g.w.relativeMonths[r![1]!]!;
    p = r!.index + r![0].length;
    any = true;
  }
  if (f.lunar && f.m === undefined) delete f.lunar;
  // Day.
  if (f.m !== undefined || f.mRel !== undefined) {
    if (f.lunar && hit(g.lunarDay, p)) {
      f.d = lunarDay(r![1]!);
      p = r!.index + r![0].length;
    } else if (hit(g.day, p)) {
      const d = num(r![1]!);
      if (d >= 1 && d <= 31) {
        f.d = d;
        p = r!.index + r![0].length;
      }
    } else if (hit(g.monthPart, p)) {
      const part = r![1]!;
      // 初, 中, 底, 末 only right after 月 (「3月中」, not 「3月中国」).
      if (part.length > 1 || !/[\p{Script=Han}]/u.test(s[p + 1] ?? '') || part === '底' || part === '末') {
        if (!(part === '中' && /[\p{Script=Han}]/u.test(s[p + 1] ?? ''))) {
          f.monthPart = g.w.monthParts[part]!;
          p = r!.index + r![0].length;
        }
      }
    }
  } else if (!any && hit(g.day, p)) {
    const d = num(r![1]!);
    const after = s[r!.index + r![0].length] ?? '';
    if (
      d >= 1 &&
      d <= 31 &&
      (loose || !/\p{Script=Han}/u.test(after) || /[上下晚凌早中电起至到前后晨夜午]/.test(after))
    ) {
      f.d = d;
      p = r!.index + r![0].length;
      any = true;
    }
  }
  if (f.lunar && f.d === undefined && f.m === undefined) return undefined;
  // Relative day word.
  if (!any && hit(g.relDay, p)) {
    f.dRel = g.w.relativeDays[r![1]!]!;
    f.dayWord = r![1]!;
    const period = g.w.dayWordPeriods[r![1]!];
    if (period !== undefined) f.period = period;
    p = r!.index + r![0].length;
    any = true;
  }
  // Week and weekday.
  const pw = skipSpace(s, p);
  if (hit(g.week, pw) && (r![1] !== undefined || r![2] !== undefined)) {
    if (r![1] !== undefined) f.weekRel = g.w.relativeWeeks[r![1]]!;
    if (r![2] === '末') f.weekend = true;
    else if (r![2] !== undefined) f.weekday = g.w.weekdays[r![2]]!;
    // 「下周」 with nothing before it is next week; after a day it only names the weekday.
    if (f.weekRel !== undefined || f.weekday !== undefined || f.weekend) {
      p = r!.index + r![0].length;
      any = true;
    }
  }
  // Time of day.
  const pt = skipSpace(s, p);
  let tp = pt;
  if (f.period === undefined && hit(g.period, tp)) {
    f.period = r![1]!;
    tp = r!.index + r![0].length;
  }
  if (hit(g.clock, tp)) {
    f.hour = Number(r![1]);
    f.minute = Number(r![2]);
    if (r![3] !== undefined) f.second = Number(r![3]);
    tp = r!.index + r![0].length;
  } else if (hit(g.hour, tp)) {
    const h = num(r![1]!);
    if (h >= 0 && h <= 24) {
      f.hour = h;
      tp = r!.index + r![0].length;
      const mr = /[点时]$/.test(r![0]) || /钟$/.test(r![0]) ? at(g.minute, s, tp) : null;
      if (mr) {
        const mtext = mr[1]!;
        const minute =
          mtext === '半'
            ? 30
            : mtext === '一刻'
              ? 15
              : mtext === '三刻'
                ? 45
                : num(mtext.replace(/分钟?$/, ''));
        if (minute >= 0 && minute < 60 && (/分|半|刻/.test(mtext) || !/^\d$/.test(mtext) || true)) {
          f.minute = minute;
          tp = mr.index + mr[0].length;
          const sr = at(g.second, s, tp);
          if (sr) {
            f.second = num(sr[1]!);
            tp = sr.index + sr[0].length;
          }
        }
      }
    }
  }
  if (f.period !== undefined && f.period.length === 1 && f.hour === undefined && f.dayWord === undefined) {
    delete f.period;
    tp = pt;
  }
  if (tp > pt && (f.period !== undefined || f.hour !== undefined)) {
    // A bare 「3点」 with nothing else needs 点 (not 「3时」 alone, which is often a count).
    p = tp;
    any = true;
  } else if (f.dayWord === undefined) {
    delete f.period;
  }
  if (!any) return undefined;
  return { f, end: p };
}

/** Whole years of 「上世纪80年代」, 「21世纪」, 「90年代」 (a decade without a century is the latest one not after 2029). */
function eraYears(
  rel: string | undefined,
  century: string | undefined,
  decade: string | undefined,
  g: Grammar,
): [number, number] | undefined {
  let c: number | undefined;
  if (rel !== undefined) c = 21 + g.w.relativeCenturies[rel]!;
  else if (century !== undefined) c = num(century);
  if (c !== undefined && (!Number.isInteger(c) || c < 1 || c > 30)) return undefined;
  if (decade === undefined) return c === undefined ? undefined : [(c - 1) * 100 + 1, c * 100];
  const d = num(decade);
  if (d >= 1000 && d % 10 === 0 && c === undefined) return [d, d + 9];
  if (!Number.isInteger(d) || d % 10 !== 0 || d > 90) return undefined;
  const start = c !== undefined ? (c - 1) * 100 + d : d >= 30 ? 1900 + d : 2000 + d;
  return [start, start + 9];
}

function lunarDay(text: string): number {
  if (text.startsWith('初')) return num(text.slice(1));
  if (text.startsWith('廿')) return 20 + num(text.slice(1));
  return num(text);
}

interface Resolved {
  start?: Ymd;
  end?: Ymd;
  time?: [number, number];
  endTime?: [number, number];
  relative: boolean;
  span: boolean;
}

interface Context {
  ref?: Ymd;
  /** The reference's time of day, when it has one. */
  refTime?: [number, number];
  refYear?: number;
  /** The `year` option: for dates printed without a year, never for relative ones. */
  fallbackYear?: number;
  /** A year printed earlier on the same line. */
  lineYear?: number;
}

const periodEnd = (h: number): [number, number] => (h >= 24 ? [23, 59] : [h, 0]);

function clockOf(
  f: Fields,
  g: Grammar,
): { time?: [number, number]; endTime?: [number, number]; dayShift: number } {
  if (f.hour === undefined) {
    if (f.period === undefined) return { dayShift: 0 };
    const [a, b] = g.w.periodsOfDay[f.period]!;
    return { time: [a, 0], endTime: periodEnd(b), dayShift: 0 };
  }
  let h = f.hour;
  if (f.period !== undefined && g.w.afternoonPeriods.includes(f.period)) {
    if (f.period === '中午' || f.period === '午间') {
      if (h <= 3) h += 12;
    } else if (h < 12) h += 12;
  }
  if (f.period === '凌晨' && h === 12) h = 0;
  let dayShift = 0;
  if (h >= 24) {
    h -= 24;
    dayShift = 1;
  }
  return { time: [h, f.minute ?? 0], dayShift };
}

function yearOf(f: Fields, c: Context): number | undefined {
  if (f.y !== undefined) {
    if (!f.twoDigitYear) return f.y;
    const base = c.refYear ?? c.fallbackYear ?? 2000;
    const century = Math.floor(base / 100) * 100;
    return f.y + century > base + 10 ? f.y + century - 100 : f.y + century;
  }
  if (f.yRel !== undefined) return c.refYear === undefined ? undefined : c.refYear + f.yRel;
  return c.lineYear ?? c.refYear ?? c.fallbackYear;
}

function holidayDays(name: string, y: number, g: Grammar): [Ymd, Ymd] | undefined {
  const base = name.replace(/(?:期间|假期|当天|前夕)$/, '');
  const span =
    g.w.holidaySpans[name] ?? g.w.holidaySpans[base] ?? g.w.holidaySpans[name.replace(/节(?=期间|假期)/, '')];
  if (span)
    return [
      [y, span[0], span[1]],
      [y, span[2], span[3]],
    ];
  const key = g.w.solarHolidays[base] ? base : base.replace(/节$/, '');
  const solar = g.w.solarHolidays[key] ?? g.w.solarHolidays[base];
  if (solar)
    return [
      [y, solar[0], solar[1]],
      [y, solar[0], solar[1]],
    ];
  const lunarKey = g.w.lunarHolidays[base] ? base : base.replace(/节$/, '');
  const lunar = g.w.lunarHolidays[lunarKey];
  if (lunar) {
    const day = lunar[0] === 0 ? mapDay(fromLunar(y, 1, 1), -1) : fromLunar(y, lunar[0], lunar[1]);
    return day ? [day, day] : undefined;
  }
  const term = g.w.solarTermAliases[base] ?? g.w.solarTermAliases[name] ?? base;
  const day = g.w.solarTerms.includes(term) ? solarTerm(y, term) : undefined;
  return day ? [day, day] : undefined;
}

const mapDay = (d: Ymd | undefined, n: number) => (d ? addDays(d, n) : undefined);

function shiftBy(ref: Ymd, n: number, unit: keyof Duration): Ymd {
  switch (unit) {
    case 'years':
      return addMonths(ref, Math.round(n * 12));
    case 'months':
      return Number.isInteger(n)
        ? addMonths(ref, n)
        : addDays(addMonths(ref, Math.trunc(n)), Math.round((n % 1) * 30));
    case 'weeks':
      return addDays(ref, Math.round(n * 7));
    case 'days':
      return addDays(ref, Math.round(n));
    case 'hours':
      return addDays(ref, Math.trunc(n / 24));
    default:
      return ref;
  }
}

function resolve(f: Fields, c: Context, g: Grammar): Resolved {
  const relative =
    f.yRel !== undefined ||
    f.mRel !== undefined ||
    f.dRel !== undefined ||
    f.weekRel !== undefined ||
    f.quarterRel !== undefined ||
    f.dayPair !== undefined ||
    f.shift !== undefined ||
    f.window !== undefined ||
    (f.y === undefined &&
      f.yRel === undefined &&
      (f.m !== undefined || f.d !== undefined || f.holiday !== undefined || f.yearPart !== undefined)) ||
    (f.weekday !== undefined && f.d === undefined);
  const out: Resolved = { relative, span: false };
  const ref = c.ref;
  const clock = clockOf(f, g);
  const setDay = (d: Ymd | undefined, e?: Ymd) => {
    if (!d) return;
    out.start = clock.dayShift ? addDays(d, clock.dayShift) : d;
    out.end = e ?? out.start;
    out.span = e !== undefined && iso(e) !== iso(d);
  };
  let shiftTime: [number, number] | undefined;
  if (f.era) {
    setDay([f.era[0], 1, 1], [f.era[1], 12, 31]);
  } else if (f.quarterRel !== undefined) {
    if (ref) {
      const first = addMonths([ref[0], Math.floor((ref[1] - 1) / 3) * 3 + 1, 1], 3 * f.quarterRel);
      setDay(first, monthEnd(first[0], first[1] + 2));
    }
  } else if (f.dayPair) {
    if (ref) setDay(addDays(ref, f.dayPair[0]), addDays(ref, f.dayPair[1]));
  } else if (f.shift) {
    const { n, unit, dir } = f.shift;
    const perUnit = unit === 'hours' ? 60 : unit === 'minutes' ? 1 : unit === 'seconds' ? 1 / 60 : 0;
    if (ref && perUnit > 0 && c.refTime) {
      // 「两个小时后」 from a reference with a time of day.
      const total = c.refTime[0] * 60 + c.refTime[1] + Math.round(n * dir * perUnit);
      const days = Math.floor(total / 1440);
      const minutes = total - days * 1440;
      setDay(addDays(ref, days));
      shiftTime = [Math.floor(minutes / 60), minutes % 60];
    } else if (ref) setDay(shiftBy(ref, n * dir, unit));
  } else if (f.window) {
    if (ref) {
      const { n, unit, kind } = f.window;
      if (kind === '内') setDay(ref, shiftBy(ref, n, unit));
      else if (kind === '未来' || kind === '今后' || kind === '后')
        setDay(addDays(ref, 1), shiftBy(ref, n, unit));
      else if (kind === '过去' || kind === '前') setDay(shiftBy(ref, -n, unit), addDays(ref, -1));
      else setDay(addDays(shiftBy(ref, -n, unit), 1), ref);
    }
  } else if (f.holiday !== undefined) {
    const y = f.y === undefined && f.yRel === undefined ? (c.lineYear ?? c.refYear) : yearOf(f, c);
    if (y !== undefined) {
      const days = holidayDays(f.holiday, y, g);
      if (days) setDay(days[0], days[1]);
    }
  } else if (f.dRel !== undefined && f.m === undefined) {
    if (ref) setDay(addDays(ref, f.dRel));
  } else if (
    f.weekRel !== undefined ||
    ((f.weekday !== undefined || f.weekend) && f.d === undefined && f.m === undefined)
  ) {
    if (ref) {
      const monday = addDays(ref, 1 - weekday(ref) + 7 * (f.weekRel ?? 0));
      if (f.weekend) setDay(addDays(monday, 5), addDays(monday, 6));
      else if (f.weekday !== undefined) setDay(addDays(monday, f.weekday - 1));
      else setDay(monday, addDays(monday, 6));
    }
  } else if (f.m !== undefined || f.mRel !== undefined || f.d !== undefined) {
    let y = yearOf(f, c);
    let m = f.m;
    if (f.mRel !== undefined) {
      if (!ref) return out;
      const base = addMonths([ref[0], ref[1], 1], f.mRel);
      y = base[0];
      m = base[1];
    }
    if (m === undefined && f.d !== undefined) {
      if (!ref) return out;
      y = ref[0];
      m = ref[1];
    }
    if (y === undefined || m === undefined) return out;
    if (f.lunar) {
      if (f.d !== undefined) setDay(fromLunar(y, m, f.d));
      else {
        const days = lunarMonthDays(y, m);
        const first = fromLunar(y, m, 1);
        if (days && first) setDay(first, addDays(first, days - 1));
      }
    } else if (f.d !== undefined) {
      if (valid([y, m, f.d])) setDay([y, m, f.d]);
    } else if (f.monthPart) {
      setDay([y, m, f.monthPart[0]], [y, m, Math.min(f.monthPart[1], daysIn(y, m))]);
    } else setDay([y, m, 1], monthEnd(y, m));
  } else if (f.yearPart) {
    const y = f.y === undefined && f.yRel === undefined ? (c.lineYear ?? c.refYear) : yearOf(f, c);
    if (y !== undefined) setDay([y, f.yearPart[0], 1], monthEnd(y, f.yearPart[1]));
  } else if (f.y !== undefined || f.yRel !== undefined) {
    const y = yearOf(f, c);
    if (y !== undefined) setDay([y, 1, 1], [y, 12, 31]);
  } else if (f.hour !== undefined || f.period !== undefined) {
    if (ref) setDay(ref);
  }
  if (out.start && shiftTime) out.time = shiftTime;
  if (out.start && clock.time) {
    out.time = clock.time;
    if (clock.endTime) out.endTime = clock.endTime;
  }
  return out;
}

/** Fills the fields a range's second half leaves out from the first: 「8月至11月」 after 「2017年」. */
function inherit(from: Fields, to: Fields): Fields {
  const out: Fields = { ...to };
  const has = (f: Fields, k: (typeof order)[number]) =>
    k === 'y'
      ? f.y !== undefined || f.yRel !== undefined
      : k === 'm'
        ? f.m !== undefined || f.mRel !== undefined
        : k === 'd'
          ? f.d !== undefined || f.dRel !== undefined || f.weekday !== undefined
          : f.hour !== undefined;
  const top = order.findIndex((k) => has(to, k));
  if (top < 0) return out;
  for (let i = 0; i < top; i++) {
    const k = order[i]!;
    if (has(to, k)) continue;
    if (k === 'y') {
      if (from.y !== undefined) {
        out.y = from.y;
        if (from.twoDigitYear) out.twoDigitYear = true;
      } else if (from.yRel !== undefined) out.yRel = from.yRel;
    } else if (k === 'm') {
      if (from.m !== undefined) out.m = from.m;
      else if (from.mRel !== undefined) out.mRel = from.mRel;
      if (from.lunar) out.lunar = true;
    } else if (k === 'd') {
      if (from.d !== undefined) out.d = from.d;
      else if (from.dRel !== undefined) out.dRel = from.dRel;
      else if (from.weekday !== undefined) {
        out.weekday = from.weekday;
        if (from.weekRel !== undefined) out.weekRel = from.weekRel;
      }
    }
  }
  if (to.hour !== undefined && to.period === undefined && from.period !== undefined) out.period = from.period;
  return out;
}

const pad = (n: number) => String(n).padStart(2, '0');
const hm = ([h, m]: [number, number]) => `${pad(h)}:${pad(m)}`;

function readReference(reference: unknown): { day: Ymd; time?: [number, number] } | undefined {
  if (reference === undefined) return undefined;
  let y: number;
  let m: number;
  let d: number;
  let time: [number, number] | undefined;
  if (reference instanceof Date) {
    if (Number.isNaN(reference.getTime()))
      throw new XinwenError('invalid_input', 'expected reference as a valid Date, found an invalid Date');
    y = reference.getUTCFullYear();
    m = reference.getUTCMonth() + 1;
    d = reference.getUTCDate();
    time = [reference.getUTCHours(), reference.getUTCMinutes()];
  } else if (typeof reference === 'string') {
    // A timestamp's time of day is read as written (its zone, if any, is not applied).
    const r =
      /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(
        reference.trim(),
      );
    if (!r)
      throw new XinwenError(
        'invalid_input',
        `expected reference as YYYY-MM-DD, found ${JSON.stringify(reference)}`,
      );
    y = Number(r[1]);
    m = Number(r[2]);
    d = Number(r[3]);
    if (r[4] !== undefined) {
      time = [Number(r[4]), Number(r[5])];
      if (time[0] > 23 || time[1] > 59)
        throw new XinwenError('invalid_input', `expected reference's time as HH:MM, found ${reference}`);
    }
  } else {
    throw new XinwenError(
      'invalid_input',
      `expected reference as a YYYY-MM-DD string or a Date, found ${reference === null ? 'null' : typeof reference}`,
    );
  }
  if (!valid([y, m, d]))
    throw new XinwenError('invalid_input', `expected reference as a real day, found ${String(reference)}`);
  return time ? { day: [y, m, d], time } : { day: [y, m, d] };
}

interface Checked {
  ref?: Ymd;
  refTime?: [number, number];
  year?: number;
}

function checkOptions(text: unknown, options: unknown): Checked {
  if (typeof text !== 'string') {
    throw new XinwenError(
      'invalid_input',
      `expected text as a string, found ${text === null ? 'null' : typeof text}`,
    );
  }
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null) {
    throw new XinwenError(
      'invalid_input',
      `expected options as an object, found ${options === null ? 'null' : typeof options}`,
    );
  }
  const o = options as ParseTimeOptions;
  const ref = readReference(o.reference);
  if (o.year !== undefined && (!Number.isInteger(o.year) || o.year < 1 || o.year > 9999)) {
    throw new XinwenError(
      'invalid_input',
      `expected year as a whole number from 1 to 9999, found ${String(o.year)}`,
    );
  }
  const out: Checked = {};
  if (ref) out.ref = ref.day;
  if (ref?.time) out.refTime = ref.time;
  if (o.year !== undefined) out.year = o.year;
  return out;
}

interface Raw {
  start: number;
  end: number;
  f?: Fields;
  to?: Fields;
  duration?: DurationMention;
  recurring?: Omit<RecurringMention, 'text' | 'start' | 'end'>;
}

function readShift(s: string, i: number, g: Grammar): Raw | undefined {
  const r = at(g.shift, s, i);
  if (!r) return undefined;
  const [, lead, count, , more1, unitWord, half, more2, tail] = r;
  const unit = g.w.durationUnits[unitWord!]!;
  // 「3月」, 「5日」 are a month and a day; 「2019年」 a year.
  if (
    (unitWord === '月' || unitWord === '日') &&
    r[3] === undefined &&
    tail === undefined &&
    lead === undefined
  )
    return undefined;
  if (unitWord === '年' && /^\d{4}$/.test(count!)) return undefined;
  let n = count === '半' ? 0.5 : count === '几' ? 3 : num(count!);
  if (Number.isNaN(n)) return undefined;
  if (half || r[3] === '个半') n += 0.5;
  const approx = count === '几' || more1 !== undefined || more2 !== undefined;
  if (lead !== undefined && (tail === undefined || tail === '以来' || tail === '内' || tail === '之内')) {
    if (lead === '前' || lead === '后') {
      if (tail === undefined) return undefined;
    }
    return { start: i, end: r.index + r[0].length, f: { window: { n, unit, kind: lead } } };
  }
  if (tail !== undefined && tail !== '以来' && tail !== '来' && tail !== '内' && tail !== '之内') {
    const dir = /前/.test(tail) ? -1 : 1;
    return { start: i, end: r.index + r[0].length, f: { shift: { n, unit, dir } } };
  }
  // 「3年来」 runs up to the reference; 「三天内」 starts at it.
  if (lead === undefined && tail !== undefined && !(unitWord === '年' && n >= 100)) {
    const kind = tail === '以来' || tail === '来' ? '近' : '内';
    return { start: i, end: r.index + r[0].length, f: { window: { n, unit, kind } } };
  }
  if (lead !== undefined) return undefined;
  const end = r.index + r[0].length - (tail?.length ?? 0);
  if (unitWord === '年' && n >= 100) return undefined;
  if (unit === 'days' && unitWord === '日') return undefined;
  return {
    start: i,
    end,
    duration: { kind: 'duration', text: '', start: i, end, duration: { [unit]: n }, approx },
  };
}

function readRecurring(s: string, i: number, g: Grammar): Raw | undefined {
  const r = at(g.recurring, s, i);
  if (!r) return undefined;
  const unit = r[1]!;
  const every: RecurringMention['every'] =
    unit === '年'
      ? 'year'
      : unit === '月'
        ? 'month'
        : /周|星期|礼拜/.test(unit)
          ? 'week'
          : unit === '小时'
            ? 'hour'
            : 'day';
  const rec: Omit<RecurringMention, 'text' | 'start' | 'end'> = { kind: 'recurring', every };
  let p = r.index + r[0].length;
  if (every === 'week') {
    const wd = /([一二三四五六日天])/y;
    wd.lastIndex = p;
    const x = wd.exec(s);
    if (x) {
      rec.weekday = g.w.weekdays[x[1]!]!;
      p = wd.lastIndex;
    }
  } else if (every === 'day' && (unit === '晚' || unit === '早')) {
    p = r.index + r[0].length;
  }
  const chain = readChain(s, p, g);
  if (chain) {
    const f = chain.f;
    if (every === 'year' && f.m !== undefined) rec.month = f.m;
    if ((every === 'year' || every === 'month') && f.d !== undefined) rec.day = f.d;
    const clock = clockOf(unit === '晚' && f.period === undefined ? { ...f, period: '晚上' } : f, g);
    if (f.hour !== undefined && clock.time) rec.time = hm(clock.time);
    p = chain.end;
  }
  return { start: i, end: p, recurring: rec };
}

function readNumeric(s: string, i: number, g: Grammar): Raw | undefined {
  let r = at(g.numeric, s, i);
  if (r) {
    const f: Fields =
      r[1] !== undefined
        ? { y: Number(r[1]), m: Number(r[3]), d: Number(r[4]) }
        : { y: Number(r[8]), m: Number(r[9]), d: Number(r[10]) };
    const h = r[5] ?? r[11];
    if (h !== undefined) {
      f.hour = Number(h);
      f.minute = Number(r[6] ?? r[12]);
    }
    if (!valid([f.y!, f.m!, f.d!])) return undefined;
    return { start: i, end: r.index + r[0].length, f };
  }
  r = at(g.compact, s, i);
  if (r) {
    const f: Fields = { y: Number(r[1]), m: Number(r[2]), d: Number(r[3]) };
    if (!valid([f.y!, f.m!, f.d!])) return undefined;
    return { start: i, end: r.index + r[0].length, f };
  }
  return undefined;
}

function scan(s: string, g: Grammar): Raw[] {
  const out: Raw[] = [];
  let i = 0;
  const entry = g.entry;
  while (i < s.length) {
    entry.lastIndex = i;
    const e = entry.exec(s);
    if (!e) break;
    i = e.index;
    const ch = s[i]!;
    // Inside a number or a word of digits: 「12020年」 starts no date at 「2020」.
    if (/\d/.test(ch) && /[\d.]/.test(s[i - 1] ?? '')) {
      i++;
      continue;
    }
    let raw: Raw | undefined = readNumeric(s, i, g);
    if (!raw && ch === '每') raw = readRecurring(s, i, g);
    const shift = raw ? undefined : readShift(s, i, g);
    const chain = raw ? undefined : readChain(s, i, g);
    if (!raw) {
      if (chain && (!shift || chain.end >= shift.end)) raw = { start: i, end: chain.end, f: chain.f };
      else raw = shift;
    }
    if (!raw) {
      i++;
      continue;
    }
    // A range: 「2017年8月至11月」, 「9月9日至13日」, 「晚上9~11点」.
    if (raw.f && !raw.f.shift && !raw.f.window) {
      const sep = at(g.sep, s, raw.end);
      if (sep) {
        const second =
          readNumeric(s, sep.index + sep[0].length, g) ??
          (() => {
            const c = readChain(s, sep.index + sep[0].length, g, true);
            return c ? { start: sep.index + sep[0].length, end: c.end, f: c.f } : undefined;
          })();
        const partOnly =
          !second && raw.f.monthPart !== undefined ? at(g.monthPart, s, sep.index + sep[0].length) : null;
        if (partOnly) {
          raw.to = { ...raw.f, monthPart: g.w.monthParts[partOnly[1]!]! };
          raw.end = partOnly.index + partOnly[0].length;
        } else if (second?.f && (sep[1] !== '、' || sameShape(raw.f, second.f))) {
          raw.to = inherit(raw.f, second.f);
          raw.end = second.end;
        }
      }
    }
    out.push(raw);
    i = raw.end;
  }
  return out;
}

function sameShape(a: Fields, b: Fields): boolean {
  return (a.d !== undefined) === (b.d !== undefined) && (a.m !== undefined || b.m === undefined);
}

function finish(text: string, raws: Raw[], ctx: Checked, g: Grammar): TimeMention[] {
  const out: TimeMention[] = [];
  let lineYear: { year: number; line: number } | undefined;
  for (const raw of raws) {
    const mentionText = text.slice(raw.start, raw.end);
    const base = { text: mentionText, start: raw.start, end: raw.end };
    if (raw.duration) {
      out.push({ ...raw.duration, ...base });
      continue;
    }
    if (raw.recurring) {
      out.push({ ...raw.recurring, ...base } as RecurringMention);
      continue;
    }
    const f = raw.f!;
    const line = text.lastIndexOf('\n', raw.start);
    const c: Context = {};
    if (ctx.ref) c.ref = ctx.ref;
    if (ctx.refTime) c.refTime = ctx.refTime;
    if (ctx.ref) c.refYear = ctx.ref[0];
    if (ctx.year !== undefined) c.fallbackYear = ctx.year;
    if (lineYear && lineYear.line === line) c.lineYear = lineYear.year;
    const a = resolve(f, c, g);
    let b = raw.to ? resolve(raw.to, c, g) : undefined;
    // 「12月30日至1月2日」: a second half without a year that falls before the first is in the next year.
    if (
      raw.to &&
      b?.start &&
      a.start &&
      iso(b.start) < iso(a.start) &&
      raw.to.y === undefined &&
      raw.to.yRel === undefined &&
      raw.to.m !== undefined &&
      f.m !== undefined &&
      raw.to.m < f.m
    ) {
      b = resolve(
        {
          ...raw.to,
          ...(f.y !== undefined && !f.twoDigitYear ? { y: f.y + 1 } : {}),
          ...(f.y === undefined ? { yRel: (f.yRel ?? 0) + 1 } : {}),
        },
        c,
        g,
      );
    }
    if (f.y !== undefined && !f.twoDigitYear) lineYear = { year: f.y, line };
    const m: TimePointMention = {
      kind: 'date',
      ...base,
      resolved: false,
      relative: a.relative,
      granularity: a.span || raw.to !== undefined ? 'span' : 'day',
      precision: precisionOf(raw.to ?? f),
    };
    if (f.window) m.window = true;
    if (f.y === undefined && f.yRel === undefined && c.lineYear !== undefined && !a.relative)
      m.relative = false;
    if (a.start) {
      const end = b ? (b.end ?? b.start) : a.end;
      if (b && !end) {
        out.push(m);
        continue;
      }
      m.resolved = true;
      m.date = iso(a.start);
      if (end && iso(end) > m.date) m.endDate = iso(end);
      if (b && end && iso(end) < m.date) {
        // A range that runs backwards is no range.
        out.push({ ...m, resolved: false, date: undefined } as unknown as TimePointMention);
        continue;
      }
      if (a.time) m.time = hm(a.time);
      const endTime = b?.time ?? a.endTime;
      if (b?.endTime) m.endTime = hm(b.endTime);
      else if (endTime) m.endTime = hm(endTime);
    }
    out.push(clean(m));
  }
  return out;
}

function precisionOf(f: Fields): TimePointMention['precision'] {
  if (f.hour !== undefined || f.period !== undefined) return 'time';
  if (
    f.d !== undefined ||
    f.dRel !== undefined ||
    f.monthPart !== undefined ||
    f.weekday !== undefined ||
    f.weekRel !== undefined ||
    f.weekend ||
    f.holiday !== undefined ||
    f.shift !== undefined ||
    f.window !== undefined ||
    f.dayPair !== undefined
  )
    return 'day';
  if (f.quarterRel !== undefined) return 'month';
  if (f.m !== undefined || f.mRel !== undefined || f.yearPart !== undefined) return 'month';
  return 'year';
}

function clean(m: TimePointMention): TimePointMention {
  if (m.date === undefined) delete m.date;
  return m;
}

/**
 * Finds every time expression in `text`: dates, spans and times of day (resolved against
 * `options.reference` when they need it; `resolved: false` when they cannot be), durations and
 * recurring times, each with its offsets. Throws `XinwenError('invalid_input')` when `text` is
 * not a string or the reference is not a valid day.
 */
export function parseTimes(text: string, options?: ParseTimeOptions): TimeMention[] {
  const ctx = checkOptions(text, options);
  const g = compile();
  const folded = foldNumerals(text);
  return finish(text, scan(folded, g), ctx, g);
}

/**
 * Reads one time expression (「去年3月3号」, 「下周六下午3点」, 「2017年8月至11月」): the longest
 * mention {@link parseTimes} finds in it, or undefined when it holds none.
 */
export function parseTime(expression: string, options?: ParseTimeOptions): TimeMention | undefined {
  const all = parseTimes(expression, options);
  let best: TimeMention | undefined;
  for (const m of all) if (!best || m.end - m.start > best.end - best.start) best = m;
  return best;
}

/** Exposed for parseDates: the day words that are relative to another day in the text. */
export function contextDayWords(): string[] {
  return compile().w.contextDays;
}

/** Characters after a four-digit number that make it a count, not a year. */
export function notYearAfterWords(): string {
  return compile().w.notYearAfter;
}
