/**
 * `normalize()` and `createNormalizer()`: raw bytes or text through every pass, with the offset map
 * composed pass by pass so that any normalized offset leads back to the decoded raw text.
 */
import type { Damaged, Removed, Script, StageContext, WebPage } from '@xinwen/core';
import { XinwenError } from '@xinwen/core';
import { compileBoilerplate, removeBoilerplate } from './boilerplate.js';
import { cleanCharacters } from './characters.js';
import { decodeBytes } from './decode.js';
import { compose, type PassResult } from './edit.js';
import type { Fixes } from './fixes.js';
import { type InputFormat, inputFormat } from './format.js';
import { checkBytes, checkText } from './guard.js';
import { type MarkdownText, markdownToText } from './html/markdown.js';
import type { WebMeta } from './html/meta.js';
import { htmlToText } from './html/text.js';
import { looksLikeHtml, stripHtml } from './html.js';
import { type LocalRemoval, layout } from './layout.js';
import { type LocalDamage, repairMojibake } from './mojibake.js';
import { createOffsetMap, type OffsetMap } from './offset-map.js';
import { removePinyinAnnotations } from './pinyin-annotations.js';
import { fixPunctuation } from './punctuation.js';
import {
  convertScript,
  detectAndSimplify,
  detectScript,
  scriptTable,
  simplifyChar,
  type Target,
} from './script.js';

/** Options for {@link normalize} and {@link createNormalizer}. Every step can be switched off. */
export interface NormalizeOptions {
  /**
   * The script to write: `simplified` (mainland), `traditional` (OpenCC standard), `taiwan` or
   * `hongkong`.
   * @default 'simplified'
   */
  target?: Target;
  /** Convert the script to `target`. @default true */
  convert?: boolean;
  /** Remove inline pinyin annotations such as `經(jīng)濟(jì)`. @default true */
  pinyinAnnotations?: boolean;
  /** Repair byte-misaligned GBK text and recover or report lost characters. @default true */
  mojibake?: boolean;
  /** Join hard-wrapped lines (PDF extractions) into paragraphs. @default true */
  unwrap?: boolean;
  /** Rejoin sentences broken across a paragraph gap. @default true */
  rejoinSentences?: boolean;
  /** Remove spaces that split numbers from their units or from Chinese (`4 月 30日`). @default true */
  splitNumbers?: boolean;
  /** Fold full-width ASCII letters, digits and symbols to half-width. @default true */
  width?: boolean;
  /** ASCII punctuation inside Chinese text to full-width. @default true */
  punctuation?: boolean;
  /** Remove control, zero-width and bidi characters and lone surrogates. @default true */
  controlChars?: boolean;
  /** Normalize line endings and space variants, collapse runs of spaces and blank lines. @default true */
  whitespace?: boolean;
  /** Take page furniture and site boilerplate out into `removed`. @default true */
  furniture?: boolean;
  /** Take photo captions and photo credits out into `removed`. @default true */
  captions?: boolean;
  /**
   * Your own boilerplate: strings match literally, regular expressions as given. Matches are tested
   * on the text after script conversion and pinyin removal, and land in `removed` as `boilerplate`.
   * @default []
   */
  boilerplate?: readonly (string | RegExp)[];
  /**
   * What to do with HTML: `auto` reads a web page (a `text/html` content type, a `.html` name, or
   * markup in the text) for its main content, puts navigation, comments, related links and the like
   * into `removed` and the page's title, time and source into `web`; Markdown (`.md`, `text/markdown`,
   * or headings and link lines in the text) keeps its headings as sections. `strip` keeps all the
   * text between tags (block tags become line breaks, entities are decoded); `reject` throws
   * `html_input`.
   * @default 'auto'
   */
  html?: 'auto' | 'reject' | 'strip';
  /**
   * Largest input accepted, in bytes (UTF-8 bytes for a string).
   * @default 33554432 (32 MiB)
   */
  maxBytes?: number;
}

