/**
 * The per-character clean-up pass (the hot loop): line endings, control and zero-width characters,
 * lone surrogates, space variants, and full-width ASCII letters, digits and symbols folded to
 * half-width. Text that needs none of it is returned untouched without allocating.
 */
import { Edit, type PassResult } from './edit.js';
import { count, type Fixes } from './fixes.js';

/** Which parts of the character pass run. */
export interface CharacterSteps {
  controlChars: boolean;
  whitespace: boolean;
  width: boolean;
}

/**
 * 0 = keep, 1 = drop (control / zero-width), 2 = space variant → " ", 3 = full-width ASCII → fold,
 * 4 = surrogate (checked for pairing), 5 = carriage return.
 */
const ACTION = new Uint8Array(0x10000);
for (let c = 0; c < 0x20; c++) ACTION[c] = 1;
ACTION[0x0a] = 0;
ACTION[0x09] = 2;
ACTION[0x0d] = 5;
for (let c = 0x7f; c <= 0x9f; c++) ACTION[c] = 1;
ACTION[0xad] = 1;
ACTION[0xa0] = 2;
for (let c = 0x2000; c <= 0x200a; c++) ACTION[c] = 2;
ACTION[0x200b] = 1;
ACTION[0x200c] = 1;
ACTION[0x200d] = 1;
ACTION[0x200e] = 1;
ACTION[0x200f] = 1;
for (let c = 0x202a; c <= 0x202e; c++) ACTION[c] = 1;
ACTION[0x202f] = 2;
ACTION[0x205f] = 2;
ACTION[0x2060] = 1;
for (let c = 0x2066; c <= 0x2069; c++) ACTION[c] = 1;
ACTION[0x3000] = 2;
ACTION[0xfeff] = 1;
// Full-width digits, letters and the symbols that read the same half-width; full-width Chinese
// punctuation （，。：；！？ etc.) is left alone on purpose.
for (let c = 0xff10; c <= 0xff19; c++) ACTION[c] = 3;
for (let c = 0xff21; c <= 0xff3a; c++) ACTION[c] = 3;
for (let c = 0xff41; c <= 0xff5a; c++) ACTION[c] = 3;
for (const c of [
  0xff03, 0xff04, 0xff05, 0xff06, 0xff0a, 0xff0b, 0xff0d, 0xff0e, 0xff0f, 0xff1d, 0xff20, 0xff3f,
]) {
  ACTION[c] = 3;
}
for (let c = 0xd800; c <= 0xdfff; c++) ACTION[c] = 4;

const pictographic = /^\p{Extended_Pictographic}$/u;

/** The code point ending just before index `i`, or 0. */
function codePointBefore(text: string, i: number): number {
  if (i <= 0) return 0;
  const low = text.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) {
    const high = text.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  }
  return low;
}

/**
 * True when the zero-width joiner at `i` joins two emoji: the character after it is pictographic,
 * and the one before it is too (or is an emoji presentation selector or skin-tone modifier that
 * ends one).
 */
function joinsEmoji(text: string, i: number): boolean {
  const after = text.codePointAt(i + 1);
  if (after === undefined || !pictographic.test(String.fromCodePoint(after))) return false;
  let before = codePointBefore(text, i);
  if (before === 0xfe0f || (before >= 0x1f3fb && before <= 0x1f3ff)) {
    before = codePointBefore(text, i - (before > 0xffff ? 2 : 1));
  }
  return before !== 0 && pictographic.test(String.fromCodePoint(before));
}

/** Runs the character pass. Returns `null` when nothing changed. */
export function cleanCharacters(text: string, steps: CharacterSteps, fixes: Fixes): PassResult | null {
  let edit: Edit | null = null;
  let control = 0;
  let space = 0;
  let width = 0;
  let surrogates = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const action = ACTION[c] as number;
    if (action === 0) continue;
    switch (action) {
      case 1:
        if (!steps.controlChars) continue;
        // A zero-width joiner inside an emoji sequence (👨‍👩‍👧) is part of the character.
        if (c === 0x200d && joinsEmoji(text, i)) continue;
        edit ??= new Edit(text);
        edit.keepUntil(i);
        edit.skipTo(i + 1);
        control++;
        break;
      case 2:
        if (!steps.whitespace || c === 0x20) continue;
        edit ??= new Edit(text);
        edit.keepUntil(i);
        edit.replace(' ', i, i + 1);
        edit.skipTo(i + 1);
        space++;
        break;
      case 3:
        if (!steps.width) continue;
        edit ??= new Edit(text);
        edit.keepUntil(i);
        edit.replace(String.fromCharCode(c - 0xfee0), i, i + 1);
        edit.skipTo(i + 1);
        width++;
        break;
      case 4: {
        if (c <= 0xdbff) {
          const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
          if (next >= 0xdc00 && next <= 0xdfff) {
            i++;
            continue;
          }
        }
        // A lone surrogate cannot be encoded as UTF-8 and breaks every later stage: drop it.
        edit ??= new Edit(text);
        edit.keepUntil(i);
        edit.skipTo(i + 1);
        surrogates++;
        break;
      }
      case 5: {
        if (!steps.whitespace) continue;
        edit ??= new Edit(text);
        edit.keepUntil(i);
        if (text.charCodeAt(i + 1) === 0x0a) {
          edit.skipTo(i + 1);
        } else {
          edit.replace('\n', i, i + 1);
          edit.skipTo(i + 1);
        }
        space++;
        break;
      }
    }
  }
  count(fixes, 'control_char', control);
  count(fixes, 'whitespace', space);
  count(fixes, 'width', width);
  count(fixes, 'lone_surrogate', surrogates);
  return edit === null ? null : edit.finish();
}
