/**
 * The simplified view of a text: traditional and mixed text is segmented as simplified text, then
 * each token is given back as the caller's own characters. The view has exactly the input's length
 * (one UTF-16 code unit for one), so a token's offsets in the view are its offsets in the input.
 *
 * The conversion is OpenCC's (opencc-js): Hong Kong and Taiwan variants to standard traditional,
 * then traditional phrases and characters to simplified. Where a conversion would change the length
 * (OpenCC maps a few rare characters, 暐 鉥, to characters outside the BMP) the run of ideographs is
 * converted character by character and a character whose result is longer stays as written: for
 * segmentation, an unconverted rare character is only an unknown character.
 */
import type { Script } from '@xinwen/core';
import { ConverterFactory } from 'opencc-js/core';
import CJKCompatibility from 'opencc-js/dict/CJK_Compatibility_Ideographs';
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
import HKVariantsRevPhrases from 'opencc-js/dict/HKVariantsRevPhrases';
import STCharacters from 'opencc-js/dict/STCharacters';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import TWVariantsRevPhrases from 'opencc-js/dict/TWVariantsRevPhrases';
import { dataPath, readWordList } from './data.js';

/** A text as segmented: the simplified view and the script of the input. */
export interface View {
  /** The input with traditional characters simplified; same length as the input. */
  text: string;
  /** `hant` when traditional-only characters make 90% or more of those that differ between the scripts, `hans` at 10% or less, else `mixed`. */
  script: Script;
}

interface Tables {
  /** 1 for characters OpenCC's traditional→simplified table changes (traditional-only). */
  trad: Uint8Array;
  /** 1 for characters OpenCC's simplified→traditional table changes (simplified-only). */
  simp: Uint8Array;
  /** 1 for characters also standard in simplified text (data/simplified-also.txt). */
  keep: Uint8Array;
  /** The simplified form of a character on its own (0: unchanged or not one code unit). */
  single: Uint16Array;
  /**
   * `context`: 1 for characters whose conversion can depend on their neighbours (a phrase converts
   * them otherwise than `single`, or a variant table holds them); `variant`: 1 for characters a
   * variant table (Hong Kong, Taiwan, compatibility) holds. Built on first use.
   */
  contexts: () => { context: Uint8Array; variant: Uint8Array };
  /** OpenCC's converter (variants, then phrases and characters), built on first use. */
  convert: (text: string) => string;
  /** Phrases and characters only, for runs with no variant character, built on first use. */
  convertPhrases: (text: string) => string;
}

let tables: Tables | undefined;

/** Keys of a dictionary ("from to|from to…") with their targets. */
function entries(dict: string): [string, string][] {
  const out: [string, string][] = [];
  for (const entry of dict.split('|')) {
    const space = entry.indexOf(' ');
    if (space > 0) out.push([entry.slice(0, space), entry.slice(space + 1)]);
  }
  return out;
}

function changedKeys(dict: string): Uint8Array {
  const flags = new Uint8Array(0x10000);
  for (const [from, to] of entries(dict)) if (from.length === 1 && to !== from) flags[from.charCodeAt(0)] = 1;
  return flags;
}

function load(): Tables {
  if (tables !== undefined) return tables;
  const trad = new Uint8Array(0x10000);
  const single = new Uint16Array(0x10000);
  for (const [from, to] of entries(TSCharacters)) {
    if (from.length !== 1 || to === from) continue;
    const c = from.charCodeAt(0);
    trad[c] = 1;
    if (to.length === 1) single[c] = to.charCodeAt(0);
  }
  for (const dict of [HKVariantsRev, TWVariantsRev, CJKCompatibility]) {
    for (const [from, to] of entries(dict))
      if (from.length === 1 && from !== to) trad[from.charCodeAt(0)] = 1;
  }
  const keep = new Uint8Array(0x10000);
  for (const ch of readWordList(dataPath('simplified-also.txt')))
    if (ch.length === 1) keep[ch.charCodeAt(0)] = 1;
  let converter: ((text: string) => string) | undefined;
  let phrases: ((text: string) => string) | undefined;
  let contextTables: { context: Uint8Array; variant: Uint8Array } | undefined;
  tables = {
    trad,
    simp: changedKeys(STCharacters),
    keep,
    single,
    // the phrase and variant tables are read only once some text needs converting
    contexts: () => (contextTables ??= readContexts(single)),
    convertPhrases: (text) => {
      phrases ??= ConverterFactory([TSPhrases, TSCharacters]);
      return phrases(text);
    },
    convert: (text) => {
      converter ??= ConverterFactory(
        [CJKCompatibility],
        [HKVariantsRevPhrases, HKVariantsRev],
        [TWVariantsRevPhrases, TWVariantsRev],
        [TSPhrases, TSCharacters],
      );
      return converter(text);
    },
  };
  return tables;
}

