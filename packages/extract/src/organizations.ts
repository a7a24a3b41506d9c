/**
 * Organizations named in a text, from {@link findEntities}: known names (国务院, 联合国, 华为 …,
 * data/organizations.txt) and names with an organization ending (有限公司, 大学, 委员会, 部 …,
 * data/org-suffixes.txt) whose left edge stops at a verb, a number or a particle.
 */
import type { Organization, Token } from '@xinwen/core';
import { findEntities } from './entities.js';

/**
 * Finds organizations in `text`, each once with its number of mentions, in order of first mention.
 * `tokens` from @xinwen/segment over the same text (offsets into it) sharpen the left edges.
 */
export function findOrganizations(text: string, tokens?: readonly Token[]): Organization[] {
  const counts = new Map<string, number>();
  for (const m of findEntities(text, tokens)) {
    if (m.type !== 'organization' || insideBookTitle(text, m.start)) continue;
    counts.set(m.text, (counts.get(m.text) ?? 0) + 1);
  }
  return [...counts.entries()].map(([name, count]) => ({ name, count }));
}

/** Whether `at` sits inside a 《book or document title》 on its line. */
function insideBookTitle(text: string, at: number): boolean {
  const open = text.lastIndexOf('《', at);
  return open >= 0 && text.lastIndexOf('》', at) < open && text.lastIndexOf('\n', at) < open;
}
