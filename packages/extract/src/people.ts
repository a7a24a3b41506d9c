/**
 * People named with their titles: 「市民政局党组书记、局长丁中平」 → 丁中平 with the titles
 * [市民政局党组书记, 局长], counted across every mention in the text.
 */
import type { Person, Token } from '@xinwen/core';
import { loadData } from './data.js';

/** Options of {@link findPeople}. */
export interface FindPeopleOptions {
  /**
   * Tokens from @xinwen/segment over the same text (offsets into it). Person-name tokens (POS `nr`)
   * followed by a verb of saying or doing are added to the names found by title.
   * @default undefined
   */
  tokens?: readonly Token[];
  /**
   * Names never reported as people (the article's own reporters).
   * @default []
   */
  exclude?: readonly string[];
}

const han = /\p{Script=Han}/u;
const delimiters = new Set([...'，。；：！？“”‘’「」『』（）()\n,;:!?　 《》【】—']);
const notNames = new Set(['单位', '会议', '会上', '会长', '单独', '许多', '安全', '成为', '常委', '全党']);
/** Family names that are also common function words (和, 全, 任 …): names with them need three characters. */
const riskySurnames = new Set([...'全任应常时成向安于同']);
/** Words before a title phrase that are not part of it (「本报邀请市发展改革委…」). */
const phraseCut = /^.*(?:邀请|随着|正如|征得|据悉|据了解|的|在|由|但|初|是|为|请|当|从|了|，)/;

let titleRe: RegExp | undefined;
function titlePattern(): RegExp {
  if (!titleRe) titleRe = new RegExp(`(?:${loadData().titles.join('|')})(?=\\p{Script=Han})`, 'gu');
  return titleRe;
}

function startsWithFollower(text: string, at: number): boolean {
  const ch = text[at];
  if (ch === undefined || delimiters.has(ch) || !han.test(ch)) return true;
  return loadData().nameFollowers.some((w) => text.startsWith(w, at));
}

function surnameLength(text: string, at: number): number {
  const data = loadData();
  const two = text.slice(at, at + 2);
  if (data.compoundSurnames.has(two)) return 2;
  return data.surnames.has(text[at] ?? '') ? 1 : 0;
}

/** The name starting at `at`, or undefined. Decides between 2 and 3 characters (4 for 欧阳 …). */
export function nameAt(text: string, at: number): string | undefined {
  const s = surnameLength(text, at);
  if (s === 0) return undefined;
  const allHan = (n: number) =>
    [...text.slice(at, at + n)].every((c) => han.test(c)) && at + n <= text.length;
  const long = s + 2;
  const short = s + 1;
  let name: string | undefined;
  const validLong =
    allHan(long) && !startsWithFollower(text, at + long - 1) && startsWithFollower(text, at + long);
  if (validLong) name = text.slice(at, at + long);
  else if (allHan(short) && startsWithFollower(text, at + short)) name = text.slice(at, at + short);
  else if (allHan(long) && !startsWithFollower(text, at + short)) name = text.slice(at, at + long);
  if (!name || notNames.has(name)) return undefined;
  if (riskySurnames.has(name[0]!) && name.length < 3) return undefined;
  return name;
}

function titlesBefore(text: string, end: number): string[] {
  let start = end;
  while (start > 0 && end - start < 60 && !delimiters.has(text[start - 1] ?? '')) start--;
  const phrase = text.slice(start, end).replace(phraseCut, '');
  const titles = loadData().titles;
  return phrase
    .split('、')
    .map((t) => t.trim())
    .filter((t) => t.length > 0 && titles.some((w) => t.endsWith(w)));
}

function countOf(text: string, name: string): number {
  let count = 0;
  for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + name.length)) count++;
  return count;
}

/**
 * Finds people in `text`: names after a title (书记, 局长, 董事长 …, see data/titles.txt), names
 * opening an interview turn (「董建国：」) once known, and, when tokens are given, person-name
 * tokens followed by a verb. Each person is listed once with every title seen and the number of
 * times the name occurs in `text`; ordered by first mention.
 */
export function findPeople(text: string, options: FindPeopleOptions = {}): Person[] {
  const exclude = new Set(options.exclude ?? []);
  const found = new Map<string, { titles: string[]; first: number }>();
  const add = (name: string, titles: string[], at: number) => {
    if (exclude.has(name)) return;
    const entry = found.get(name);
    if (!entry) found.set(name, { titles: [...new Set(titles)], first: at });
    else for (const t of titles) if (!entry.titles.includes(t)) entry.titles.push(t);
  };
  for (const m of text.matchAll(titlePattern())) {
    const at = m.index + m[0].length;
    // 「习近平总书记」: the name comes before 总书记, handled below.
    if (m[0] === '书记' && text[m.index - 1] === '总') continue;
    const name = nameAt(text, at);
    if (name) add(name, titlesBefore(text, at), at);
  }
  // Names printed before the title: 「习近平总书记」, 「李明清同志」.
  for (const marker of ['总书记', '同志']) {
    for (let at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + marker.length)) {
      const before = /[\p{Script=Han}]{2,3}$/u.exec(text.slice(Math.max(0, at - 3), at));
      if (!before) continue;
      const three = before[0];
      for (const name of [three, three.slice(1)]) {
        // 「全党同志」, 「常委同志」: a two-character name before 同志 is too often a word.
        const tooShort =
          name.length < 2 || (name.length === 2 && (marker === '同志' || riskySurnames.has(name[0]!)));
        if (!tooShort && !/[等们]$/.test(name) && !notNames.has(name) && surnameLength(name, 0) > 0) {
          add(name, marker === '总书记' ? ['总书记'] : [], at - name.length);
          break;
        }
      }
    }
  }
  if (options.tokens) {
    const tokens = options.tokens;
    tokens.forEach((t, i) => {
      if (t.pos !== 'nr' || t.text.length < 2 || t.text.length > 4 || surnameLength(t.text, 0) === 0) return;
      if (text.slice(t.start, t.end) !== t.text) return;
      const next = tokens[i + 1];
      if (next && loadData().nameFollowers.includes(next.text)) add(t.text, [], t.start);
    });
  }
  // A known name (or 2-4 Han characters starting with a surname that recur) opening a turn: 「董建国：」.
  for (const m of text.matchAll(/(?:^|\n)([\p{Script=Han}]{2,4})[：:]/gu)) {
    const name = m[1]!;
    if (found.has(name)) continue;
    if (surnameLength(name, 0) > 0 && countOf(text, `${name}：`) + countOf(text, `${name}:`) >= 2) {
      add(name, [], m.index);
    }
  }
  // Drop a 2-character name that is only the start of a longer one found too.
  const names = [...found.keys()];
  return [...found.entries()]
    .filter(
      ([name]) =>
        !names.some(
          (other) => other !== name && other.startsWith(name) && countOf(text, name) === countOf(text, other),
        ),
    )
    .sort((a, b) => a[1].first - b[1].first)
    .map(([name, { titles }]) => ({ name, titles, count: Math.max(1, countOf(text, name)) }));
}
