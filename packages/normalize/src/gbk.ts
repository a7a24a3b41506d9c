/**
 * GBK encoding (text → bytes), built from the platform's own GBK decoder (the WHATWG `gbk`
 * decoder of `TextDecoder`, which Node ships with full ICU), so no CommonJS encoding library
 * is needed and the package bundles cleanly. The table is built on first use.
 */
let table: Map<number, number> | undefined;

function buildTable(): Map<number, number> {
  const map = new Map<number, number>();
  const decoder = new TextDecoder('gbk');
  const single = new TextDecoder('gbk', { fatal: true });
  const row = new Uint8Array(190 * 2);
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    const trails: number[] = [];
    for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) trails.push(trail);
    trails.forEach((trail, i) => {
      row[2 * i] = lead;
      row[2 * i + 1] = trail;
    });
    const text = decoder.decode(row);
    // Every two-byte pair of the GBK range decodes to one UTF-16 unit; should a platform decode a
    // row otherwise, fall back to one pair at a time.
    if (text.length === trails.length) {
      trails.forEach((trail, i) => {
        const unit = text.charCodeAt(i);
        if (unit !== 0xfffd && !map.has(unit)) map.set(unit, (lead << 8) | trail);
      });
      continue;
    }
    for (const trail of trails) {
      pair[0] = lead;
      pair[1] = trail;
      try {
        const char = single.decode(pair);
        if (char.length === 1 && !map.has(char.charCodeAt(0)))
          map.set(char.charCodeAt(0), (lead << 8) | trail);
      } catch {
        // Not a GBK character.
      }
    }
  }
  return map;
}

/** GBK bytes of `text`, or undefined when a character has none. */
export function encodeGbk(text: string): Uint8Array | undefined {
  table ??= buildTable();
  const out = new Uint8Array(text.length * 2);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) {
      out[n++] = unit;
      continue;
    }
    const code = table.get(unit);
    if (code === undefined) return undefined;
    out[n++] = code >> 8;
    out[n++] = code & 0xff;
  }
  return out.subarray(0, n);
}
