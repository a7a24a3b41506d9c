/** Reads the seed scrapes in `seeds/` for benchmarks and evaluation scripts. */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
export const seedsDir = join(repoRoot, 'seeds');

export interface Seed {
  name: string;
  path: string;
  text: string;
}

export function readSeeds(): Seed[] {
  return readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => {
      const path = join(seedsDir, name);
      return { name, path, text: readFileSync(path, 'utf8') };
    });
}

/** Where the research-only evaluation data lives (never copied into the repo). */
export const evalDir = process.env.XINWEN_EVAL_DIR ?? join(repoRoot, '..', 'shared', 'eval');
