import { createContext, SegmentedSchema, XinwenError } from '@xinwen/core';
import { describe, expect, it } from 'vitest';
import { createSegmenter, keywords, segment, tokenize } from './segmenter.js';
import { segmentStage } from './stage.js';
import { seed } from './test-seeds.js';

describe('segment', () => {
  it('returns sentences, tokens and keywords that fit the document model (seed 001)', () => {
    const text = seed('001');
    const { script, ...result } = segment(text);
    expect(script).toBe('hans');
    expect(SegmentedSchema.parse(result)).toEqual(result);
    expect(result.tokens.map((t) => t.text).join('')).toBe(text);
    expect(result.keywords).toHaveLength(10);
    const first = result.sentences[0];
    expect(first && text.slice(first.start, first.end)).toBe('第十六届“重庆·台湾周”9月10日开幕');
  });

  it('is deterministic: the same text gives the same result', () => {
    const text = seed('003');
    expect(JSON.stringify(segment(text))).toBe(JSON.stringify(segment(text)));
  });

  it('honours the keywords option and handles empty text', () => {
    expect(segment('市委副书记李明清前往合川区调研。', { keywords: 0 }).keywords).toEqual([]);
    expect(segment('')).toEqual({ sentences: [], tokens: [], keywords: [], script: 'hans' });
  });

  it('can leave names unjoined', () => {
    const plain = createSegmenter({ names: false }).tokenize('局长丁中平作宣讲报告');
    expect(plain.map((t) => t.text).slice(0, 3)).toEqual(['局长', '丁', '中平']);
  });

  it('rejects non-text input with invalid_input and bad options with invalid_options', () => {
    expect(() => tokenize(42 as unknown as string)).toThrow(XinwenError);
    expect(() => segment(null as unknown as string)).toThrow(
      /expected normalized text as a string, found null/,
    );
    expect(() => keywords('重庆', -1)).toThrow(/n must be a whole number/);
    expect(() => createSegmenter({ keywords: 1.5 })).toThrow(/keywords must be a whole number/);
    expect(() => createSegmenter({ keywordMethod: 'lda' as 'tfidf' })).toThrow(/keywordMethod/);
    try {
      tokenize(42 as unknown as string);
    } catch (error) {
      expect((error as XinwenError).code).toBe('invalid_input');
    }
  });
});

describe('segmentStage', () => {
  it('is a stage factory: options once, then text in and segmented out', () => {
    const run = segmentStage({ keywords: 3 });
    const ctx = createContext('segment');
    const result = run('市委副书记李明清前往合川区、铜梁区调研。', ctx);
    expect(result.tokens.find((t) => t.pos === 'nr')?.text).toBe('李明清');
    expect(result.sentences).toEqual([{ start: 0, end: 20 }]);
    expect(result.keywords.map((k) => k.word)).toEqual(['李明清', '合川区', '铜梁区']);
    expect(ctx.warnings).toEqual([]);
  });
});
