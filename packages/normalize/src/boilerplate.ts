/** The caller's own boilerplate patterns: every match is taken out into `removed` as `boilerplate`. */
import { Edit, type PassResult } from './edit.js';
import type { LocalRemoval } from './layout.js';

/** Compiles patterns once: strings match literally, regular expressions as given (made global). */
export function compileBoilerplate(patterns: readonly (string | RegExp)[]): RegExp[] {
  return patterns.map((p) =>
    typeof p === 'string'
      ? new RegExp(p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g')
      : new RegExp(p.source, p.flags.includes('g') ? p.flags : `${p.flags}g`),
  );
}

/** Removes every match; `null` when none matched. */
export function removeBoilerplate(
  text: string,
  patterns: readonly RegExp[],
  removed: LocalRemoval[],
): PassResult | null {
  const spans: [number, number][] = [];
  for (const pattern of patterns) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      if (m[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      spans.push([m.index, m.index + m[0].length]);
    }
  }
  if (spans.length === 0) return null;
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const edit = new Edit(text);
  let last = 0;
  for (const [start, end] of spans) {
    if (start < last) continue;
    edit.keepUntil(start);
    edit.skipTo(end);
    removed.push({ kind: 'boilerplate', start, end });
    last = end;
  }
  return edit.finish();
}
