/**
 * The offset bookkeeping every pass shares. A pass reads a string and writes a new one through an
 * {@link Edit}; each output code unit records the input offset it came from. Pieces are recorded
 * as segments and the per-code-unit map is only built when the pass moved something: a pass that
 * only swaps characters one for one (folding, punctuation, script conversion) returns no map.
 */

/** One pass's result: the new text and, per output code unit (plus one for the end), its input offset. */
export interface PassResult {
  text: string;
  /** `null` when every output code unit sits at its input offset (a same-length rewrite). */
  map: Int32Array | null;
}

const COPY = 0;
const POINT = 1;
const CLAMP = 2;

/** Builds a pass's output text and its offset map together. */
export class Edit {
  private readonly input: string;
  private parts: string[] = [];
  /** Segments as [kind, length, a, b]: copy from a; all at a; a + k clamped to b. */
  private segments: number[] = [];
  private length = 0;
  private copied = 0;
  private aligned = true;

  constructor(input: string) {
    this.input = input;
  }

  /** Copies input `[from, to)` unchanged. */
  copy(from: number, to: number): void {
    if (to <= from) return;
    if (from !== this.length) this.aligned = false;
    this.parts.push(this.input.slice(from, to));
    this.segments.push(COPY, to - from, from, 0);
    this.length += to - from;
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
    this.aligned = false;
    this.parts.push(text);
    this.segments.push(POINT, text.length, source, 0);
    this.length += text.length;
  }

  /**
   * Writes `text` as the replacement of input `[from, to)`, mapping code unit k to `from + k` while
   * inside the span (so a same-length replacement keeps a one-to-one map) and to `to - 1` past it.
   */
  replace(text: string, from: number, to: number): void {
    if (text.length === 0) return;
    if (text.length !== to - from || from !== this.length) this.aligned = false;
    this.parts.push(text);
    this.segments.push(CLAMP, text.length, from, Math.max(from, to - 1));
    this.length += text.length;
  }

  /** Finishes without copying anything more (for passes that write every piece themselves). */
  done(): PassResult {
    const text = this.parts.join('');
    if (this.aligned && this.length === this.input.length) return { text, map: null };
    const map = new Int32Array(this.length + 1);
    const s = this.segments;
    let at = 0;
    for (let i = 0; i < s.length; i += 4) {
      const kind = s[i] as number;
      const len = s[i + 1] as number;
      const a = s[i + 2] as number;
      if (kind === COPY) for (let k = 0; k < len; k++) map[at++] = a + k;
      else if (kind === POINT) for (let k = 0; k < len; k++) map[at++] = a;
      else {
        const b = s[i + 3] as number;
        for (let k = 0; k < len; k++) map[at++] = Math.min(a + k, b);
      }
    }
    map[this.length] = this.input.length;
    return { text, map };
  }

  /** Finishes: copies the rest of the input and returns the text with its map. */
  finish(): PassResult {
    this.keepUntil(this.input.length);
    return this.done();
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