/** What {@link normalize} returns. */
export interface NormalizeResult {
  /** The clean text: paragraphs separated by a blank line. */
  text: string;
  /** The input's script before conversion. */
  script: Script;
  /** How many fixes of each kind were made (snake_case keys; see the README). */
  fixes: Fixes;
  /** What was taken out: kind, the raw text, and raw offsets (into the decoded raw text). */
  removed: Removed[];
  /** Lost characters that could not be recovered, as offsets into `text` (written as U+FFFD). */
  damaged: Damaged[];
  /** Normalized offsets to raw offsets and back. */
  map: OffsetMap;
  /** Encoding of byte input (`utf-8`, `utf-16le`, `utf-16be`, `gb18030`, `big5`); `utf-16` for a string. */
  encoding: string;
  /** Confidence in `encoding`, 0–1 (1 for a BOM or a string). */
  encodingConfidence: number;
  /** For HTML and Markdown input (with `html: 'auto'`): what the page says about itself. */
  web?: WebPage;
}

/** What the caller knows about the input besides its content. */
export interface NormalizeHints {
  /** MIME type, e.g. `text/html` or `text/markdown`. */
  contentType?: string;
  /** File name or URL; its extension (`.html`, `.md`) tells the format. */
  uri?: string;
}

/**
 * A normalizer with its converters and tables built once. It fits `Stage` from `@xinwen/core`:
 * given a stage context, it also warns there (`damaged_text` for each lost character,
 * `low_encoding_confidence` when a legacy encoding was guessed with confidence under 0.8).
 */
export type Normalizer = (
  input: string | Uint8Array,
  ctx?: StageContext,
  hints?: NormalizeHints,
) => NormalizeResult;

const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;

