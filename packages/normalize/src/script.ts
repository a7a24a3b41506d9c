/**
 * Script detection and conversion with opencc-js. The converters and a per-character table of
 * what each one changes are built once per target (and cached for the process), so a normalizer
 * can skip text that needs no conversion and convert only the runs of ideographs that do.
 */
import type { Script } from '@xinwen/core';
import * as OpenCC from 'opencc-js';
import CJKCompatibility from 'opencc-js/dict/CJK_Compatibility_Ideographs';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import TWVariantsRevPhrases from 'opencc-js/dict/TWVariantsRevPhrases';
import { dataFile } from './data.generated.js';
import { Edit, type PassResult } from './edit.js';
import { count, type Fixes } from './fixes.js';

/** The script to convert to. */
export type Target = 'simplified' | 'traditional' | 'taiwan' | 'hongkong';

/** The opencc-js locale pair for each target. */
const LOCALES: Record<Target, { from: string; to: string }> = {
  simplified: { from: 'tw', to: 'cn' },
  traditional: { from: 'cn', to: 't' },
  taiwan: { from: 'cn', to: 'tw' },
  hongkong: { from: 'cn', to: 'hk' },
};

/** A converter with the table of characters it changes on their own. */
export interface ScriptTable {
  convert: (text: string) => string;
  /** 1 where converting the character alone changes it. */
  changes: Uint8Array;
  /** The single-code-unit result for characters in `changes` (0 when the result is longer). */
  single: Uint16Array;
}

const tables = new Map<Target, ScriptTable>();

let alsoSimplified: Set<number> | undefined;

/** Characters standard in simplified text that the table would change alone (`data/simplified-also.txt`). */
function simplifiedAlso(): Set<number> {
  if (alsoSimplified !== undefined) return alsoSimplified;
  const text = dataFile('simplified-also.txt');
  alsoSimplified = new Set(
    text
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.length === 1)
      .map((l) => l.charCodeAt(0)),
  );
  return alsoSimplified;
}

const RANGES: readonly [number, number][] = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
];

/**
 * Code units through which a dictionary can change the final text: for each entry whose source and
 * target still differ after the `final` pass, the characters where they differ (every character
 * when their lengths differ). Entries that map a phrase to itself, or to a variant the final pass
 * simplifies the same way, change nothing.
 */
function changingUnits(final: (text: string) => string, ...dicts: string[]): Uint8Array {
  const flags = new Uint8Array(0x10000);
  for (const dict of dicts) {
    for (const entry of dict.split('|')) {
      const space = entry.indexOf(' ');
      if (space < 0) continue;
      const from = entry.slice(0, space);
      const to = entry.slice(space + 1);
      // A variant that the last pass turns into the same simplified text changes nothing.
      if (from === to || final(from) === final(to)) continue;
      for (let k = 0; k < from.length; k++) {
        if (from.length !== to.length || from.charCodeAt(k) !== to.charCodeAt(k))
          flags[from.charCodeAt(k)] = 1;
      }
    }
  }
  return flags;
}

/**
 * opencc-js's tw→cn converter (`tw2s`) runs four passes: CJK compatibility normalization, phrase
 * segmentation, Taiwan variants, then traditional→simplified phrases and characters. When a text
 * holds no character through which a compatibility or Taiwan-variant entry changes the simplified
 * result, those passes make no difference, and segmentation by the same phrase list cannot change the last pass's greedy longest
 * matches, so one pass with the traditional→simplified dictionaries gives the same output.
 * Lines that hold such a character go through the full converter.
 */
function fastTraditionalToSimplified(): (text: string) => string {
  const full = OpenCC.Converter(LOCALES.simplified);
  const single = OpenCC.ConverterFactory([TSPhrases, TSCharacters]);
  const other = changingUnits(single, CJKCompatibility, TWVariantsRev, TWVariantsRevPhrases);
  return (text) => {
    const n = text.length;
    let i = 0;
    while (i < n && other[text.charCodeAt(i)] !== 1) i++;
    if (i === n) return single(text);
    // Decided line by line (no dictionary entry spans a line break): only lines holding such a
    // character pay for the full chain.
    const parts: string[] = [];
    let from = 0;
    let flagged = false;
    for (i = 0; i <= n; i++) {
      const c = i < n ? text.charCodeAt(i) : 0x0a;
      if (c === 0x0a) {
        const line = text.slice(from, i);
        parts.push(flagged ? full(line) : single(line));
        from = i + 1;
        flagged = false;
      } else if (other[c] === 1) flagged = true;
    }
    return parts.join('\n');
  };
}

