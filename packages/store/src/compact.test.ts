import { describe, expect, it } from 'vitest';
import {
  decodeFields,
  decodeTexts,
  decodeTokens,
  encodeFields,
  encodeTexts,
  encodeTokens,
} from './compact.js';

const text = '重庆日报讯 成渝地区双城经济圈建设稳步推进。';
const token = (start: number, end: number, pos: string) => ({
  text: text.slice(start, end),
  pos,
  start,
  end,
});

describe('tokens as columns', () => {
  it('keeps a tag table, a tag id and a length per token, and no gaps when tokens tile the text', () => {
    const tokens = [
      token(0, 2, 'ns'),
      token(2, 4, 'n'),
      token(4, 5, 'ng'),
      token(5, 6, 'x'),
      token(6, 8, 'ns'),
    ];
    const columns = encodeTokens(tokens, text);
    expect(columns).toEqual({ tags: ['ns', 'n', 'ng', 'x'], tag: [0, 1, 2, 3, 0], length: [2, 2, 1, 1, 2] });
    expect(decodeTokens(columns!, text)).toEqual(tokens);
  });

  it('keeps the gaps when some token does not start where the previous one ended', () => {
    const tokens = [token(0, 4, 'nt'), token(6, 8, 'ns'), token(8, 10, 'ns')];
    const columns = encodeTokens(tokens, text);
    expect(columns?.gap).toEqual([0, 2, 0]);
    expect(decodeTokens(columns!, text)).toEqual(tokens);
  });

  it('gives up (tokens stay objects) when a token is not its slice of the text', () => {
    expect(encodeTokens([{ text: '重慶', pos: 'ns', start: 0, end: 2 }], text)).toBeUndefined();
    expect(encodeTokens([{ text: '重庆日', pos: 'ns', start: 0, end: 2 }], text)).toBeUndefined();
  });
});

describe('paragraphs as offsets', () => {
  it('stores a paragraph found in the text as [start, end], short or missing ones as text', () => {
    const page = `${text}\n第二段：西部陆海新通道。\n附：图片\n第二段：西部陆海新通道。`;
    const paragraphs = [
      text,
      '第二段：西部陆海新通道。',
      '附',
      '不在原文里的一段话',
      '第二段：西部陆海新通道。',
    ];
    const stored = encodeTexts(paragraphs, page);
    expect(stored).toEqual([[0, 22], [23, 35], '附', '不在原文里的一段话', [41, 53]]);
    expect(decodeTexts(stored, page)).toEqual(paragraphs);
  });
});

describe('fields', () => {
  it('round-trips a stage result, using the text set in the same result', () => {
    const fields = {
      normalized: { text, script: 'hans' as const, fixes: {}, removed: [], damaged: [] },
      segmented: {
        sentences: [{ start: 0, end: 22 }],
        tokens: [token(0, 2, 'ns'), token(2, 5, 'n')],
        keywords: [],
      },
    };
    const stored = JSON.parse(JSON.stringify(encodeFields(fields, undefined)));
    expect(Array.isArray(stored.segmented.tokens)).toBe(false);
    expect(decodeFields(stored, undefined)).toEqual(fields);
  });

  it('leaves fields as they are without any text to point into', () => {
    const fields = { segmented: { sentences: [], tokens: [token(0, 2, 'ns')], keywords: [] } };
    expect(encodeFields(fields, undefined)).toBe(fields);
  });
});
