/**
 * A numeral reader for every form news prints: Arabic digits with half- or full-width separators
 * and decimals (「82，225.00」), Chinese numerals (「六十四万零一百四十三」, 「二〇二四」, 「三点五」),
 * financial capitals (「壹万贰仟」, 「肆佰叁拾萬」), mixed forms (「1.2万」, 「3千万亿」, 「3万5千」) and
 * shorthand (「15k」, 「30w」).
 *
 * Text is first folded ({@link foldNumerals}) one character for one, so offsets into the folded
 * text are offsets into the original.
 */

const fold: Record<string, string> = {
  壹: '一',
  贰: '二',
  貳: '二',
  弍: '二',
  叁: '三',
  參: '三',
  叄: '三',
  肆: '四',
  伍: '五',
  陆: '六',
  陸: '六',
  柒: '七',
  捌: '八',
  玖: '九',
  拾: '十',
  佰: '百',
  仟: '千',
  萬: '万',
  億: '亿',
  兩: '两',
  圆: '元',
  圓: '元',
  塊: '块',
  〡: '一',
  〢: '二',
  〣: '三',
  '．': '.',
  '％': '%',
  '－': '-',
  '～': '~',
  '／': '/',
};
const capitals = /[壹贰貳弍叁參叄肆伍陆陸柒捌玖拾佰仟]/;

/**
 * Folds full-width digits and letters to ASCII, financial capitals and traditional numerals to the
 * everyday ones (壹 → 一, 萬 → 万, 圆 → 元), one character for one. 陆 and 拾 are folded only next
 * to another numeral, so 「大陆」 and 「拾起」 stay words.
 */
export function foldNumerals(text: string): string {
  // The money and time parsers fold the same text one after the other.
  if (text !== lastText) {
    lastFolded = foldOnce(text);
    lastText = text;
  }
  return lastFolded;
}

let lastText = '';
let lastFolded = '';

function foldOnce(text: string): string {
  foldable.lastIndex = 0;
  if (!foldable.test(text)) return text;
  foldable.lastIndex = 0;
  return text.replace(foldable, (ch, at: number) => {
    const code = ch.charCodeAt(0);
    if (code >= 0xff10 && code <= 0xff5a) return String.fromCharCode(code - 0xfee0);
    if ((code === 0x9646 || code === 0x9678 || code === 0x62fe) && !nextToNumeral(text, at)) return ch;
    return foldCodes.get(code) ?? ch;
  });
}

const foldable = /[壹贰貳弍叁參叄肆伍陆陸柒捌玖拾佰仟萬億兩圆圓塊〡〢〣．％－～／０-９Ａ-Ｚａ-ｚ]/g;

const foldCodes = new Map(Object.entries(fold).map(([k, v]) => [k.charCodeAt(0), v]));

const numeralChar = /[0-9０-９零〇一二两三四五六七八九十百千万亿壹贰貳叁參肆伍陆陸柒捌玖拾佰仟萬億元圆圓]/;
function nextToNumeral(text: string, at: number): boolean {
  const before = text[at - 1] ?? '';
  const after = text[at + 1] ?? '';
  return (
    (numeralChar.test(before) || numeralChar.test(after)) && (capitals.test(before) || capitals.test(after))
  );
}

/** Chinese digit characters and their values (after folding). */
export const digitValue: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
/** 十 百 千 and their values. */
export const smallUnit: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const bigUnit: Record<string, number> = { 万: 1e4, 亿: 1e8, 兆: 1e12 };
const shorthand: Record<string, number> = { k: 1e3, K: 1e3, w: 1e4, W: 1e4 };

/** Chinese digits (folded text). */
export const cnDigits = '零〇一二两三四五六七八九';
/** Chinese digits and units (folded text). */
export const cnNumeralChars = `${cnDigits}十百千万亿兆`;

/**
 * The pattern source for one numeral in folded text: Arabic (with thousands separators, decimals),
 * Chinese (with 点 decimals and units), or Arabic followed by Chinese units (「1.2万」, 「3千万亿」) or
 * a k/w shorthand.
 */
export const numeralPattern =
  String.raw`(?:\d+(?:[,，]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?:[十百千万亿兆]+(?:[0-9零一二两三四五六七八九]+[十百千万亿兆]*)*|[kKwW](?![a-zA-Z]))?` +
  `|[${cnNumeralChars}]+(?:点[${cnDigits}]+[十百千万亿兆]*)?`;

