import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contentId } from '@xinwen/core';
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
    expect(records[1]?.failure?.message).toMatch(/^line 2: not valid JSON: /);
    // Rejected input is not kept: only its content id, for the failed record.
    expect(records[1]?.content).toBe('');
    expect(records[1]?.id).toBe(contentId('{"text": "unterminated'));
    expect(records[3]?.failure?.message).toContain('expected exactly one of "text" or "base64"');
  });

  it('marks inputs over the size limit as document_too_large without keeping their content', () => {
    const big = new Uint8Array(2000).fill(0x41);
    const [record] = readInputs(['-'], options({ readStdin: () => big }));
    expect(record).toEqual({
      name: '-',
      content: '',
      id: contentId(big),
      failure: { code: 'document_too_large', message: 'expected at most 1024 bytes, found 2000' },
    });
    const dir = mkdtempSync(join(tmpdir(), 'xinwen-ingest-'));
    writeFileSync(join(dir, 'big.txt'), big);
    const [file] = readInputs([join(dir, 'big.txt')], options());
    expect(file).toMatchObject({ content: '', id: contentId(big), failure: { code: 'document_too_large' } });
  });

  it('case 14/18: JSON Lines are UTF-8: a BOM is skipped, other encodings fail their line, nothing is garbled', () => {
    const gbk = Buffer.from([0xd6, 0xd8, 0xc7, 0xec]); // 重庆 in GBK
    const input = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(`${JSON.stringify({ id: 'a', text: '重庆' })}\n{"id":"b","text":"`),
      gbk,
      Buffer.from('"}\n'),
    ]);
    const records = [...readInputs(['-'], options({ jsonl: true, readStdin: () => input }))];
    expect(records.map((r) => [r.name, r.failure?.code])).toEqual([
      ['a', undefined],
      ['-#L2', 'invalid_encoding'],
    ]);
    expect(records.some((r) => typeof r.content === 'string' && r.content.includes('\ufffd'))).toBe(false);
  });

  it('case 16/18: refuses borrowed content ids, overlong or control-character ids, and invalid base64', () => {
    const other = contentId('another document');
    const lines = [
      JSON.stringify({ id: other, text: '重庆日报讯' }),
      JSON.stringify({ id: contentId('重庆日报讯'), text: '重庆日报讯' }),
      JSON.stringify({ id: 'x'.repeat(513), text: '重庆日报讯' }),
      JSON.stringify({ id: 'evil\u001b[2J', text: '重庆日报讯' }),
      JSON.stringify({ base64: 'not base64 at all!' }),
    ].join('\n');
    const records = [...readInputs(['-'], options({ jsonl: true, readStdin: () => Buffer.from(lines) }))];
    expect(records.map((r) => r.failure?.code)).toEqual([
      'invalid_input',
      undefined,
      'invalid_input',
      'invalid_input',
      'invalid_input',
    ]);
    expect(records[0]?.failure?.message).toContain('reserved for the content hash');
    expect(records[2]?.failure?.message).toContain('at most 512 characters');
    expect(records[3]?.failure?.message).toContain('control characters');
    expect(records[4]?.failure?.message).toContain('not valid base64');
    // A failed line is stored under its own content id, never under the id it asked for.
    expect(records[0]?.id).not.toBe(other);
  });

  it('case 10/18: reports a FIFO and an unreadable folder and goes on; follows symlinked files', () => {
    const dir = tree();
    execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
    symlinkSync(join(dir, 'a.txt'), join(dir, 'linked.txt'));
    symlinkSync(join(dir, 'missing.txt'), join(dir, 'dangling.txt'));
    const records = [...readInputs([dir, join(dir, 'pipe.txt')], options())];
    const names = records.map((r) => [r.name.slice(dir.length + 1), r.unreadable?.code]);
    expect(names).toEqual([
      ['2024/b.txt', undefined],
      ['2024/draft/c.txt', undefined],
      ['a.txt', undefined],
      ['dangling.txt', 'io_error'],
      ['linked.txt', undefined],
      ['pipe.txt', 'invalid_input'],
    ]);
    expect(records.at(-1)?.unreadable?.message).toContain('FIFO');
  });
});
