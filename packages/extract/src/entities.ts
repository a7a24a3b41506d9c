/**
 * Named-entity mentions with offsets: people, organizations and places in one pass over a text.
 * Knowledge comes from the lexicons (see lexicon.ts); the code holds the general rules: a
 * gazetteer match must sit on word boundaries, an organization is a known name or an ending with a
 * name-like left context, a person is a surname plus a given name confirmed by its context (a title
 * before it, a verb of saying after it, a list of names, the segmenter's person tag), or a
 * transliterated name. Overlaps are resolved longest first.
 */
import type { Token } from '@xinwen/core';
import { loadData } from './data.js';
import { type LexEntry, type Lexicon, lexicon } from './lexicon.js';

/** What kind of thing an entity mention names. */
export type EntityType = 'person' | 'organization' | 'place';

/** One mention of a named entity, with UTF-16 offsets into the text it was found in. */
export interface EntityMention {
  type: EntityType;
  /** The text of the mention, `text.slice(start, end)`. */
  text: string;
  start: number;
  end: number;
  /** The full name a short form stands for (重庆 → 重庆市, 央行 → 中国人民银行), when known. */
  name?: string;
  /** Place level (province, prefecture, county, district, country, city, region, …), when known. */
  level?: string;
}

interface Candidate {
  type: EntityType;
  start: number;
  end: number;
  /** Strength of the evidence: 3 known name, 2 rule with strong context, 1 weak. */
  score: number;
  name?: string;
  level?: string;
}

const isHan = (ch: string | undefined) => ch !== undefined && ch >= '\u3400' && ch <= '\u9fff';
/** Characters a name never contains and an organization's left edge never crosses. */
const orgStop = new Set([
  ...'的在与和及或由为向从把被将是了对以等、，。；：“”‘’！？《》（）() \n\t该这那各每其此些本我你他她它们于至到让给使就也都又还再很更最已曾正并而且但却则若如因所之把被着过地得',
]);
/** Characters that never stand in a given name. */
const notGiven = new Set([
  ...'的在与和及或由为向从把被将是了对以等、，。；：“”‘’！？《》（）() \n\t这那们着过地得很都也又还就说',
]);
/** Characters that may stand before a name without being part of a word with it. */
const nameLead = new Set([...'和与及同跟对向给让请被把由为是在了的、，。；：“”‘’！？《》（）() \n\t']);
/** 和 inside a name: 发展和改革委员会, 人力资源和社会保障局, 住房和城乡建设部. */
const joinedByHe = /^和(?:改革|信息化|社会保障|城乡建设|旅游|科技)/;
/** Level words a one-character government ending (部, 局, 委 …) needs at the start of the name. */
const levelStart = /^(?:国家|中央|全国|中国|中华|国务院|省|市|县|区|自治区|自治州|乡|镇|村)/;
/** Token POS tags that may be part of an organization name. */
const orgPos = new Set([
  'n',
  'nr',
  'nrt',
  'nrfg',
  'ns',
  'nt',
  'nz',
  'j',
  'ng',
  'vn',
  'an',
  'b',
  'l',
  'eng',
  'x',
]);
/** Titles after which a lone surname is a person (「江主席」, 「李总理」). */
const surnameTitles = [
  '主席',
  '副主席',
  '总理',
  '副总理',
  '委员长',
  '总书记',
  '总统',
  '首相',
  '部长',
  '省长',
  '市长',
  '书记',
];
const transliterationDots = new Set(['·', '•', '・', '.', '．']);

interface Context {
  text: string;
  lex: Lexicon;
  /** When tokens are given: token boundaries and the token index at each character. */
  boundary?: Uint8Array;
  tokenAt?: Int32Array;
  tokens?: readonly Token[];
}

function isBoundary(ctx: Context, at: number): boolean {
  return !ctx.boundary || at <= 0 || at >= ctx.text.length || ctx.boundary[at] === 1;
}

/** The token that exactly covers [start, end), if any. */
function tokenExactly(ctx: Context, start: number, end: number): Token | undefined {
  if (!ctx.tokens || !ctx.tokenAt) return undefined;
  const k = ctx.tokenAt[start] ?? -1;
  const t = ctx.tokens[k];
  return t && t.start === start && t.end === end ? t : undefined;
}

/** Length of the longest title that ends at `at` (0 when none). */
function titleEndingAt(ctx: Context, at: number): number {
  const lens = ctx.lex.titleEnds.get(ctx.text[at - 1] ?? '');
  if (!lens) return 0;
  for (const n of lens) if (at - n >= 0 && ctx.lex.titleSet.has(ctx.text.slice(at - n, at))) return n;
  return 0;
}

/** Length of the longest title that starts at `at` (0 when none). */
function titleStartingAt(ctx: Context, at: number): number {
  const lens = ctx.lex.titleStarts.get(ctx.text[at] ?? '');
  if (lens) for (const n of lens) if (ctx.lex.titleSet.has(ctx.text.slice(at, at + n))) return n;
  return 0;
}

