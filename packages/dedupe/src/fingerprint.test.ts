import { sha256Hex } from '@xinwen/core';
import { describe, expect, it } from 'vitest';
import { fingerprint } from './fingerprint.js';
import { estimateJaccard } from './minhash.js';
import { intersectionSize, shingleSet } from './shingle.js';
import { paragraphsOf, seedText } from './test-support/seeds.js';

const article = paragraphsOf(seedText('001')).slice(20, 24).join('\n\n');

function exactJaccard(a: string, b: string): number {
  const x = shingleSet(a, 4).set;
  const y = shingleSet(b, 4).set;
  const common = intersectionSize(x, y);
  return common / (x.length + y.length - common);
}

describe('fingerprint', () => {
  it('hashes the text as given and gives a 16-hex-digit SimHash and a 128-value MinHash', () => {
    const fp = fingerprint(article);
    expect(fp.contentHash).toBe(`sha256:${sha256Hex(article)}`);
    expect(fp.simhash).toMatch(/^[0-9a-f]{16}$/);
    expect(fp.minhash).toBeInstanceOf(Uint32Array);
    expect(fp.minhash.length).toBe(128);
  });

  it('is deterministic', () => {
    const a = fingerprint(article);
    const b = fingerprint(article);
    expect(b.simhash).toBe(a.simhash);
    expect(b.minhash).toEqual(a.minhash);
  });

  it('ignores reflowed lines, spacing and punctuation for SimHash and MinHash, not for the content hash', () => {
    const reflowed = article
      .replace(/\n\n/g, '\n')
      .replace(/(.{15})/g, '$1\n')
      .replace(/，/g, ',')
      .replace(/。/g, '. ');
    const a = fingerprint(article);
    const b = fingerprint(reflowed);
    expect(b.contentHash).not.toBe(a.contentHash);
    expect(b.simhash).toBe(a.simhash);
    expect(b.minhash).toEqual(a.minhash);
  });

  it('estimates the Jaccard similarity of a lightly edited copy close to the exact value', () => {
    const edited = article.replace('李明清', '李明').replace('智慧防汛', '智能防汛').replace('KPI', '指标');
    const exact = exactJaccard(article, edited);
    const estimate = estimateJaccard(fingerprint(article).minhash, fingerprint(edited).minhash);
    expect(exact).toBeGreaterThan(0.9);
    expect(Math.abs(estimate - exact)).toBeLessThan(0.1);
  });

  it('gives different articles on the same topic a low similarity and distant SimHashes', () => {
    const other = paragraphsOf(seedText('001')).slice(24, 29).join('\n\n');
    expect(estimateJaccard(fingerprint(article).minhash, fingerprint(other).minhash)).toBeLessThan(0.1);
  });

  it('fingerprints a text shorter than one shingle', () => {
    const fp = fingerprint('重庆');
    expect(fp.minhash.every((v) => v === fp.minhash[0])).toBe(true);
    expect(fingerprint('重庆!').minhash).toEqual(fp.minhash);
  });

  it('rejects text without letters or digits, non-strings and bad options', () => {
    expect(() => fingerprint('')).toThrow(expect.objectContaining({ code: 'empty_document' }));
    expect(() => fingerprint(' ，。\n')).toThrow(expect.objectContaining({ code: 'empty_document' }));
    expect(() => fingerprint(42 as unknown as string)).toThrow(
      expect.objectContaining({ code: 'invalid_input' }),
    );
    expect(() => fingerprint('重庆日报', { shingleSize: 17 })).toThrow(
      expect.objectContaining({ code: 'invalid_options' }),
    );
  });

  it('takes the shingle size as an option', () => {
    expect(fingerprint(article, { shingleSize: 3 }).minhash).not.toEqual(fingerprint(article).minhash);
  });
});
