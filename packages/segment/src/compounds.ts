/**
 * Low-evidence compounds. About 200,000 of the 349,000 entries in nodejieba's dictionary carry
 * the dictionary's floor frequency (3 or less): they were added as phrases without corpus counts
 * (「共同愿望」「发展势头」「新年贺词」「主办单位」). nodejieba's max-probability path still prefers
 * them over their well-attested parts, so news text comes out in phrase-sized chunks. A token
 * that is such an entry, three or more Han characters long and not a proper noun, idiom or word
 * of our domain dictionary, is cut again without it (nodejieba `cutSmall` with a length limit one
 * below the word's), which gives its parts (共同/愿望).
 */
import { readFileSync } from 'node:fs';
import { ruleTables } from './data.js';
import { engine } from './engine.js';

/** Tags whose entries stay whole however rare: names, places, organisations, other proper nouns, idioms. */
const keptTags = new Set(['nr', 'nrt', 'nrfg', 'ns', 'nt', 'nz', 'i']);

/** nodejieba's floor frequency: entries at or below it have no corpus evidence. */
const floorFrequency = 3;

const hanOnly = /^[\u4e00-\u9fff]{3,}$/;

let lowEvidence: ReadonlySet<string> | undefined;

/** The low-evidence compounds of nodejieba's dictionary, read once on first call. */
export function lowEvidenceCompounds(): ReadonlySet<string> {
  if (lowEvidence !== undefined) return lowEvidence;
  const { domainWords } = ruleTables();
  const words = new Set<string>();
  const text = readFileSync(engine().DEFAULT_DICT, 'utf8');
  let at = 0;
  while (at < text.length) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const a = text.indexOf(' ', at);
    const b = a < 0 ? -1 : text.indexOf(' ', a + 1);
    if (a > at && b > a && b < end) {
      const word = text.slice(at, a);
      if (
        word.length >= 3 &&
        Number(text.slice(a + 1, b)) <= floorFrequency &&
        !keptTags.has(text.slice(b + 1, end).trim()) &&
        hanOnly.test(word) &&
        !domainWords.has(word)
      ) {
        words.add(word);
      }
    }
    at = end + 1;
  }
  lowEvidence = words;
  return words;
}

type Parts = readonly { word: string; tag: string }[];

/** Splits already computed: the same compounds recur from document to document. */
const cache = new Map<string, Parts | null>();
const cacheLimit = 50_000;

/** The parts of a low-evidence compound with their tags, or undefined to keep it whole. */
export function splitCompound(word: string): Parts | undefined {
  if (word.length < 3 || !lowEvidenceCompounds().has(word)) return undefined;
  const cached = cache.get(word);
  if (cached !== undefined) return cached ?? undefined;
  const parts = computeSplit(word);
  if (cache.size >= cacheLimit) cache.clear();
  cache.set(word, parts ?? null);
  return parts;
}

function computeSplit(word: string): Parts | undefined {
  const jieba = engine();
  const parts = jieba.cutSmall(word, word.length - 1);
  if (parts.length < 2 || parts.join('') !== word) return undefined;
  const tagged = jieba.tag(parts.join(' ')).filter((t) => t.word !== ' ');
  if (tagged.length !== parts.length || tagged.some((t, i) => t.word !== parts[i])) return undefined;
  return tagged;
}
