/**
 * Removes inline pinyin annotations: a Chinese character followed by its reading in ASCII
 * parentheses, `經(jīng)濟(jì)` → `經濟`. A parenthesis that holds anything but one pinyin syllable
 * (Chinese, digits, several words) is a real parenthetical and stays: `中新(重慶)`, `(2016)`.
 */
import { Edit, type PassResult } from './edit.js';
import { count, type Fixes } from './fixes.js';
import { isPinyinSyllable, PINYIN_LETTERS } from './pinyin.js';

const ANNOTATION = new RegExp(`(?<=[\\u3400-\\u9fff\\uf900-\\ufaff])\\(([${PINYIN_LETTERS}]{1,6})\\)`, 'g');

/** Runs the pass; `null` when there is nothing to remove. */
export function removePinyinAnnotations(text: string, fixes: Fixes): PassResult | null {
  if (text.indexOf('(') < 0) return null;
  let edit: Edit | null = null;
  let removed = 0;
  ANNOTATION.lastIndex = 0;
  for (let m = ANNOTATION.exec(text); m !== null; m = ANNOTATION.exec(text)) {
    if (!isPinyinSyllable(m[1] as string)) continue;
    edit ??= new Edit(text);
    edit.keepUntil(m.index);
    edit.skipTo(m.index + m[0].length);
    removed++;
  }
  count(fixes, 'pinyin_annotation', removed);
  return edit === null ? null : edit.finish();
}