/** Builds a normalizer: converters, tables and patterns are made here, once. */
export function createNormalizer(options: NormalizeOptions = {}): Normalizer {
  const o = validate(options);
  const target = o.target ?? 'simplified';
  const on = (v: boolean | undefined) => v !== false;
  const convert = on(o.convert);
  const simplified = scriptTable('simplified');
  const table = target === 'simplified' ? simplified : scriptTable(target);
  const boilerplate = compileBoilerplate(o.boilerplate ?? []);
  const maxBytes = o.maxBytes ?? DEFAULT_MAX_BYTES;
  const charSteps = { controlChars: on(o.controlChars), whitespace: on(o.whitespace), width: on(o.width) };
  const layoutSteps = {
    furniture: on(o.furniture),
    captions: on(o.captions),
    unwrap: on(o.unwrap),
    rejoin: on(o.rejoinSentences),
    whitespace: on(o.whitespace),
    splitNumbers: on(o.splitNumbers),
  };
  const mojibakeCtx = { simplify: simplifyChar };
  const conversionKey = target === 'simplified' ? 'traditional' : 'simplified';

  const webLayoutSteps = { ...layoutSteps, unwrap: false, rejoin: false };
  const htmlMode = o.html ?? 'auto';

  return (input, ctx, hints) => {
    let raw: string;
    let encoding = 'utf-16';
    let encodingConfidence = 1;
    if (input instanceof Uint8Array) {
      checkBytes(input, maxBytes);
      const decoded = decodeBytes(input);
      raw = decoded.text;
      encoding = decoded.encoding;
      encodingConfidence = decoded.confidence;
    } else if (typeof input === 'string') {
      raw = input;
    } else {
      throw new XinwenError('invalid_input', `expected a string or a Uint8Array, found ${typeof input}`);
    }
    checkText(raw, maxBytes);

    const fixes: Fixes = {};
    const removedRaw: { kind: string; start: number; end: number; text?: string }[] = [];
    const damagedRaw: { start: number; end: number; hint?: string }[] = [];
    let text = raw;
    let map: Int32Array | null = null;
    const toRaw = (i: number): number => (map === null ? i : (map[i] as number));
    const apply = (result: PassResult | null): void => {
      if (result === null) return;
      map = compose(map, result.map);
      text = result.text;
    };

    let format: InputFormat = 'text';
    let webMeta: WebMeta | undefined;
    let sections: MarkdownText['sections'] = [];
    if (htmlMode === 'auto') format = inputFormat(text, hints);
    else if (looksLikeHtml(text)) {
      if (htmlMode === 'reject') {
        throw new XinwenError(
          'html_input',
          'expected plain text, found HTML (pass html: "auto" to read the page or "strip" to keep all its text)',
        );
      }
      apply(stripHtml(text, fixes));
    }
    if (format === 'html') {
      const page = htmlToText(text, fixes);
      for (const r of page.removed) removedRaw.push(r);
      webMeta = page.meta;
      apply(page.result);
    } else if (format === 'markdown') {
      const doc = markdownToText(text, fixes);
      for (const r of doc.removed) removedRaw.push(r);
      webMeta = doc.meta;
      sections = doc.sections;
      apply(doc.result);
    }
    apply(cleanCharacters(text, charSteps, fixes));
    if (on(o.mojibake)) {
      const local: LocalDamage[] = [];
      const result = repairMojibake(text, mojibakeCtx, fixes, local);
      for (const d of local) {
        damagedRaw.push({
          start: toRaw(d.start),
          end: toRaw(d.end - 1) + 1,
          ...(d.hint ? { hint: d.hint } : {}),
        });
      }
      apply(result);
    }
    if (on(o.pinyinAnnotations)) apply(removePinyinAnnotations(text, fixes));
    let script: Script;
    if (convert && target === 'simplified') {
      const detected = detectAndSimplify(text, fixes);
      script = detected.script;
      apply(detected.result);
    } else {
      script = detectScript(text);
      if (convert) apply(convertScript(text, table, fixes, conversionKey));
    }
    if (on(o.punctuation)) apply(fixPunctuation(text, fixes));
    const localRemoved: LocalRemoval[] = [];
    const pushRemoved = () => {
      for (const r of localRemoved)
        removedRaw.push({ kind: r.kind, start: toRaw(r.start), end: toRaw(r.end - 1) + 1 });
      localRemoved.length = 0;
    };
    if (boilerplate.length > 0) {
      const result = removeBoilerplate(text, boilerplate, localRemoved);
      pushRemoved();
      apply(result);
    }
    const laid = layout(text, format === 'text' ? layoutSteps : webLayoutSteps, fixes, localRemoved);
    pushRemoved();
    apply(laid);

    const offsetMap = createOffsetMap(map, text.length, raw.length);
    removedRaw.sort((a, b) => a.start - b.start);
    const removed: Removed[] = removedRaw.map((r) => ({
      kind: r.kind,
      text: r.text ?? raw.slice(r.start, r.end),
      start: r.start,
      end: r.end,
    }));
    const damaged: Damaged[] = [];
    for (const d of damagedRaw) {
      let at = offsetMap.fromRaw(d.start);
      while (at < text.length && text.charCodeAt(at) !== 0xfffd && offsetMap.toRaw(at) < d.end) at++;
      if (text.charCodeAt(at) !== 0xfffd) continue; // the damaged spot was itself removed (furniture)
      damaged.push({ start: at, end: at + 1, ...(d.hint ? { hint: d.hint } : {}) });
    }
    if (ctx !== undefined) {
      if (encodingConfidence < 0.8) {
        ctx.warn('low_encoding_confidence', `guessed ${encoding} with confidence ${encodingConfidence}`);
      }
      for (const d of damaged) {
        ctx.warn('damaged_text', `a character was lost${d.hint ? ` (surviving hint: ${d.hint})` : ''}`, d);
      }
    }
    const result: NormalizeResult = {
      text,
      script,
      fixes,
      removed,
      damaged,
      map: offsetMap,
      encoding,
      encodingConfidence,
    };
    if (webMeta !== undefined && webMeta.publishedAt === undefined) {
      // Last resort: a date in the file name or address (xwlb-20221103.md, /2019/09/08/…).
      const fromName = dateInName(hints?.uri) ?? dateInName(webMeta.canonicalUrl);
      if (fromName !== undefined) webMeta.publishedAt = fromName;
    }
    if (webMeta !== undefined && format !== 'text') {
      const converted = convert && script !== (target === 'simplified' ? 'hans' : 'hant');
      const conv = (v: string) => (converted ? (convertScript(v, table, {}, conversionKey)?.text ?? v) : v);
      result.web = webPage(format, webMeta, sections, offsetMap, text, conv);
    }
    return result;
  };
}

