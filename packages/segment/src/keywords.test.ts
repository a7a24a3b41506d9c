import { describe, expect, it } from 'vitest';
import { createSegmenter, keywords } from './segmenter.js';
import { seed } from './test-seeds.js';

describe('keywords', () => {
  it("reads like seed 001's topics, not like 重庆, 企业, 发展", () => {
    const top = keywords(seed('001'), 10).map((k) => k.word);
    expect(top).toEqual([
      '产业大脑',
      '独角兽',
      '服务机器人',
      '产业',
      '台湾',
      '台湾周',
      '人工智能',
      '数字化',
      '渝台',
      '专精特新',
    ]);
    expect(top).not.toContain('重庆');
    expect(top).not.toContain('企业');
    expect(top).not.toContain('发展');
  });

  it('ranks by TF-IDF or TextRank alone when asked', () => {
    const text = seed('001');
    expect(
      createSegmenter({ keywordMethod: 'tfidf' })
        .keywords(text, 3)
        .map((k) => k.word),
    ).toEqual(['产业大脑', '独角兽', '服务机器人']);
    expect(
      createSegmenter({ keywordMethod: 'textrank' })
        .keywords(text, 3)
        .map((k) => k.word),
    ).toEqual(['产业', '产业大脑', '台湾']);
  });

  it('keeps the speakers of seed 000 among its keywords', () => {
    const top = keywords(seed('000'), 30).map((k) => k.word);
    expect(top).toContain('丁中平');
    expect(top).toContain('曾菁华');
  });

  it('leaves out single characters, numbers and stop words, heaviest first', () => {
    const result = keywords(seed('003'), 30);
    expect(result).toHaveLength(30);
    for (const k of result) {
      expect(k.word.length).toBeGreaterThan(1);
      expect(k.word).not.toMatch(/^[\d.%]+$/);
      expect(['发展', '建设', '推动', '的', '重庆']).not.toContain(k.word);
    }
    const weights = result.map((k) => k.weight);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
  });

  it('returns nothing for n = 0 or text without candidates', () => {
    expect(keywords(seed('001'), 0)).toEqual([]);
    expect(keywords('的了吗。', 5)).toEqual([]);
    expect(keywords('', 5)).toEqual([]);
  });
});