function followerLengthAt(ctx: Context, at: number): number {
  const lens = ctx.lex.followerStarts.get(ctx.text[at] ?? '');
  if (lens) for (const n of lens) if (ctx.lex.followers.has(ctx.text.slice(at, at + n))) return n;
  return 0;
}

function followerAt(ctx: Context, at: number): boolean {
  const lens = ctx.lex.followerStarts.get(ctx.text[at] ?? '');
  if (lens) for (const n of lens) if (ctx.lex.followers.has(ctx.text.slice(at, at + n))) return true;
  return false;
}

/** 「外交部长」: an organization name ending inside a token whose rest is a title (长, 副部长). */
function beforeTitle(ctx: Context, at: number): boolean {
  const t = ctx.tokens?.[ctx.tokenAt?.[at] ?? -1];
  if (!t) return false;
  const rest = ctx.text.slice(at, t.end);
  return rest === '长' || ctx.lex.titleSet.has(rest);
}

/** 「东亚地区」 as one token: a place name ending inside it before a head word (地区, 国家 …). */
function beforePlaceHead(ctx: Context, at: number): boolean {
  const t = ctx.tokens?.[ctx.tokenAt?.[at] ?? -1];
  return t !== undefined && ctx.lex.placeHeads.has(ctx.text.slice(at, t.end));
}

/** Gazetteer matches (places, organizations) on word boundaries, longest at each position. */
function gazetteer(ctx: Context, out: Candidate[]): void {
  const { text, lex } = ctx;
  const blockers = loadData().placeBlockers;
  const matches: [number, LexEntry][] = [];
  for (let i = 0; i < text.length; i++) {
    let node = lex.trie.next.get(text[i]!);
    if (!node || !isBoundary(ctx, i)) continue;
    matches.length = 0;
    for (let j = i + 1; node; j++) {
      if (node.entry) matches.push([j - i, node.entry]);
      node = j < text.length ? node.next.get(text[j]!) : undefined;
    }
    for (let m = matches.length - 1; m >= 0; m--) {
      const [n, entry] = matches[m]!;
      if (
        !isBoundary(ctx, i + n) &&
        !(entry.type === 'organization' && beforeTitle(ctx, i + n)) &&
        !(entry.type === 'place' && !entry.weak && beforePlaceHead(ctx, i + n))
      )
        continue;
      if (entry.weak) {
        // A county short form that is also a word counts as one segmenter token tagged as a place,
        // or, without tokens, standing apart from other Han characters.
        const tok = tokenExactly(ctx, i, i + n);
        if (ctx.tokens ? tok?.pos !== 'ns' : isHan(text[i - 1]) && !nameLead.has(text[i - 1]!)) continue;
      }
      if (
        !ctx.tokens &&
        n === 2 &&
        (blockers.has(text.slice(i - 1, i + 1)) || blockers.has(text.slice(i + 1, i + 3)))
      )
        continue;
      const c: Candidate = {
        type: entry.type,
        start: i,
        end: i + n,
        score: entry.weak ? 1 : 3,
        name: entry.name,
      };
      if (entry.level) c.level = entry.level;
      out.push(c);
      break;
    }
  }
}

/** Runs of one-character place names before a relation word (中美关系, 京津冀协同), and 访华. */
function abbreviations(ctx: Context, out: Candidate[]): void {
  const { text, lex } = ctx;
  for (let i = 0; i < text.length; i++) {
    if (!lex.abbreviations.has(text[i]!) || lex.abbreviations.has(text[i - 1] ?? '')) continue;
    let j = i;
    while (j < text.length && j - i < 4 && lex.abbreviations.has(text[j]!)) j++;
    if (j - i >= 2 && lex.relationWords.some((w) => text.startsWith(w, j)) && isBoundary(ctx, i)) {
      for (let k = i; k < j; k++)
        out.push({
          type: 'place',
          start: k,
          end: k + 1,
          score: 2,
          name: lex.abbreviations.get(text[k]!)!,
          level: 'abbreviation',
        });
    }
  }
  const add = (at: number) =>
    out.push({
      type: 'place',
      start: at,
      end: at + 1,
      score: 2,
      name: lex.abbreviations.get(text[at]!)!,
      level: 'abbreviation',
    });
  // 访华, 驻美大使: a verb of travel or stay before the short name.
  for (const m of text.matchAll(
    /[访来在驻抵离旅赴援留][华美俄日英法德韩朝](?=[^\p{Script=Han}]|期间|之|后|时|前|的|并|和|工作|访问|留学|大使|使馆|领馆|代表|机构|记者)/gu,
  ))
    add(m.index + 1);
  // 中方, 美方: the short name before 方 (not 方面, 方案 …) at the start of a word.
  for (const m of text.matchAll(/[中美俄日英法德韩朝]方(?![面案法式向针便])/gu)) {
    const prev = text[m.index - 1];
    if (prev === undefined || !isHan(prev) || '的和与及同对向在了是'.includes(prev)) add(m.index);
  }
}

function wordEndingAt(words: Set<string>, lengths: number[], text: string, at: number): boolean {
  for (const n of lengths) if (at - n >= 0 && words.has(text.slice(at - n, at))) return true;
  return false;
}

