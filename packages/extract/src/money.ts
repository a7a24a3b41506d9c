/**
 * Money amounts: 「108.7亿元人民币」, 「323.62亿美元」, 「4000余万元」, 「近650亿元」, 「千亿元」,
 * 「10亿至20亿元」.
 */
import type { Money } from '@xinwen/core';
import { multiplierPattern, multiplierValue, numberPattern, parseNumber, scale } from './numbers.js';

const currencies: [string, string][] = [
  ['元人民币', 'CNY'],
  ['美元', 'USD'],
  ['欧元', 'EUR'],
  ['日元', 'JPY'],
  ['港元', 'HKD'],
  ['港币', 'HKD'],
  ['英镑', 'GBP'],
  ['新台币', 'TWD'],
  ['元', 'CNY'],
];
const currencyPattern = currencies.map(([w]) => w).join('|');
const approxBefore = '近|约|超过|超|逾|突破|接近|将近|大约';
const approxAfter = '以上|左右|多';

const amount = String.raw`(${numberPattern})?([余多])?(${multiplierPattern})?([余多])?`;
// The lookahead lets the engine skip, cheaply, every position where no amount can start.
const moneyRe = new RegExp(
  String.raw`(?=[近约超逾突接将大人\d零〇一二两三四五六七八九十百千])(${approxBefore})?(?:人民币)?` +
    String.raw`(?:(${numberPattern})(${multiplierPattern})?(?:${currencyPattern})?(?:至|到|—|-|～|~))?` +
    amount +
    String.raw`(${currencyPattern})(人民币)?(${approxAfter})?`,
  'g',
);

function currencyCode(word: string, trailingRmb: boolean): string {
  if (trailingRmb) return 'CNY';
  return currencies.find(([w]) => w === word)?.[1] ?? 'CNY';
}

/**
 * Finds money amounts in `text`. `value` is in currency units (108.7亿元 → 10870000000); a range
 * gives its lower bound as `value` and its upper bound as `max`; 近, 约, 超过, 余, 多, 以上 … set
 * `approx`.
 */
export function parseMoney(text: string): Money[] {
  const out: Money[] = [];
  for (const m of text.matchAll(moneyRe)) {
    const [whole, before, rangeNum, rangeMult, num, more1, mult, more2, cur, rmb, after] = m;
    if (num === undefined && mult === undefined) continue;
    // A bare Chinese numeral must be followed by a multiplier (「千亿元」), not be a word like 「一元」 in 「多元」.
    if (num !== undefined && /^[零〇一二两三四五六七八九十百千]+$/.test(num) && mult === undefined) continue;
    const base = num === undefined ? 1 : parseNumber(num);
    if (Number.isNaN(base)) continue;
    // Strip leading multiplier-less words the regex let in (「千元」 alone is fine: value 1000).
    const factor = multiplierValue(mult);
    const value = scale(base, factor);
    const money: Money = {
      text: whole,
      value,
      currency: currencyCode(cur ?? '元', rmb !== undefined),
      approx: before !== undefined || more1 !== undefined || more2 !== undefined || after !== undefined,
    };
    if (rangeNum !== undefined) {
      const low = parseNumber(rangeNum);
      const lowFactor = rangeMult === undefined ? factor : multiplierValue(rangeMult);
      if (!Number.isNaN(low)) {
        money.value = scale(low, lowFactor);
        money.max = value;
      }
    }
    out.push(money);
  }
  return out;
}