const NAME_DATE = /(?<!\d)((?:19|20)\d{2})([-/_.]?)(\d{2})\2(\d{2})(?!\d)/;

/** A date written in a file name or URL, as an ISO time at China midnight. */
function dateInName(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const m = NAME_DATE.exec(name);
  if (m === null) return undefined;
  const month = Number(m[3]);
  const day = Number(m[4]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return `${m[1]}-${m[3]}-${m[4]}T00:00:00+08:00`;
}

/** The first offset at or after `at` that is not a line break (a paragraph break maps to the next heading). */
function skipBreaks(text: string, at: number): number {
  let i = at;
  while (i < text.length && (text.charCodeAt(i) === 10 || text.charCodeAt(i) === 32)) i++;
  return i;
}

function webPage(
  format: 'html' | 'markdown',
  meta: WebMeta,
  sections: MarkdownText['sections'],
  map: OffsetMap,
  text: string,
  conv: (v: string) => string,
): WebPage {
  const web: WebPage = {
    format,
    authors: meta.authors.map((a) => ({ name: conv(a.name), role: conv(a.role) })),
    editors: meta.editors.map((a) => ({ name: conv(a.name), role: conv(a.role) })),
    header: meta.header.map(conv),
    // A section ends where the next heading starts (its raw line start maps into removed markup).
    sections: sections.map((s, i) => ({
      level: s.level,
      title: conv(s.title),
      start: skipBreaks(text, map.fromRaw(s.start)),
      end: i + 1 < sections.length ? map.fromRaw(sections[i + 1]!.start) : text.length,
    })),
  };
  if (meta.title !== undefined) web.title = conv(meta.title);
  if (meta.publishedAt !== undefined) web.publishedAt = meta.publishedAt;
  if (meta.source !== undefined) web.source = conv(meta.source);
  if (meta.siteName !== undefined) web.siteName = conv(meta.siteName);
  if (meta.canonicalUrl !== undefined) web.canonicalUrl = meta.canonicalUrl;
  return web;
}

const cache = new Map<string, Normalizer>();

/**
 * Normalizes one document. Equivalent to `createNormalizer(options)(input)`; normalizers for
 * option sets without `boilerplate` are cached, so repeated calls do the set-up once.
 */
export function normalize(
  input: string | Uint8Array,
  options: NormalizeOptions = {},
  hints?: NormalizeHints,
): NormalizeResult {
  if (options.boilerplate !== undefined && options.boilerplate.length > 0)
    return createNormalizer(options)(input, undefined, hints);
  const key = JSON.stringify(options);
  let normalizer = cache.get(key);
  if (normalizer === undefined) {
    normalizer = createNormalizer(options);
    cache.set(key, normalizer);
  }
  return normalizer(input, undefined, hints);
}

const TARGETS: readonly string[] = ['simplified', 'traditional', 'taiwan', 'hongkong'];

function validate(options: NormalizeOptions): NormalizeOptions {
  if (typeof options !== 'object' || options === null) {
    throw new XinwenError('invalid_options', `expected an options object, found ${String(options)}`);
  }
  if (options.target !== undefined && !TARGETS.includes(options.target)) {
    throw new XinwenError(
      'invalid_options',
      `expected target to be one of ${TARGETS.join(', ')}, found "${String(options.target)}"`,
    );
  }
  if (options.maxBytes !== undefined && !(Number.isFinite(options.maxBytes) && options.maxBytes > 0)) {
    throw new XinwenError(
      'invalid_options',
      `expected maxBytes to be a positive number, found ${String(options.maxBytes)}`,
    );
  }
  if (
    options.html !== undefined &&
    options.html !== 'auto' &&
    options.html !== 'reject' &&
    options.html !== 'strip'
  ) {
    throw new XinwenError(
      'invalid_options',
      `expected html to be "auto", "reject" or "strip", found "${String(options.html)}"`,
    );
  }
  return options;
}
