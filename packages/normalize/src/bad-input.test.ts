import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isXinwenError } from '@xinwen/core';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { normalize } from './index.js';

const sample = '重庆日报记者从团市委了解到，川渝两地携手共建经济圈。';
const sampleTrad = '重慶日報記者從團市委了解到，川渝兩地攜手共建經濟圈。';

function errorCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (isXinwenError(error)) return error.code;
    throw error;
  }
  return undefined;
}

describe('encodings', () => {
  it('reads UTF-8 without a BOM', () => {
    const r = normalize(new TextEncoder().encode(sample));
    expect(r.text).toBe(sample);
    expect(r.encoding).toBe('utf-8');
    expect(r.encodingConfidence).toBe(0.99);
  });

  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(sample)]);
    const r = normalize(bytes);
    expect(r.text).toBe(sample);
    expect(r.encoding).toBe('utf-8');
    expect(r.encodingConfidence).toBe(1);
    expect(r.map.toRaw(0)).toBe(0);
  });

  it('reads GBK / GB18030', () => {
    const r = normalize(new Uint8Array(iconv.encode(sample, 'gbk')));
    expect(r.text).toBe(sample);
    expect(r.encoding).toBe('gb18030');
    expect(r.encodingConfidence).toBeGreaterThan(0.5);
  });

  it('reads Big5 and converts it to simplified', () => {
    const r = normalize(new Uint8Array(iconv.encode(sampleTrad, 'big5')));
    expect(r.encoding).toBe('big5');
    expect(r.script).toBe('hant');
    expect(r.text).toBe(sample);
  });

  it('reads Big5-HKSCS: the Hong Kong characters come out as themselves, not private-use code points', () => {
    const cantonese = '我哋今日去咗街市買嘢，佢嘅屋企喺九龍，聽日會嚟探我哋。';
    const r = normalize(new Uint8Array(iconv.encode(cantonese, 'big5hkscs')));
    expect(r.encoding).toBe('big5');
    for (const c of '哋咗嘢嘅喺嚟') expect(r.text).toContain(c);
    expect(r.text).not.toMatch(/[\ue000-\uf8ff]/);
  });

  it('refuses Japanese (Shift_JIS, EUC-JP) and Korean (EUC-KR) with unsupported_encoding', () => {
    const japanese = '今日は良い天気ですね。東京で会議があります。私たちは新しい計画について話し合いました。';
    const korean =
      '오늘은 날씨가 좋습니다. 서울에서 회의가 있습니다. 우리는 새로운 계획에 대해 이야기했습니다.';
    for (const [text, encoding] of [
      [japanese, 'shift_jis'],
      [japanese, 'euc-jp'],
      [korean, 'euc-kr'],
    ] as const) {
      expect([encoding, errorCode(() => normalize(new Uint8Array(iconv.encode(text, encoding))))]).toEqual([
        encoding,
        'unsupported_encoding',
      ]);
    }
    // Chinese text with a Japanese name in it is still Chinese.
    const mixed = `${sample}日本的「こんにちは」是你好的意思。`;
    expect(normalize(new Uint8Array(iconv.encode(mixed, 'gbk'))).encoding).toBe('gb18030');
  });

  it('reads UTF-16 LE and BE with a BOM', () => {
    const le = new Uint8Array(iconv.encode(sample, 'utf16le'));
    const be = new Uint8Array(iconv.encode(sample, 'utf16be'));
    const r1 = normalize(new Uint8Array([0xff, 0xfe, ...le]));
    const r2 = normalize(new Uint8Array([0xfe, 0xff, ...be]));
    expect([r1.text, r1.encoding, r1.encodingConfidence]).toEqual([sample, 'utf-16le', 1]);
    expect([r2.text, r2.encoding, r2.encodingConfidence]).toEqual([sample, 'utf-16be', 1]);
  });

  it('rejects bytes that are invalid in every encoding', () => {
    expect(errorCode(() => normalize(new Uint8Array([0xe4, 0xb8, 0xff, 0xff, 0xff])))).toBe(
      'invalid_encoding',
    );
    expect(errorCode(() => normalize(new Uint8Array([0xef, 0xbb, 0xbf, 0xff, 0xfe, 0xfd])))).toBe(
      'invalid_encoding',
    );
  });
});

