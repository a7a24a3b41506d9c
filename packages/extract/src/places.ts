/**
 * Places from the gazetteer in data/places.json: provinces, Chongqing districts and counties,
 * Sichuan cities, with their level. Longest name first, so 重庆市 is one mention, not 重庆 + 市.
 */
import type { Place } from '@xinwen/core';
import { loadData, type PlaceEntry } from './data.js';

/** Surfaces by their first character, longest first. */
let index: Map<string, { surface: string; entry: PlaceEntry }[]> | undefined;

function gazetteer() {
  if (index) return index;
  index = new Map();
  const seen = new Set<string>();
  for (const entry of loadData().places) {
    for (const surface of [entry.name, ...entry.aliases]) {
      if (seen.has(surface)) continue;
      seen.add(surface);
      const first = surface[0]!;
      if (!index.has(first)) index.set(first, []);
      index.get(first)!.push({ surface, entry });
    }
  }
  for (const list of index.values()) list.sort((a, b) => b.surface.length - a.surface.length);
  return index;
}

/** Surfaces that are part of a name, not a place mention: 重庆日报, 四川日报. */
const notAfter = /^(?:日报|晨报|商报|卫视)/;

/** Finds gazetteer places in `text`, each once with its level and the number of mentions, in order of first mention. */
export function findPlaces(text: string): Place[] {
  const byFirst = gazetteer();
  const blockers = loadData().placeBlockers;
  const counts = new Map<string, { entry: PlaceEntry; count: number }>();
  for (let i = 0; i < text.length; ) {
    let matched = 0;
    const candidates = byFirst.get(text[i]!);
    if (candidates) {
      for (const { surface, entry } of candidates) {
        if (!text.startsWith(surface, i)) continue;
        const after = i + surface.length;
        if (notAfter.test(text.slice(after, after + 2))) continue;
        if (
          surface.length === 2 &&
          (blockers.has(text.slice(i - 1, i + 1)) || blockers.has(text.slice(i + 1, i + 3)))
        )
          continue;
        const c = counts.get(entry.name);
        if (c) c.count++;
        else counts.set(entry.name, { entry, count: 1 });
        matched = surface.length;
        break;
      }
    }
    i += matched || 1;
  }
  return [...counts.values()].map(({ entry, count }) => ({ name: entry.name, level: entry.level, count }));
}
