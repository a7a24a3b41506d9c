/**
 * People named in a text with their titles: 「市民政局党组书记、局长丁中平」 → 丁中平 with the titles
 * [市民政局党组书记, 局长], 「袁家军书记」 → 袁家军 with [书记], counted across every mention.
 * The names come from {@link findEntities}.
 */
import type { Person, Token } from '@xinwen/core';
import { findEntities } from './entities.js';
import { lexicon } from './lexicon.js';

/** Options of {@link findPeople}. */
export interface FindPeopleOptions {
  /**
   * Tokens from @xinwen/segment over the same text (offsets into it): word boundaries and
   * person-name tags sharpen the names found.
   * @default undefined
   */
  tokens?: readonly Token[];
  /**
   * Names never reported as people (the article's own reporters).
   * @default []
   */
  exclude?: readonly string[];
}

const delimiters = new Set([...'，。；：！？“”‘’「」『』（）()\n,;:!?　 《》【】—']);
/** Words before a title phrase that are not part of it (「本报邀请市发展改革委…」). */
const phraseCut =
  /^.*(?:邀请|随着|正如|征得|据悉|据了解|会见|会晤|看望|陪同|出席|参加|主持|介绍|表示|指出|认为|宣布|同|的|在|由|但|初|是|为|请|当|从|了|向|对|兼)/;

/** The titles in the phrase that ends at `end`: 「中共中央政治局常委、国务院总理」 → both. */
function titlesBefore(text: string, end: number): string[] {
  const lex = lexicon();
  let start = end;
  while (start > 0 && end - start < 60 && !delimiters.has(text[start - 1] ?? '')) start--;
  const phrase = text.slice(start, end);
  const parts = phrase.split('、');
  const out: string[] = [];
  for (let k = parts.length - 1; k >= 0; k--) {
    const part = (k === 0 ? parts[k]!.replace(phraseCut, '') : parts[k]!).trim();
    // Only an unbroken chain of titles counts: the last part must end in a title right before the name.
    if (part.length === 0 || !lex.titles.some((t) => part.endsWith(t))) break;
    out.unshift(part.replace(phraseCut, ''));
  }
  return out.filter((t) => t.length > 0);
}

/** A title printed right after the name: 「袁家军书记」, 「李强总理」. */
function titleAfter(text: string, end: number): string | undefined {
  const lex = lexicon();
  for (let n = 6; n >= 2; n--) {
    const t = text.slice(end, end + n);
    if (lex.titleSet.has(t)) return t;
  }
  return undefined;
}

/**
 * Finds people in `text`: Chinese names (surname and given name, confirmed by a title, a verb of
 * saying, a list of names or the segmenter's person tag) and transliterated names (特朗普,
 * 理查德·赖尔登). Each person is listed once with every title printed before or after any of its
 * mentions and the number of mentions; ordered by first mention.
 */
export function findPeople(text: string, options: FindPeopleOptions = {}): Person[] {
  const exclude = new Set(options.exclude ?? []);
  const found = new Map<string, { titles: string[]; count: number }>();
  for (const m of findEntities(text, options.tokens)) {
    if (m.type !== 'person' || exclude.has(m.text)) continue;
    // A lone surname (「江主席」) is a mention, not a person to list.
    if (m.text.length < 2) continue;
    const titles = titlesBefore(text, m.start);
    const after = titleAfter(text, m.end);
    if (after !== undefined && titles.length === 0) titles.push(after);
    const entry = found.get(m.text);
    if (!entry) found.set(m.text, { titles: [...new Set(titles)], count: 1 });
    else {
      entry.count++;
      for (const t of titles) if (!entry.titles.includes(t)) entry.titles.push(t);
    }
  }
  return [...found.entries()].map(([name, { titles, count }]) => ({ name, titles, count }));
}
