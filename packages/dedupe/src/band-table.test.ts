import { describe, expect, it } from 'vitest';
import { BandTable } from './band-table.js';

const lookup = (table: BandTable, key: number) => {
  const out: number[] = [];
  table.forEach(key, (n) => out.push(n));
  return out;
};

describe('BandTable', () => {
  it('stores one or several documents per key, up to the maximum', () => {
    const table = new BandTable();
    table.add(0xffffffff, 0, 3);
    table.add(0, 1, 3);
    expect(lookup(table, 0xffffffff)).toEqual([0]);
    expect(lookup(table, 0)).toEqual([1]);
    expect(lookup(table, 7)).toEqual([]);
    for (let n = 2; n < 6; n++) table.add(0, n, 3);
    expect(lookup(table, 0)).toEqual([1, 2, 3]);
  });

  it('keeps every entry while growing', () => {
    const table = new BandTable();
    for (let n = 0; n < 5000; n++) table.add(Math.imul(n, 2654435761) >>> 0, n, 100);
    for (let n = 0; n < 5000; n += 499) expect(lookup(table, Math.imul(n, 2654435761) >>> 0)).toEqual([n]);
  });
});
