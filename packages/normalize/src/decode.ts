/**
 * Bytes to text: BOM sniffing, UTF-8 validation, and a choice between GB18030 and Big5 for legacy
 * Chinese bytes, each with a confidence. Fatal decoders only: a byte sequence that is invalid in
 * every candidate is an `invalid_encoding` error, never replacement characters. Big5 is read as
 * Big5-HKSCS (Node's Big5 decoder turns the Hong Kong characters — 嘅咗喺嚟 — into private-use
 * code points, which would silently lose them), and Japanese (Shift_JIS, EUC-JP) and Korean
 * (EUC-KR) text, which the Chinese decoders would accept as garbage, is refused with
 * `unsupported_encoding`.
 */

import { createRequire } from 'node:module';
import { XinwenError } from '@xinwen/core';

/** What {@link decodeBytes} found. */
export interface Decoded {
  text: string;
  /** WHATWG encoding label: `utf-8`, `utf-16le`, `utf-16be`, `gb18030`, `big5`. */
  encoding: string;
  /** 0–1: 1 for a BOM, high for valid multi-byte UTF-8, lower for a legacy guess. */
  confidence: number;
}

function tryDecode(label: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Share of CJK ideographs among the non-ASCII characters that are common in running Chinese text
 * for the given decoding: legacy misdecodes produce rare ideographs, private-use and symbols.
 */
function legacyScore(text: string, commonLow: number, commonHigh: number): number {
  let nonAscii = 0;
  let good = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    nonAscii++;
    if ((c >= commonLow && c <= commonHigh) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef))
      good++;
  }
  return nonAscii === 0 ? 1 : good / nonAscii;
}

/** Counts bytes that are ASCII, to tell plain ASCII (any decoder agrees) from multi-byte text. */
function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if ((bytes[i] as number) >= 0x80) return false;
  return true;
}

/** Decodes bytes to text, detecting the encoding. Throws `invalid_encoding` when nothing fits. */
export function decodeBytes(bytes: Uint8Array): Decoded {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) return bom('utf-8', bytes);
  if (b0 === 0xff && b1 === 0xfe) return bom('utf-16le', bytes);
  if (b0 === 0xfe && b1 === 0xff) return bom('utf-16be', bytes);
  if (isAscii(bytes))
    return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', confidence: 1 };

  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8', confidence: 0.99 };

  refuseOtherLanguages(bytes);
  // 0xFF is neither a lead nor a trail byte in GB18030 or Big5 (some decoders skip it silently).
  const legacyOk = bytes.indexOf(0xff) < 0;
  const gb = legacyOk ? tryDecode('gb18030', bytes) : undefined;
  const big5 = legacyOk ? decodeBig5(bytes) : undefined;
  // Both legacy decoders accept most double-byte text; the decoding whose characters fall in the
  // common range of its own character set (GB2312 level 1 area / Big5 frequent area) wins.
  const gbScore = gb === undefined ? -1 : legacyScore(gb, 0x4e00, 0x9fa5) * commonShare(bytes, gbCommonLead);
  const big5Score =
    big5 === undefined ? -1 : legacyScore(big5, 0x4e00, 0x9fa5) * commonShare(bytes, big5CommonLead);
  if (gb === undefined && big5 === undefined) {
    throw new XinwenError(
      'invalid_encoding',
      'expected text in UTF-8, UTF-16 (with BOM), GB18030/GBK or Big5, found bytes that are invalid in each',
      { details: { byteLength: bytes.length } },
    );
  }
  if (gb !== undefined && gbScore >= big5Score) {
    return {
      text: gb,
      encoding: 'gb18030',
      confidence: round(0.5 + 0.45 * Math.max(0, gbScore - Math.max(0, big5Score) / 2)),
    };
  }
  if (hasPrivateUse(big5 as string)) {
    throw new XinwenError(
      'invalid_encoding',
      'expected Big5 or Big5-HKSCS text, found characters that decode only to private-use code points (they would be lost)',
      { details: { byteLength: bytes.length, encoding: 'big5' } },
    );
  }
  return {
    text: big5 as string,
    encoding: 'big5',
    confidence: round(0.5 + 0.45 * Math.max(0, big5Score - Math.max(0, gbScore) / 2)),
  };
}

/** True when `text` holds a code point of the BMP's Private Use Area. */
function hasPrivateUse(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xe000 && c <= 0xf8ff) return true;
  }
  return false;
}

/**
 * Big5 bytes as text, with the Hong Kong Supplementary Character Set: when Node's decoder yields
 * private-use code points (its Big5 table lacks HKSCS), the bytes are decoded again as Big5-HKSCS.
 * Undefined when the bytes are not valid Big5.
 */
