import { type Dirent, readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { XinwenError } from '@xinwen/core';
import { readBounded, readFileBounded } from './bounded-read.js';

/** One input named on the command line, read lazily so one unreadable file does not stop the rest. */
export interface InputFile {
  /** The path as given, or `-` for standard input. */
  name: string;
  /**
   * Reads the input.
   * @throws XinwenError `document_too_large` over `maxBytes` (the input is not held in memory),
   *   `invalid_input` for a FIFO, socket or device; the file system's error when unreadable.
   */
  read(maxBytes: number): Uint8Array;
}

function within(read: ReturnType<typeof readBounded>, maxBytes: number): Uint8Array {
  if (!read.tooLarge) return read.bytes;
  throw new XinwenError('document_too_large', `expected at most ${maxBytes} bytes, found ${read.size}`, {
    details: { size: read.size, maxBytes },
  });
}

/**
 * Expands the command line's paths: files as given, directories recursively (sorted, hidden files
 * skipped, `.txt` files by default), `-` as standard input. A folder that cannot be read becomes
 * an input whose `read` throws, so it is reported like any other bad input.
 */
export function expandInputs(
  paths: readonly string[],
  options: { extensions?: readonly string[] } = {},
): InputFile[] {
  const extensions = options.extensions ?? ['.txt'];
  const out: InputFile[] = [];
  const file = (name: string): InputFile => ({
    name,
    read: (maxBytes) => within(readFileBounded(name, maxBytes), maxBytes),
  });
  for (const path of paths) {
    if (path === '-') {
      out.push({ name: '-', read: (maxBytes) => within(readBounded(0, maxBytes), maxBytes) });
      continue;
    }
    let isDir = false;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      // Not found: reported when read.
    }
    if (isDir) {
      for (const entry of walk(path)) {
        if (entry.error !== undefined) {
          const error = entry.error;
          out.push({
            name: entry.path,
            read: () => {
              throw error;
            },
          });
        } else if (extensions.some((ext) => entry.path.endsWith(ext))) out.push(file(entry.path));
      }
    } else {
      out.push(file(path));
    }
  }
  return out;
}

/** A file found by {@link walk}, or a folder or entry it could not read. */
export interface WalkEntry {
  path: string;
  /** Why the entry could not be read (it is reported, and the walk goes on). */
  error?: NodeJS.ErrnoException;
}

/**
 * Every file under `dir`, recursively, in name order; hidden files and folders skipped. Symbolic
 * links are followed (a folder reached twice, through a cycle, is read once). An entry that cannot
 * be read — a folder without permission, a dangling link — is yielded with its error, and the walk
 * goes on with the rest. FIFOs, sockets and devices are left out.
 */
export function* walk(dir: string, seen: Set<string> = new Set()): Generator<WalkEntry> {
  let entries: Dirent[];
  try {
    const real = realpathSync(dir);
    if (seen.has(real)) return;
    seen.add(real);
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    yield { path: dir, error: error as NodeJS.ErrnoException };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const target = statSync(path);
        isDir = target.isDirectory();
        isFile = target.isFile();
      } catch (error) {
        yield { path, error: error as NodeJS.ErrnoException };
        continue;
      }
    }
    if (isDir) yield* walk(path, seen);
    else if (isFile) yield { path };
  }
}
