/**
 * The compact stored form of a stage's result. Two parts of a document repeat what is already
 * stored, and take most of its room as plain JSON:
 *
 * - `segmented.tokens`, one object per token whose `text` is `normalized.text` between `start`
 *   and `end`: stored as columns (a tag table, a tag id per token, a length per token, and the
 *   gap before each token when any token does not start where the previous one ended).
 * - the article texts taken from `normalized.text` — `articles[].paragraphs`, `captions` and
 *   `quotes[].text`: one that is found in the text is stored as a `[start, end]` pair.
 *
 * Either is stored in its plain form when it is not what the compact form assumes (a token whose
 * text is not its slice of the text, a paragraph not found in it), so encoding never loses
 * anything. Offsets are UTF-16 code units, as everywhere in the document model.
 */
import type { ProcessedDocument, Token } from '@xinwen/core';

/** `segmented.tokens` as stored: columns instead of one object per token. */
export interface TokenColumns {
  /** The distinct POS tags, in order of first use. */
  tags: string[];
  /** Per token: its tag, as an index into `tags`. */
  tag: number[];
  /** Per token: `end - start`. */
  length: number[];
  /**
   * Per token: `start` minus the previous token's `end` (the first token's: minus 0). Left out
   * when every token starts where the previous one ended.
   */
  gap?: number[];
}

/** A text as stored: itself, or its `[start, end]` in `normalized.text`. */
export type StoredText = string | [number, number];

/** Texts shorter than this stay text: their offsets would take as much room. */
const minSpan = 4;
/** How far past the previous text's end a text is looked for first. */
const searchSlack = 2048;
/** How many texts per document may be looked for in the whole text when not found nearby. */
const searchBudget = 16;

/**
 * Finds texts in the document's text, each first a little past where the previous one was found
 * (paragraphs, captions and quotes follow the text's order), so the search stays linear in the
 * text's length; a few not found nearby are looked for in the whole text.
 */
class Locator {
  private cursor = 0;
  private budget = searchBudget;

  constructor(private readonly text: string) {}

  /** The text's `[start, end]`, or the text itself when it is short or not found. */
  locate(part: string): StoredText {
    if (part.length < minSpan) return part;
    const window = this.text.slice(this.cursor, this.cursor + part.length + searchSlack);
    let start = window.indexOf(part);
    if (start >= 0) start += this.cursor;
    else if (this.budget > 0) {
      this.budget--;
      start = this.text.indexOf(part);
    }
    if (start < 0) return part;
    this.cursor = start + part.length;
    return [start, this.cursor];
  }
}

/**
 * The tokens as columns, or `undefined` when some token's text is not its slice of `text` (then
 * they are stored as they are).
 */
export function encodeTokens(tokens: readonly Token[], text: string): TokenColumns | undefined {
  const n = tokens.length;
  const tags: string[] = [];
  const ids = new Map<string, number>();
  const tag = new Array<number>(n);
  const length = new Array<number>(n);
  const gap = new Array<number>(n);
  let gaps = false;
  let end = 0;
  for (let i = 0; i < n; i++) {
    const token = tokens[i]!;
    const len = token.end - token.start;
    if (len !== token.text.length || !text.startsWith(token.text, token.start)) return undefined;
    let id = ids.get(token.pos);
    if (id === undefined) {
      id = tags.length;
      tags.push(token.pos);
      ids.set(token.pos, id);
    }
    tag[i] = id;
    length[i] = len;
    gap[i] = token.start - end;
    if (token.start !== end) gaps = true;
    end = token.end;
  }
  return gaps ? { tags, tag, length, gap } : { tags, tag, length };
}

/** The token objects back from their columns. */
export function decodeTokens(columns: TokenColumns, text: string): Token[] {
  const { tags, tag, length, gap } = columns;
  const n = length.length;
  const tokens = new Array<Token>(n);
  let end = 0;
  for (let i = 0; i < n; i++) {
    const start = end + (gap === undefined ? 0 : gap[i]!);
    end = start + length[i]!;
    tokens[i] = { text: text.slice(start, end), pos: tags[tag[i]!]!, start, end };
  }
  return tokens;
}

/** Each text found in the document's text (see {@link Locator}) as its `[start, end]`. */
export function encodeTexts(texts: readonly string[], text: string | Locator): StoredText[] {
  const locator = typeof text === 'string' ? new Locator(text) : text;
  return texts.map((part) => locator.locate(part));
}

/** The texts back from their stored form. */
export function decodeTexts(stored: readonly StoredText[], text: string): string[] {
  return stored.map((p) => (typeof p === 'string' ? p : text.slice(p[0], p[1])));
}

const decodeText = (stored: unknown, text: string): unknown =>
  Array.isArray(stored) ? text.slice(stored[0] as number, stored[1] as number) : stored;

type Fields = Partial<ProcessedDocument>;
type Loose = Record<string, unknown>;

/** A stage's fields in their stored form, given the document's `normalized.text` if known. */
export function encodeFields(fields: Fields, text: string | undefined): Loose {
  const source = text ?? fields.normalized?.text;
  if (source === undefined) return fields;
  let out: Loose = fields;
  const segmented = fields.segmented;
  if (segmented !== undefined && segmented.tokens.length > 0) {
    const columns = encodeTokens(segmented.tokens, source);
    if (columns !== undefined) out = { ...out, segmented: { ...segmented, tokens: columns } };
  }
  if (fields.articles !== undefined) {
    // Each kind follows the text's order on its own.
    const paragraphs = new Locator(source);
    const captions = new Locator(source);
    const quotes = new Locator(source);
    out = {
      ...out,
      articles: fields.articles.map((article) => ({
        ...article,
        paragraphs: encodeTexts(article.paragraphs, paragraphs),
        captions: encodeTexts(article.captions, captions),
        quotes: article.quotes.map((quote) => ({ ...quote, text: quotes.locate(quote.text) })),
      })),
    };
  }
  return out;
}

/** A stage's fields back from their stored form, given the document's `normalized.text`. */
export function decodeFields(stored: Loose, text: string | undefined): Fields {
  const normalized = stored.normalized as { text?: string } | undefined;
  const source = normalized?.text ?? text ?? '';
  let out = stored;
  const segmented = stored.segmented as Loose | undefined;
  if (segmented !== undefined && segmented.tokens !== undefined && !Array.isArray(segmented.tokens)) {
    out = {
      ...out,
      segmented: { ...segmented, tokens: decodeTokens(segmented.tokens as TokenColumns, source) },
    };
  }
  const articles = stored.articles as Loose[] | undefined;
  if (Array.isArray(articles)) {
    out = {
      ...out,
      articles: articles.map((article) => ({
        ...article,
        paragraphs: decodeTexts((article.paragraphs ?? []) as StoredText[], source),
        captions: decodeTexts((article.captions ?? []) as StoredText[], source),
        quotes: ((article.quotes ?? []) as Loose[]).map((quote) => ({
          ...quote,
          text: decodeText(quote.text, source),
        })),
      })),
    };
  }
  return out as Fields;
}
