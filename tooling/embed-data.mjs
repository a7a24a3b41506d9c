#!/usr/bin/env node
// Writes src/data.generated.ts from the package's data/ folder (run from the package directory):
// the data files stay the source (with their sources and licences noted beside them), and the
// built package reads them as a module, so bundlers (esbuild, webpack, Vite) carry them along
// instead of leaving a file read relative to import.meta.url that breaks once bundled.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = 'data';
const names = readdirSync(dir)
  .filter((name) => /\.(json|txt)$/.test(name))
  .sort();
const entries = names.map(
  (name) => `  ${JSON.stringify(name)}: ${JSON.stringify(readFileSync(join(dir, name), 'utf8'))},`,
);
const out = `// Generated from data/ by tooling/embed-data.mjs at build time: edit the files in data/ instead.
const files: Record<string, string> = {
${entries.join('\n')}
};

/** The text of a file in the package's data/ folder, embedded at build time. */
export function dataFile(name: string): string {
  const text = files[name];
  if (text === undefined) throw new Error(\`no data file "\${name}" was embedded\`);
  return text;
}
`;
let current = '';
try {
  current = readFileSync(join('src', 'data.generated.ts'), 'utf8');
} catch {}
if (current !== out) writeFileSync(join('src', 'data.generated.ts'), out);