function decodeBig5(bytes: Uint8Array): string | undefined {
  const text = tryDecode('big5', bytes);
  if (text === undefined || !hasPrivateUse(text)) return text;
  const codec = hkscsCodec();
  if (codec === undefined) return text;
  const hkscs = codec.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'big5hkscs');
  return hkscs.includes('\ufffd') ? text : hkscs;
}

interface Codec {
  decode(bytes: Buffer, encoding: string): string;
}

let codec: Codec | null | undefined;

/**
 * iconv-lite's Big5-HKSCS table, loaded on first need (it is CommonJS: loading it lazily keeps
 * ESM bundles of normalize working); null where it cannot be loaded, e.g. a bundle without it.
 */
function hkscsCodec(): Codec | undefined {
  if (codec === undefined) {
    try {
      codec = createRequire(import.meta.url)('iconv-lite') as Codec;
    } catch {
      codec = null;
    }
  }
  return codec ?? undefined;
}

/** Share of `text`'s non-ASCII characters for which `test` holds. */
function share(text: string, test: (c: number) => boolean): { share: number; count: number } {
  let nonAscii = 0;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    nonAscii++;
    if (test(c)) count++;
  }
  return { share: nonAscii === 0 ? 0 : count / nonAscii, count };
}

const isKana = (c: number) => c >= 0x3041 && c <= 0x30ff;
const isHangul = (c: number) => c >= 0xac00 && c <= 0xd7a3;
const isCjkPunctuation = (c: number) => (c >= 0x3000 && c <= 0x303f) || (c >= 0xff01 && c <= 0xff1f);

/**
 * Refuses Japanese and Korean text in their legacy encodings, which the Chinese decoders would
 * accept as garbage. Japanese: valid Shift_JIS or EUC-JP whose text is at least a fifth kana
 * (Chinese text has next to none). Korean: valid EUC-KR that is mostly Hangul, spaced between
 * words, with no Chinese punctuation (GB2312 text also decodes as EUC-KR, but unspaced and with
 * its own punctuation marks).
 * @throws XinwenError `unsupported_encoding`
 */
function refuseOtherLanguages(bytes: Uint8Array): void {
  const found = (encoding: string, language: string) =>
    new XinwenError(
      'unsupported_encoding',
      `expected Chinese text in UTF-8, UTF-16, GB18030/GBK or Big5, found ${language} text in ${encoding}`,
      { details: { encoding, byteLength: bytes.length } },
    );
  for (const label of ['shift_jis', 'euc-jp']) {
    const text = tryDecode(label, bytes);
    if (text !== undefined && share(text, isKana).share >= 0.2) throw found(label, 'Japanese');
  }
  const korean = tryDecode('euc-kr', bytes);
  if (korean !== undefined) {
    const hangul = share(korean, isHangul);
    let spaces = 0;
    for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x20) spaces++;
    const gb = tryDecode('gb18030', bytes) ?? '';
    if (hangul.share >= 0.5 && spaces * 10 >= hangul.count && share(gb, isCjkPunctuation).count === 0) {
      throw found('euc-kr', 'Korean');
    }
  }
}

function bom(label: string, bytes: Uint8Array): Decoded {
  const text = tryDecode(label, bytes);
  if (text === undefined) {
    throw new XinwenError(
      'invalid_encoding',
      `expected valid ${label} after its byte order mark, found invalid bytes`,
      {
        details: { encoding: label, byteLength: bytes.length },
      },
    );
  }
  return { text, encoding: label, confidence: 1 };
}

/**
 * Share of double-byte characters whose lead byte is one a real text uses most: for GBK, GB2312
 * level 1 (B0–D7) and punctuation (A1–A3); for Big5, the frequent-character block (A4–C6) and
 * symbols (A1–A3). Text decoded in the wrong one of the two lands mostly outside these.
 */
function commonShare(bytes: Uint8Array, isCommonLead: (lead: number) => boolean): number {
  let pairs = 0;
  let common = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (b < 0x81) continue;
    pairs++;
    if (isCommonLead(b)) common++;
    i++;
  }
  return pairs === 0 ? 1 : common / pairs;
}

const gbCommonLead = (b: number) => (b >= 0xb0 && b <= 0xd7) || (b >= 0xa1 && b <= 0xa3);
const big5CommonLead = (b: number) => b >= 0xa1 && b <= 0xc6;

function round(x: number): number {
  return Math.round(Math.min(0.95, x) * 100) / 100;
}