/**
 * Extends an organization's start over an ordinal (「第九届全国人民代表大会」, 「七届全国人大」) and over
 * a country joined by a dash (「丹麦—中国友好协会」).
 */
function orgPrefix(ctx: Context, start: number, known: Uint8Array): number {
  const before = ctx.text.slice(Math.max(0, start - 24), start);
  const ordinal = /(?:第)?[一二三四五六七八九十百零\d]+[届次]$/.exec(before);
  if (ordinal) start -= ordinal[0].length;
  for (;;) {
    const dash = start > 0 && '—–-'.includes(ctx.text[start - 1]!);
    if (!dash) break;
    const p = start - 1;
    let found = -1;
    for (let q = Math.max(0, p - 12); q < p; q++)
      if (known[q] === 1 && ctx.lex.entries.get(ctx.text.slice(q, p))?.type === 'place') {
        found = q;
        break;
      }
    if (found < 0) break;
    start = found;
  }
  return start;
}

function longerWordAt(ctx: Context, at: number, than: number): boolean {
  for (const n of ctx.lex.followerLengths)
    if (n > than && ctx.lex.followers.has(ctx.text.slice(at, at + n))) return true;
  for (const n of ctx.lex.orgBoundaryLengths)
    if (n > than && ctx.lex.orgBoundaries.has(ctx.text.slice(at, at + n))) return true;
  return false;
}

function endsWithOrgSuffix(ctx: Context, word: string): boolean {
  return (
    ctx.lex.orgSuffixes.some((x) => word.endsWith(x)) || ctx.lex.weakOrgSuffixes.has(word[word.length - 1]!)
  );
}

/** Where an organization ending at `end` whose ending starts at `suffixStart` begins, or -1. */
function orgLeftEdge(ctx: Context, suffixStart: number, known: Uint8Array): number {
  const { text } = ctx;
  if (ctx.tokens && ctx.tokenAt) {
    let k = ctx.tokenAt[suffixStart] ?? -1;
    if (k < 0) return -1;
    let start = ctx.tokens[k]!.start;
    let parts = 0;
    let atKnown = known[start] === 1;
    for (k--; k >= 0 && parts < 8; k--) {
      const t = ctx.tokens[k]!;
      if (t.end !== start || suffixStart - t.start > 20) break;
      const ordinal =
        /^第?[一二三四五六七八九十百零\d]+[次届]?$/.test(t.text) &&
        /^第|[次届]/.test(text.slice(t.start, t.end + 1));
      const before = ctx.tokens[k - 1];
      const after = ctx.tokens[k + 1];
      // 「发展和改革委员会」: 和 joins two parts of one name, never two names.
      const joined =
        (t.text === '和' || t.text === '与') &&
        before?.pos === 'vn' &&
        (after?.pos === 'vn' || after?.pos === 'n') &&
        known[t.end] !== 1;
      if (!orgPos.has(t.pos) && !ordinal && !joined && known[t.start] !== 1) break;
      if (!isHan(t.text[0]) && t.pos !== 'eng') break;
      if (ctx.lex.titleSet.has(t.text) || ctx.lex.followers.has(t.text)) break;
      // 「中共中央办公厅国务院办公厅」: a name already starting at a known one stops at the end of another.
      if (atKnown && endsWithOrgSuffix(ctx, t.text)) break;
      start = t.start;
      if (known[start] === 1) atKnown = true;
      parts++;
    }
    // 「著名学府哈佛大学」: start at the first known name inside, if any.
    for (let p = start; p < suffixStart; p++) if (known[p] === 1 && ctx.boundary?.[p]) return p;
    return start;
  }
  let start = suffixStart;
  while (
    start > 0 &&
    suffixStart - start < 16 &&
    isHan(text[start - 1]) &&
    (!orgStop.has(text[start - 1]!) || (text[start - 1] === '和' && joinedByHe.test(text.slice(start - 1))))
  )
    start--;
  // Cut after the last title or boundary word inside: 「本报邀请市发展和改革委员会」, 「国务院总理李强会见」.
  for (let p = suffixStart - 1; p > start; p--) {
    if (
      titleEndingAt(ctx, p) > 0 ||
      wordEndingAt(ctx.lex.orgBoundaries, ctx.lex.orgBoundaryLengths, text, p)
    ) {
      start = p;
      break;
    }
  }
  // Start at the first known name inside (with a level word before it: 市国资委), if any.
  for (let p = start; p < suffixStart; p++)
    if (known[p] === 1) return p > start && /[省市区县州镇乡]/.test(text[p - 1]!) ? p - 1 : p;
  const lead = levelStart.exec(text.slice(start, suffixStart));
  return lead ? start : suffixStart - start <= 6 ? start : -1;
}

/** Part-of-speech tags of the proper part of an organization's name. */
const properPos = /^(?:ns|nt|nz|nr|nrt|nrfg|eng|x)$/;

