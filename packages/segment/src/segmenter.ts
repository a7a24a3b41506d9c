/**
 * The segmenter: tokens with offsets and POS, sentences and keywords for one normalized text.
 */
import type { Keyword, Script, Segmented, Span, Token } from '@xinwen/core';
import { XinwenError } from '@xinwen/core';
import { type KeywordMethod, keywordsFromTokens } from './keywords.js';
import { markNames } from './names.js';
import { splitSentences } from './sentences.js';
import { simplifiedView } from './simplified-view.js';
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
  /**
   * Segment traditional and mixed text on its simplified view (OpenCC), so that it is cut as well
   * as simplified text; tokens are still slices of the input, in the input's characters.
   * @default true
   */
  simplify?: boolean;
}

/** What {@link Segmenter.segment} returns: the `segmented` model plus the script of the input. */
export interface SegmentResult extends Segmented {
  /** The script of the input text (`hans`, `hant` or `mixed`), as the segmenter saw it. */
  script: Script;
}

/** A segmenter built once with its options and reused for many texts. */
export interface Segmenter {
  /** Sentences, tokens and keywords of `text`, and its script. */
  segment(text: string): SegmentResult;
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

  const simplify = options.simplify ?? true;

  /** Tokens of text that is already in its simplified view. */
  const tokenizeView = (text: string): Token[] => {
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

  /** Tokens of `text` (as the caller wrote it), the view's keyword forms, and the script. */
  const analyse = (text: string): { tokens: Token[]; viewTokens: Token[]; script: Script } => {
    checkText(text);
    if (!simplify) return { tokens: tokenizeView(text), viewTokens: [], script: 'hans' };
    const view = simplifiedView(text);
    const viewTokens = tokenizeView(view.text);
    if (view.text === text) return { tokens: viewTokens, viewTokens: [], script: view.script };
    const tokens = viewTokens.map((t) => ({ ...t, text: text.slice(t.start, t.end) }));
    return { tokens, viewTokens, script: view.script };
  };

  const tokenize = (text: string): Token[] => analyse(text).tokens;

  /**
   * Keywords are scored on the simplified forms (the IDF table is simplified) and reported in the
   * caller's characters: the first occurrence's text.
   */
  const keywordsOf = (tokens: Token[], viewTokens: Token[], n: number): Keyword[] => {
    if (viewTokens.length === 0) return keywordsFromTokens(tokens, n, method);
    const original = new Map<string, string>();
    for (let k = 0; k < viewTokens.length; k++) {
      const v = (viewTokens[k] as Token).text;
      if (!original.has(v)) original.set(v, (tokens[k] as Token).text);
    }
    return keywordsFromTokens(viewTokens, n, method).map((kw) => ({
      word: original.get(kw.word) ?? kw.word,
      weight: kw.weight,
    }));
  };

  return {
    tokenize,
    splitSentences(text) {
      checkText(text);
      return splitSentences(text);
    },
    keywords(text, n = keywordCount) {
      const count = checkCount(n, 'n');
      const { tokens, viewTokens } = analyse(text);
      return keywordsOf(tokens, viewTokens, count);
    },
    segment(text) {
      const { tokens, viewTokens, script } = analyse(text);
      return {
        sentences: splitSentences(text),
        tokens,
        keywords: keywordCount === 0 ? [] : keywordsOf(tokens, viewTokens, keywordCount),
        script,
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
export function segment(text: string, options?: SegmenterOptions): SegmentResult {
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
