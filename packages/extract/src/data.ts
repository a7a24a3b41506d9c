/**
 * Loads the rule tables and gazetteers in `data/` once, on first use.
 */
import { readFileSync } from 'node:fs';
import { XinwenError } from '@xinwen/core';

/** One gazetteer entry. */
export interface PlaceEntry {
  name: string;
  level: string;
  aliases: string[];
}

/** Everything in `data/`, parsed. */
export interface ExtractData {
  places: PlaceEntry[];
  /** Words a two-character place alias must not be part of (整合 in 整合川渝, 中部 in 成渝中部). */
  placeBlockers: Set<string>;
  titles: string[];
  surnames: Set<string>;
  compoundSurnames: Set<string>;
  nameFollowers: string[];
  columns: string[];
  /** Section labels that head a part of the page, never an article (data/section-labels.txt). */
  sectionLabels: Set<string>;
  orgSuffixes: string[];
  stopwords: Set<string>;
  publications: { name: string; variants: string[] }[];
  /** Byline and dateline forms (data/bylines.json). */
  bylines: BylineForms;
}

/** Byline and dateline forms: roles, agencies that sign leads, relayed-source leads, credit marks. */
export interface BylineForms {
  roles: string[];
  nonReporterRoles: string[];
  agencies: string[];
  relayed: string[];
  creditMarks: string[];
}

function read(file: string): string {
  const url = new URL(`../data/${file}`, import.meta.url);
  try {
    return readFileSync(url, 'utf8');
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

function words(file: string): string[] {
  return read(file)
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .flatMap((line) => line.trim().split(/\s+/))
    .filter((w) => w.length > 0);
}

function lines(file: string): string[] {
  return read(file)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'));
}

function json<T>(file: string): T {
  try {
    return JSON.parse(read(file)) as T;
  } catch (cause) {
    if (cause instanceof XinwenError) throw cause;
    throw new XinwenError('invalid_dictionary', `expected JSON in data file ${file}`, { cause });
  }
}

let cached: ExtractData | undefined;

/** The data tables, read from disk on the first call and kept. */
export function loadData(): ExtractData {
  if (cached) return cached;
  const surnames = words('surnames.txt');
  const byLength = (a: string, b: string) => b.length - a.length || (a < b ? -1 : 1);
  cached = {
    ...(() => {
      const gazetteer = json<{ places: PlaceEntry[]; blockers?: string[] }>('places.json');
      return { places: gazetteer.places, placeBlockers: new Set(gazetteer.blockers ?? []) };
    })(),
    titles: words('titles.txt').sort(byLength),
    surnames: new Set(surnames.filter((s) => s.length === 1)),
    compoundSurnames: new Set(surnames.filter((s) => s.length > 1)),
    nameFollowers: words('name-followers.txt').sort(byLength),
    columns: lines('columns.txt'),
    sectionLabels: new Set(words('section-labels.txt')),
    orgSuffixes: words('org-suffixes.txt').sort(byLength),
    stopwords: new Set(words('stopwords.txt')),
    publications: json<{ publications: { name: string; variants: string[] }[] }>('publications.json')
      .publications,
    bylines: json<BylineForms>('bylines.json'),
  };
  return cached;
}
