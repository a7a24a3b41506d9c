/**
 * Person names. nodejieba tags 「市委副书记李明清」 as 李/nr 明清/t and 「丁中平」 as 丁/nr 中平/ns.
 * A name is recognised from its context, never from a list of names: a surname (data/surnames.txt)
 * plus one or two characters, right after an office title (data/titles.txt), right before a verb
 * of saying (data/speech-verbs.txt), or at the start of a line before a colon (interview turns
 * 「董建国：」). Names found so are then also joined where they occur again in the same text.
 */
import type { Token } from '@xinwen/core';
import { type RuleTables, ruleTables } from './data.js';

/** Single-character words that end a name rather than belong to it (「李庆说」, 「张三在」). */
const functionChars = new Set(
  '在说和与及等是的了也都就将对向为从到把被作称率带一表指强介认提要主出会前去来当兼任同于所以由还又再并而但则即给让请已正亲先首随陪摄'.split(
    '',
  ),
);

/** Tags of multi-character words that are never part of a given name. */
const nonNameTags = new Set([
  'v',
  'vn',
  'vd',
  'd',
  'p',
  'c',
  'u',
  'uj',
  'ul',
  'uz',
  'ug',
  'uv',
  'ud',
  'r',
  'm',
  'q',
  'f',
  'w',
  'x?',
]);

const hanOnly = /^[\u3400-\u4dbf\u4e00-\u9fff]+$/;

function isBoundary(token: Token | undefined, tables: RuleTables): boolean {
  if (token === undefined) return true;
  if (token.pos === 'w' || token.pos === 'x') return !hanOnly.test(token.text);
  return token.pos === 'nnt' || tables.titles.has(token.text);
}

function isTitle(token: Token | undefined, tables: RuleTables): boolean {
  return token !== undefined && (token.pos === 'nnt' || tables.titles.has(token.text));
}

/**
 * How many tokens from `k` make a name: 0 when none. Tries the longest token-aligned span of
 * surname + one or two characters first.
 */
function nameAt(tokens: readonly Token[], k: number, tables: RuleTables): number {
  const first = tokens[k];
  if (first === undefined || !hanOnly.test(first.text)) return 0;
  let text = '';
  let best = 0;
  for (let n = 1; n <= 3 && k + n <= tokens.length; n++) {
    const t = tokens[k + n - 1] as Token;
    if (!hanOnly.test(t.text)) break;
    if (tables.titles.has(t.text) || tables.speechVerbs.has(t.text)) break;
    if (n > 1 && t.text.length > 1 && nonNameTags.has(t.pos)) break;
    if (n > 1 && t.text.length === 1 && functionChars.has(t.text)) break;
    text += t.text;
    const surnameLength = tables.compoundSurnames.has(text.slice(0, 2))
      ? 2
      : tables.surnames.has(text[0] ?? '')
        ? 1
        : 0;
    if (surnameLength === 0) return 0;
    const given = text.length - surnameLength;
    if (given > 2) break;
    if (given >= 1) {
      if (n === 1 && t.text.length > 1 && nonNameTags.has(t.pos)) return 0;
      best = n;
    }
  }
  return best;
}

function merge(tokens: readonly Token[], k: number, n: number): Token {
  const first = tokens[k] as Token;
  const last = tokens[k + n - 1] as Token;
  let text = '';
  for (let j = k; j < k + n; j++) text += (tokens[j] as Token).text;
  return { text, pos: 'nr', start: first.start, end: last.end };
}

const firstsCache = new WeakMap<RuleTables, Uint8Array>();

/** 1 for the first code unit of every surname: most tokens are ruled out by one array read. */
function surnameFirsts(tables: RuleTables): Uint8Array {
  let firsts = firstsCache.get(tables);
  if (firsts === undefined) {
    firsts = new Uint8Array(0x10000);
    for (const s of tables.surnames) firsts[s.charCodeAt(0)] = 1;
    for (const s of tables.compoundSurnames) firsts[s.charCodeAt(0)] = 1;
    firstsCache.set(tables, firsts);
  }
  return firsts;
}