describe('binary, empty and oversized input', () => {
  it('rejects a PDF, an image and NUL bytes', () => {
    expect(errorCode(() => normalize(new TextEncoder().encode('%PDF-1.7\n1 0 obj')))).toBe('binary_input');
    expect(errorCode(() => normalize(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))).toBe(
      'binary_input',
    );
    expect(errorCode(() => normalize(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10])))).toBe(
      'binary_input',
    );
    expect(errorCode(() => normalize(new Uint8Array([0x41, 0x00, 0x42, 0x43])))).toBe('binary_input');
    expect(errorCode(() => normalize('中文\u0000中文'))).toBe('binary_input');
  });

  it('rejects empty and whitespace-only input', () => {
    expect(errorCode(() => normalize(''))).toBe('empty_document');
    expect(errorCode(() => normalize(new Uint8Array(0)))).toBe('empty_document');
    expect(errorCode(() => normalize('  \n\t\u3000\u200b\r\n '))).toBe('empty_document');
    expect(errorCode(() => normalize(new TextEncoder().encode('\ufeff   \n')))).toBe('empty_document');
  });

  it('accepts a 10 MB document and rejects one over the configured limit', () => {
    const seedsDir = join(import.meta.dirname, '..', '..', '..', 'seeds');
    const seed = readFileSync(
      join(seedsDir, readdirSync(seedsDir).find((f) => f.startsWith('001')) as string),
      'utf8',
    );
    const big = seed.repeat(Math.ceil((10 * 1024 * 1024) / Buffer.byteLength(seed)));
    expect(Buffer.byteLength(big)).toBeGreaterThan(10 * 1024 * 1024);
    const r = normalize(big);
    expect(r.text.length).toBeGreaterThan(2_000_000);
    expect(r.text.startsWith('第十六届“重庆·台湾周”9月10日开幕')).toBe(true);
    expect(errorCode(() => normalize(big, { maxBytes: 1024 * 1024 }))).toBe('document_too_large');
    expect(errorCode(() => normalize(new Uint8Array(2048).fill(0x41), { maxBytes: 1024 }))).toBe(
      'document_too_large',
    );
  });

  it('rejects input that is neither a string nor bytes, and bad options', () => {
    expect(errorCode(() => normalize(42 as unknown as string))).toBe('invalid_input');
    expect(errorCode(() => normalize('中文', { target: 'klingon' as 'simplified' }))).toBe('invalid_options');
    expect(errorCode(() => normalize('中文', { maxBytes: -1 }))).toBe('invalid_options');
  });
});

describe('characters', () => {
  it('drops lone surrogates and keeps surrogate pairs', () => {
    const r = normalize('重庆\ud800日报\udc00记者𠀀。');
    expect(r.text).toBe('重庆日报记者𠀀。');
    expect(r.fixes.lone_surrogate).toBe(2);
  });

  it('removes zero-width and control characters, folds full-width letters and digits', () => {
    const r = normalize('重\u200b庆\u0007日报２０２４年ＧＤＰ增长５．２％');
    expect(r.text).toBe('重庆日报2024年GDP增长5.2%');
    expect(r.fixes).toMatchObject({ control_char: 2, width: 11 });
  });

  it('collapses whitespace and line endings', () => {
    const r = normalize('第一段。\r\n\r\n\r\n\r\n第二段  有  空格。\u00a0\r\n');
    expect(r.text).toBe('第一段。\n\n第二段 有 空格。');
  });
});

describe('HTML given as text', () => {
  const html =
    '<!DOCTYPE html><html><body><p>重庆日报&nbsp;记者</p><script>var x=1;</script><p>川渝携手。</p></body></html>';

  it('is read as a web page by default, without the script', () => {
    const r = normalize(html);
    expect(r.text).toContain('川渝携手。');
    expect(r.text).not.toContain('var x');
    expect(r.web?.format).toBe('html');
  });

  it('is rejected with html: "reject"', () => {
    expect(errorCode(() => normalize(html, { html: 'reject' }))).toBe('html_input');
  });

  it('is stripped to its text with html: "strip"', () => {
    const r = normalize(html, { html: 'strip' });
    expect(r.text).toBe('重庆日报 记者\n\n川渝携手。');
    expect(r.fixes.html_markup).toBeGreaterThan(0);
  });

  it('leaves text with a stray angle bracket alone', () => {
    expect(normalize('增速<5%的地区，共有3个。').text).toBe('增速<5%的地区，共有3个。');
  });
});

describe('options', () => {
  it('switches steps off', () => {
    const raw = '舉報(bào)電話,２０２３';
    expect(
      normalize(raw, { convert: false, pinyinAnnotations: false, punctuation: false, width: false }).text,
    ).toBe(raw);
    expect(normalize(raw).text).toBe('举报电话，2023');
  });

  it('converts to the traditional, Taiwan and Hong Kong targets', () => {
    expect(normalize('经济圈的软件里', { target: 'traditional' }).text).toBe('經濟圈的軟件裏');
    expect(normalize('经济圈的软件里', { target: 'taiwan' }).text).toBe('經濟圈的軟件裡');
    expect(normalize('经济圈的软件里', { target: 'hongkong' }).text).toBe('經濟圈的軟件裏');
  });

  it('removes user boilerplate patterns into removed', () => {
    const r = normalize('本文来源：某网站\n\n正文第一段。\n\n（完）', {
      boilerplate: ['（完）', /^本文来源：.*$/m],
    });
    expect(r.text).toBe('正文第一段。');
    expect(r.removed.map((x) => [x.kind, x.text])).toEqual([
      ['boilerplate', '本文来源：某网站'],
      ['boilerplate', '（完）'],
    ]);
  });
});
