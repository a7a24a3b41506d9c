/**
 * Places from the gazetteer in data/places.json: provinces, Chongqing districts and counties,
 * Sichuan cities, with their level. Longest name first, so 重庆市 is one mention, not 重庆 + 市.
 */
import type { Place } from '@xinwen/core';
import { loadData, type PlaceEntry } from './data.js';

let index: { surfaces: Map<string, PlaceEntry>; longest: number } | undefined;

function gazetteer() {
  if (index) return index;
  const surfaces = new Map<string, PlaceEntry>();
  for (const p of loadData().places) {
    for (const s of [p.name, ...p.aliases]) if (!surfaces.has(s)) surfaces.set(s, p);
  }
  index = { surfaces, longest: Math.max(...[...surfaces.keys()].map((s) => s.length)) };
  return index;
}

/** Surfaces that are part of a name, not a place mention: 重庆日报, 四川日报. */
const notAfter = /^(?:日报|晨报|商报|卫视)/;

/** Finds gazetteer places in `text`, each once with its level and the number of mentions, in order of first mention. */
export function findPlaces(text: string): Place[] {
  const { surfaces, longest } = gazetteer();
  const counts = new Map<string, { entry: PlaceEntry; count: number }>();
  for (let i = 0; i < text.length; ) {
    let matched = 0;
    for (let len = Math.min(longest, text.length - i); len >= 2; len--) {
      const entry = surfaces.get(text.slice(i, i + len));
      if (entry && !notAfter.test(text.slice(i + len, i + len + 2))) {
        const c = counts.get(entry.name);
        if (c) c.count++;
        else counts.set(entry.name, { entry, count: 1 });
        matched = len;
        break;
      }
    }
    i += matched || 1;
  }
  return [...counts.values()].map(({ entry, count }) => ({ name: entry.name, level: entry.level, count }));
}
