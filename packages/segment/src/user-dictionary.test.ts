import { fileURLToPath } from 'node:url';
import { isXinwenError } from '@xinwen/core';
import { describe, expect, it } from 'vitest';
import { createSegmenter, tokenize } from './segmenter.js';
import { compileDictionary, findMatches, readDictionaryFile } from './user-dictionary.js';

const fixture = fileURLToPath(new URL('../test/fixtures/user-dict.txt', import.meta.url));
const sentence = '重庆中科摇船船信息科技有限公司（以下简称中科摇船船）的作业流程'; // seed 001
const tagged = (tokens: { text: string; pos: string }[]): string[] => tokens.map((t) => `${t.text}/${t.pos}`);

describe('user dictionaries', () => {
  it('reads the nodejieba user-dictionary format: word, frequency, tag', () => {
    expect(readDictionaryFile(fixture)).toEqual([
      { word: '摇船船', freq: 1000, tag: 'nz' },
      { word: '中科摇船船', freq: 2000, tag: 'nt' },
      { word: '宗申动力', tag: 'ns' },
      { word: '忽米网' },
    ]);
  });

  it('keeps user words whole with their tag, from a file or an array (seed 001)', () => {
    const fromFile = createSegmenter({ userDictionary: fixture });
    expect(tagged(fromFile.tokenize(sentence)).slice(0, 3)).toEqual(['重庆/ns', '中科摇船船/nt', '信息/n']);
    const fromArray = createSegmenter({ userDictionary: [{ word: '忽米网', tag: 'nt' }] });
    expect(tagged(fromArray.tokenize('通过忽米网搭建的全产业链创新平台')).slice(0, 3)).toEqual([
      '通过/p',
      '忽米网/nt',
      '搭建/v',
    ]);
  });

  it('does not leak one segmenter’s words into another or into the default', () => {
    createSegmenter({ userDictionary: fixture }).tokenize(sentence);
    expect(tokenize(sentence).map((t) => t.text)).not.toContain('中科摇船船');
    expect(
      createSegmenter()
        .tokenize(sentence)
        .map((t) => t.text),
    ).not.toContain('中科摇船船');
  });

  it('keeps offsets and the text intact around user words', () => {
    const tokens = createSegmenter({ userDictionary: fixture }).tokenize(sentence);
    expect(tokens.map((t) => t.text).join('')).toBe(sentence);
    for (const t of tokens) expect(sentence.slice(t.start, t.end)).toBe(t.text);
  });

  it('gives overlapping words to the higher frequency', () => {
    const dict = compileDictionary([
      { word: '甲乙', freq: 1 },
      { word: '乙丙丁', freq: 5 },
    ]);
    expect(findMatches('甲乙丙丁', dict)).toEqual([{ start: 1, end: 4, tag: 'nz' }]);
    const leftFirst = compileDictionary([
      { word: '甲乙', freq: 5 },
      { word: '乙丙丁', freq: 1 },
    ]);
    expect(findMatches('甲乙丙丁', leftFirst)).toEqual([{ start: 0, end: 2, tag: 'nz' }]);
  });

  it('rejects a missing file and malformed entries with invalid_dictionary', () => {
    const codes: unknown[] = [];
    for (const make of [
      () => createSegmenter({ userDictionary: '/nonexistent/dict.txt' }),
      () => createSegmenter({ userDictionary: [{ word: '' }] }),
      () => createSegmenter({ userDictionary: [{ word: '两 个' }] }),
      () => createSegmenter({ userDictionary: [{ word: '词', freq: -1 }] }),
    ]) {
      try {
        make();
      } catch (error) {
        codes.push(isXinwenError(error) ? error.code : error);
      }
    }
    expect(codes).toEqual([
      'invalid_dictionary',
      'invalid_dictionary',
      'invalid_dictionary',
      'invalid_dictionary',
    ]);
  });
});
