/**
 * Money amounts: 「108.7亿元人民币」, 「323.62亿美元」, 「4000余万元」, 「近650亿元」, 「六十四万零一百四十三元一角七分」,
 * 「肆佰叁拾萬圆整」, 「十块三毛」, 「港币两千九百六十元」, 「从8500到3万港元」, 「两到三万元」, 「15k左右」.
 * The currency words and approximation words are data (`data/currencies.json`,
 * `data/approximations.json`).
 */
import { type Money, XinwenError } from '@xinwen/core';
import { type Amount, amountPattern, hasUnits, parseAmount, splitUnits } from './amounts.js';
import { type ApproxKind, alternation, moneyLexicon } from './lexicons.js';
import { foldNumerals } from './numerals.js';

/** A money mention as {@link parseMoney} returns it (a {@link Money} with its offsets). */
export interface MoneyMention extends Money {
  /** UTF-16 offset of the mention's first character in the input. */
  start: number;
  /** UTF-16 offset just past the mention. */
  end: number;
}

const D = '[0-9一二两三四五六七八九]';
const numeralChars = '零〇一二两三四五六七八九十百千万亿兆';
const sep = '(?:至|到|——|[-~—–－]|或)';

interface Compiled {
  re: RegExp;
  /** Currency words and 角/毛/分: every amount has one, so only the text around them is read. */
  anchor: RegExp;
  whole: RegExp;
  cents: RegExp;
}
let compiled: Compiled | undefined;

function compile(): Compiled {
  if (compiled) return compiled;
  const lex = moneyLexicon();
  const specific = alternation(lex.currencyWords.filter((w) => lex.currency.get(w) !== ''));
  const any = alternation(lex.currencyWords);
  const before = alternation(lex.approxBefore.keys());
  const firstChars = [
    ...new Set(lex.currencyWords.filter((w) => lex.currency.get(w) !== '').map((w) => w[0])),
  ].join('');
  const after = alternation(lex.approxAfter.keys());
  const sub = String.raw`(?:(?<jiao>${D})[角毛](?:零?(?<fen1>${D})分?(?![0-9十百千万亿]))?|零?(?<fen2>${D})分|(?<bare>[一二两三四五六七八九])(?![十百千万亿0-9一二三四五六七八九角毛分]))`;
  const src =
    String.raw`(?<pre>${specific})?(?<ab>${before})?(?<pre2>${specific})?从?` +
    String.raw`(?<lo>${amountPattern})(?<loCur>${any})?` +
    String.raw`(?:(?<sep>${sep})(?<hab>${before})?(?<hi>${amountPattern}))?` +
    String.raw`(?:\s?(?<cur>${any}))?(?<sub>${sub})?(?<qian>钱)?(?<zheng>整)?(?<cur2>${specific})?(?<aa>${after})?`;
  const firsts = new Set<string>();
  for (const w of [...lex.currencyWords, ...lex.approxBefore.keys()]) firsts.add(w[0]!);
  const start = `(?=[0-9.${[...firsts].join('')}从数几上零〇一二两三四五六七八九十百千万亿])`;
  compiled = {
    re: new RegExp(start + src, 'g'),
    anchor: new RegExp(
      `[0-9${numeralChars}多余几数来kKwW]\\s?(?:${any}|[角毛分])|(?=[${firstChars}])(?:${specific})(?=\\s?[0-9${numeralChars}数几上约近超逾不至最高])`,
      'g',
    ),
    // 「五角钱」, 「两毛五」, 「8分钱」: amounts under one yuan.
    cents: new RegExp(
      String.raw`(?<ab>${before})?(?:(?<jiao>${D}|十)(?<jiaoUnit>[角毛])(?:零?(?<fen>${D})(?<fenUnit>分)?(?![0-9十百千万亿]))?|(?<fenOnly>${D})分(?=钱))(?<qian>钱)?`,
      'g',
    ),
    whole: new RegExp(
      `^(?<ab>${before})?(?<lo>${amountPattern})(?:${sep}(?<hi>${amountPattern}))?(?<aa>${after})?$`,
    ),
  };
  return compiled;
}

function checkText(text: unknown, what: string): asserts text is string {
  if (typeof text !== 'string') {
    throw new XinwenError(
      'invalid_input',
      `expected ${what} as a string, found ${text === null ? 'null' : typeof text}`,
    );
  }
}

const han = /\p{Script=Han}/u;

interface Built {
  value: number;
  min?: number;
  max?: number;
  kind: ApproxKind;
  approx: boolean;
}

