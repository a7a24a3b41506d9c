import type { Token } from '@xinwen/core';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { createSegmenter, segment, tokenize } from './segmenter.js';
import { simplifiedView } from './simplified-view.js';

const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
const spans = (tokens: readonly Token[]): string[] => tokens.map((t) => `${t.start}-${t.end}`);

/** Every token is the slice of the input at its offsets, and the tokens cover the input. */
function expectSlices(text: string, tokens: readonly Token[]): void {
  for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
  expect(tokens.map((t) => t.text).join('')).toBe(text);
}

describe('simplified view', () => {
  it('leaves simplified text as the same string, 著 and 於 included', () => {
    const text = '他是著名的作家，生于重庆。';
    expect(simplifiedView(text)).toEqual({ text, script: 'hans' });
  });

  it('simplifies traditional text one code unit for one', () => {
    const text = '由於經濟發展，政府宣佈新的計劃。';
    const view = simplifiedView(text);
    expect(view.script).toBe('hant');
    expect(view.text).toBe('由于经济发展，政府宣布新的计划。');
  });

  it('keeps the length where OpenCC turns a character into one outside the BMP', () => {
    // OpenCC maps 暐 to U+2C029, two code units: it stays, the rest of the run still converts by phrase
    const text = '李暐說他著名的研究已經完成。';
    expect(toSimplified('暐')).not.toHaveLength(1);
    const view = simplifiedView(text);
    expect(view.text).toHaveLength(text.length);
    expect(view.text).toBe('李暐说他著名的研究已经完成。');
  });

  it('converts only the words around traditional characters in simplified text', () => {
    const view = simplifiedView('重庆市政府今天开会，著名作家发表讲话，於是他说明天还要开一次會。');
    expect(view.script).toBe('hans');
    expect(view.text).toBe('重庆市政府今天开会，著名作家发表讲话，於是他说明天还要开一次会。');
  });
});

describe('segmenting traditional text', () => {
  const traditional = '香港特別行政區政府今天宣佈，由於經濟發展良好，將增加對軟體產業的投資。';

  it('cuts traditional text where it cuts the same text in simplified script', () => {
    const tokens = tokenize(traditional);
    expectSlices(traditional, tokens);
    expect(spans(tokens)).toEqual(spans(tokenize(toSimplified(traditional))));
    expect(tokens.map((t) => t.text)).toContain('經濟');
    expect(tokens.map((t) => t.text)).toContain('由於');
  });

  it('reports the script and gives keywords in the caller’s characters', () => {
    const result = segment(traditional);
    expect(result.script).toBe('hant');
    expectSlices(traditional, result.tokens);
    for (const k of result.keywords) expect(traditional).toContain(k.word);
  });

  it('handles mixed text and text with characters outside the BMP', () => {
    const mixed = '新华社北京电 國務院總理今天会见了來訪的客人𠮷野家。';
    const result = segment(mixed);
    expect(result.script).toBe('mixed');
    expectSlices(mixed, result.tokens);
    expect(result.tokens.map((t) => t.text)).toContain('國務院');
  });

  it('can segment the text as written', () => {
    const asWritten = createSegmenter({ simplify: false });
    expect(asWritten.segment(traditional).script).toBe('hans');
    expectSlices(traditional, asWritten.tokenize(traditional));
  });
});
