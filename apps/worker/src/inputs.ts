import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** One input named on the command line, read lazily so one unreadable file does not stop the rest. */
export interface InputFile {
  /** The path as given, or `-` for standard input. */
  name: string;
  read(): Uint8Array;
}

/**
 * Expands the command line's paths: files as given, directories recursively (sorted, hidden files
 * skipped, `.txt` files by default), `-` as standard input.
 */
export function expandInputs(
  paths: readonly string[],
  options: { extensions?: readonly string[] } = {},
): InputFile[] {
  const extensions = options.extensions ?? ['.txt'];
  const out: InputFile[] = [];
  for (const path of paths) {
    if (path === '-') {
      out.push({ name: '-', read: () => readFileSync(0) });
      continue;
    }
    let isDir = false;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      // Not found: reported when read.
    }
    if (isDir) {
      for (const file of walk(path)) {
        if (extensions.some((ext) => file.endsWith(ext)))
          out.push({ name: file, read: () => readFileSync(file) });
      }
    } else {
      out.push({ name: path, read: () => readFileSync(path) });
    }
  }
  return out;
}

/** Every file under `dir`, recursively, in name order; hidden files and folders skipped. */
export function* walk(dir: string): Generator<string> {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}
