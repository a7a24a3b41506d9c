/**
 * The one nodejieba instance of the process. nodejieba keeps its dictionary in process-global
 * state: whoever calls its `load()` last decides the dictionary for everyone. This module loads it
 * once, with nodejieba's default dictionaries plus our `data/domain.txt` as a user dictionary, and
 * never changes it afterwards (segmenter user dictionaries are applied on our side, see
 * `user-dictionary.ts`). Code elsewhere in the process that calls `nodejieba.load()` again would
 * drop our domain words; nothing in xinwen does.
 */
import { createRequire } from 'node:module';
import type * as NodeJieba from 'nodejieba';
import { dataPath } from './data.js';
import { type DictTable, readDictTable } from './dict-table.js';

type Jieba = typeof NodeJieba & {
  DEFAULT_DICT: string;
  DEFAULT_USER_DICT: string;
  DEFAULT_IDF_DICT: string;
  DEFAULT_STOP_WORD_DICT: string;
};

const require = createRequire(import.meta.url);
let jieba: Jieba | undefined;

/** nodejieba, loaded with the domain dictionary on first call. */
export function engine(): Jieba {
  if (jieba !== undefined) return jieba;
  const nj = require('nodejieba') as Jieba;
  nj.load({ userDict: `${nj.DEFAULT_USER_DICT}|${dataPath('domain.txt')}` });
  jieba = nj;
  return nj;
}

let table: DictTable | undefined;

/** nodejieba's dictionary as loaded by {@link engine}, for tag lookups on our side. */
export function dictTable(): DictTable {
  if (table !== undefined) return table;
  const nj = engine();
  table = readDictTable(nj.DEFAULT_DICT, [nj.DEFAULT_USER_DICT, dataPath('domain.txt')]);
  return table;
}
