import fc from 'fast-check';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { normalize } from './index.js';

const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '!': '！', '?': '？' };

/** Every way one raw character can show up in the normalized text. */
function canProduce(raw: string, out: string): boolean {
  if (raw === out) return true;
  if (toSimplified(raw) === out) return true;
  const c = raw.charCodeAt(0);
  if (c >= 0xff01 && c <= 0xff5e && String.fromCharCode(c - 0xfee0) === out) return true;
  if (FULL[raw] === out) return true;
  // Separators: a paragraph break is written at the line break it replaces; space variants fold.
  if ((out === '\n' || out === ' ') && /[\s\u00a0\u3000]/.test(raw)) return true;
  return false;
}

const pieces = [
  '重庆',
  '日报',
  '记者',
  '经济圈',
  '經濟',
  '舉報(bào)',
  '產(chǎn)業(yè)',
  '會',
  '黨',
  '，',
  '。',
  ',',
  ':',
  '２０２４',
  'ＧＤＰ',
  'abc',
  '12',
  ' ',
  '  ',
  '\u3000',
  '\u00a0',
  '\n',
  '\n\n',
  '\r\n',
  '\u200b',
  '\u0007',
  '“',
  '”',
  '（南坪）',
  '(重慶)',
  '4 月 30 日',
];

describe('offset map', () => {
  it('sends every normalized offset to the raw character it came from', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 60 }), (parts) => {
        const raw = `重庆${parts.join('')}。`;
        const r = normalize(raw);
        let last = -1;
        for (let i = 0; i < r.text.length; i++) {
          const at = r.map.toRaw(i);
          expect(at).toBeGreaterThanOrEqual(last);
          last = at;
          expect(at).toBeLessThan(raw.length);
          const from = raw[at] as string;
          if (!canProduce(from, r.text[i] as string)) {
            throw new Error(
              `normalized ${i} (${r.text[i]}) maps to raw ${at} (${from}) in ${JSON.stringify(raw)}`,
            );
          }
        }
        expect(r.map.toRaw(r.text.length)).toBe(raw.length);
      }),
      { numRuns: 300, seed: 20240622 },
    );
  });

  it('maps seed text back to the raw traditional original', () => {
    const raw = '新聞熱線:023\n\n川渝兩地工商聯(lián)攜手聯(lián)動(dòng),共推產(chǎn)業(yè)共興。';
    const r = normalize(raw);
    expect(r.text).toBe('川渝两地工商联携手联动，共推产业共兴。');
    const i = r.text.indexOf('联动');
    expect(raw.slice(r.map.toRaw(i), r.map.toRaw(i) + 1)).toBe('聯');
    expect(raw[r.map.toRaw(r.text.indexOf('共推'))]).toBe('共');
    expect(r.map.fromRaw(raw.indexOf('攜'))).toBe(r.text.indexOf('携'));
  });
});
