import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ProcessedDocumentSchema } from './schema.js';

const file = join(import.meta.dirname, '..', 'dist', 'schema.json');

// `pnpm build` writes dist/schema.json (turbo builds before testing).
describe.skipIf(!existsSync(file))('@xinwen/core/schema.json', () => {
  const schema = JSON.parse(readFileSync(file, 'utf8'));

  it('is the JSON Schema of the zod ProcessedDocument schema as built', () => {
    const { $id, title, description, ...generated } = schema;
    expect(generated).toEqual(
      z.toJSONSchema(ProcessedDocumentSchema, { target: 'draft-2020-12', io: 'output' }),
    );
    expect(title).toBe('ProcessedDocument');
    expect($id).toMatch(/@xinwen\/core@\d+\.\d+\.\d+\/dist\/schema\.json$/);
    expect(description).toContain('zod');
  });

  it('describes the documented fields, with articles as objects that need a title and paragraphs', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'source', 'warnings']));
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['id', 'source', 'normalized', 'segmented', 'page', 'articles', 'dedupe']),
    );
    const article = schema.properties.articles.items;
    expect(article.type).toBe('object');
    expect(article.required).toEqual(expect.arrayContaining(['title', 'paragraphs']));
    expect(schema.properties.normalized.properties.script.enum).toEqual(['hans', 'hant', 'mixed']);
  });
});
