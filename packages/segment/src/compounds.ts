/**
 * Low-evidence compounds. About 200,000 of the 349,000 entries in nodejieba's dictionary carry
 * the dictionary's floor frequency (3 or less): they were added as phrases without corpus counts
 * (「共同愿望」「发展势头」「新年贺词」「主办单位」). nodejieba's max-probability path still prefers
 * them over their well-attested parts, so news text comes out in phrase-sized chunks. A token
 * that is such an entry, three or more Han characters long and not a proper noun, idiom or word
 * of our domain dictionary, is cut again without it (nodejieba `cutSmall` with a length limit one
 * below the word's), which gives its parts (共同/愿望).
 */
import { dictTable, engine } from './engine.js';

type Parts = readonly { word: string; tag: string }[];

/** Splits already computed: the same compounds recur from document to document. */
const cache = new Map<string, Parts | null>();
const cacheLimit = 50_000;

/** The parts of a low-evidence compound with their tags, or undefined to keep it whole. */
export function splitCompound(word: string): Parts | undefined {
  if (word.length < 3 || !dictTable().lowEvidence(word)) return undefined;
  const cached = cache.get(word);
  if (cached !== undefined) return cached ?? undefined;
  const parts = computeSplit(word);
  if (cache.size >= cacheLimit) cache.clear();
  cache.set(word, parts ?? null);
  return parts;
}

function computeSplit(word: string): Parts | undefined {
  const parts = engine().cutSmall(word, word.length - 1);
  if (parts.length < 2 || parts.join('') !== word) return undefined;
  const table = dictTable();
  return parts.map((part) => ({ word: part, tag: table.tag(part) }));
}
