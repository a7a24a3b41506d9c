/** Edit distance between two short words (insertions, deletions, substitutions). */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        previous[j]! + 1,
        row[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = row;
  }
  return previous[b.length]!;
}

/**
 * ` (did you mean "segment"?)` when one of `candidates` is close to `word` (at most a third of
 * its letters off) or starts with it (`userDict` → `userDictionary`), else the empty string.
 */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const lower = word.toLowerCase();
  const prefixed = candidates.filter((c) => lower.length >= 3 && c.toLowerCase().startsWith(lower));
  if (prefixed.length === 1) return ` (did you mean "${prefixed[0]}"?)`;
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const d = distance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (best === undefined || bestDistance > Math.max(1, Math.floor(best.length / 3))) return '';
  return ` (did you mean "${best}"?)`;
}
