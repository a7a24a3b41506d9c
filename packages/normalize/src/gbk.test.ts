import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { encodeGbk } from './gbk.js';

describe('encodeGbk', () => {
  it('gives the bytes iconv-lite gives for every CJK ideograph and GBK punctuation mark', () => {
    const chars: string[] = [];
    for (let cp = 0x4e00; cp <= 0x9fa5; cp++) chars.push(String.fromCharCode(cp));
    chars.push(...'。，、；：？！“”‘’（）《》【】…—·　０１ＡＢ');
    const mismatched = chars.filter((c) => {
      const ours = encodeGbk(c);
      return ours === undefined || Buffer.compare(Buffer.from(ours), iconv.encode(c, 'gbk')) !== 0;
    });
    expect(mismatched).toEqual([]);
  });

  it('keeps ASCII as one byte and round-trips through the GBK decoder', () => {
    const text = '重庆日报讯 2024年6月 GDP增长5.2%。';
    const bytes = encodeGbk(text);
    expect(bytes).toBeDefined();
    expect(new TextDecoder('gbk').decode(bytes)).toBe(text);
  });

  it('has no bytes for a character GBK lacks', () => {
    expect(encodeGbk('😀')).toBeUndefined();
    expect(encodeGbk('각')).toBeUndefined();
  });
});
