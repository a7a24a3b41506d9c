/**
 * The offset bookkeeping every pass shares. A pass reads a string and writes a new one through an
 * {@link Edit}; each output code unit records the input offset it came from. Passes that change
 * nothing return `null` and cost nothing to compose.
 */

/** One pass's result: the new text and, per output code unit (plus one for the end), its input offset. */
export interface PassResult {
  text: string;
  /** `null` when every output code unit maps to the same input offset (a same-length rewrite). */
  map: Int32Array | null;
}

/** Builds a pass's output text and its offset map together. */
export class Edit {
  private readonly input: string;
  private parts: string[] = [];
  private map: Int32Array;
  private length = 0;
  private copied = 0;

  constructor(input: string) {
    this.input = input;
    this.map = new Int32Array(input.length + 16);
  }

  private reserve(extra: number): void {
    if (this.length + extra + 1 <= this.map.length) return;
    const bigger = new Int32Array(Math.max(this.map.length * 2, this.length + extra + 16));
    bigger.set(this.map.subarray(0, this.length));
    this.map = bigger;
  }

  /** Copies input `[from, to)` unchanged. */
  copy(from: number, to: number): void {
    if (to <= from) return;
    this.reserve(to - from);
    this.parts.push(this.input.slice(from, to));
    const map = this.map;
    let at = this.length;
    for (let i = from; i < to; i++) map[at++] = i;
    this.length = at;
  }

  /** Copies input from where the last {@link Edit.keepUntil} stopped up to `to`. */
  keepUntil(to: number): void {
    this.copy(this.copied, to);
    this.copied = Math.max(this.copied, to);
  }

  /** Skips input up to `to` (drops it from the output). */
  skipTo(to: number): void {
    this.copied = Math.max(this.copied, to);
  }

  /** Writes `text`; every code unit of it maps to input offset `source`. */
  emit(text: string, source: number): void {
    if (text.length === 0) return;
    this.reserve(text.length);
    this.parts.push(text);
    const map = this.map;
    let at = this.length;
    for (let i = 0; i < text.length; i++) map[at++] = source;
    this.length = at;
  }

  /**
   * Writes `text` as the replacement of input `[from, to)`, mapping code unit k to `from + k` while
   * inside the span (so a same-length replacement keeps a one-to-one map) and to `to - 1` past it.
   */
  replace(text: string, from: number, to: number): void {
    if (text.length === 0) return;
    this.reserve(text.length);
    this.parts.push(text);
    const map = this.map;
    let at = this.length;
    const last = Math.max(from, to - 1);
    for (let i = 0; i < text.length; i++) map[at++] = Math.min(from + i, last);
    this.length = at;
  }

  /** Finishes without copying anything more (for passes that write every piece themselves). */
  done(): PassResult {
    this.reserve(0);
    this.map[this.length] = this.input.length;
    return { text: this.parts.join(''), map: this.map.subarray(0, this.length + 1) };
  }

  /** Finishes: copies the rest of the input and returns the text with its map. */
  finish(): PassResult {
    this.keepUntil(this.input.length);
    this.reserve(0);
    this.map[this.length] = this.input.length;
    return { text: this.parts.join(''), map: this.map.subarray(0, this.length + 1) };
  }
}

/** Composes `outer` (new text → middle text) after `inner` (middle text → raw). */
export function compose(inner: Int32Array | null, outer: Int32Array | null): Int32Array | null {
  if (outer === null) return inner;
  if (inner === null) return outer;
  const out = new Int32Array(outer.length);
  for (let i = 0; i < outer.length; i++) out[i] = inner[outer[i] as number] as number;
  return out;
}
