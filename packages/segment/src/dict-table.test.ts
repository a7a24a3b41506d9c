import { describe, expect, it } from 'vitest';
import { specialTag } from './dict-table.js';
import { dictTable, engine } from './engine.js';
import { seed } from './test-seeds.js';

describe('dictTable', () => {
  it('tags exactly as nodejieba.tag does, word for word, on the seeds', () => {
    const jieba = engine();
    const table = dictTable();
    for (const prefix of ['000', '001', '003', '004']) {
      const text = seed(prefix);
      const ours = jieba.cut(text, true).map((word) => `${word}/${table.tag(word)}`);
      const theirs = jieba.tag(text).map((t) => `${t.word}/${t.tag}`);
      expect(ours).toEqual(theirs);
    }
  });

  it('gives user-dictionary tags over the main dictionary', () => {
    const table = dictTable();
    expect(table.tag('大足')).toBe('ns'); // main dictionary: d
    expect(table.tag('川渝高竹新区')).toBe('ns');
    expect(table.tag('书记')).toBe('n');
  });

  it('knows the low-evidence compounds', () => {
    const table = dictTable();
    expect(table.lowEvidence('共同愿望')).toBe(true); // 3 n
    expect(table.lowEvidence('人民大会堂')).toBe(false); // nt
    expect(table.lowEvidence('坚持不懈')).toBe(false); // 176 i
    expect(table.lowEvidence('首席记者')).toBe(false); // 3 n in the main dictionary, ours too
  });

  it('tags unknown words as cppjieba does', () => {
    expect(specialTag('江敦涛')).toBe('x');
    expect(specialTag('2024')).toBe('m');
    expect(specialTag('KPI')).toBe('eng');
    expect(specialTag('5G')).toBe('m'); // cppjieba looks at the first half of the word only
  });
});
