/**
 * 64-bit SimHash over shingle hashes. Each output bit is set when more than half of the shingles
 * have it set. The per-bit counts are kept bit-sliced: counter plane p holds bit p of all 32
 * counters of one half, and adding a hash is a ripple-carry add across the planes — on average
 * two word operations per shingle instead of 64 counter updates.
 */
export class SimHasher {
  private readonly lo = new Int32Array(32);
  private readonly hi = new Int32Array(32);
  private count = 0;

  /** Adds one shingle given its 64-bit hash as two 32-bit halves. */
  add(high: number, low: number): void {
    let carry = low | 0;
    for (let p = 0; carry !== 0; p++) {
      const plane = this.lo[p] as number;
      this.lo[p] = plane ^ carry;
      carry &= plane;
    }
    carry = high | 0;
    for (let p = 0; carry !== 0; p++) {
      const plane = this.hi[p] as number;
      this.hi[p] = plane ^ carry;
      carry &= plane;
    }
    this.count++;
  }

  /** The SimHash as 16 lower-case hex digits. */
  finish(): string {
    return half(this.hi, this.count) + half(this.lo, this.count);
  }
}

function half(planes: Int32Array, count: number): string {
  let word = 0;
  for (let bit = 0; bit < 32; bit++) {
    let ones = 0;
    for (let p = 0; p < 32; p++) ones += ((planes[p] as number) >>> bit) & 1 ? 2 ** p : 0;
    if (ones * 2 > count) word |= 1 << bit;
  }
  return (word >>> 0).toString(16).padStart(8, '0');
}

/** Number of differing bits between two SimHashes given as 16 hex digits. */
export function hammingDistance(a: string, b: string): number {
  let distance = 0;
  for (let i = 0; i < 16; i += 8) {
    let x = (Number.parseInt(a.slice(i, i + 8), 16) ^ Number.parseInt(b.slice(i, i + 8), 16)) >>> 0;
    while (x !== 0) {
      x &= x - 1;
      distance++;
    }
  }
  return distance;
}