/** Whether [start, end) holds a proper part: a place, name, brand, foreign or unknown word, a known name. */
function properBefore(ctx: Context, start: number, end: number, known: Uint8Array): boolean {
  for (let p = start; p < end; p++) {
    if (known[p] === 1) return true;
    const t = ctx.tokens![ctx.tokenAt![p] ?? -1];
    if (t && t.start === p && properPos.test(t.pos)) return true;
  }
  return false;
}

/** Organizations by their endings (有限公司, 大学, 委员会, 部 …). */
function orgSuffixes(ctx: Context, known: Uint8Array, out: Candidate[]): void {
  const { text, lex } = ctx;
  const spans: [number, number, boolean][] = [];
  for (let i = 0; i < text.length; i++) {
    let node = lex.suffixTrie.get(text[i]!);
    for (let j = i + 1; node; j++) {
      if (node.weak !== undefined) spans.push([i, j, node.weak]);
      node = j < text.length ? node.next.get(text[j]!) : undefined;
    }
  }
  for (const [s, e, weak] of spans) {
    if (!isBoundary(ctx, e)) continue;
    if (!ctx.tokens && /^[员长面势门类型件级别]/.test(text.slice(e, e + 1))) continue;
    // 「会见」, 「局面」: the ending starts a longer word of its own.
    if (weak && !ctx.tokens && longerWordAt(ctx, s, e - s)) continue;
    const suffixToken = ctx.tokens?.[ctx.tokenAt?.[s] ?? -1];
    // 「主办」, 「精心组织」: an ending inside a verb is no organization.
    if (suffixToken && !orgPos.has(suffixToken.pos) && suffixToken.pos !== 'nt') continue;
    let start = orgLeftEdge(ctx, s, known);
    if (start < 0 || start >= s) {
      // 「立法局」, 「律政司」: one noun token of three or more characters with a government ending.
      if (
        !(
          weak &&
          suffixToken &&
          suffixToken.end === e &&
          suffixToken.text.length >= 3 &&
          suffixToken.pos === 'nt'
        )
      )
        continue;
      start = suffixToken.start;
    }
    start = orgPrefix(ctx, start, known);
    const name = text.slice(start, e);
    const singleToken = suffixToken !== undefined && suffixToken.start === start && suffixToken.end === e;
    if (weak && !(known[start] === 1 || levelStart.test(name) || (singleToken && suffixToken?.pos === 'nt')))
      continue;
    // 「科技保险」「股权基金」: a generic ending after common nouns alone is a common noun phrase.
    if (
      ctx.tokens &&
      ctx.tokenAt &&
      lex.genericOrgEndings.has(text.slice(s, e)) &&
      !properBefore(ctx, start, s, known)
    )
      continue;
    // 「三中全会」「博览会」: a plenary session or another event is no body.
    if (name.endsWith('全会') || lex.eventEndings.some((x) => name.endsWith(x))) continue;
    if (name.length < 3 || name.length > 24) continue;
    // 「政治局常委」, 「委员」: an ending that is part of a title is no organization.
    if (titleEndingAt(ctx, e) > e - s || titleStartingAt(ctx, s) > e - s) continue;
    out.push({ type: 'organization', start, end: e, score: weak ? 1 : 2 });
  }
  // Party congresses: 十五大, 中共十四大, 致公党十大, 民建七大.
  const orgEnds = new Map<number, number>();
  for (const c of out)
    if (c.type === 'organization' && c.score >= 2)
      orgEnds.set(c.end, Math.min(c.start, orgEnds.get(c.end) ?? c.start));
  for (const m of text.matchAll(
    /(?:二?十[一二三四五六七八九]?|[一二三四五六七八九])大(?![学家会小量型力多部批队战桥道国事])/gu,
  )) {
    const org = orgEnds.get(m.index) ?? (text.startsWith('中共', m.index - 2) ? m.index - 2 : undefined);
    if (org === undefined && !/^二?十[一二三四五六七八九]/.test(m[0])) continue;
    out.push({ type: 'organization', start: org ?? m.index, end: m.index + m[0].length, score: 2 });
  }
}

/** 「高水平/安全」: a word followed by a noun or adjective is more likely a modifier than a name. */
function modifiesNext(ctx: Context, at: number): boolean {
  const next = ctx.tokens?.[ctx.tokenAt?.[at] ?? -1];
  return (
    next !== undefined &&
    next.start === at &&
    /^[na]/.test(next.pos) &&
    next.pos !== 'nr' &&
    !ctx.lex.titleSet.has(next.text)
  );
}

/** In a roster of names: the token before or after the span is a person-tagged name. */
function besideName(ctx: Context, start: number, end: number): boolean {
  if (!ctx.tokens || !ctx.tokenAt) return false;
  const isName = (t: Token | undefined) =>
    t !== undefined &&
    /^nr/.test(t.pos) &&
    t.text.length >= 2 &&
    t.text.length <= 4 &&
    ctx.lex.surnames.has(t.text[0]!) &&
    [...t.text.slice(1)].some((c) => ctx.lex.givenChars.has(c));
  return isName(ctx.tokens[ctx.tokenAt[start - 1] ?? -1]) || isName(ctx.tokens[ctx.tokenAt[end] ?? -1]);
}

