import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { normalize } from './normalize.js';
import { detectScript, scriptTable } from './script.js';

const seedsDir = join(import.meta.dirname, '..', '..', '..', 'seeds');
const seeds = readdirSync(seedsDir).map((f) => readFileSync(join(seedsDir, f), 'utf8'));

describe('script conversion', () => {
  it('gives exactly what opencc-js tw→cn gives, on every seed', () => {
    const full = OpenCC.Converter({ from: 'tw', to: 'cn' });
    const table = scriptTable('simplified');
    for (const text of seeds) expect(table.convert(text)).toBe(full(text));
    expect(table.convert('著名的顯著標志，待著不動；爲了裡面的羣眾')).toBe(
      full('著名的顯著標志，待著不動；爲了裡面的羣眾'),
    );
  });

  it('detects the script', () => {
    expect(detectScript('重庆日报记者')).toBe('hans');
    expect(detectScript('重慶日報記者')).toBe('hant');
    expect(detectScript('重庆日报記者報導')).toBe('mixed');
    expect(detectScript('2024 GDP')).toBe('hans');
  });
});

describe('conversion to simplified in a document', () => {
  // OpenCC maps 暐 to U+2C029, which takes two UTF-16 code units
  const astral = OpenCC.Converter({ from: 'tw', to: 'cn' })('暐');

  it('converts traditional text whose conversion changes its length, 於 著 乾 included', () => {
    // the last line's only convertible character is 於
    const raw = '由於經濟發展，李暐說，顯著的成績來自乾淨的能源。\n他著有一本書。\n於是大家都同意。';
    const result = normalize(raw);
    expect(astral).toHaveLength(2);
    expect(result.script).toBe('hant');
    // what opencc-js gives for the whole text, not the per-character fallback that left 於 著 乾
    expect(result.text).toBe(OpenCC.Converter({ from: 'tw', to: 'cn' })(raw));
    expect(result.text).toContain(`由于经济发展，李${astral}说`);
    expect(result.text).toContain('干净');
    expect(result.text).toContain('\n于是大家都同意。');
    // the offset map stays exact on both sides of the longer character
    const at = result.text.indexOf('说');
    expect(raw[result.map.toRaw(at)]).toBe('說');
    expect(raw[result.map.toRaw(result.text.indexOf('李'))]).toBe('李');
    expect(raw[result.map.toRaw(result.text.indexOf('于是'))]).toBe('於');
  });

  it('converts 於 in a traditional run of simplified text, and leaves it in a simplified one', () => {
    const raw = `${'重庆市政府今天召开会议，研究部署经济工作。'.repeat(6)}报道说「由於經濟」，於是会议决定继续。`;
    const result = normalize(raw);
    expect(result.script).toBe('hans');
    expect(result.text).toContain('「由于经济」');
    expect(result.text).toContain('於是会议决定继续');
  });
});
