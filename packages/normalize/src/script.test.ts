import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
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