/** A one-character verb of saying right after a name: 「余某说」, 「李某称」. */
function sayingAt(ctx: Context, at: number): boolean {
  return ctx.lex.sayingVerbs.has(ctx.text[at] ?? '');
}

/** 「习近平总书记」: a high title (or 同志) right after a three-character name. */
function highTitleAt(ctx: Context, at: number): boolean {
  return surnameTitles.some((t) => ctx.text.startsWith(t, at)) || ctx.text.startsWith('同志', at);
}

/** Chinese names: surname + one or two characters, confirmed by context. */
function chineseNames(ctx: Context, out: Candidate[]): void {
  const { text, lex } = ctx;
  for (let i = 0; i < text.length; i++) {
    const single = lex.surnames.has(text[i]!);
    if ((!single && !lex.compoundFirsts.has(text[i]!)) || !isBoundary(ctx, i)) continue;
    const compound = lex.compoundSurnames.has(text.slice(i, i + 2));
    if (!compound && !single) continue;
    const s = compound ? 2 : 1;
    const prev = text[i - 1];
    const titleBefore = titleEndingAt(ctx, i) > 0;
    const prevOk = i === 0 || !isHan(prev) || nameLead.has(prev!) || titleBefore || !!ctx.tokens;
    // Lone surname before a high title: 「江主席」.
    if (
      !compound &&
      surnameTitles.some((t) => text.startsWith(t, i + 1)) &&
      (!isHan(prev) || nameLead.has(prev!) || ctx.tokens !== undefined)
    ) {
      const tok = ctx.tokens ? ctx.tokenAt![i]! : -1;
      if (!ctx.tokens || ctx.tokens[tok]?.start === i)
        out.push({ type: 'person', start: i, end: i + 1, score: 1 });
    }
    let best: Candidate | undefined;
    for (const g of [2, 1]) {
      const end = i + s + g;
      if (end > text.length) continue;
      if (!isBoundary(ctx, end) && !nameInsideToken(ctx, i, end)) continue;
      const given = text.slice(i + s, end);
      if (![...given].every((c) => isHan(c) && !notGiven.has(c))) continue;
      const next = text[end];
      const givenOk = [...given].every((c) => lex.givenChars.has(c));
      const tok = tokenExactly(ctx, i, end);
      const tokenNr = tok !== undefined && (tok.pos === 'nr' || tok.pos === 'nrfg');
      // With tokens, a name is a person-tagged (or unknown) token, or a person-tagged surname
      // token with its given name after it; never another word (双方, 和平).
      if (ctx.tokens && !tokenNr && !(tok && tok.pos === 'x') && !nameInsideToken(ctx, i, end)) {
        if (tok !== undefined) continue;
        const first = ctx.tokens[ctx.tokenAt![i]!];
        if (!first || first.start !== i || !/^nr/.test(first.pos) || first.end > end) continue;
      }
      // 「王某至今」: a one-character given name when a follower starts right after it.
      if (g === 2 && !tokenNr && followerAt(ctx, i + s + 1) && !followerAt(ctx, end)) continue;
      const titleAfter = titleStartingAt(ctx, end) > 0;
      const after = followerAt(ctx, end) || titleAfter;
      const closed = next === undefined || !isHan(next) || next === '、';
      const listed = (prev === '、' || next === '、') && closed && givenOk;
      let score = 0;
      // 「文明」「蓝天」「庄严」: a two-character word the segmenter's dictionary tags as a name is
      // mostly an ordinary word; it needs a given-name character and a title before it, a roster,
      // a neighbouring name or a word of two or more characters (说 alone) after it.
      if (
        tokenNr &&
        tok !== undefined &&
        end - i === 2 &&
        !(
          givenOk &&
          (titleBefore ||
            listed ||
            besideName(ctx, i, end) ||
            followerLengthAt(ctx, end) >= 2 ||
            sayingAt(ctx, end))
        )
      )
        continue;
      // 「安全感」「文明史」: a three-character dictionary word ending like a common word.
      if (tokenNr && tok !== undefined && g === 2 && lex.wordFinals.has(given[1]!)) continue;
      if (!compound && lex.riskySurnames.has(text[i]!) && !tokenNr && !listed && !(titleBefore && givenOk))
        continue;
      // A three-character name inside running text needs strong words after it (「以江泽民同志」).
      const strongAfter = g === 2 && givenOk && (highTitleAt(ctx, end) || followerLengthAt(ctx, end) >= 2);
      if (!prevOk && !(titleAfter && g === 2 && highTitleAt(ctx, end)) && !strongAfter) continue;
      if (titleBefore && (after || closed || tokenNr || [...given].some((c) => lex.givenChars.has(c))))
        score = 2;
      // A two-character person tag alone is weak (文明, 公正 are tagged so too): it needs context.
      else if (
        tokenNr &&
        ((end - i === 3 && givenOk && !modifiesNext(ctx, end)) ||
          listed ||
          followerAt(ctx, end) ||
          besideName(ctx, i, end))
      )
        score = 2;
      else if (tok?.pos === 'x' && besideName(ctx, i, end)) score = 1;
      // 「丁衡/高」 in a roster: a person-tagged surname word and one more character.
      else if (g === 2 && !tok && besideName(ctx, i, end) && ctx.tokens?.[ctx.tokenAt![i]!]?.end === end - 1)
        score = 1;
      else if (nameInsideToken(ctx, i, end)) score = 2;
      else if (after && givenOk && (!isHan(prev) || nameLead.has(prev!) || titleBefore || strongAfter))
        score = 1;
      else if (listed) score = 1;
      else if (
        titleAfter &&
        g === 2 &&
        (prevOk || highTitleAt(ctx, end)) &&
        [...given].some((c) => lex.givenChars.has(c)) &&
        !lex.weakOrgSuffixes.has(given[given.length - 1]!)
      )
        score = 1;
      if (score > 0) {
        best = { type: 'person', start: i, end, score };
        break;
      }
    }
    if (best) out.push(best);
  }
}

