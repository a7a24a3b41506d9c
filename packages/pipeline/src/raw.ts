import { contentId, type Source, XinwenError } from '@xinwen/core';

/** A document as a scraper saved it, with what the caller knows about it. */
export interface RawDocument {
  /** The scrape: bytes as saved, or text already decoded. */
  content: string | Uint8Array;
  /** The caller's id; defaults to `sha256:<hex>` of the raw bytes. */
  id?: string;
  /** Where the scrape came from (a URL or a file path). */
  uri?: string;
  /** MIME type the caller knows (default `text/plain`). */
  contentType?: string;
}

/** The first state of a document: its id and source, before any stage ran. */
export function initialDocument(raw: RawDocument): { id: string; source: Source; warnings: [] } {
  const { content } = raw;
  if (typeof content !== 'string' && !(content instanceof Uint8Array)) {
    throw new XinwenError('invalid_input', `expected a string or a Uint8Array, found ${describe(content)}`);
  }
  return {
    id: raw.id ?? contentId(content),
    source: {
      ...(raw.uri === undefined ? {} : { uri: raw.uri }),
      contentType: raw.contentType ?? 'text/plain',
      encoding: typeof content === 'string' ? 'utf-16' : 'unknown',
    },
    warnings: [],
  };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a value of type ${typeof value}`;
}
