import { describe, expect, it } from 'vitest';
import { contentId, isContentId, sha256Hex } from './id.js';

describe('content ids', () => {
  it('hashes the UTF-8 bytes of a string and the same bytes given as an array alike', () => {
    const text = '新闻';
    const bytes = new TextEncoder().encode(text);
    expect(contentId(text)).toBe(contentId(bytes));
  });

  it('has the sha256:<64 hex> shape and tells it apart from caller ids', () => {
    const id = contentId('重庆日报');
    expect(id).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(isContentId(id)).toBe(true);
    expect(isContentId('article-42')).toBe(false);
    expect(isContentId('sha256:XYZ')).toBe(false);
  });

  it('matches a known digest', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('differs for different content', () => {
    expect(contentId('重庆')).not.toBe(contentId('重慶'));
  });
});
