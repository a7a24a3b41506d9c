#!/usr/bin/env node
// Writes dist/schema.json, the JSON Schema (draft 2020-12) of ProcessedDocument, from the zod
// schema the package exports, so that consumers in other languages (Python, Go) validate the
// same document model. Run after tsc (`pnpm build`); shipped as `@xinwen/core/schema.json`.
import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { ProcessedDocumentSchema } from '../dist/index.js';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const schema = {
  ...z.toJSONSchema(ProcessedDocumentSchema, { target: 'draft-2020-12', io: 'output' }),
  $id: `https://unpkg.com/@xinwen/core@${pkg.version}/dist/schema.json`,
  title: 'ProcessedDocument',
  description:
    'A news scrape processed by xinwen (normalize, segment, extract, dedupe). Generated from the zod schema in @xinwen/core.',
};
writeFileSync(new URL('../dist/schema.json', import.meta.url), `${JSON.stringify(schema, null, 2)}\n`);
