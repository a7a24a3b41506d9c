/**
 * Repairs GBK text that was decoded one byte late, and marks (or recovers) characters lost to it.
 *
 * A misaligned run starts where `。”` (`A1 A3 | A1 B1`) was read from its second byte: `A1` alone
 * became `?`, `A3 A1` became `！` (later `!`), and every following pair was read across two
 * characters until an ASCII byte realigned the decoder. Turning the run back into bytes (`?` → `A1`,
 * `!` → `A3 A1`, the rest GBK-encoded, the closing ASCII byte as is) and decoding them aligned gives
 * the original text back. A run that ends in a lone lead byte lost that character's trail byte; the
 * pinyin annotation that followed it (`?lián)`) and the lead byte usually leave one candidate.
 * Characters lost outright (`日?qǐng)?bào)`) are recovered only when the surviving pinyin or the
 * neighbouring characters and the document's own usage settle them; otherwise they are reported.
 */
import { loadCandidates } from './candidates.js';
import { Edit, type PassResult } from './edit.js';
import { count, type Fixes } from './fixes.js';
import { encodeGbk } from './gbk.js';
import { isPinyinSyllable, PINYIN_LETTERS } from './pinyin.js';

/** A lost character that could not be recovered, in this pass's input offsets. */
export interface LocalDamage {
  start: number;
  end: number;
  hint?: string;
}

/** What the repair needs to know about the scripts. */
export interface MojibakeContext {
  /** Simplified form of one character (itself when it has none). */
  simplify(char: string): string;
}

const MISALIGNED =
  /\?[!！]([^\x00-\x7f\n]*)(\?(?:[a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]{1,6}\))?|[\x21-\x3e\x40-\x7e])?/g;
const LOST = new RegExp(`(?:\\?[${PINYIN_LETTERS}]{1,6}\\))+[a-z]{0,2}(?=[\\u3400-\\u9fff])`, 'g');
const LOST_UNIT = new RegExp(`\\?([${PINYIN_LETTERS}]{1,6})\\)`, 'g');

let gbkDecoder: InstanceType<typeof globalThis.TextDecoder> | undefined;
function decodeGbk(bytes: Uint8Array): string | undefined {
  gbkDecoder ??= new TextDecoder('gbk', { fatal: true });
  try {
    return gbkDecoder.decode(bytes);
  } catch {
    return undefined;
  }
}

function gbkLead(char: string): number | undefined {
  const bytes = encodeGbk(char);
  return bytes !== undefined && bytes.length === 2 ? bytes[0] : undefined;
}

/** Runs the repair; `null` when the text shows no sign of misaligned GBK. */
export function repairMojibake(
  text: string,
  ctx: MojibakeContext,
  fixes: Fixes,
  damaged: LocalDamage[],
): PassResult | null {
  if (text.indexOf('?') < 0) return null;
  const edit = new Edit(text);
  let changed = false;
  let traditional: boolean | undefined;
  const prefersTrad = (): boolean => {
    traditional ??= prefersTraditional(text, ctx);
    return traditional;
  };
  let repaired = 0;
  let recovered = 0;

  // 1. Misaligned runs.
  MISALIGNED.lastIndex = 0;
  const spans: { start: number; end: number; text: string; damage?: LocalDamage }[] = [];
  for (let m = MISALIGNED.exec(text); m !== null; m = MISALIGNED.exec(text)) {
    const middle = m[1] ?? '';
    const tail = m[2] ?? '';
    const start = m.index;
    const end = start + m[0].length;
    const middleBytes = encodeGbk(middle);
    if (middleBytes === undefined) continue;
    // Only the signature of a quotation closed by `。”` (A1 A3 A1 B1) read one byte late is
    // repaired: the run must restore `”`, and the paragraph must have a `“` left open.
    if (middleBytes.length > 0 && middleBytes[0] !== 0xb1) continue;
    const paraStart = text.lastIndexOf('\n', start) + 1;
    const before = text.slice(paraStart, start);
    if (countOf(before, '“') <= countOf(before, '”')) continue;
    const head = [0xa1, 0xa3, 0xa1];
    if (tail.length === 1 && tail !== '?') {
      // The run ends in an ASCII byte that was the trail byte of the last character.
      const bytes = Uint8Array.from([...head, ...middleBytes, tail.charCodeAt(0)]);
      const fixed = decodeGbk(bytes);
      if (fixed === undefined) continue;
      spans.push({ start, end, text: fixed });
      repaired++;
      continue;
    }
    if (tail.startsWith('?') && tail.length > 1) {
      // The run ends in a lone lead byte; the annotation after it names the lost character's reading.
      const all = [...head, ...middleBytes];
      const lead = all[all.length - 1] as number;
      const aligned = decodeGbk(Uint8Array.from(all.slice(0, -1)));
      if (aligned === undefined) continue;
      const syllable = tail.slice(1, -1);
      const options = loadCandidates()
        .byPinyin(syllable)
        .filter((c) => gbkLead(c) === lead);
      if (options.length === 1) {
        spans.push({ start, end, text: aligned + (options[0] as string) });
        repaired++;
        recovered++;
      } else {
        spans.push({
          start,
          end,
          text: `${aligned}\uFFFD`,
          damage: { start: end - tail.length, end, hint: syllable },
        });
        repaired++;
      }
      continue;
    }
    if (middle.length === 0 && (tail === '?' || tail === '')) {
      // `?!?` before a line break: `。` survives, the byte after `A1` is gone; with a `“` open in
      // the paragraph, `”` is the punctuation that closes it.
      if (tail === '?') {
        spans.push({ start, end, text: '。”' });
        repaired++;
        recovered++;
      }
    }
  }

  // 2. Characters lost outright, with their annotation's remains: `日?qǐng)?bào)`, `兩地?cái)y手`.
  LOST.lastIndex = 0;
  for (let m = LOST.exec(text); m !== null; m = LOST.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (spans.some((s) => start < s.end && end > s.start)) continue;
    const hints: string[] = [];
    for (const u of m[0].matchAll(LOST_UNIT))
      if (isPinyinSyllable(u[1] as string)) hints.push(u[1] as string);
    const prev = start > 0 ? (text[start - 1] as string) : '';
    const next = text[end] ?? '';
    const found = recover(text, hints, prev, next, ctx, prefersTrad());
    if (found !== undefined) {
      spans.push({ start, end, text: found });
      recovered++;
    } else {
      spans.push({ start, end, text: '\uFFFD', damage: { start, end, hint: hints.join(' ') } });
    }
  }

  spans.sort((a, b) => a.start - b.start);
  for (const span of spans) {
    edit.keepUntil(span.start);
    // A character that stays lost is written as U+FFFD and reported in `damaged`.
    edit.replace(span.text, span.start, span.end);
    if (span.damage !== undefined) damaged.push(span.damage);
    edit.skipTo(span.end);
    changed = true;
  }
  count(fixes, 'mojibake', repaired);
  count(fixes, 'recovered_character', recovered);
  return changed ? edit.finish() : null;
}

