/**
 * Bylines: 「本报讯（新重庆-重庆日报首席记者 周尤）」, 「本报（新重庆-重庆日报记者 张珺 实习生 程俊豪）」,
 * 「□新重庆-重庆日报记者 余振芳 唐琴」, 「□新重庆-重庆日报评论员」, 「(本组文字由新重庆-重庆日报记者唐琴、余振芳采访整理)」,
 * photo credits 「记者 崔力 摄/视觉重庆」.
 */
import type { Byline, NamedRole } from '@xinwen/core';
import { loadData } from './data.js';

const esc = (w: string) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const longestFirst = (a: string, b: string) => b.length - a.length || (a < b ? -1 : 1);

interface Forms {
  roleRe: RegExp;
  roleSplitRe: RegExp;
  firstRoleRe: RegExp;
  nonReporter: Set<string>;
  leadRe: RegExp;
  wireRe: RegExp;
  broadcastRe: RegExp;
  relayedRe: RegExp;
  creditRe: RegExp;
  trailerRe: RegExp;
  compiledInTrailerRe: RegExp;
}

let formsCache: Forms | undefined;

/** The byline forms of data/bylines.json as regular expressions, built once. */
function forms(): Forms {
  if (formsCache) return formsCache;
  const f = loadData().bylines;
  const roles = [...f.roles].sort(longestFirst).map(esc).join('|');
  const agencies = ['本报讯', ...f.agencies].sort(longestFirst).map(esc).join('|');
  const date = String.raw`\d{1,2}\s*月\s*\d{1,2}\s*日`;
  formsCache = {
    roleRe: new RegExp(roles),
    roleSplitRe: new RegExp(`(${roles})`, 'g'),
    firstRoleRe: new RegExp(`^([\\p{Script=Han}\\-－·]{0,14}?)(?:${roles})`, 'u'),
    nonReporter: new Set(f.nonReporterRoles),
    // 「本报讯（…）」, 「本报北京6月1日电（记者 …）」, 「新华社北京6月1日电（记者 …）」.
    leadRe: new RegExp(
      `^(${agencies})(?:\\s*([\\p{Script=Han}]{0,8}?)\\s*(${date})\\s*电)?\\s*[（(]([^（）()]{1,80})[）)]\\s*`,
      'u',
    ),
    // 「新华社北京10月19日电」 with no bracket: a dateline lead, alone on its line or before the text.
    wireRe: new RegExp(`^(${agencies})\\s*([\\p{Script=Han}]{0,8}?)\\s*(${date})\\s*电\\s*`, 'u'),
    // 「央视网消息（新闻联播）：」
    broadcastRe: /^([\p{Script=Han}]{2,8}?)消息\s*(?:[（(]([^（）()]{1,20})[）)])?\s*[：:]\s*/u,
    relayedRe: new RegExp(`^(?:${f.relayed.map(esc).join('|')})[，,：:\\s]*`),
    creditRe: new RegExp(`^(?:${f.creditMarks.map(esc).join('|')})`),
    trailerRe: /[（(]\s*([^（）()]{1,80})[）)]\s*$/,
    compiledInTrailerRe: new RegExp(
      `(${agencies})?(${roles})\\s*([\\p{Script=Han}·、\\s]{2,20}?)\\s*(?:采访整理|整理|采写|报道)`,
      'u',
    ),
  };
  return formsCache;
}

const outletLeadRe =
  /^([\p{Script=Han}]{2,10}?)\s*(\d{1,2}\s*月\s*\d{1,2}\s*日)?\s*(?:讯|快讯|电)\s*[（(]([^（）()]{2,60})[）)]\s*/u;
const squareRe = /^[□■]\s*(.{1,60})$/;
const compiledRe = /^[（(]本组(?:文字|图片|稿件)?由(.{1,60}?)(?:采访)?整理[）)]$/;
const creditRe =
  /^(?:(.{0,20}?)(?:记者|摄影记者|通讯员))?\s*([\p{Script=Han}·]{2,4}(?:\s+[\p{Script=Han}·]{2,4})*)\s*摄(?:[/／](.+))?$/u;

/** A byline found at the start of a paragraph, and the text after it. */
export interface BylineMatch {
  byline: Byline;
  /** What follows the byline in the same paragraph (the lead's body text); empty for a standalone byline. */
  rest: string;
}