type Token = { n: number } | { u: number; big: boolean };

function tokenize(text: string): Token[] | undefined {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if ((ch >= '0' && ch <= '9') || ch === '.') {
      let j = i;
      while (j < text.length && /[0-9.,，]/.test(text[j]!)) j++;
      const digits = text.slice(i, j).replace(/[,，]/g, '');
      if (!/^(?:\d+(?:\.\d+)?|\.\d+)$/.test(digits)) return undefined;
      out.push({ n: Number(digits) });
      i = j;
      continue;
    }
    if (digitValue[ch] !== undefined) {
      // A run of digits reads positionally (二〇二四 → 2024); 点 starts decimals (三点五 → 3.5).
      let j = i;
      let run = '';
      while (j < text.length && digitValue[text[j]!] !== undefined) run += String(digitValue[text[j++]!]);
      if (text[j] === '点' && digitValue[text[j + 1] ?? ''] !== undefined) {
        j++;
        run += '.';
        while (j < text.length && digitValue[text[j]!] !== undefined) run += String(digitValue[text[j++]!]);
      }
      // 零 after a unit marks a skipped place (一千零一 → 1001), not a leading digit.
      if (run.length > 1 && run.startsWith('0') && out.length > 0) {
        out.push({ n: 0 });
        run = run.replace(/^0+/, '') || '0';
      }
      out.push({ n: Number(run) });
      i = j;
      continue;
    }
    const small = smallUnit[ch];
    if (small !== undefined) {
      out.push({ u: small, big: false });
      i++;
      continue;
    }
    const big = bigUnit[ch] ?? shorthand[ch];
    if (big !== undefined) {
      out.push({ u: big, big: true });
      i++;
      continue;
    }
    return undefined;
  }
  return out;
}

/** A run without 万/亿: 三千五百二十 → 3520, 一百二 → 120, 十五 → 15. */
function section(tokens: Token[]): number {
  let total = 0;
  let pending: number | undefined;
  let lastUnit = 0;
  let zero = false;
  for (const t of tokens) {
    if ('n' in t) {
      if (t.n === 0 && pending === undefined) zero = true;
      else pending = t.n;
      continue;
    }
    total += (pending ?? 1) * t.u;
    lastUnit = t.u;
    pending = undefined;
    zero = false;
  }
  // A digit left after a unit without 零 is one order lower: 三千五 → 3500, 一百二 → 120.
  if (pending !== undefined)
    total += lastUnit >= 100 && !zero && pending < 10 ? (pending * lastUnit) / 10 : pending;
  return total;
}

function evaluate(tokens: Token[]): number {
  let biggest = 0;
  let at = -1;
  tokens.forEach((t, i) => {
    if ('u' in t && t.big && t.u >= biggest) {
      biggest = t.u;
      at = i;
    }
  });
  if (at < 0) return section(tokens);
  const left = tokens.slice(0, at);
  const right = tokens.slice(at + 1);
  // 万亿, 千万亿: units stacked after the number multiply.
  let unit = biggest;
  const leftValue = left.length === 0 ? 1 : evaluate(left);
  const rest =
    right.length === 1 &&
    'n' in right[0]! &&
    right[0].n < 10 &&
    Number.isInteger(right[0].n) &&
    !(left.length === 0)
      ? (right[0].n * unit) / 10 // 两万五 → 25000
      : right.length === 0
        ? 0
        : evaluate(right.filter((t, i) => !(i === 0 && 'n' in t && t.n === 0 && right.length > 1)));
  unit = leftValue * unit;
  return clean(unit + rest);
}

/** Drops binary noise: 3.5 * 1e8 = 350000000.00000006. */
function clean(value: number): number {
  return Number.isFinite(value) ? Number(value.toPrecision(15)) : value;
}

/**
 * Reads one numeral in any form the module header lists (folding it first); `NaN` when the text
 * is not a numeral.
 */
export function parseNumeral(text: string): number {
  const folded = foldNumerals(text.trim());
  if (folded === '') return Number.NaN;
  const tokens = tokenize(folded);
  if (!tokens || tokens.length === 0) return Number.NaN;
  return clean(evaluate(tokens));
}