/**
 * Rosters of names joined by 「、」 (「张三丰、李四、王五出席」): three or more items of a surname and
 * a one- or two-character given name, most of them three characters long, are people even where
 * the segmenter cut them into single characters. The first item may follow a title or a linking
 * word, the last may run into a verb (出席, 等).
 */
function rosters(ctx: Context, out: Candidate[]): void {
  const { text, lex } = ctx;
  const surnameLength = (at: number) =>
    lex.compoundSurnames.has(text.slice(at, at + 2)) ? 2 : lex.surnames.has(text[at] ?? '') ? 1 : 0;
  const nameLike = (start: number, end: number) => {
    const s = surnameLength(start);
    if (s === 0 || end - start - s < 1 || end - start - s > 2) return false;
    const given = [...text.slice(start + s, end)];
    return given.every((c) => isHan(c) && !notGiven.has(c)) && given.some((c) => lex.givenChars.has(c));
  };
  let i = 0;
  while (i < text.length) {
    const first = text.indexOf('、', i);
    if (first < 0) break;
    // The items: spans between 「、」, stopping at any other delimiter.
    const items: [number, number][] = [];
    let start = first;
    while (start > 0 && isHan(text[start - 1]) && first - start < 12) start--;
    let at = first;
    items.push([start, first]);
    while (text[at] === '、') {
      let end = at + 1;
      while (end < text.length && isHan(text[end]) && text[end] !== '、' && end - at < 12) end++;
      items.push([at + 1, end]);
      at = end;
    }
    i = at + 1;
    if (items.length < 3) continue;
    // The first item: the name after a title or linking word; the last: the name before a follower.
    const [fs, fe] = items[0]!;
    let firstStart = -1;
    for (const n of [3, 2, 4]) {
      const p = fe - n;
      if (p < fs) continue;
      if (p === fs || titleEndingAt(ctx, p) > 0 || nameLead.has(text[p - 1]!)) {
        if (nameLike(p, fe)) {
          firstStart = p;
          break;
        }
      }
    }
    if (firstStart < 0) continue;
    items[0] = [firstStart, fe];
    const [ls, le] = items[items.length - 1]!;
    let lastEnd = -1;
    for (const n of [3, 2, 4]) {
      const p = ls + n;
      if (p > le) continue;
      if ((p === le || followerAt(ctx, p) || titleStartingAt(ctx, p) > 0) && nameLike(ls, p)) {
        lastEnd = p;
        break;
      }
    }
    if (lastEnd < 0) continue;
    items[items.length - 1] = [ls, lastEnd];
    if (!items.every(([a, b]) => nameLike(a, b))) continue;
    // 「农业强、农村美、农民富」: items sharing their first or last character are parallel phrases.
    if (
      new Set(items.map(([a]) => text[a])).size === 1 ||
      new Set(items.map(([, b]) => text[b - 1])).size === 1
    )
      continue;
    const long = items.filter(([a, b]) => b - a - surnameLength(a) === 2).length;
    if (long * 2 < items.length) continue;
    for (const [a, b] of items) out.push({ type: 'person', start: a, end: b, score: 2 });
  }
}

/** 「邓小平理论」 tagged as one name token: the name ends inside it before a follower word. */
function nameInsideToken(ctx: Context, start: number, end: number): boolean {
  const k = ctx.tokenAt?.[start] ?? -1;
  const t = ctx.tokens?.[k];
  if (!t || t.start !== start || !/^nr/.test(t.pos) || t.end <= end) return false;
  // 「郑重宣布」「贡献率」: the name part of such a token must read as a given name.
  const s = ctx.lex.compoundSurnames.has(ctx.text.slice(start, start + 2)) ? 2 : 1;
  if (![...ctx.text.slice(start + s, end)].every((c) => ctx.lex.givenChars.has(c))) return false;
  return (
    ctx.lex.followers.has(ctx.text.slice(end, t.end)) || ctx.lex.titleSet.has(ctx.text.slice(end, t.end))
  );
}

/** Whether a country or place name ends at `at` (「俄罗斯总理…」 has a title; 「美国克林顿」 not). */
function placeEndsAt(text: string, at: number): boolean {
  return at > 0 && (text[at - 1] === '国' || text[at - 1] === '洲');
}

