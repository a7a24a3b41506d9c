/**
 * Percentages (「25.2%」, 「百分之三十」) and percentage points (「13.5个百分点」) kept apart.
 */
import type { Percentage } from '@xinwen/core';
import { numberPattern, parseNumber } from './numbers.js';

const percentRe = new RegExp(
  String.raw`(\d+(?:\.\d+)?)\s*[%％]|百分之(${numberPattern}(?:点[零〇一二两三四五六七八九]+)?)|(${numberPattern})个百分点`,
  'g',
);

const chineseDigits = '零一二三四五六七八九';

function parseChinesePercent(text: string): number {
  const [whole, fraction] = text.split('点');
  const base = parseNumber(whole ?? '');
  if (fraction === undefined) return base;
  const decimals = [...fraction].map((ch) =>
    ch === '〇' ? 0 : chineseDigits.indexOf(ch === '两' ? '二' : ch),
  );
  return Number(`${base}.${decimals.join('')}`);
}

/** Finds percentages and percentage points in `text`. */
export function parsePercentages(text: string): Percentage[] {
  const out: Percentage[] = [];
  for (const m of text.matchAll(percentRe)) {
    const [whole, digits, chinese, points] = m;
    if (digits !== undefined) out.push({ text: whole, value: Number(digits), unit: 'percent' });
    else if (chinese !== undefined) {
      const value = parseChinesePercent(chinese);
      if (!Number.isNaN(value)) out.push({ text: whole, value, unit: 'percent' });
    } else if (points !== undefined) {
      const value = parseNumber(points);
      if (!Number.isNaN(value)) out.push({ text: whole, value, unit: 'points' });
    }
  }
  return out;
}
