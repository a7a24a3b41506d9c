/** Seed scrapes as test fixtures: the text split on blank lines into paragraphs. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const seedsDir = fileURLToPath(new URL('../../../../seeds/', import.meta.url));

/** The text of the seed whose file name starts with `number` (e.g. '001'). */
export function seedText(number: string): string {
  const name = readdirSync(seedsDir).find((f) => f.startsWith(`${number}_`));
  if (name === undefined) throw new Error(`no seed ${number} in ${seedsDir}`);
  return readFileSync(seedsDir + name, 'utf8');
}

/** Paragraphs: split on blank lines (a line holding only whitespace counts as blank), trimmed, empty ones left out. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\n[ \t\u3000]*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}
