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
  convert: (text: string) => string;
}

let tables: Tables | undefined;

function changedKeys(dict: string): Uint8Array {
  const flags = new Uint8Array(0x10000);
  for (const entry of dict.split('|')) {
    const space = entry.indexOf(' ');
    if (space !== 1) continue; // single BMP characters only
    if (entry.slice(space + 1) !== entry.slice(0, 1)) flags[entry.charCodeAt(0)] = 1;
  }
  return flags;
}

function load(): Tables {
  if (tables !== undefined) return tables;
  const trad = changedKeys(TSCharacters);
  for (const dict of [HKVariantsRev, TWVariantsRev, CJKCompatibility]) {
    const variants = changedKeys(dict);
    for (let c = 0; c < 0x10000; c++) if (variants[c] === 1) trad[c] = 1;
  }
  const keep = new Uint8Array(0x10000);
  for (const ch of readWordList(dataPath('simplified-also.txt')))
    if (ch.length === 1) keep[ch.charCodeAt(0)] = 1;
  let converter: ((text: string) => string) | undefined;
  tables = {
    trad,
    simp: changedKeys(STCharacters),
    keep,
    // the converter's tries take a moment to build: only text with traditional characters needs them
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
  const sparse = script === 'hans';
  if (!sparse) {
    const out = load().convert(text);
    if (out.length === text.length) return { text: out, script };
  }
  return { text: convertRuns(text, sparse), script };
}

/**
 * Converts run by run (runs of ideographs), keeping each run's length. With `sparse`, only runs
 * holding a traditional character that is not also simplified are converted, and in them the
 * characters standard in simplified text stay as written.
 */
function convertRuns(text: string, sparse: boolean): string {
  const { trad, keep, convert } = load();
  const parts: string[] = [];
  let copied = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isIdeograph(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let wanted = false;
    while (i < n && isIdeograph(text.charCodeAt(i))) {
      const c = text.charCodeAt(i);
      if (trad[c] === 1 && (!sparse || keep[c] !== 1)) wanted = true;
      i++;
    }
    if (!wanted) continue;
    const piece = text.slice(start, i);
    let out = convert(piece);
    if (out.length !== piece.length) out = convertKeepingLength(piece, convert);
    if (sparse) {
      let kept = '';
      for (let k = 0; k < piece.length; k++) kept += keep[piece.charCodeAt(k)] === 1 ? piece[k] : out[k];
      out = kept;
    }
    parts.push(text.slice(copied, start), out);
    copied = i;
  }
  parts.push(text.slice(copied));
  return parts.join('');
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
