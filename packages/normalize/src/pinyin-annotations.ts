/**
 * Removes inline pinyin annotations: a Chinese character followed by its reading in ASCII
 * parentheses, `經(jīng)濟(jì)` → `經濟`. A parenthesis that holds anything but one pinyin syllable
 * (Chinese, digits, several words) is a real parenthetical and stays: `中新(重慶)`, `(2016)`.
 */
import { Edit, type PassResult } from './edit.js';
import { count, type Fixes } from './fixes.js';
import { isPinyinSyllable } from './pinyin.js';

function isIdeograph(c: number): boolean {
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}

/** Runs the pass; `null` when there is nothing to remove. */
export function removePinyinAnnotations(text: string, fixes: Fixes): PassResult | null {
  let open = text.indexOf('(');
  if (open < 0) return null;
  let edit: Edit | null = null;
  let removed = 0;
  while (open >= 0) {
    const close = text.indexOf(')', open + 1);
    if (close < 0) break;
    if (close - open <= 7 && open > 0 && isIdeograph(text.charCodeAt(open - 1))) {
      const syllable = text.slice(open + 1, close);
      if (isPinyinSyllable(syllable)) {
        edit ??= new Edit(text);
        edit.keepUntil(open);
        edit.skipTo(close + 1);
        removed++;
        open = text.indexOf('(', close + 1);
        continue;
      }
    }
    open = text.indexOf('(', open + 1);
  }
  count(fixes, 'pinyin_annotation', removed);
  return edit === null ? null : edit.finish();
}
