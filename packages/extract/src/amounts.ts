/**
 * Amounts with their vagueness: 「3000多」 (3000 to 4000), 「几十万」 (200000 to 900000), 「十几万」,
 * 「两三万」, 「上千万」, read from folded text (see {@link foldNumerals}).
 */
import { cnDigits, digitValue, numeralPattern, parseNumeral } from './numerals.js';

/** An amount: the printed value, and bounds when the amount is vague or a range. */
export interface Amount {
  value: number;
  min?: number;
  max?: number;
  /** 上千万: the amount or more. */
  atLeast?: boolean;
}

const units = '十百千万亿兆';
/** The pattern source for one amount (numeral with vague parts) in folded text. */
export const amountPattern =
  `(?:[数几上][${units}]+[多余]?|几(?=\\s?[块元])` +
  `|[一二两三四五六七八][二三四五六七八九][${units}]+` +
  `|(?:${numeralPattern})(?:[多余来几][${units}kKwW]*)?)`;

const unitValue: Record<string, number> = {
  十: 10,
  百: 100,
  千: 1000,
  万: 1e4,
  亿: 1e8,
  兆: 1e12,
  k: 1e3,
  K: 1e3,
  w: 1e4,
  W: 1e4,
};

function unitsValue(text: string): number {
  let v = 1;
  for (const ch of text) v *= unitValue[ch] ?? 1;
  return v;
}

const clean = (v: number) => Number(v.toPrecision(15));

/** The largest power of ten that divides `value` (3000 → 1000, 3500 → 100, 15000 → 1000). */
function step(value: number): number {
  if (!Number.isInteger(value) || value === 0) return 1;
  let s = 1;
  while (value % (s * 10) === 0) s *= 10;
  return s;
}

/** Reads an amount that matched {@link amountPattern}; undefined when it is not one. */
export function parseAmount(text: string): Amount | undefined {
  // 几十万, 数十亿, 上千万: an unknown digit before units.
  const lead = /^([数几上])([十百千万亿兆]+)([多余]?)$/.exec(text);
  if (lead) {
    const u = unitsValue(lead[2]!);
    if (lead[1] === '上') return { value: u, min: u, atLeast: true };
    return { value: 2 * u, min: 2 * u, max: 9 * u };
  }
  if (text === '几') return { value: 2, min: 2, max: 9 };
  // 两三万, 七八十: two neighbouring digits.
  const pair = /^([一二两三四五六七八])([二三四五六七八九])([十百千万亿兆]+)$/.exec(text);
  if (pair) {
    const a = digitValue[pair[1]!]!;
    const b = digitValue[pair[2]!]!;
    if (b === a + 1 || (a === 3 && b === 5)) {
      const u = unitsValue(pair[3]!);
      return { value: a * u, min: a * u, max: b * u };
    }
  }
  // 十几万, 二十几: 几 for one digit.
  const ji = /^(.*?)几([十百千万亿兆kKwW]*)$/.exec(text);
  if (ji && ji[1] !== '') {
    const base = parseNumeral(ji[1]!);
    if (Number.isNaN(base)) return undefined;
    const u = unitsValue(ji[2]!);
    const s = step(base);
    const unitStep = s >= 10 ? s / 10 : 1;
    return {
      value: clean((base + unitStep) * u),
      min: clean((base + unitStep) * u),
      max: clean((base + 9 * unitStep) * u),
    };
  }
  // 3000多, 4000余万, 十来万, 3万多.
  const more = /^(.*?)[多余来]([十百千万亿兆kKwW]*)$/.exec(text);
  if (more && more[1] !== '') {
    const base = parseNumeral(more[1]!);
    if (Number.isNaN(base)) return undefined;
    const u = unitsValue(more[2]!);
    return { value: clean(base * u), min: clean(base * u), max: clean((base + step(base)) * u) };
  }
  const value = parseNumeral(text);
  if (Number.isNaN(value)) return undefined;
  return { value };
}

/**
 * The units that end an amount's text and the numeral before them: 「3万」 → [3, 10000],
 * 「一千二百万」 → [1200, 10000]; undefined when no numeral stands before the units.
 */
export function splitUnits(text: string): [number, number] | undefined {
  const m = /^(.*?[0-9一二两三四五六七八九零〇])([十百千万亿兆kKwW]+)$/.exec(text);
  if (!m) return undefined;
  const lead = parseNumeral(m[1]!);
  if (Number.isNaN(lead) || lead === 0) return undefined;
  const whole = parseNumeral(text);
  return [lead, whole / lead];
}

/** Whether the amount's text names a magnitude itself (units, or a number in Chinese with units). */
export function hasUnits(text: string): boolean {
  return /[十百千万亿兆kKwW]/.test(text);
}

/** Chinese digits, for callers that build patterns. */
export const chineseDigits = cnDigits;
