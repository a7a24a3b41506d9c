/**
 * Caller ids, checked before anything is stored. The `sha256:<hex>` form is reserved for content
 * ids: a caller may use it only for the content it names, or it could take over the id of another
 * document (whose own ingest would then be refused for ever). Ids are bounded in length and
 * printable, so that they are safe to show on a terminal and to use in keys and job ids.
 */
import { contentId } from '@xinwen/core';

/** The longest caller id accepted, in UTF-16 code units. */
export const maxIdLength = 512;

// Control characters (C0, DEL, C1), line and paragraph separators, and bidirectional overrides
// that would let an id rewrite what a terminal shows around it.
const unsafe = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

/**
 * Why `id` cannot name `content`, or undefined when it can.
 * @param content the document's raw content, to check a `sha256:` id against.
 */
export function idProblem(id: string, content: string | Uint8Array): string | undefined {
  if (id.length === 0) return 'expected a non-empty id';
  if (id.length > maxIdLength)
    return `expected an id of at most ${maxIdLength} characters, found ${id.length}`;
  if (unsafe.test(id)) return 'expected an id without control characters';
  if (id.trim() !== id) return 'expected an id without leading or trailing whitespace';
  if (/^sha256:/i.test(id) && id !== contentId(content)) {
    return 'ids of the form sha256:<hex> are reserved for the content hash of the document itself';
  }
  return undefined;
}

/** `text` with control characters shown as `\u{…}` escapes, for a terminal. */
export function printable(text: string): string {
  return text.replace(new RegExp(unsafe.source, 'gu'), (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}
