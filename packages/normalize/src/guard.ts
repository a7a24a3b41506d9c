/** Checks that reject input no normalization can make sense of, each with its XinwenError code. */
import { XinwenError } from '@xinwen/core';

const MAGIC: readonly { type: string; bytes: readonly number[] }[] = [
  { type: 'pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { type: 'png', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { type: 'jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'gif', bytes: [0x47, 0x49, 0x46, 0x38] },
  { type: 'zip', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { type: 'gzip', bytes: [0x1f, 0x8b] },
  { type: 'elf', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { type: 'webp', bytes: [0x52, 0x49, 0x46, 0x46] },
];

/** Rejects oversized and binary byte input. */
export function checkBytes(bytes: Uint8Array, maxBytes: number): void {
  if (bytes.length > maxBytes) tooLarge(bytes.length, maxBytes);
  for (const { type, bytes: magic } of MAGIC) {
    if (magic.every((b, i) => bytes[i] === b)) {
      throw new XinwenError('binary_input', `expected text, found a ${type.toUpperCase()} file`, {
        details: { type },
      });
    }
  }
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!utf16) {
    const nul = bytes.indexOf(0);
    if (nul >= 0) {
      throw new XinwenError('binary_input', `expected text, found a NUL byte at offset ${nul}`, {
        details: { type: 'nul', offset: nul },
      });
    }
  }
}

/** Rejects oversized, binary and empty text. */
export function checkText(text: string, maxBytes: number): void {
  if (text.length > maxBytes || (text.length * 3 > maxBytes && Buffer.byteLength(text) > maxBytes)) {
    tooLarge(Buffer.byteLength(text), maxBytes);
  }
  if (text.startsWith('%PDF-')) {
    throw new XinwenError('binary_input', 'expected text, found a PDF file', { details: { type: 'pdf' } });
  }
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    throw new XinwenError('binary_input', `expected text, found a NUL character at offset ${nul}`, {
      details: { type: 'nul', offset: nul },
    });
  }
  if (isBlank(text)) {
    throw new XinwenError(
      'empty_document',
      text.length === 0 ? 'expected text, found an empty document' : 'expected text, found only whitespace',
      { details: { length: text.length } },
    );
  }
}

function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (
      c <= 0x20 ||
      c === 0xa0 ||
      c === 0x3000 ||
      c === 0xfeff ||
      (c >= 0x2000 && c <= 0x200d) ||
      c === 0x2060
    )
      continue;
    return false;
  }
  return true;
}

function tooLarge(size: number, maxBytes: number): never {
  throw new XinwenError(
    'document_too_large',
    `expected at most ${maxBytes} bytes (the maxBytes option), found ${size}`,
    { details: { size, maxBytes } },
  );
}
