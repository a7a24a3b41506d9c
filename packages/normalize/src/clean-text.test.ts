import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalize } from './index.js';

// Measurement only: the shared evaluation data is read, never copied (see shared/eval/README.md).
const evalDir =
  process.env.XINWEN_EVAL_DIR ?? join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'eval');
const pku = join(evalDir, 'icwb2', 'pku_test.utf8');
const present = existsSync(pku);
if (!present) console.log(`clean-text check skipped: ${pku} not found`);

const fold = (s: string) =>
  s
    .replace(/[\uff01-\uff5e]/g, (c) => {
      const half = String.fromCharCode(c.charCodeAt(0) - 0xfee0);
      return /[0-9A-Za-z%+\-=@#&*/._$]/.test(half) ? half : c;
    })
    .replace(/[\u3000 ]+/g, ' ')
    .trim();

describe('clean simplified text (SIGHAN 2005 PKU test set)', () => {
  it.skipIf(!present)('is left as it is, apart from widths, spaces and line endings', () => {
    const raw = readFileSync(pku, 'utf8');
    const lines = raw
      .split(/\r?\n/)
      .map(fold)
      .filter((l) => l.length > 0);
    const r = normalize(raw);
    expect(r.removed).toEqual([]);
    expect(r.script).toBe('hans');
    expect(r.text.split('\n')).toEqual(lines);
  });
});
