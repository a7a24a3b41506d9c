/**
 * 64-bit SimHash over shingle hashes. Each output bit is set when more than half of the shingles
 * have it set. The 64 per-bit counts are kept bit-sliced (counter plane p holds bit p of all 32
 * counts of one half) and shingles are added sixteen at a time through a Harley–Seal tree of
 * carry-save adders: about five word operations per shingle and no data-dependent branches,
 * instead of 64 counter updates.
 */

let carryOut = 0;

/** Carry-save adder: returns the sum bits of a + b + c and leaves the carry bits in `carryOut`. */
function csa(a: number, b: number, c: number): number {
  const u = a ^ b;
  carryOut = (a & b) | (u & c);
  return u ^ c;
}

/** Adds `word` with weight 2^from into the counter planes (ripple carry). */
function addAt(planes: Int32Array, word: number, from: number): void {
  let carry = word | 0;
  for (let p = from; carry !== 0; p++) {
    const plane = planes[p] as number;
    planes[p] = plane ^ carry;
    carry &= plane;
  }
}

/** The counts of one 32-bit half. */
class Half {
  readonly planes = new Int32Array(40);
  readonly block = new Int32Array(16);
  ones = 0;
  twos = 0;
  fours = 0;
  eights = 0;

  /** Adds the sixteen words in `block`. */
  addBlock(): void {
    const d = this.block;
    let { ones, twos, fours, eights } = this;
    ones = csa(ones, d[0] as number, d[1] as number);
    let twosA = carryOut;
    ones = csa(ones, d[2] as number, d[3] as number);
    twos = csa(twos, twosA, carryOut);
    let foursA = carryOut;
    ones = csa(ones, d[4] as number, d[5] as number);
    twosA = carryOut;
    ones = csa(ones, d[6] as number, d[7] as number);
    twos = csa(twos, twosA, carryOut);
    fours = csa(fours, foursA, carryOut);
    const eightsA = carryOut;
    ones = csa(ones, d[8] as number, d[9] as number);
    twosA = carryOut;
    ones = csa(ones, d[10] as number, d[11] as number);
    twos = csa(twos, twosA, carryOut);
    foursA = carryOut;
    ones = csa(ones, d[12] as number, d[13] as number);
    twosA = carryOut;
    ones = csa(ones, d[14] as number, d[15] as number);
    twos = csa(twos, twosA, carryOut);
    fours = csa(fours, foursA, carryOut);
    eights = csa(eights, eightsA, carryOut);
    addAt(this.planes, carryOut, 4); // sixteens
    this.ones = ones;
    this.twos = twos;
    this.fours = fours;
    this.eights = eights;
  }

  /** Adds the `pending` words left in `block` and the partial sums, and returns the bits. */
  finish(pending: number, count: number): string {
    const { planes } = this;
    for (let i = 0; i < pending; i++) addAt(planes, this.block[i] as number, 0);
    addAt(planes, this.ones, 0);
    addAt(planes, this.twos, 1);
    addAt(planes, this.fours, 2);
    addAt(planes, this.eights, 3);
    let word = 0;
    for (let bit = 0; bit < 32; bit++) {
      let ones = 0;
      for (let p = 0; p < planes.length; p++) ones += ((planes[p] as number) >>> bit) & 1 ? 2 ** p : 0;
      if (ones * 2 > count) word |= 1 << bit;
    }
    return (word >>> 0).toString(16).padStart(8, '0');
  }
}

/** Accumulates shingle hashes into a 64-bit SimHash. */
export class SimHasher {
  private readonly lo = new Half();
  private readonly hi = new Half();
  private pending = 0;
  private count = 0;

  /** Adds one shingle given its 64-bit hash as two 32-bit halves. */
  add(high: number, low: number): void {
    this.lo.block[this.pending] = low;
    this.hi.block[this.pending] = high;
    this.count++;
    if (++this.pending === 16) {
      this.lo.addBlock();
      this.hi.addBlock();
      this.pending = 0;
    }
  }

  /** The SimHash as 16 lower-case hex digits. */
  finish(): string {
    return this.hi.finish(this.pending, this.count) + this.lo.finish(this.pending, this.count);
  }
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
