/** Pinyin syllables as they appear in inline annotations: ASCII letters plus tone-marked vowels. */

/** Characters a pinyin syllable is made of. */
export const PINYIN_LETTERS = 'a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹḿ';

/** Neutral-tone syllables written without a tone mark that annotations use. */
const NEUTRAL = new Set(['de', 'le', 'me', 'ne', 'ma', 'ba', 'zi', 'men', 'zhe', 'ya', 'la', 'wa', 'ge']);

/** 1 for a plain pinyin letter, 2 for a tone-marked one. */
const LETTER = new Uint8Array(0x2000);
for (let c = 0x61; c <= 0x7a; c++) LETTER[c] = 1;
LETTER[0xfc] = 1;
for (const ch of 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹ') LETTER[ch.charCodeAt(0)] = 2;

/** True when `s` reads as one pinyin syllable (a tone mark, or a known neutral-tone syllable). */
export function isPinyinSyllable(s: string): boolean {
  const n = s.length;
  if (n === 0 || n > 6) return false;
  let marked = false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    const kind = c < 0x2000 ? (LETTER[c] as number) : c === 0x1e3f ? 2 : 0;
    if (kind === 0) return false;
    if (kind === 2) marked = true;
  }
  return marked || NEUTRAL.has(s);
}

/** Strips tone marks: `lián` → `lian`, `lǚ` → `lü`. */
export function toneless(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u030c]/g, '')
    .normalize('NFC');
}