/** Joins and tags person names (`nr`) in a token list. */
export function markNames(tokens: readonly Token[], tables: RuleTables = ruleTables()): Token[] {
  const firsts = surnameFirsts(tables);
  const out: Token[] = [];
  const found = new Set<string>();
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k] as Token;
    // cheap checks first: a surname must start the token, and some context must be in reach
    const head = token.text;
    if (
      firsts[head.charCodeAt(0)] !== 1 ||
      (!tables.surnames.has(head[0] ?? '') && !tables.compoundSurnames.has(head.slice(0, 2)))
    ) {
      out.push(token);
      continue;
    }
    const prev = out[out.length - 1];
    // 「记者 周尤」: a title, one space, the name
    const beforeSpace =
      prev !== undefined && prev.pos === 'x' && prev.text === ' ' ? out[out.length - 2] : undefined;
    const afterTitle = isTitle(prev, tables) || isTitle(beforeSpace, tables);
    if (!afterTitle && !cueWithin(tokens, k, tables)) {
      out.push(token);
      continue;
    }
    const n = nameAt(tokens, k, tables);
    if (n > 0) {
      const after = tokens[k + n];
      const beforeSpeech =
        after !== undefined &&
        (tables.speechVerbs.has(after.text) || isCredit(tokens, k + n)) &&
        isBoundary(prev, tables);
      const lineStart = prev === undefined || (prev.pos === 'x' && prev.text.includes('\n'));
      const interview = lineStart && after !== undefined && (after.text === '：' || after.text === ':');
      if (afterTitle || beforeSpeech || interview) {
        const name = merge(tokens, k, n);
        found.add(name.text);
        out.push(name);
        k += n - 1;
        continue;
      }
    }
    out.push(token);
  }
  const joined = found.size === 0 ? out : joinKnown(out, found);
  return joinDotted(joined);
}

/** Middle dots that join the parts of a transliterated name: · ・ ‧ •. */
const nameDots = new Set(['·', '・', '‧', '•']);

/** Tags of the parts of a transliterated name (given name, family name): names and unknown words. */
const namePartTags = new Set(['nr', 'nrt', 'nrfg', 'x', 'j']);

function isNamePart(token: Token | undefined): token is Token {
  return token !== undefined && namePartTags.has(token.pos) && hanOnly.test(token.text);
}

/**
 * Joins the parts of a transliterated name written with a middle dot (菲德尔·卡斯特罗), when the
 * words on both sides are names or unknown words; a dot between place names (重庆·台湾周) stays.
 */
function joinDotted(tokens: Token[]): Token[] {
  let k = tokens.findIndex((t) => nameDots.has(t.text));
  if (k < 0) return tokens;
  const out: Token[] = tokens.slice(0, k);
  for (; k < tokens.length; k++) {
    const token = tokens[k] as Token;
    const prev = out[out.length - 1];
    const next = tokens[k + 1];
    if (nameDots.has(token.text) && isNamePart(prev) && isNamePart(next) && prev.end === token.start) {
      out[out.length - 1] = {
        text: prev.text + token.text + next.text,
        pos: 'nrt',
        start: prev.start,
        end: next.end,
      };
      k++;
      continue;
    }
    out.push(token);
  }
  return out;
}

/** True when a verb of saying, a colon or a photo credit's 摄 follows within the next three tokens. */
function cueWithin(tokens: readonly Token[], k: number, tables: RuleTables): boolean {
  for (let j = k + 1; j <= k + 3 && j < tokens.length; j++) {
    const t = (tokens[j] as Token).text;
    if (tables.speechVerbs.has(t) || t === '：' || t === ':' || isCredit(tokens, j)) return true;
  }
  return false;
}

/** True when token `j` is the 摄 ("photographed by") that closes a photo credit: 「（张悦摄）」. */
function isCredit(tokens: readonly Token[], j: number): boolean {
  if (tokens[j]?.text !== '摄') return false;
  const next = tokens[j + 1];
  return next === undefined || !hanOnly.test(next.text);
}

/** Joins the names found by context where they occur again without it (「丁中平从…」). */
function joinKnown(tokens: readonly Token[], names: ReadonlySet<string>): Token[] {
  let longest = 0;
  const firsts = new Set<string>();
  for (const name of names) {
    longest = Math.max(longest, name.length);
    firsts.add(name[0] as string);
  }
  const out: Token[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k] as Token;
    if (firsts.has(token.text[0] as string) && (token.pos !== 'nr' || !names.has(token.text))) {
      let text = token.text;
      let n = 1;
      while (text.length < longest && k + n < tokens.length && !names.has(text)) {
        text += (tokens[k + n] as Token).text;
        n++;
      }
      if (names.has(text) && (n > 1 || token.pos !== 'nr')) {
        out.push(merge(tokens, k, n));
        k += n - 1;
        continue;
      }
    }
    out.push(token);
  }
  return out;
}
