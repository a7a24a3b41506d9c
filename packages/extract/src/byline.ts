/**
 * Bylines: 「本报讯（新重庆-重庆日报首席记者 周尤）」, 「本报（新重庆-重庆日报记者 张珺 实习生 程俊豪）」,
 * 「□新重庆-重庆日报记者 余振芳 唐琴」, 「□新重庆-重庆日报评论员」, 「(本组文字由新重庆-重庆日报记者唐琴、余振芳采访整理)」,
 * photo credits 「记者 崔力 摄/视觉重庆」.
 */
import type { Byline, NamedRole } from '@xinwen/core';

/** Roles a byline names, longest first so 首席记者 wins over 记者. */
const roles = ['首席记者', '特约记者', '见习记者', '实习生', '评论员', '通讯员', '记者', '摄影'];
const rolePattern = roles.join('|');
const roleRe = new RegExp(rolePattern);
const roleSplitRe = new RegExp(`(${rolePattern})`, 'g');

/**
 * 「本报讯（…）」, 「本报（…）」, and wire-service leads with a dateline: 「新华社北京6月1日电（记者 …）」,
 * 「本报北京6月1日电（记者 …）」.
 */
const leadRe =
  /^(本报讯|本报|新华社|中新社|中国新闻社|人民日报|央视网|新华网|人民网)(?:\s*([\p{Script=Han}]{0,8}?)\s*(\d{1,2}\s*月\s*\d{1,2}\s*日)\s*电)?\s*[（(]([^（）()]{1,80})[）)]\s*/u;
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

function splitNames(text: string): string[] {
  return text
    .split(/[\s、，,]+/)
    .map((s) => s.trim())
    .filter((s) => /^[\p{Script=Han}·]{2,4}$/u.test(s));
}

/**
 * Parses what sits inside a byline: 「新重庆-重庆日报记者 张珺 实习生 程俊豪」 → agency 新重庆-重庆日报,
 * 张珺 (记者), 程俊豪 (实习生).
 */
function parseCredits(inner: string): { reporters: NamedRole[]; agency?: string } {
  const reporters: NamedRole[] = [];
  const pieces = inner.split(roleSplitRe);
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
  const lead = leadRe.exec(p);
  if (lead && roleRe.test(lead[4]!)) {
    const source = lead[1] === '本报讯' ? '本报' : lead[1]!;
    return { byline: make(lead[0].trim(), lead[4]!, source), rest: p.slice(lead[0].length) };
  }
  const square = squareRe.exec(p);
  if (square && roleRe.test(square[1]!)) {
    return { byline: make(p, square[1]!), rest: '' };
  }
  const compiled = compiledRe.exec(p);
  if (compiled) return { byline: make(p, compiled[1]!), rest: '' };
  return undefined;
}

/**
 * Parses one byline string. Returns undefined when `text` is not a byline. Photo credits
 * (「记者 崔力 摄/视觉重庆」) give the photographers with the role 摄影.
 */
export function parseByline(text: string): Byline | undefined {
  const match = parseBylineMatch(text);
  if (match) return match.byline;
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
