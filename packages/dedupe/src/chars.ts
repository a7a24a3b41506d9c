/**
 * The character filter every fingerprint sees the text through: letters and digits are kept
 * (ASCII and full-width letters folded to lower-case ASCII), everything else — punctuation,
 * whitespace, line breaks, symbols, combining marks — is dropped. So reflowed lines, a `，` that
 * became `,`, or an added space change nothing.
 *
 * One 128 KiB table, built on first use, maps each UTF-16 code unit to the code unit kept (or 0
 * for dropped), so the per-character work in the hot path is one array read.
 */

let table: Uint16Array | undefined;

const letterOrDigit = /^[\p{L}\p{N}]$/u;

function build(): Uint16Array {
  const t = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) {
    if (c >= 0xd800 && c <= 0xdfff) {
      // Halves of a character outside the BMP (CJK extension B and beyond): keep both.
      t[c] = c;
      continue;
    }
    const ch = String.fromCharCode(c);
    if (!letterOrDigit.test(ch)) continue;
    let folded = c;
    if (c >= 0xff10 && c <= 0xff5a) folded = c - 0xfee0; // full-width digits and letters
    const lower = String.fromCharCode(folded).toLowerCase();
    t[c] = lower.length === 1 ? lower.charCodeAt(0) : folded;
  }
  return t;
}

/** The code unit kept for each UTF-16 code unit, 0 where the character is dropped. */
export function charTable(): Uint16Array {
  table ??= build();
  return table;
}

/** The text as the fingerprints see it: letters and digits only, folded. For tests and debugging. */
export function keptText(text: string): string {
  const t = charTable();
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = t[text.charCodeAt(i)] ?? 0;
    if (c !== 0) out += String.fromCharCode(c);
  }
  return out;
}