function combine(
  lo: string,
  hi: string | undefined,
  loHasCurrency: boolean,
  before: ApproxKind | undefined,
  after: ApproxKind | undefined,
  cents: number,
): Built | undefined {
  let low: Amount | undefined = parseAmount(lo);
  if (!low) return undefined;
  let kind: ApproxKind = before ?? after ?? 'exact';
  if (hi !== undefined) {
    const high = parseAmount(hi);
    if (!high) return undefined;
    // 两到三万, 10至20亿: the lower bound takes the upper's units unless it has its own or is larger.
    const parts = splitUnits(hi);
    if (!loHasCurrency && !hasUnits(lo) && parts && low.value <= parts[0]) {
      low = { value: low.value * parts[1] };
    }
    const max = high.max ?? high.value;
    if (max < low.value) return undefined;
    return {
      value: Number((low.min ?? low.value).toPrecision(15)),
      min: Number((low.min ?? low.value).toPrecision(15)),
      max: Number(max.toPrecision(15)),
      kind,
      approx: kind !== 'exact' || low.max !== undefined || high.max !== undefined,
    };
  }
  const value = Number((low.value + cents).toPrecision(15));
  const out: Built = { value, kind, approx: kind !== 'exact' };
  if (low.atLeast) {
    kind = 'atLeast';
    out.kind = kind;
    out.approx = true;
  }
  if (low.min !== undefined) {
    out.min = low.min;
    out.approx = true;
    if (out.kind === 'exact') out.kind = 'about';
  }
  if (low.max !== undefined) out.max = low.max;
  if (out.kind === 'atLeast' && out.min === undefined) out.min = value;
  if (out.kind === 'atMost' && out.max === undefined) out.max = value;
  return out;
}

function toMoney(text: string, start: number, currency: string, built: Built): MoneyMention {
  const m: MoneyMention = {
    text,
    value: built.value,
    currency,
    approx: built.approx,
    start,
    end: start + text.length,
  };
  if (built.kind !== 'exact') m.approxKind = built.kind;
  if (built.min !== undefined && built.min !== built.value) m.min = built.min;
  else if (built.min !== undefined) m.min = built.min;
  if (built.max !== undefined) m.max = built.max;
  return m;
}

/**
 * Finds money amounts in `text`. `value` is in currency units (108.7亿元 → 10870000000) and is the
 * lower bound of a range or of a vague amount (「3000多」: `min` 3000, `max` 4000); `approx` is true
 * for every amount that is not exact, and `approxKind` says how (`about`, `atLeast`, `atMost`).
 * `currency` is an ISO 4217 code: a currency named before or after the number wins over 元 and 块
 * (「港币两千九百六十元」 is HKD). When nothing in `text` is money but the whole of it is one amount
 * (「三百万」, 「15k左右」), that amount is read as yuan. Throws `XinwenError('invalid_input')` when
 * `text` is not a string.
 */