/** The table for a target, built on first use (a few hundred milliseconds) and cached. */
export function scriptTable(target: Target): ScriptTable {
  const cached = tables.get(target);
  if (cached !== undefined) return cached;
  const convert = target === 'simplified' ? fastTraditionalToSimplified() : OpenCC.Converter(LOCALES[target]);
  const chars: string[] = [];
  for (const [lo, hi] of RANGES) for (let c = lo; c <= hi; c++) chars.push(String.fromCharCode(c));
  const converted = convert(chars.join('\n')).split('\n');
  const changes = new Uint8Array(0x10000);
  const single = new Uint16Array(0x10000);
  if (converted.length === chars.length) {
    for (let i = 0; i < chars.length; i++) {
      const from = chars[i] as string;
      const to = converted[i] as string;
      if (to === from) continue;
      const c = from.charCodeAt(0);
      changes[c] = 1;
      if (to.length === 1) single[c] = to.charCodeAt(0);
    }
  } else {
    // A dictionary turned a separator into something else: fall back to one call per character.
    for (const from of chars) {
      const to = convert(from);
      if (to === from) continue;
      const c = from.charCodeAt(0);
      changes[c] = 1;
      if (to.length === 1) single[c] = to.charCodeAt(0);
    }
  }
  const table = { convert, changes, single };
  tables.set(target, table);
  return table;
}

let simplifiedTable: ScriptTable | undefined;

/** Simplified form of one character, from the simplified table. */
export function simplifyChar(char: string): string {
  simplifiedTable ??= scriptTable('simplified');
  const table = simplifiedTable;
  const c = char.charCodeAt(0);
  if (char.length !== 1 || table.changes[c] !== 1) return char;
  const s = table.single[c] as number;
  return s === 0 ? table.convert(char) : String.fromCharCode(s);
}

/**
 * The script of `text`: `hant` when traditional-only characters are at least 90% of the characters
 * that differ between the scripts, `hans` when they are at most 10%, else `mixed`. Text with no such
 * characters counts as `hans`.
 */
export function detectScript(text: string): Script {
  const trad = scriptTable('simplified').changes;
  const simp = scriptTable('traditional').changes;
  let t = 0;
  let s = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x3400) continue;
    t += trad[c] as number;
    s += simp[c] as number;
  }
  return scriptOf(t, s);
}

function scriptOf(t: number, s: number): Script {
  const all = t + s;
  if (all === 0) return 'hans';
  const share = t / all;
  return share >= 0.9 ? 'hant' : share <= 0.1 ? 'hans' : 'mixed';
}

function isIdeograph(c: number): boolean {
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}

/**
 * Converts what needs converting. Sparse hits (a stray 會 in simplified text) convert only the run
 * of ideographs around each, so phrase dictionaries still see whole words; dense text is converted
 * in one call. Returns `null` when no character needs it.
 */
export function convertScript(
  text: string,
  table: ScriptTable,
  fixes: Fixes,
  key: string,
): PassResult | null {
  const changes = table.changes;
  const keep = key === 'traditional' ? simplifiedAlso() : undefined;
  let hits = 0;
  let first = -1;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (changes[c] === 1 && (keep === undefined || !keep.has(c))) {
      if (first < 0) first = i;
      hits++;
    }
  }
  return convertHits(text, table, fixes, key, keep, hits, first);
}

/**
 * Detects the script and converts in one scan, for the usual simplified target (whose table of
 * changed characters is also the table of traditional-only characters).
 */