/** Name tokens with two-character names printed with a space inside (「程 龙 潘俊强」) put back together. */
function nameTokens(text: string): string[] {
  const raw = text
    .split(/[\s、，,和]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i]!;
    const next = raw[i + 1];
    if ([...t].length === 1 && next !== undefined && [...next].length === 1) {
      out.push(t + next);
      i++;
    } else out.push(t);
  }
  return out;
}

const nameRe = /^(?:[\p{Script=Han}]{2,4}|[\p{Script=Han}]{1,6}(?:·[\p{Script=Han}]{1,8}){1,3})$/u;

function splitNames(text: string): string[] {
  return nameTokens(text).filter((s) => nameRe.test(s));
}

/** Whether `name` reads as a person's name: a known family name first, or a transliterated name with 「·」. */
function personName(name: string): boolean {
  if (!nameRe.test(name)) return false;
  if (name.includes('·')) return true;
  const { surnames, compoundSurnames } = loadData();
  if (compoundSurnames.has(name.slice(0, 2)) && name.length >= 3) return true;
  return surnames.has(name[0]!) && name.length <= 3;
}

/** All of `text` as names, or undefined when a piece of it is not a name. */
function namesOnly(text: string, strict: boolean): string[] | undefined {
  const tokens = nameTokens(text);
  if (tokens.length === 0 || tokens.length > 6) return undefined;
  for (const t of tokens) if (!(strict ? personName(t) : nameRe.test(t))) return undefined;
  return tokens;
}

/**
 * Parses what sits inside a byline: 「新重庆-重庆日报记者 张珺 实习生 程俊豪」 → agency 新重庆-重庆日报,
 * 张珺 (记者), 程俊豪 (实习生).
 */
function parseCredits(inner: string): { reporters: NamedRole[]; agency?: string } {
  const reporters: NamedRole[] = [];
  const pieces = inner.split(forms().roleSplitRe);
  // pieces: [before, role, names, role, names, ...]
  const agency = (pieces[0] ?? '').trim().replace(/[：:]$/, '');
  for (let i = 1; i < pieces.length; i += 2) {
    const role = pieces[i]!;
    for (const name of splitNames(pieces[i + 1] ?? '')) reporters.push({ name, role });
  }
  return agency ? { reporters, agency } : { reporters };
}

function make(text: string, inner: string, fallbackAgency?: string): Byline {
  const { reporters, agency } = parseCredits(inner);
  const byline: Byline = { text, reporters };
  const a = agency ?? fallbackAgency;
  if (a) byline.agency = a;
  return byline;
}

/**
 * Parses a byline at the start of `paragraph`; undefined when the paragraph does not open with one.
 * 「本报讯（…）」 and 「本报（…）」 leads return the body text after them in `rest`.
 */
