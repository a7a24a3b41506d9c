import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const dist = join(import.meta.dirname, '..', 'dist', 'index.js');
const script = `
import { normalize } from ${JSON.stringify(dist)};
const r = normalize('經濟(jīng)發展　ＡＢＣ１２３\\n\\n责任编辑：张三');
console.log(JSON.stringify({ text: r.text, removed: r.removed.map((x) => x.kind) }));
`;

// The built package is what a bundler sees; `pnpm build` makes it (turbo builds before testing).
describe.skipIf(!existsSync(dist))('a bundle of a normalize-only script', () => {
  it.each(['esm', 'cjs'] as const)(
    'runs when bundled by esbuild as %s, data files and all',
    async (format) => {
      const dir = mkdtempSync(join(tmpdir(), 'xinwen-bundle-'));
      const outfile = join(dir, format === 'esm' ? 'out.mjs' : 'out.cjs');
      await build({
        stdin: { contents: script, resolveDir: dir, sourcefile: 'entry.mjs' },
        bundle: true,
        platform: 'node',
        format,
        outfile,
        logLevel: 'silent',
      });
      // Run from another directory, with nothing of the package's files beside the bundle.
      const result = spawnSync(process.execPath, [outfile], { cwd: tmpdir(), encoding: 'utf8' });
      expect(result.stderr).toBe('');
      expect(JSON.parse(result.stdout)).toEqual({
        // Converted, pinyin and widths fixed, and the editor line taken out by the furniture rules
        // (a data file): the bundle carries the package's data.
        text: '经济发展 ABC123',
        removed: ['editor'],
      });
    },
  );
});
