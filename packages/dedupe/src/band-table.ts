/**
 * The memory backend's table for one LSH band: band hash -> document numbers, in typed arrays
 * with open addressing (linear probing, kept at most half full). Most band values belong to one
 * document, stored inline; a value shared by several documents points into a list. About 16
 * bytes per entry instead of the 40-odd of a `Map` entry.
 */
export class BandTable {
  private keys = new Uint32Array(1024);
  /** 0 empty, n > 0 document n - 1, n < 0 list -n - 1. */
  private values = new Int32Array(1024);
  private lists: number[][] = [];
  private used = 0;

  private slot(key: number): number {
    const mask = this.keys.length - 1;
    let i = (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
    while (this.values[i] !== 0 && this.keys[i] !== key) i = (i + 1) & mask;
    return i;
  }

  /** Calls `visit` with each document number stored under `key`. */
  forEach(key: number, visit: (num: number) => void): void {
    const value = this.values[this.slot(key)] as number;
    if (value > 0) visit(value - 1);
    else if (value < 0) for (const num of this.lists[-value - 1] as number[]) visit(num);
  }

  /** Stores document `num` under `key`, unless `max` documents are stored there already. */
  add(key: number, num: number, max: number): void {
    const i = this.slot(key);
    const value = this.values[i] as number;
    if (value === 0) {
      this.keys[i] = key;
      this.values[i] = num + 1;
      if (++this.used * 2 > this.keys.length) this.grow();
    } else if (value > 0) {
      if (max < 2) return;
      this.lists.push([value - 1, num]);
      this.values[i] = -this.lists.length;
    } else {
      const list = this.lists[-value - 1] as number[];
      if (list.length < max) list.push(num);
    }
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Uint32Array(keys.length * 2);
    this.values = new Int32Array(values.length * 2);
    for (let i = 0; i < keys.length; i++) {
      if (values[i] === 0) continue;
      const j = this.slot(keys[i] as number);
      this.keys[j] = keys[i] as number;
      this.values[j] = values[i] as number;
    }
  }
}
