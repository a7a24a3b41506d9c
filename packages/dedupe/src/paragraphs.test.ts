import { isXinwenError } from '@xinwen/core';
import { describe, expect, it } from 'vitest';
import { findRepeatedParagraphs } from './paragraphs.js';
import { intersectionSize, shingleSet } from './shingle.js';
import { paragraphsOf, seedText } from './test-support/seeds.js';

describe('findRepeatedParagraphs on the seeds', () => {
  it('finds the 李保海 paragraph printed twice in 000, and nothing else', () => {
    const paragraphs = paragraphsOf(seedText('000'));
    expect(
      paragraphs[13]?.startsWith('李保海表示，要把学习贯彻全会精神作为当前和今后一个时期的重大政治任务'),
    ).toBe(true);
    expect(paragraphs[15]).toBe(paragraphs[13]);
    expect(findRepeatedParagraphs(paragraphs)).toEqual([{ first: 13, repeat: 15, similarity: 1 }]);
  });

  it('does not flag the formulaic 宣讲 reports of 000 or a headline repeated in the lead', () => {
    const paragraphs = paragraphsOf(seedText('000'));
    // Same sentence frame, other venue and speaker.
    expect(paragraphs[11]).toBe(
      '9月5日，市储备粮公司党委举行学习贯彻党的二十大精神市委宣讲团宣讲报告会。市委宣讲团成员，市社联党组书记、副主席李保海作宣讲报告。',
    );
    expect(paragraphs[14]).toBe(
      '9月6日，广阳岛绿色发展公司举行学习贯彻党的二十大精神市委宣讲团宣讲报告会。市委宣讲团成员，市文联党组书记、副主席李保海作宣讲报告。',
    );
    // The headline is the last clause of the lead, but it is a headline, not a truncated copy.
    expect(paragraphs[3]).toBe('以进一步全面深化改革为动力 高水平推动现代化新重庆建设');
    expect(paragraphs[4]?.endsWith('以进一步全面深化改革为动力，高水平推动现代化新重庆建设。')).toBe(true);
    const flagged = findRepeatedParagraphs(paragraphs).map((r) => [r.first, r.repeat]);
    expect(flagged).not.toContainEqual([11, 14]);
    expect(flagged).not.toContainEqual([5, 8]);
    expect(flagged).not.toContainEqual([6, 9]);
    expect(flagged).not.toContainEqual([3, 4]);
  });

  it('finds the 李明清 paragraph with another opening and the block repeated after the page break in 001', () => {
    const paragraphs = paragraphsOf(seedText('001'));
    expect(paragraphs[22]?.startsWith('他调研时，李明清现场调阅了三级治理中心建设情况')).toBe(true);
    expect(
      paragraphs[23]?.startsWith(
        '在合川区、铜梁区数字化城市运行和治理中心，李明清现场调阅了三级治理中心建设情况',
      ),
    ).toBe(true);
    expect(paragraphs[45]).toBe('金、医药等重点行业布局，探索建立一批“产业大脑”，计划到2027年建成20个以上。');
    expect(
      paragraphs[38]?.endsWith(
        '目前我市已在汽摩、五金、医药等重点行业布局，探索建立一批“产业大脑”，计划到2027年建成20个以上。',
      ),
    ).toBe(true);
    expect(paragraphs[46]?.startsWith('如果说，“产业大脑”')).toBe(true);
    expect(paragraphs[47]).toBe('这样的“未来工厂”，在重庆制造行业为数不少。');
    expect(paragraphs[48]?.startsWith('实验室里，一台机器人')).toBe(true);
    expect(findRepeatedParagraphs(paragraphs)).toEqual([
      { first: 22, repeat: 23, similarity: 0.923 },
      { first: 38, repeat: 45, similarity: 1 },
      { first: 39, repeat: 46, similarity: 1 },
      { first: 40, repeat: 47, similarity: 1 },
      { first: 41, repeat: 48, similarity: 1 },
    ]);
  });

  it('finds no repeats in 002, 003 and 004', () => {
    expect(findRepeatedParagraphs(paragraphsOf(seedText('002')))).toEqual([]);
    expect(findRepeatedParagraphs(paragraphsOf(seedText('003')))).toEqual([]);
    expect(findRepeatedParagraphs(paragraphsOf(seedText('004')))).toEqual([]);
  });
});

