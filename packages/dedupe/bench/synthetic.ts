/**
 * Synthetic documents for the index benchmarks: distinct 800-character documents drawn from the
 * seeds' own Chinese characters, every tenth one a near copy (eight characters changed) of the
 * one before it, so lookups also find candidates. Deterministic.
 */
export function syntheticDocuments(seeds: readonly string[], count: number): string[] {
  const pool = Array.from(new Set(seeds.join('').replace(/[^\p{Script=Han}]/gu, ''))).join('');
  let state = 42;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const docs: string[] = [];
  for (let i = 0; i < count; i++) {
    if (i % 10 === 9) {
      const prev = Array.from(docs[i - 1] as string);
      for (let k = 0; k < 8; k++) {
        prev[Math.floor(random() * prev.length)] = pool[Math.floor(random() * pool.length)] as string;
      }
      docs.push(prev.join(''));
    } else {
      const chars: string[] = [];
      for (let k = 0; k < 800; k++) chars.push(pool[Math.floor(random() * pool.length)] as string);
      docs.push(chars.join('')); // a flat string, not a rope of 800 pieces
    }
  }
  return docs;
}
