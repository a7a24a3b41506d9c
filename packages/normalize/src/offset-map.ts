/**
 * The offset map returned with every normalized text: normalized UTF-16 offsets to offsets in the
 * decoded raw text, and back.
 */

/** Turns offsets in the normalized text into offsets in the decoded raw text and back. */
export interface OffsetMap {
  /** Length of the normalized text the map was made for. */
  readonly length: number;
  /**
   * The raw offset a normalized offset came from: for `0 <= offset < length`, the offset of the raw
   * code unit that produced the normalized one (a converted or folded character maps to its
   * original; an inserted character maps to the raw character it replaced or follows); for
   * `offset === length`, the raw text's length. Out-of-range offsets are clamped.
   */
  toRaw(offset: number): number;
  /**
   * The first normalized offset whose raw offset is at or after `rawOffset` (the normalized text's
   * length when none is). Useful to place a raw span, such as a `removed` entry, in the text.
   */
  fromRaw(rawOffset: number): number;
}

/** Wraps a composed offset array (one entry per normalized code unit, plus the end). */
export function createOffsetMap(
  offsets: Int32Array | null,
  textLength: number,
  rawLength: number,
): OffsetMap {
  const at = (i: number): number => (offsets === null ? i : (offsets[i] as number));
  return {
    length: textLength,
    toRaw(offset) {
      if (offset >= textLength) return rawLength;
      if (offset <= 0) return textLength === 0 ? rawLength : at(0);
      return at(Math.floor(offset));
    },
    fromRaw(rawOffset) {
      let lo = 0;
      let hi = textLength;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (at(mid) < rawOffset) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    },
  };
}
