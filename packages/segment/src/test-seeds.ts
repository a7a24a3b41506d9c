import { readFileSync } from 'node:fs';

/** The text of a seed scrape in the repository's `seeds/` directory (for tests). */
export function seed(prefix: string): string {
  const names: Record<string, string> = {
    '000': '000_b6d3aba162f0a3bb.txt',
    '001': '001_1dec3f20949d3dbf.txt',
    '003': '003_ea90497b5cb0cfb5.txt',
    '004': '004_805a3a0c2883bed2.txt',
  };
  return readFileSync(new URL(`../../../seeds/${names[prefix]}`, import.meta.url), 'utf8');
}

/** The line of a seed that contains `needle`. */
export function seedLine(prefix: string, needle: string): string {
  const line = seed(prefix)
    .split('\n')
    .find((l) => l.includes(needle));
  if (line === undefined) throw new Error(`seed ${prefix} has no line with ${needle}`);
  return line;
}