export function parseMoney(text: string): MoneyMention[] {
  checkText(text, 'text');
  const { re, whole } = compile();
  const lex = moneyLexicon();
  const folded = foldNumerals(text);
  const out: MoneyMention[] = [];
  const spans = windows(folded, compile().anchor);
  for (const m of spans.flatMap(([from, to]) => matchesIn(folded, re, from, to))) {
    const g: Record<string, string | undefined> = { ...m.groups };
    const currencyWords = [g.pre, g.pre2, g.loCur, g.cur, g.cur2].filter((w): w is string => w !== undefined);
    if (currencyWords.length === 0) continue;
    const unit = g.cur ?? g.loCur;
    let end = m.index + m[0].length;
    if (g.bare !== undefined && unit !== '块') {
      // 「600元一斤」: a digit after 元 is not its 角; the amount ends at 元.
      end = m.index + m[0].lastIndexOf(g.sub!);
      for (const k of ['sub', 'bare', 'qian', 'zheng', 'cur2', 'aa']) g[k] = undefined;
    }
    const next = folded.slice(end, end + 2);
    const loneChinese = /^[一二两三四五六七八九十]$/.test(g.lo!) && g.hi === undefined;
    if (g.sub === undefined && g.qian === undefined && g.zheng === undefined && g.cur2 === undefined) {
      if (
        unit === '元' &&
        (lex.afterYuan.some((w) => next.startsWith(w)) || (loneChinese && han.test(next[0] ?? '')))
      )
        continue;
      if (
        unit === '块' &&
        (lex.afterKuai.some((w) => next.startsWith(w)) || (han.test(next[0] ?? '') && next[0] !== '的'))
      )
        continue;
    }
    // The currency: a named one (before or after) wins over 元 and 块.
    const named = [g.cur2, g.cur, g.loCur, g.pre2, g.pre].map((w) => (w ? lex.currency.get(w) : undefined));
    const currency = named.find((c) => c !== undefined && c !== '') ?? 'CNY';
    const cents =
      (g.jiao ? Number(foldedDigit(g.jiao)) / 10 : 0) +
      ((g.fen1 ?? g.fen2) ? Number(foldedDigit((g.fen1 ?? g.fen2)!)) / 100 : 0) +
      (g.bare ? Number(foldedDigit(g.bare)) / 10 : 0);
    const built = combine(
      g.lo!,
      g.hi,
      g.loCur !== undefined,
      g.ab ? lex.approxBefore.get(g.ab) : undefined,
      g.aa ? lex.approxAfter.get(g.aa) : undefined,
      cents,
    );
    if (!built) continue;
    out.push(toMoney(text.slice(m.index, end), m.index, currency, built));
  }
  for (const m of spans.flatMap(([from, to]) => matchesIn(folded, compile().cents, from, to))) {
    const g = m.groups!;
    const end = m.index + m[0].length;
    const alone = folded.trim() === m[0];
    // 「长三角一体化」 is no money: a bare digit after 角 needs 分, and 角 alone needs 钱.
    if (g.fen !== undefined && g.fenUnit === undefined && g.jiaoUnit === '角') continue;
    if (g.qian === undefined && g.fen === undefined && !alone) continue;
    if (out.some((o) => o.start < end && m.index < o.end)) continue;
    const cents =
      (g.jiao ? (g.jiao === '十' ? 10 : foldedDigit(g.jiao)) / 10 : 0) +
      (g.fen ? foldedDigit(g.fen) / 100 : 0) +
      (g.fenOnly ? foldedDigit(g.fenOnly) / 100 : 0);
    const kind = g.ab ? lex.approxBefore.get(g.ab) : undefined;
    const built: Built = {
      value: Number(cents.toFixed(2)),
      kind: kind ?? 'exact',
      approx: kind !== undefined,
    };
    if (kind === 'atLeast') built.min = built.value;
    if (kind === 'atMost') built.max = built.value;
    out.push(toMoney(text.slice(m.index, end), m.index, 'CNY', built));
  }
  out.sort((a, b) => a.start - b.start);
  if (out.length === 0) {
    const trimmed = folded.trim();
    const w = whole.exec(trimmed);
    if (w?.groups) {
      const g = w.groups;
      const built = combine(
        g.lo!,
        g.hi,
        false,
        g.ab ? lex.approxBefore.get(g.ab) : undefined,
        g.aa ? lex.approxAfter.get(g.aa) : undefined,
        0,
      );
      const at = folded.indexOf(trimmed);
      if (built) out.push(toMoney(text.slice(at, at + trimmed.length), at, 'CNY', built));
    }
  }
  return out;
}

const sentenceEnd = new Set([...'。！？；\n'].map((c) => c.charCodeAt(0)));

/** Stretches of text around the anchors (a currency word) where an amount can stand, merged. */
function windows(text: string, anchor: RegExp): [number, number][] {
  const out: [number, number][] = [];
  anchor.lastIndex = 0;
  for (let a = anchor.exec(text); a; a = anchor.exec(text)) {
    // Back to the start of the sentence, at most 40 characters.
    let from = a.index;
    const limit = Math.max(0, a.index - 40);
    while (from > limit && !sentenceEnd.has(text.charCodeAt(from - 1))) from--;
    const to = Math.min(text.length, a.index + a[0].length + 16);
    const last = out[out.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}

/** The matches of a global regex inside text[from, to), with indices into `text`. */
function matchesIn(text: string, re: RegExp, from: number, to: number): RegExpExecArray[] {
  const part = text.slice(from, to);
  const out: RegExpExecArray[] = [];
  for (const m of part.matchAll(re)) {
    m.index += from;
    out.push(m as RegExpExecArray);
  }
  return out;
}

function foldedDigit(ch: string): number {
  return /\d/.test(ch) ? Number(ch) : '零一二三四五六七八九'.indexOf(ch === '两' ? '二' : ch);
}

/** The stored form of an article's money mentions (the document model keeps no offsets for them). */
export function articleMoney(text: string): Money[] {
  return parseMoney(text).map(({ start: _start, end: _end, ...m }) => m);
}