export function parseBylineMatch(paragraph: string): BylineMatch | undefined {
  const p = paragraph.trim();
  const { leadRe, roleRe, wireRe, broadcastRe, relayedRe } = forms();
  const lead = leadRe.exec(p);
  if (lead && roleRe.test(lead[4]!)) {
    const source = lead[1] === '本报讯' ? '本报' : lead[1]!;
    return { byline: make(lead[0].trim(), lead[4]!, source), rest: p.slice(lead[0].length) };
  }
  // Any outlet's lead: 「新京报讯（记者 陆一夫）」, 「长江网10月4日讯（记者陈智 整合）」, 「新京报快讯（记者 X）」.
  const outlet = outletLeadRe.exec(p);
  if (outlet && roleRe.test(outlet[3]!)) {
    const credit = parseBylineLine(outlet[3]!.replace(/\s*(?:整合|整理|报道|综合)$/, ''));
    if (credit) {
      const byline: Byline = { ...credit, text: outlet[0].trim() };
      byline.agency ??= outlet[1]!;
      return { byline, rest: p.slice(outlet[0].length) };
    }
  }
  const square = squareRe.exec(p);
  if (square && roleRe.test(square[1]!)) {
    return { byline: make(p, square[1]!), rest: '' };
  }
  const compiled = compiledRe.exec(p);
  if (compiled) return { byline: make(p, compiled[1]!), rest: '' };
  // 「（人民网记者李唯一）10月19日，…」: the credit in brackets before the lead's text.
  const paren = /^[（(]([^（）()]{2,40})[）)]\s*(?=\S)/.exec(p);
  if (paren && roleRe.test(paren[1]!)) {
    const credit = parseBylineLine(paren[1]!);
    if (credit && credit.reporters.length > 0)
      return { byline: { ...credit, text: paren[0].trim() }, rest: p.slice(paren[0].length) };
  }
  const wire = wireRe.exec(p);
  if (wire) {
    const source = wire[1] === '本报讯' ? '本报' : wire[1]!;
    const inner = /^[（(]([^（）()]{1,80})[）)]\s*/.exec(p.slice(wire[0].length));
    if (inner && roleRe.test(inner[1]!)) {
      const text = p.slice(0, wire[0].length + inner[0].length).trim();
      return { byline: make(text, inner[1]!, source), rest: p.slice(text.length).trim() };
    }
    return { byline: { text: wire[0].trim(), reporters: [], agency: source }, rest: p.slice(wire[0].length) };
  }
  if (/^本报讯\s*(?=\S)/.test(p) && !/^本报讯\s*[（(]/.test(p)) {
    return { byline: { text: '本报讯', reporters: [], agency: '本报' }, rest: p.slice(3).trim() };
  }
  const broadcast = broadcastRe.exec(p);
  if (broadcast) {
    return {
      byline: { text: broadcast[0].trim(), reporters: [], agency: broadcast[1]! },
      rest: p.slice(broadcast[0].length),
    };
  }
  const relayed = relayedRe.exec(p);
  if (relayed && p.length > relayed[0].length) {
    const agency = /据(.+?)(?:电|报道)/.exec(relayed[0])?.[1];
    const byline: Byline = { text: relayed[0].replace(/[，,：:\s]+$/, ''), reporters: [] };
    if (agency) byline.agency = agency;
    return { byline, rest: p.slice(relayed[0].length) };
  }
  return undefined;
}

const reporterSuffixRe = /\s*(?:报道|采写|整理|摄)$/;

/**
 * Reads a byline that stands on a line of its own: 「本报记者 程 龙 潘俊强」, 「新华社记者」,
 * 「人民网记者 X」, 「记者 X 通讯员 Y」, 「本报评论员」, 「文/X 图/Y」. With `nameOnly`, a line of
 * names alone (「李洪兴」, 「李 非 黄 婧」) is read as the authors too (the caller knows the line
 * sits under a headline). Undefined when the line is not a byline.
 */
export function parseBylineLine(
  line: string,
  options: { nameOnly?: boolean; anyName?: boolean } = {},
): Byline | undefined {
  const text = line.trim();
  const t = text.replace(/^[□■◎●]\s*/, '').replace(/^(?:采写|采访|撰文|作者)\s*[：:]\s*/, '');
  if (
    t.length === 0 ||
    t.length > 48 ||
    /[、，,]$/.test(t) ||
    /[。！？；：:，,（）()“”《》]/.test(t.replace(/[：:]\s*$/, ''))
  ) {
    return undefined;
  }
  const { firstRoleRe, creditRe, nonReporter } = forms();
  if (creditRe.test(t)) {
    const reporters: NamedRole[] = [];
    for (const m of t.matchAll(
      /(文图|文字|文|图|摄)\s*[/／]\s*([^/／]+?)(?=\s+(?:文图|文字|文|图|摄)\s*[/／]|$)/g,
    )) {
      const role = m[1] === '图' || m[1] === '摄' ? '摄影' : '记者';
      for (const name of splitNames(m[2]!)) reporters.push({ name, role });
    }
    return reporters.length > 0 ? { text, reporters } : undefined;
  }
  const role = firstRoleRe.exec(t);
  if (role) {
    const { reporters, agency } = parseCredits(t.replace(reporterSuffixRe, ''));
    // Every piece after a role must be names: a sentence that mentions 「记者」 is no byline.
    const pieces = t.replace(reporterSuffixRe, '').split(forms().roleSplitRe);
    for (let i = 2; i < pieces.length; i += 2) {
      const rest = pieces[i]!.trim();
      if (rest !== '' && namesOnly(rest, false) === undefined) return undefined;
    }
    if (reporters.length === 0 && !agency) return undefined;
    const byline: Byline = {
      text,
      reporters: reporters.map((r) => (nonReporter.has(r.role) ? { ...r, role: '摄影' } : r)),
    };
    if (agency) byline.agency = agency;
    return byline;
  }
  if (options.nameOnly) {
    // With `anyName`, a single two- or three-character name whose family name is not listed.
    const lone = options.anyName && /^[\p{Script=Han}]{2,3}$/u.test(t) ? [t] : undefined;
    const names = namesOnly(t, true) ?? lone;
    if (names) return { text, reporters: names.map((name) => ({ name, role: '作者' })) };
  }
  return undefined;
}

/** A credit in brackets at the end of an article: 「（新华社北京10月19日电 记者赵超、安蓓）」, 「（记者 X）」. */
export interface TrailingCredit {
  /** The bracketed credit as printed. */
  text: string;
  /** Where it starts in the text given. */
  start: number;
  byline: Byline;
  /** 「北京10月19日电」 when the credit carries a dateline. */
  dateline?: string;
}

/**
 * Reads a bracketed credit at the end of `text`: a wire dateline and reporters
 * (「（新华社北京10月19日电 记者赵超、安蓓）」), reporters alone (「（记者 袁泉）」), a dateline alone
 * (「（本报柏林10月19日电）」), or an interview written up by a reporter
 * (「（作者为…，本报记者曹继炜采访整理）」). Undefined when the text does not end in one.
 */
export function parseTrailingCredit(text: string): TrailingCredit | undefined {
  const { trailerRe, wireRe, roleRe, compiledInTrailerRe } = forms();
  const m = trailerRe.exec(text);
  if (!m) return undefined;
  const inner = m[1]!.replace(/\s+/g, ' ').trim();
  const wire = wireRe.exec(inner);
  let dateline: string | undefined;
  let rest = inner;
  let agency: string | undefined;
  if (wire) {
    agency = wire[1] === '本报讯' ? '本报' : wire[1]!;
    dateline = `${wire[2] ?? ''}${wire[3]!.replace(/\s+/g, '')}电`;
    rest = inner.slice(wire[0].length).trim();
  }
  let byline: Byline | undefined;
  if (rest === '') byline = { text: m[0].trim(), reporters: [] };
  else if (roleRe.test(rest) && rest.length <= 60) {
    const parsed = parseBylineLine(rest.replace(/^[，,]/, ''));
    if (parsed) byline = { ...parsed, text: m[0].trim() };
    else {
      const compiled = compiledInTrailerRe.exec(rest);
      if (compiled) {
        const names = splitNames(compiled[3]!);
        if (names.length > 0) {
          byline = { text: m[0].trim(), reporters: names.map((name) => ({ name, role: compiled[2]! })) };
          if (compiled[1]) agency ??= compiled[1];
        }
      }
    }
  }
  if (!byline) return undefined;
  if (agency && !byline.agency) byline.agency = agency;
  const out: TrailingCredit = { text: m[0].trim(), start: m.index, byline };
  if (dateline) out.dateline = dateline;
  return out;
}

/**
 * Parses one byline string: a lead (「新华社北京10月19日电（记者 …）」, 「本报讯（…）」), a byline on a
 * line of its own (「本报记者 张明 王小红」, 「新华社记者 X、Y」, 「记者 X 通讯员 Y」, 「文/X」) or a
 * photo credit. Returns undefined when `text` is not a byline. Photo credits
 * (「记者 崔力 摄/视觉重庆」) give the photographers with the role 摄影.
 */
export function parseByline(text: string): Byline | undefined {
  const match = parseBylineMatch(text);
  if (match) return match.byline;
  const line = parseBylineLine(text);
  if (line) return line;
  const credit = creditRe.exec(text.trim());
  if (credit) {
    const reporters = splitNames(credit[2]!).map((name) => ({ name, role: '摄影' }));
    if (reporters.length === 0) return undefined;
    const byline: Byline = { text: text.trim(), reporters };
    const agency = (credit[3] ?? credit[1] ?? '').trim();
    if (agency) byline.agency = agency;
    return byline;
  }
  return undefined;
}