describe('findRepeatedParagraphs', () => {
  const p = '这样的“未来工厂”，在重庆制造行业为数不少，已成为推动制造业高质量发展的重要力量。';

  it('ignores punctuation, spaces and line breaks', () => {
    const reflowed = '这样的"未来工厂",在重庆制造\n行业为数不少, 已成为推动制造业\n高质量发展的重要力量.';
    expect(findRepeatedParagraphs([p, '另一段完全不同的文字，讲的是别的事情。', reflowed])).toEqual([
      { first: 0, repeat: 2, similarity: 1 },
    ]);
  });

  it('reports a paragraph printed three times against the first copy each time', () => {
    expect(findRepeatedParagraphs([p, p, p])).toEqual([
      { first: 0, repeat: 1, similarity: 1 },
      { first: 0, repeat: 2, similarity: 1 },
    ]);
  });

  it('leaves paragraphs under minLength alone', () => {
    expect(findRepeatedParagraphs(['发展历程', '发展历程'])).toEqual([]);
    expect(findRepeatedParagraphs(['发展历程', '发展历程'], { minLength: 4 })).toEqual([
      { first: 0, repeat: 1, similarity: 1 },
    ]);
  });

  it('matches a truncated copy only when it is prose', () => {
    const long =
      '市经济信息委有关负责人介绍，目前我市已在汽摩、五金、医药等重点行业布局，探索建立一批产业大脑，计划到2027年建成20个以上。';
    expect(
      findRepeatedParagraphs([long, '医药等重点行业布局，探索建立一批产业大脑，计划到2027年建成20个以上。']),
    ).toEqual([{ first: 0, repeat: 1, similarity: 1 }]);
    expect(
      findRepeatedParagraphs([long, '医药等重点行业布局 探索建立一批产业大脑 计划到2027年建成20个以上']),
    ).toEqual([]);
  });

  it('rejects bad input and options with XinwenError codes', () => {
    expect(() => findRepeatedParagraphs('text' as unknown as string[])).toThrow(
      expect.objectContaining({ code: 'invalid_input' }),
    );
    expect(() => findRepeatedParagraphs([p, 3 as unknown as string])).toThrow(
      expect.objectContaining({ code: 'invalid_input' }),
    );
    let caught: unknown;
    try {
      findRepeatedParagraphs([p], { threshold: 1.5 });
    } catch (error) {
      caught = error;
    }
    expect(isXinwenError(caught, 'invalid_options')).toBe(true);
    expect(() => findRepeatedParagraphs([p], { shingleSize: 0 })).toThrow(
      expect.objectContaining({ code: 'invalid_options' }),
    );
  });

  it('handles thousands of repeated paragraphs in bounded memory (case 6: no Map overflow)', () => {
    // About 2 MB of text: one paragraph printed 20,000 times, with two distinct ones among them.
    const other = '另一段完全不同的文字，讲的是别的事情，也有足够的长度。';
    const paragraphs = Array.from({ length: 20_000 }, (_, i) => (i === 7 ? other : p));
    const found = findRepeatedParagraphs(paragraphs);
    expect(found).toHaveLength(19_998);
    expect(found.every((r) => r.first === 0 && r.similarity === 1)).toBe(true);
    expect(found.some((r) => r.repeat === 7)).toBe(false);
  });

  it('stops comparing new pairs past maxPairs, and rejects a bad budget', () => {
    const variants = Array.from({ length: 60 }, (_, i) => `${p}第${i}次`);
    expect(findRepeatedParagraphs(variants, { maxPairs: 0 })).toEqual([]);
    expect(findRepeatedParagraphs(variants).length).toBe(59);
    expect(() => findRepeatedParagraphs([p], { maxPairs: -1 })).toThrow(
      expect.objectContaining({ code: 'invalid_options' }),
    );
  });

  it('matches repeats of a repeated paragraph exactly as comparing every pair would', () => {
    // Exact copies are matched without pairs: the result must equal the all-pairs definition.
    const a = p;
    const b =
      '市经济信息委有关负责人介绍，目前我市已在汽摩、五金、医药等重点行业布局，探索建立一批产业大脑。';
    const aNoStop = a.replace(/。$/, '');
    const doc = [b, a, aNoStop, b, a, '短', aNoStop, `${a}再多几个字。`, a];
    const size = 4;
    const sets = doc.map((t) => shingleSet(t, size));
    const expected = [];
    for (let j = 1; j < doc.length; j++) {
      let best: { first: number; repeat: number; similarity: number } | undefined;
      for (let i = 0; i < j; i++) {
        if (sets[i]!.kept < 10 || sets[j]!.kept < 10) continue;
        const shared = intersectionSize(sets[i]!.set, sets[j]!.set);
        const [x, y] = [sets[i]!.set.length, sets[j]!.set.length];
        const jaccard = shared / (x + y - shared);
        const shorter = x <= y ? i : j;
        const share = shared / Math.min(x, y);
        let similarity = 0;
        if (jaccard >= 0.75) similarity = jaccard;
        else if (share >= 0.9 && sets[shorter]!.kept >= 20 && /[。！？!?]/.test(doc[shorter]!))
          similarity = share;
        if (similarity > 0 && (best === undefined || similarity > best.similarity))
          best = { first: i, repeat: j, similarity };
      }
      if (best) expected.push({ ...best, similarity: Math.round(best.similarity * 1000) / 1000 });
    }
    expect(findRepeatedParagraphs(doc)).toEqual(expected);
  });
});