/** The `context` and `variant` flags of {@link Tables}. */
function readContexts(single: Uint16Array): { context: Uint8Array; variant: Uint8Array } {
  const context = new Uint8Array(0x10000);
  const variant = new Uint8Array(0x10000);
  for (const [from, to] of entries(TSCharacters)) {
    if (from.length === 1 && to !== from && to.length !== 1) context[from.charCodeAt(0)] = 1;
  }
  for (const [from, to] of entries(TSPhrases)) {
    for (let k = 0; k < from.length; k++) {
      const c = from.charCodeAt(k);
      const alone = single[c] === 0 ? c : (single[c] as number);
      if (from.length !== to.length || to.charCodeAt(k) !== alone) context[c] = 1;
    }
  }
  for (const dict of [
    HKVariantsRev,
    HKVariantsRevPhrases,
    TWVariantsRev,
    TWVariantsRevPhrases,
    CJKCompatibility,
  ]) {
    for (const [from, to] of entries(dict)) {
      if (from === to) continue;
      for (let k = 0; k < from.length; k++) {
        context[from.charCodeAt(k)] = 1;
        variant[from.charCodeAt(k)] = 1;
      }
    }
  }
  return { context, variant };
}

function scriptOf(t: number, s: number): Script {
  const all = t + s;
  if (all === 0) return 'hans';
  const share = t / all;
  return share >= 0.9 ? 'hant' : share <= 0.1 ? 'hans' : 'mixed';
}

const isIdeograph = (c: number): boolean => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);

/**
 * The simplified view of `text` and its script. Simplified text comes back as the same string.
 * In simplified text, characters that are standard there too (於 著 乾 …) are left as written and
 * only the runs of ideographs around other traditional characters are converted.
 */
export function simplifiedView(text: string): View {
  const { trad, simp, keep } = load();
  let t = 0;
  let s = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x3400) continue;
    s += simp[c] as number;
    // characters standard in both scripts (於 著 …) say nothing about which one the text is in
    if (trad[c] === 1 && keep[c] !== 1) t++;
  }
  const script = scriptOf(t, s);
  if (t === 0) return { text, script };
  return { text: convertRuns(text, script === 'hans'), script };
}

const decoder = new TextDecoder('utf-16le');

/**
 * Converts run by run (runs of ideographs), keeping each run's length. A run whose characters all
 * convert the same whatever their neighbours is converted character by character from the table;
 * a run holding a context-dependent character goes through OpenCC's converter whole. With
 * `sparse`, only runs holding a traditional character that is not also simplified are converted,
 * and in them the characters standard in simplified text stay as written.
 */
function convertRuns(text: string, sparse: boolean): string {
  const { trad, keep, single, contexts, convert, convertPhrases } = load();
  const { context, variant } = contexts();
  const n = text.length;
  const out = new Uint16Array(n);
  for (let i = 0; i < n; i++) out[i] = text.charCodeAt(i);
  let i = 0;
  while (i < n) {
    if (!isIdeograph(out[i] as number)) {
      i++;
      continue;
    }
    const start = i;
    let wanted = false;
    let phrase = false;
    let variants = false;
    while (i < n && isIdeograph(out[i] as number)) {
      const c = out[i] as number;
      if (trad[c] === 1 && (!sparse || keep[c] !== 1)) wanted = true;
      if (context[c] === 1) phrase = true;
      if (variant[c] === 1) variants = true;
      i++;
    }
    if (!wanted) continue;
    if (phrase) {
      const piece = text.slice(start, i);
      const run = variants ? convert : convertPhrases;
      let converted = run(piece);
      if (converted.length !== piece.length) converted = convertKeepingLength(piece, run);
      for (let k = 0; k < piece.length; k++) {
        if (!sparse || keep[piece.charCodeAt(k)] !== 1) out[start + k] = converted.charCodeAt(k);
      }
    } else {
      for (let k = start; k < i; k++) {
        const s = single[out[k] as number] as number;
        if (s !== 0 && (!sparse || keep[out[k] as number] !== 1)) out[k] = s;
      }
    }
  }
  return decoder.decode(out);
}

/**
 * Converts a run whose conversion changed its length: the characters that convert to something
 * longer stay as written, and the stretches between them are converted with their phrases.
 */
function convertKeepingLength(piece: string, convert: (text: string) => string): string {
  let out = '';
  let from = 0;
  const flush = (to: number): void => {
    if (to <= from) return;
    const part = piece.slice(from, to);
    const done = convert(part);
    if (done.length === part.length) out += done;
    else for (const ch of part) out += convert(ch).length === 1 ? convert(ch) : ch;
  };
  for (let k = 0; k < piece.length; k++) {
    const ch = piece[k] as string;
    if (convert(ch).length !== 1) {
      flush(k);
      out += ch;
      from = k + 1;
    }
  }
  flush(piece.length);
  return out;
}
