/** The report of fixes a normalization made: a count per kind, keys in snake_case. */
export type Fixes = Record<string, number>;

/** Adds `n` to `fixes[kind]` (no key is created for zero). */
export function count(fixes: Fixes, kind: string, n = 1): void {
  if (n > 0) fixes[kind] = (fixes[kind] ?? 0) + n;
}
