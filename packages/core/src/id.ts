import { createHash } from 'node:crypto';

const encoder = new TextEncoder();

/** Lower-case hex SHA-256 of bytes, or of a string's UTF-8 bytes. */
export function sha256Hex(input: string | Uint8Array): string {
  return createHash('sha256')
    .update(typeof input === 'string' ? encoder.encode(input) : input)
    .digest('hex');
}

/** The id of a document given no id by its caller: `sha256:<hex>` of the raw bytes. */
export function contentId(raw: string | Uint8Array): string {
  return `sha256:${sha256Hex(raw)}`;
}

const contentIdPattern = /^sha256:[0-9a-f]{64}$/;

/** True for ids made by {@link contentId}. */
export function isContentId(id: string): boolean {
  return contentIdPattern.test(id);
}
