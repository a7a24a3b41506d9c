import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultInclude, type InputOptions, readInputs } from './ingest.js';

const options = (extra: Partial<InputOptions> = {}): InputOptions => ({
  include: defaultInclude,
  exclude: [],
  jsonl: false,
  maxBytes: 1024,
  ...extra,
});

function tree(): string {
  const dir = mkdtempSync(join(tmpdir(), 'xinwen-ingest-'));
  mkdirSync(join(dir, '2024', 'draft'), { recursive: true });
  writeFileSync(join(dir, 'a.txt'), '重庆日报讯');
  writeFileSync(join(dir, 'notes.md'), '# not a scrape');
  writeFileSync(join(dir, '.hidden.txt'), 'hidden');
  writeFileSync(join(dir, '2024', 'b.txt'), '新华社北京电');
  writeFileSync(join(dir, '2024', 'draft', 'c.txt'), '草稿');
  return dir;
}

describe('readInputs', () => {
  it('walks directories recursively in name order, with include and exclude globs', () => {
    const dir = tree();
    const names = (o: InputOptions) => [...readInputs([dir], o)].map((r) => r.name.slice(dir.length + 1));
    expect(names(options())).toEqual(['2024/b.txt', '2024/draft/c.txt', 'a.txt']);
    expect(names(options({ exclude: ['**/draft/**'] }))).toEqual(['2024/b.txt', 'a.txt']);
    expect(names(options({ include: ['*.md'] }))).toEqual(['notes.md']);
    const [first] = readInputs([join(dir, 'a.txt')], options());
    expect(first?.uri).toBe(join(dir, 'a.txt'));
    expect(Buffer.from(first!.content).toString('utf8')).toBe('重庆日报讯');
  });

  it('reads JSON Lines: text or base64 per line; a bad line becomes a failed record and the rest go on', () => {
    const lines = [
      JSON.stringify({ id: 'cq-1', text: '重庆日报讯', meta: { page: 1 } }),
      '{"text": "unterminated',
      '',
      JSON.stringify({ uri: 'https://example.org/2', base64: Buffer.from('新华社').toString('base64') }),
      JSON.stringify({ text: 'a', base64: 'Yg==' }),
    ].join('\n');
    const records = [...readInputs(['-'], options({ jsonl: true, readStdin: () => Buffer.from(lines) }))];
    expect(records.map((r) => [r.name, r.failure?.code])).toEqual([
      ['cq-1', undefined],
      ['-#L2', 'invalid_input'],
      ['https://example.org/2', undefined],
      ['-#L5', 'invalid_input'],
    ]);
    expect(records[0]).toMatchObject({ id: 'cq-1', content: '重庆日报讯', meta: { page: 1 }, uri: '-#L1' });
    expect(Buffer.from(records[2]!.content).toString('utf8')).toBe('新华社');
    expect(records[1]?.failure?.message).toMatch(/^line 2 is not valid JSON: /);
    expect(records[1]?.content).toBe('{"text": "unterminated');
    expect(records[3]?.failure?.message).toContain('expected exactly one of "text" or "base64"');
  });

  it('marks inputs over the size limit as document_too_large, keeping their content', () => {
    const big = new Uint8Array(2000).fill(0x41);
    const [record] = readInputs(['-'], options({ readStdin: () => big }));
    expect(record?.failure).toEqual({
      code: 'document_too_large',
      message: 'expected at most 1024 bytes, found 2000',
    });
    expect(record?.content).toBe(big);
  });
});