export function detectAndSimplify(text: string, fixes: Fixes): { script: Script; result: PassResult | null } {
  const table = scriptTable('simplified');
  const trad = table.changes;
  const simp = scriptTable('traditional').changes;
  const keep = simplifiedAlso();
  let t = 0;
  let s = 0;
  let hits = 0;
  let first = -1;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x3400) continue;
    s += simp[c] as number;
    if (trad[c] === 1) {
      t++;
      if (!keep.has(c)) {
        if (first < 0) first = i;
        hits++;
      }
    }
  }
  return {
    script: scriptOf(t, s),
    result: convertHits(text, table, fixes, 'traditional', keep, hits, first),
  };
}

function convertHits(
  text: string,
  table: ScriptTable,
  fixes: Fixes,
  key: string,
  keep: Set<number> | undefined,
  hits: number,
  first: number,
): PassResult | null {
  const changes = table.changes;
  const n = text.length;
  if (hits === 0) return null;
  let from = first;
  let kept = keep;
  if (hits * 50 > n) {
    const out = table.convert(text);
    if (out.length === n) {
      // Counted as the characters that convert on their own (phrase-only changes are not counted).
      count(fixes, key, hits);
      return { text: out, map: null };
    }
    // A conversion changed the length (OpenCC maps a few rare characters, 暐 鉥, outside the
    // BMP): convert run by run below, still as traditional text, every character included.
    kept = undefined;
    from = 0;
  }
  const simp = kept === undefined ? undefined : scriptTable('traditional').changes;
  const edit = new Edit(text);
  let changed = 0;
  let i = from;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (changes[code] !== 1 || kept?.has(code)) {
      i++;
      continue;
    }
    let start = i;
    while (start > 0 && isIdeograph(text.charCodeAt(start - 1))) start--;
    let end = i + 1;
    while (end < n && isIdeograph(text.charCodeAt(end))) end++;
    const piece = text.slice(start, end);
    // Sparse hits sit in simplified text: characters standard there (於 著 乾 …) stay as written,
    // unless their own run reads as traditional (no simplified-only character in it).
    let keepHere = kept;
    if (simp !== undefined) {
      let simplifiedOnly = false;
      for (let k = 0; k < piece.length && !simplifiedOnly; k++)
        simplifiedOnly = simp[piece.charCodeAt(k)] === 1;
      if (!simplifiedOnly) keepHere = undefined;
    }
    changed += convertRun(edit, piece, start, table, keepHere);
    i = end;
  }
  count(fixes, key, changed);
  return changed === 0 ? null : edit.finish();
}

/**
 * Converts one run of ideographs at `start` into `edit`; returns how many code units changed.
 * When the conversion changes the run's length, the characters that convert to something longer
 * are replaced on their own and the stretches between them by phrase, so the offset map stays
 * exact around them.
 */
function convertRun(
  edit: Edit,
  piece: string,
  start: number,
  table: ScriptTable,
  keep: Set<number> | undefined,
): number {
  let out = table.convert(piece);
  if (out.length === piece.length) {
    if (keep !== undefined) {
      let kept = '';
      for (let k = 0; k < piece.length; k++) kept += keep.has(piece.charCodeAt(k)) ? piece[k] : out[k];
      out = kept;
    }
    if (out === piece) return 0;
    let changed = 0;
    for (let k = 0; k < out.length; k++) if (out.charCodeAt(k) !== piece.charCodeAt(k)) changed++;
    edit.keepUntil(start);
    edit.replace(out, start, start + piece.length);
    edit.skipTo(start + piece.length);
    return changed;
  }
  let changed = 0;
  let from = 0;
  const flush = (to: number): void => {
    if (to > from) changed += convertRun(edit, piece.slice(from, to), start + from, table, keep);
  };
  for (let k = 0; k < piece.length; k++) {
    const one = table.convert(piece[k] as string);
    if (one.length !== 1) {
      flush(k);
      edit.keepUntil(start + k);
      edit.replace(one, start + k, start + k + 1);
      edit.skipTo(start + k + 1);
      changed++;
      from = k + 1;
    }
  }
  if (from === 0) {
    // no single character changes the length: a phrase does; replace the run as a whole
    edit.keepUntil(start);
    edit.replace(out, start, start + piece.length);
    edit.skipTo(start + piece.length);
    return piece.length;
  }
  flush(piece.length);
  return changed;
}
