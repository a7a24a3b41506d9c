import { createContext, DedupeSchema } from '@xinwen/core';
import { describe, expect, it } from 'vitest';
import { createDedupeIndex } from './dedupe-index.js';
import { createDedupe, splitParagraphs } from './stage.js';
import { report, variants } from './test-support/documents.js';
import { seedText } from './test-support/seeds.js';

describe('splitParagraphs', () => {
  it('splits at blank lines with offsets into the text', () => {
    const text = '\n\n第一段\n续行\n\n  \n第二段。\n';
    expect(splitParagraphs(text)).toEqual([
      { text: '第一段\n续行', start: 2, end: 8 },
      { text: '第二段。', start: 13, end: 17 },
    ]);
  });

  it('splits at line breaks when the text has no blank line', () => {
    expect(splitParagraphs('第一段。\n第二段。')).toEqual([
      { text: '第一段。', start: 0, end: 4 },
      { text: '第二段。', start: 5, end: 9 },
    ]);
  });
});

describe('createDedupe', () => {
  it('returns the dedupe field of the document model and warns about repeated paragraphs', async () => {
    const run = createDedupe();
    const ctx = createContext('dedupe');
    const text = seedText('000');
    const result = await run({ id: 'seed-000', text }, ctx);
    expect(DedupeSchema.parse(result)).toEqual(result);
    expect(result.contentHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(result.repeatedParagraphs).toEqual([{ first: 13, repeat: 15, similarity: 1 }]);
    expect(result.clusterId).toBe('seed-000');
    expect(result.nearDuplicates).toEqual([]);
    expect(ctx.warnings).toHaveLength(1);
    const warning = ctx.warnings[0];
    expect(warning?.code).toBe('repeated_paragraph');
    expect(text.slice(warning?.start, warning?.end).startsWith('李保海表示，要把学习贯彻全会精神')).toBe(
      true,
    );
  });

  it('checks each document against the documents before it', async () => {
    const index = createDedupeIndex();
    const run = createDedupe({ index });
    await run({ id: 'print', text: report }, createContext());
    const copy = await run({ id: 'web', text: variants.boilerplate }, createContext());
    expect(copy.clusterId).toBe('print');
    expect(copy.nearDuplicates.map((d) => d.id)).toEqual(['print']);
    expect(copy.exactDuplicateOf).toBeUndefined();
    const same = await run({ id: 'again', text: report }, createContext());
    expect(same.exactDuplicateOf).toBe('print');
    expect(await index.size()).toBe(3);
  });

  it('is deterministic for the same input and index state', async () => {
    const a = await createDedupe()({ id: 'x', text: report }, createContext());
    const b = await createDedupe()({ id: 'x', text: report }, createContext());
    expect(b).toEqual(a);
  });

  it('rejects input without text', async () => {
    await expect(
      createDedupe()({ id: 'x' } as unknown as { id: string; text: string }, createContext()),
    ).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await expect(createDedupe()({ id: 'x', text: '。。' }, createContext())).rejects.toMatchObject({
      code: 'empty_document',
    });
  });
});
