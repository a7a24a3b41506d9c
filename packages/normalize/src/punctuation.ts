/**
 * ASCII punctuation inside Chinese text to its full-width form: `合作,3年` → `合作，3年`,
 * `比如:` → `比如：`. Punctuation between ASCII letters or digits (`1,000`, `08:52`) stays, and
 * so do parentheses as written (`中新(重庆)`, `(2016)`, `重庆（南坪）`). Corner brackets 「」 and curly quotes “” are both kept as
 * written: they are different marks, not variants.
 */
import { Edit, type PassResult } from './edit.js';
import { count, type Fixes } from './fixes.js';

const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '!': '！', '?': '？' };

function isChinese(c: number): boolean {
  return (
    (c >= 0x3400 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0x3000 && c <= 0x303f) ||
    (c >= 0xff01 && c <= 0xff0f) ||
    c === 0x201c ||
    c === 0x201d ||
    c === 0x2018 ||
    c === 0x2019 ||
    c === 0x2026
  );
}

/** Runs the pass; `null` when nothing changed. */
export function fixPunctuation(text: string, fixes: Fixes): PassResult | null {
  let edit: Edit | null = null;
  let fixed = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    // , ; : ! ? — everything else is skipped by this one comparison chain.
    if (c !== 0x2c && c !== 0x3b && c !== 0x3a && c !== 0x21 && c !== 0x3f) continue;
    const before = i > 0 ? text.charCodeAt(i - 1) : 0;
    const after = i + 1 < n ? text.charCodeAt(i + 1) : 0;
    if (c === 0x3a && before >= 0x30 && before <= 0x39 && after >= 0x30 && after <= 0x39) continue;
    if (!(isChinese(before) || (isChinese(after) && c !== 0x3a))) continue;
    edit ??= new Edit(text);
    edit.keepUntil(i);
    edit.replace(FULL[text[i] as string] as string, i, i + 1);
    edit.skipTo(i + 1);
    fixed++;
  }
  count(fixes, 'punctuation', fixed);
  return edit === null ? null : edit.finish();
}