function countOf(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i >= 0; i = s.indexOf(ch, i + 1)) n++;
  return n;
}

/** True when most characters that differ between the scripts are traditional. */
function prefersTraditional(text: string, ctx: MojibakeContext): boolean {
  let trad = 0;
  const limit = Math.min(text.length, 4000);
  for (let i = 0; i < limit && trad < 3; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x4e00 || c > 0x9fff) continue;
    const ch = text[i] as string;
    if (ctx.simplify(ch) !== ch) trad++;
  }
  return trad >= 3;
}

/**
 * Picks the lost character: first a candidate with a surviving reading that makes a listed word
 * with a neighbour; else a listed word ending in the next character (a lost character most often
 * starts a word whose second character survived), chosen by how often the document itself uses it.
 * Returns undefined unless exactly one candidate wins.
 */
function recover(
  text: string,
  hints: readonly string[],
  prev: string,
  next: string,
  ctx: MojibakeContext,
  traditional: boolean,
): string | undefined {
  const data = loadCandidates();
  const p = prev === '' ? '' : ctx.simplify(prev);
  const n = next === '' ? '' : ctx.simplify(next);
  const pick = (forms: readonly string[]): string | undefined => {
    const simple = new Set(forms.map((c) => ctx.simplify(c)));
    if (simple.size !== 1) return undefined;
    const trad = forms.find((c) => ctx.simplify(c) !== c);
    const simp = forms.find((c) => ctx.simplify(c) === c);
    return traditional ? (trad ?? simp) : (simp ?? trad);
  };
  for (let h = hints.length - 1; h >= 0; h--) {
    const fits = data.byPinyin(hints[h] as string).filter((c) => {
      const s = ctx.simplify(c);
      return (p !== '' && data.isWord(p + s)) || (n !== '' && data.isWord(s + n));
    });
    const chosen = pick(fits);
    if (chosen !== undefined) return chosen;
  }
  if (n === '') return undefined;
  // Context only: words `C + next`, weighed by the document's own use of `C + next`.
  const tally = new Map<string, { count: number; form: string }>();
  for (let i = text.indexOf(next); i >= 0; i = text.indexOf(next, i + 1)) {
    if (i === 0) continue;
    const before = text[i - 1] as string;
    const s = ctx.simplify(before);
    if (!data.isWord(s + n)) continue;
    const entry = tally.get(s) ?? { count: 0, form: before };
    entry.count++;
    tally.set(s, entry);
  }
  let best: { count: number; form: string } | undefined;
  let tie = false;
  for (const entry of tally.values()) {
    if (best === undefined || entry.count > best.count) {
      best = entry;
      tie = false;
    } else if (entry.count === best.count) tie = true;
  }
  return best !== undefined && !tie && best.count >= 2 ? best.form : undefined;
}
