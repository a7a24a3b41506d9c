/**
 * Numbers as Chinese news prints them: Arabic digits (with thousands commas), Chinese numerals
 * (一千二百, 两), and the multipliers 万, 亿, 万亿 that follow them.
 */

import { digitValue, smallUnit } from './numerals.js';

/** The pattern source for one number: digits or Chinese numerals. */
export const numberPattern = String.raw`(?:\d+(?:,\d{3})*(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)`;

/** The pattern source for a multiplier after a number: 万, 亿, 万亿, 千亿 … */
export const multiplierPattern = String.raw`(?:[十百千]?万亿|[十百千]?亿|[十百千]?万|千|百)`;

/** Parses Arabic or Chinese numerals; NaN when the text is neither. */
export function parseNumber(text: string): number {
  const ascii = text.replace(/,/g, '');
  if (/^\d+(?:\.\d+)?$/.test(ascii)) return Number(ascii);
  if (!/^[零〇一二两三四五六七八九十百千]+$/.test(text)) return Number.NaN;
  let total = 0;
  let digit = -1;
  for (const ch of text) {
    const d = digitValue[ch];
    if (d !== undefined) {
      digit = d;
      continue;
    }
    const unit = smallUnit[ch] ?? 1;
    total += (digit < 0 ? 1 : digit) * unit;
    digit = -1;
  }
  return total + Math.max(digit, 0);
}

/** The value of a multiplier: 万 → 1e4, 亿 → 1e8, 万亿 → 1e12, 千亿 → 1e11; 1 for none. */
export function multiplierValue(text: string | undefined): number {
  if (!text) return 1;
  let value = 1;
  for (const ch of text) {
    if (ch === '万') value *= 1e4;
    else if (ch === '亿') value *= 1e8;
    else if (ch === '千') value *= 1e3;
    else if (ch === '百') value *= 1e2;
    else if (ch === '十') value *= 10;
  }
  return value;
}

/** Multiplies without the binary noise of 108.7 * 1e8 = 10870000000.000002. */
export function scale(value: number, factor: number): number {
  const digits = (String(value).split('.')[1] ?? '').length;
  const scaled = value * factor;
  return digits === 0 ? scaled : Number(scaled.toFixed(Math.max(0, digits - Math.log10(factor))));
}
