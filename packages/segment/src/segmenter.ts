/**
 * The segmenter: tokens with offsets and POS, sentences and keywords for one normalized text.
 */
import type { Keyword, Segmented, Span, Token } from '@xinwen/core';
import { XinwenError } from '@xinwen/core';
import { type KeywordMethod, keywordsFromTokens } from './keywords.js';
import { markNames } from './names.js';
import { splitSentences } from './sentences.js';
import { tokenizeChunk } from './tokenize-chunk.js';
import {
  compileDictionary,
  type DictionaryEntry,
  findMatches,
  readDictionaryFile,
  type UserDictionary,
} from './user-dictionary.js';

/** Options for {@link createSegmenter} and {@link segment}. */
export interface SegmenterOptions {
  /**
   * This segmenter's own words: a file in nodejieba's user-dictionary format (`word [freq] [tag]`
   * a line) or an array of entries. Where a user word occurs it is always one token with its tag.
   * The words stay with this segmenter; nodejieba's process-wide dictionary is not changed.
   * @default no user words
   */
  userDictionary?: string | readonly DictionaryEntry[];
  /**
   * How many keywords {@link Segmenter.segment} returns (0 for none).
   * @default 10
   */
  keywords?: number;
  /**
   * How keywords are scored: TF-IDF, TextRank, or both (TF-IDF weights re-ranked by TextRank).
   * @default "both"
   */
  keywordMethod?: KeywordMethod;
  /**
   * Cut nodejieba's low-evidence dictionary phrases (entries at its floor frequency, such as
   * 「共同愿望」) into their parts; proper nouns, idioms and domain words stay whole.
   * @default true
   */
  splitCompounds?: boolean;
  /**
   * Join person names found after titles, before verbs of saying and before interview colons.
   * @default true
   */
  names?: boolean;
}

/** A segmenter built once with its options and reused for many texts. */
export interface Segmenter {
  /** Sentences, tokens and keywords of `text`. */
  segment(text: string): Segmented;
  /** Tokens of `text`; their texts joined give `text` back exactly. */
  tokenize(text: string): Token[];
  /** The top `n` keywords of `text`. */
  keywords(text: string, n?: number): Keyword[];
  /** Sentence spans of `text`. */
  splitSentences(text: string): Span[];
}

function checkText(text: unknown): asserts text is string {
  if (typeof text !== 'string') {
    throw new XinwenError(
      'invalid_input',
      `expected normalized text as a string, found ${text === null ? 'null' : typeof text}`,
    );
  }
}

function checkCount(n: unknown, what: string): number {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
    throw new XinwenError('invalid_options', `${what} must be a whole number >= 0, found ${String(n)}`);
  }
  return n;
}

/**
 * Builds a segmenter. Loads nodejieba with the domain dictionary on first use in the process.
 * @throws XinwenError `invalid_options` for bad options, `invalid_dictionary` for a user
 *   dictionary that cannot be read or has malformed entries.
 */
export function createSegmenter(options: SegmenterOptions = {}): Segmenter {
  const keywordCount = checkCount(options.keywords ?? 10, 'keywords');
  const method = options.keywordMethod ?? 'both';
  if (method !== 'tfidf' && method !== 'textrank' && method !== 'both') {
    throw new XinwenError(
      'invalid_options',
      `keywordMethod must be "tfidf", "textrank" or "both", found ${String(method)}`,
    );
  }
  const names = options.names ?? true;
  const split = options.splitCompounds ?? true;
  let dictionary: UserDictionary | undefined;
  if (options.userDictionary !== undefined) {
    const entries =
      typeof options.userDictionary === 'string'
        ? readDictionaryFile(options.userDictionary)
        : options.userDictionary;
    if (!Array.isArray(entries)) {
      throw new XinwenError(
        'invalid_options',
        'userDictionary must be a file path or an array of { word, freq?, tag? }',
      );
    }
    dictionary = entries.length > 0 ? compileDictionary(entries) : undefined;
  }

  const tokenize = (text: string): Token[] => {
    checkText(text);
    const tokens: Token[] = [];
    if (dictionary === undefined) {
      tokenizeChunk(text, 0, tokens, split);
    } else {
      let at = 0;
      for (const m of findMatches(text, dictionary)) {
        tokenizeChunk(text.slice(at, m.start), at, tokens, split);
        tokens.push({ text: text.slice(m.start, m.end), pos: m.tag, start: m.start, end: m.end });
        at = m.end;
      }
      tokenizeChunk(text.slice(at), at, tokens, split);
    }
    return names ? markNames(tokens) : tokens;
  };

  return {
    tokenize,
    splitSentences(text) {
      checkText(text);
      return splitSentences(text);
    },
    keywords(text, n = keywordCount) {
      return keywordsFromTokens(tokenize(text), checkCount(n, 'n'), method);
    },
    segment(text) {
      const tokens = tokenize(text);
      return {
        sentences: splitSentences(text),
        tokens,
        keywords: keywordsFromTokens(tokens, keywordCount, method),
      };
    },
  };
}

let shared: Segmenter | undefined;
const defaultSegmenter = (): Segmenter => (shared ??= createSegmenter());

/**
 * Segments normalized text: sentences, tokens (with offsets and POS) and keywords.
 * Without options the shared default segmenter is used.
 * @throws XinwenError `invalid_input` when `text` is not a string.
 */
export function segment(text: string, options?: SegmenterOptions): Segmented {
  return (options === undefined ? defaultSegmenter() : createSegmenter(options)).segment(text);
}

/**
 * Tokens of normalized text with offsets and POS tags; joined, their texts give `text` back.
 * @throws XinwenError `invalid_input` when `text` is not a string.
 */
export function tokenize(text: string): Token[] {
  return defaultSegmenter().tokenize(text);
}

/**
 * The top `n` keywords of normalized text (TF-IDF re-ranked by TextRank).
 * @throws XinwenError `invalid_input` when `text` is not a string, `invalid_options` for a bad `n`.
 */
export function keywords(text: string, n = 10): Keyword[] {
  return defaultSegmenter().keywords(text, n);
}
