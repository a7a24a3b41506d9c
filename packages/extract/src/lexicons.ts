/**
 * Loads the number, money and time word tables in `data/` (currencies, approximation words, time
 * words) once, on first use.
 */
import { readFileSync } from 'node:fs';
import { XinwenError } from '@xinwen/core';

/** How an approximation word bounds an amount. */
export type ApproxKind = 'exact' | 'about' | 'atLeast' | 'atMost';

interface CurrencyFile {
  generic: string[];
  currencies: Record<string, string[]>;
}
interface ApproxFile {
  before: Record<Exclude<ApproxKind, 'exact'>, string[]>;
  after: Record<Exclude<ApproxKind, 'exact'>, string[]>;
  afterYuan: string[];
  afterKuai: string[];
}

/** The money tables. */
export interface MoneyLexicon {
  /** Currency word → ISO 4217 code; generic words (元, 块) map to ''. */
  currency: Map<string, string>;
  /** Currency words, longest first. */
  currencyWords: string[];
  approxBefore: Map<string, ApproxKind>;
  approxAfter: Map<string, ApproxKind>;
  afterYuan: string[];
  afterKuai: string[];
}

/** Reads a JSON file from `data/`. */
export function readDataJson<T>(file: string): T {
  const url = new URL(`../data/${file}`, import.meta.url);
  let text: string;
  try {
    text = readFileSync(url, 'utf8');
  } catch (cause) {
    throw new XinwenError(
      'invalid_dictionary',
      `expected data file ${file} beside @xinwen/extract, found none`,
      {
        cause,
      },
    );
  }
  try {
    return JSON.parse(text) as T;
  } catch (cause) {
    throw new XinwenError('invalid_dictionary', `expected JSON in data file ${file}`, { cause });
  }
}

const byLength = (a: string, b: string) => b.length - a.length || (a < b ? -1 : 1);

let money: MoneyLexicon | undefined;

/** The currency and approximation tables. */
export function moneyLexicon(): MoneyLexicon {
  if (money) return money;
  const cur = readDataJson<CurrencyFile>('currencies.json');
  const approx = readDataJson<ApproxFile>('approximations.json');
  const currency = new Map<string, string>();
  for (const w of cur.generic) currency.set(w, '');
  for (const [code, names] of Object.entries(cur.currencies)) for (const w of names) currency.set(w, code);
  const kinds = (side: ApproxFile['before']) => {
    const m = new Map<string, ApproxKind>();
    for (const [kind, list] of Object.entries(side)) for (const w of list) m.set(w, kind as ApproxKind);
    return m;
  };
  money = {
    currency,
    currencyWords: [...currency.keys()].sort(byLength),
    approxBefore: kinds(approx.before),
    approxAfter: kinds(approx.after),
    afterYuan: approx.afterYuan,
    afterKuai: approx.afterKuai,
  };
  return money;
}

/** Escapes words for a regular expression alternation, longest first. */
export function alternation(list: Iterable<string>): string {
  return [...list]
    .sort(byLength)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
}
