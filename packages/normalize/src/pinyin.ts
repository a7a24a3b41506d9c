/** Pinyin syllables as they appear in inline annotations: ASCII letters plus tone-marked vowels. */

/** Characters a pinyin syllable is made of. */
export const PINYIN_LETTERS = 'a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹḿ';

const TONE_MARKS = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ]/;

/** Neutral-tone syllables written without a tone mark that annotations use. */
const NEUTRAL = new Set([
  'de',
  'le',
  'me',
  'ne',
  'ma',
  'ba',
  'zi',
  'men',
  'zhe',
  'a',
  'ya',
  'la',
  'wa',
  'ge',
]);

/** True when `s` reads as one pinyin syllable (a tone mark, or a known neutral-tone syllable). */
export function isPinyinSyllable(s: string): boolean {
  if (s.length === 0 || s.length > 6) return false;
  return TONE_MARKS.test(s) || NEUTRAL.has(s);
}

/** Strips tone marks: `lián` → `lian`, `lǚ` → `lü`. */
export function toneless(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u030c]/g, '')
    .normalize('NFC');
}