/** Transliterated names: runs of transliteration characters, joined by 「·」. */
function foreignNames(ctx: Context, out: Candidate[]): void {
  const { text, lex } = ctx;
  for (let i = 0; i < text.length; i++) {
    if (!lex.translit.has(text[i]!) || lex.translit.has(text[i - 1] ?? '')) continue;
    let j = i;
    let dotted = false;
    while (j < text.length) {
      if (lex.translit.has(text[j]!)) j++;
      else if (transliterationDots.has(text[j]!) && lex.translit.has(text[j + 1] ?? '') && j > i) {
        dotted = true;
        j++;
      } else break;
    }
    // A title or a verb inside the run ends the name: 「基辛格博士」, 「普京总统」.
    for (let p = i + 2; p < j; p++) {
      if (titleStartingAt(ctx, p) > 0 || (followerAt(ctx, p) && !lex.translit.has(text[p + 1] ?? ''))) {
        j = p;
        break;
      }
    }
    const letters = j - i - (text.slice(i, j).match(/[·•・.．]/g)?.length ?? 0);
    if (letters < 2) continue;
    const titleBefore = titleEndingAt(ctx, i) > 0;
    const after = followerAt(ctx, j) || titleStartingAt(ctx, j) > 0;
    const tok = tokenExactly(ctx, i, j);
    const tagged = tok !== undefined && /^nr/.test(tok.pos);
    if (!isBoundary(ctx, i) || !isBoundary(ctx, j)) continue;
    // Without tokens, an undotted run must not start inside a word (「中欧班列」).
    const prev = text[i - 1];
    if (
      !ctx.tokens &&
      !dotted &&
      isHan(prev) &&
      !nameLead.has(prev!) &&
      !titleBefore &&
      !placeEndsAt(text, i)
    )
      continue;
    if (
      dotted ||
      (letters >= 3 && (titleBefore || after || tagged)) ||
      (letters === 2 && titleBefore && tagged)
    ) {
      out.push({ type: 'person', start: i, end: j, score: dotted ? 2 : 1 });
    }
  }
}

/** Names joined by 「·」 (布赫·…, 阿沛·阿旺晋美): the Han runs on both sides of each dot, cut at titles and verbs. */
function dottedNames(ctx: Context, out: Candidate[]): void {
  const { text } = ctx;
  const part = (at: number) => isHan(text[at]) && !notGiven.has(text[at]!);
  for (let d = 1; d < text.length - 1; d++) {
    if (!transliterationDots.has(text[d]!) || !part(d - 1) || !part(d + 1)) continue;
    if (
      transliterationDots.has(text[d - 2] ?? '') ||
      (part(d - 2) && transliterationDots.has(text[d - 3] ?? ''))
    )
      continue;
    let left = d;
    if (ctx.tokens && ctx.tokenAt) {
      // With tokens: the word before each dot and the word after it (「格列朗/杰」 joined).
      const before = ctx.tokens[ctx.tokenAt[d - 1] ?? -1];
      if (!before || before.end !== d) continue;
      left = before.start;
      const foreignWord = (t: Token | undefined) =>
        t !== undefined &&
        [...t.text].every((c) => ctx.lex.translit.has(c)) &&
        !ctx.lex.followers.has(t.text);
      // 「弗兰/克·佩斯/塔纳」: transliteration words on either side belong to the name.
      for (let k = ctx.tokenAt[left - 1] ?? -1; k >= 0 && d - left < 6; k--) {
        const t = ctx.tokens[k]!;
        if (t.end !== left || !foreignWord(t) || titleEndingAt(ctx, t.end) > 0) break;
        left = t.start;
      }
      let right = d;
      while (transliterationDots.has(text[right] ?? '')) {
        const t = ctx.tokens[ctx.tokenAt[right + 1] ?? -1];
        if (!t || t.start !== right + 1 || !part(t.start)) break;
        right = t.end;
        for (
          let next = ctx.tokens[ctx.tokenAt[right] ?? -1];
          next &&
          next.start === right &&
          right - d < 7 &&
          foreignWord(next) &&
          titleStartingAt(ctx, right) === 0;
          next = ctx.tokens[ctx.tokenAt[right] ?? -1]
        )
          right = next.end;
        const tail = ctx.tokens[ctx.tokenAt[right] ?? -1];
        if (
          tail &&
          tail.start === right &&
          tail.text.length === 1 &&
          /^nr/.test(tail.pos) &&
          !transliterationDots.has(text[tail.end] ?? '')
        )
          right = tail.end;
      }
      const letters = [...text.slice(left, right)].filter((c) => isHan(c));
      const foreign = letters.filter((c) => ctx.lex.translit.has(c)).length;
      const tagged = [before, ctx.tokens[ctx.tokenAt[d + 1] ?? -1]].some((t) => t && /^(?:nr|x)/.test(t.pos));
      if (right > d + 1 && d - left <= 6 && (tagged || foreign * 2 >= letters.length))
        out.push({ type: 'person', start: left, end: right, score: 3 });
      continue;
    }
    while (
      left > 0 &&
      d - left < 5 &&
      part(left - 1) &&
      titleEndingAt(ctx, left) === 0 &&
      !wordEndingAt(ctx.lex.followers, ctx.lex.followerLengths, text, left)
    )
      left--;
    let right = d + 1;
    for (;;) {
      const from = right;
      while (
        right < text.length &&
        right - from < 5 &&
        part(right) &&
        (right === from || (!followerAt(ctx, right) && titleStartingAt(ctx, right) === 0))
      )
        right++;
      if (transliterationDots.has(text[right] ?? '') && part(right + 1)) right++;
      else break;
    }
    const letters = [...text.slice(left, right)].filter((c) => isHan(c));
    const foreign = letters.filter((c) => ctx.lex.translit.has(c)).length;
    if (d - left >= 1 && right - d >= 2 && foreign * 2 >= letters.length)
      out.push({ type: 'person', start: left, end: right, score: 3 });
  }
}

