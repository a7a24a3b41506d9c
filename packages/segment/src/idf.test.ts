import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isXinwenError } from '@xinwen/core';
import { describe, expect, it } from 'vitest';
import { readIdfTable } from './idf.js';

describe('readIdfTable', () => {
  it('looks words up, and gives the median and maximum', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xinwen-idf-'));
    try {
      const path = join(dir, 'idf.utf8');
      writeFileSync(path, '重庆 5.5\n产业大脑 12.25\n企业 2.5\n发展 1.5\n独角兽 11\n');
      const table = readIdfTable(path);
      expect(table.get('产业大脑')).toBe(12.25);
      expect(table.get('企业')).toBe(2.5);
      expect(table.get('产业')).toBeUndefined();
      expect(table.get('产业大脑啊')).toBeUndefined();
      expect(table.median).toBe(5.5);
      expect(table.max).toBe(12.25);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('throws invalid_dictionary for a missing file', () => {
    let code: unknown;
    try {
      readIdfTable('/nonexistent/idf.utf8');
    } catch (error) {
      code = isXinwenError(error) ? error.code : error;
    }
    expect(code).toBe('invalid_dictionary');
  });
});
