import type { Dedupe, Stage } from '@xinwen/core';
import { XinwenError } from '@xinwen/core';
import { createDedupeIndex, type DedupeIndex } from './dedupe-index.js';
import { type FingerprintOptions, fingerprint } from './fingerprint.js';
import { findRepeatedParagraphs, type RepeatedParagraphOptions } from './paragraphs.js';

/** What the dedupe stage reads: a document's id and normalized text. */
export interface DedupeInput {
  /** The document id (`ProcessedDocument.id`). */
  id: string;
  /** The normalized text (`ProcessedDocument.normalized.text`). */
  text: string;
}

/** Options for {@link createDedupe}. */
export interface DedupeOptions extends FingerprintOptions {
  /**
   * The index documents are checked against and added to. The worker passes one over the Redis
   * backend so that every worker shares it.
   * @default a new memory index (documents processed by this stage instance)
   */
  index?: DedupeIndex;
  /**
   * Options for the repeated-paragraph search.
   * @default {}
   */
  paragraphs?: RepeatedParagraphOptions;
}

/** A paragraph of a text with its UTF-16 offsets. */
export interface TextParagraph {
  text: string;
  start: number;
  end: number;
}

const blankLine = /\n[ \t\u3000]*\n/g;

/**
 * Splits a text into paragraphs at blank lines (lines holding only whitespace count as blank);
 * a text with no blank line at all is split at line breaks instead. Paragraphs are trimmed and
 * empty ones left out; offsets point into `text`.
 */
export function splitParagraphs(text: string): TextParagraph[] {
  const separator = /\n[ \t\u3000]*\n/.test(text) ? blankLine : /\n/g;
  const out: TextParagraph[] = [];
  let from = 0;
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(text[start] as string)) start++;
    while (end > start && /\s/.test(text[end - 1] as string)) end--;
    if (end > start) out.push({ text: text.slice(start, end), start, end });
  };
  for (const match of text.matchAll(new RegExp(separator.source, 'g'))) {
    push(from, match.index);
    from = match.index + match[0].length;
  }
  push(from, text.length);
  return out;
}

/**
 * The dedupe stage: fingerprints the normalized text, finds repeated paragraphs (each also
 * reported through `ctx.warn('repeated_paragraph', …)` with the repeat's span), and checks the
 * document against the index and adds it. Returns the document model's `dedupe` field.
 *
 * @throws XinwenError `invalid_input` without an id or text; `empty_document` for a text with no
 *   letters or digits; `store_unavailable` when a Redis index cannot be reached.
 */
export const createDedupe: Stage<DedupeInput, Promise<Dedupe>, DedupeOptions> = (options = {}) => {
  const index = options.index ?? createDedupeIndex();
  const shingle = options.shingleSize === undefined ? {} : { shingleSize: options.shingleSize };
  return async (input, ctx) => {
    if (typeof input !== 'object' || input === null || typeof input.text !== 'string') {
      throw new XinwenError('invalid_input', 'expected { id, text } with the normalized text as a string');
    }
    const fp = fingerprint(input.text, shingle);
    const paragraphs = splitParagraphs(input.text);
    const repeatedParagraphs = findRepeatedParagraphs(
      paragraphs.map((p) => p.text),
      { ...shingle, ...options.paragraphs },
    );
    for (const r of repeatedParagraphs) {
      const span = paragraphs[r.repeat] as TextParagraph;
      ctx.warn(
        'repeated_paragraph',
        `paragraph ${r.repeat + 1} repeats paragraph ${r.first + 1} (similarity ${r.similarity})`,
        span,
      );
    }
    const result = await index.checkAndAdd(input.id, fp);
    return {
      contentHash: fp.contentHash,
      simhash: fp.simhash,
      repeatedParagraphs,
      ...(result.exactDuplicateOf === undefined ? {} : { exactDuplicateOf: result.exactDuplicateOf }),
      nearDuplicates: result.nearDuplicates,
      clusterId: result.clusterId,
    };
  };
};