/** Place and organization tags of the segmenter for names no lexicon holds. */
function taggedTokens(ctx: Context, out: Candidate[]): void {
  if (!ctx.tokens) return;
  for (const t of ctx.tokens) {
    if (t.text.length < 2 || !isHan(t.text[0])) continue;
    if (
      t.pos === 'ns' &&
      /[省市县区州镇乡村岛山江河湖海湾港峡岭峰洲洋]$/.test(t.text) &&
      !/^[城山地海江河全各本外]/.test(t.text.slice(-2))
    ) {
      out.push({ type: 'place', start: t.start, end: t.end, score: 1 });
    } else if (t.pos === 'nrt' && t.text.length >= 3 && [...t.text].every((c) => ctx.lex.translit.has(c))) {
      out.push({ type: 'person', start: t.start, end: t.end, score: 1 });
    }
  }
}

function prepare(text: string, tokens: readonly Token[] | undefined): Context {
  const ctx: Context = { text, lex: lexicon() };
  if (!tokens || tokens.length === 0) return ctx;
  const boundary = new Uint8Array(text.length + 1);
  const tokenAt = new Int32Array(text.length).fill(-1);
  boundary[0] = 1;
  boundary[text.length] = 1;
  let usable = true;
  tokens.forEach((t, k) => {
    if (t.start < 0 || t.end > text.length || t.start >= t.end || text.slice(t.start, t.end) !== t.text) {
      usable = false;
      return;
    }
    boundary[t.start] = 1;
    boundary[t.end] = 1;
    for (let i = t.start; i < t.end; i++) tokenAt[i] = k;
  });
  if (!usable) return ctx;
  // Characters no token covers get their own boundaries.
  for (let i = 0; i < text.length; i++) if (tokenAt[i] === -1) boundary[i] = boundary[i + 1] = 1;
  ctx.boundary = boundary;
  ctx.tokenAt = tokenAt;
  ctx.tokens = tokens;
  return ctx;
}

/**
 * Finds people, organizations and places in `text`, each mention with its offsets, in text order
 * and without overlaps. Works on the text alone; with `tokens` from @xinwen/segment over the same
 * text (offsets into it) word boundaries and part-of-speech tags sharpen the decisions: a gazetteer
 * name must start and end on a word boundary, an organization's left edge stops at a verb, and a
 * person-name tag counts as evidence for a name.
 */
export function findEntities(text: string, tokens?: readonly Token[]): EntityMention[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  // People, organizations and places of one article are read from the same call.
  if (last && last.text === text && last.tokens === tokens) return last.result.map((m) => ({ ...m }));
  const result = find(text, tokens);
  last = { text, tokens, result };
  return result.map((m) => ({ ...m }));
}

let last: { text: string; tokens: readonly Token[] | undefined; result: EntityMention[] } | undefined;

function find(text: string, tokens: readonly Token[] | undefined): EntityMention[] {
  const ctx = prepare(text, tokens);
  const candidates: Candidate[] = [];
  gazetteer(ctx, candidates);
  const known = new Uint8Array(text.length + 1);
  for (const c of candidates) known[c.start] = 1;
  abbreviations(ctx, candidates);
  orgSuffixes(ctx, known, candidates);
  chineseNames(ctx, candidates);
  rosters(ctx, candidates);
  foreignNames(ctx, candidates);
  dottedNames(ctx, candidates);
  taggedTokens(ctx, candidates);
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || b.score - a.score || a.start - b.start);
  const taken = new Uint8Array(text.length);
  const kept: Candidate[] = [];
  for (const c of candidates) {
    let free = true;
    for (let i = c.start; i < c.end && free; i++) if (taken[i]) free = false;
    if (!free) continue;
    for (let i = c.start; i < c.end; i++) taken[i] = 1;
    kept.push(c);
  }
  kept.sort((a, b) => a.start - b.start);
  return kept.map((c) => {
    const m: EntityMention = { type: c.type, text: text.slice(c.start, c.end), start: c.start, end: c.end };
    if (c.name !== undefined && c.name !== m.text) m.name = c.name;
    if (c.level !== undefined) m.level = c.level;
    return m;
  });
}
