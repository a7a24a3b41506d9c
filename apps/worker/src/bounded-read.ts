/**
 * Reading inputs with the size limit enforced before anything is kept: a file over the limit is
 * hashed in chunks (for its content id) but never held in memory, standard input is read in chunks
 * and dropped once it passes the limit, JSON Lines are split as they are read so that one huge line
 * costs no more than the limit, and FIFOs, sockets and devices are refused instead of read (a FIFO
 * would block the command for ever).
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, type Stats, statSync } from 'node:fs';
import { XinwenError } from '@xinwen/core';

const chunkSize = 1 << 16;

/** Bytes read within the limit, or the size and content id of input over it. */
export type BoundedBytes =
  | { tooLarge: false; bytes: Uint8Array }
  | { tooLarge: true; size: number /** `sha256:<hex>` of every byte. */; id: string };

/** `what kind of file` for a message, or undefined for a regular file. */
function notRegular(stats: Stats): string | undefined {
  if (stats.isFile()) return undefined;
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isDirectory()) return 'a directory';
  return 'not a regular file';
}

/**
 * Refuses what is not a regular file, without opening it (opening a FIFO blocks).
 * @throws XinwenError `invalid_input` for a FIFO, socket or device.
 */
export function checkRegularFile(path: string): Stats {
  const stats = statSync(path);
  const kind = notRegular(stats);
  if (kind !== undefined) {
    throw new XinwenError('invalid_input', `expected a regular file, found ${kind}`, { details: { path } });
  }
  return stats;
}

/** Reads `fd` to its end in chunks, calling `take` with each; waits out EAGAIN on non-blocking input. */
function drain(fd: number, take: (chunk: Buffer) => void): void {
  const buffer = Buffer.allocUnsafe(chunkSize);
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, buffer, 0, chunkSize, null);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        continue;
      }
      if ((error as NodeJS.ErrnoException).code === 'EOF') return;
      throw error;
    }
    if (n === 0) return;
    take(buffer.subarray(0, n));
  }
}

/** Reads from an open descriptor, keeping at most `maxBytes`. */
export function readBounded(fd: number, maxBytes: number): BoundedBytes {
  const hash = createHash('sha256');
  let kept: Buffer[] | undefined = [];
  let size = 0;
  drain(fd, (chunk) => {
    hash.update(chunk);
    size += chunk.length;
    if (kept !== undefined && size > maxBytes) kept = undefined;
    kept?.push(Buffer.from(chunk));
  });
  if (kept === undefined) return { tooLarge: true, size, id: `sha256:${hash.digest('hex')}` };
  return { tooLarge: false, bytes: new Uint8Array(Buffer.concat(kept)) };
}

/**
 * Reads a regular file, keeping at most `maxBytes`: a larger one is only hashed.
 * @throws XinwenError `invalid_input` for a FIFO, socket or device; the file system's error when
 *   it cannot be read.
 */
export function readFileBounded(path: string, maxBytes: number): BoundedBytes {
  checkRegularFile(path);
  const fd = openSync(path, 'r');
  try {
    // The file may have changed since: what counts is what is read.
    if (!fstatSync(fd).isFile()) throw new XinwenError('invalid_input', 'expected a regular file');
    return readBounded(fd, maxBytes);
  } finally {
    closeSync(fd);
  }
}

/** One line of a JSON Lines input: its bytes, or its size and hash when longer than the limit. */
export type BoundedLine =
  | { line: number; tooLarge: false; bytes: Buffer }
  | { line: number; tooLarge: true; size: number; id: string };

/**
 * Splits the input of `fd` into lines (`\n`, a trailing `\r` removed) as it reads, keeping at
 * most `maxLineBytes` of any one line; a longer one is hashed and reported by size. A UTF-8 byte
 * order mark at the very start is dropped. Memory stays within one line plus one chunk.
 */
export function* readLinesBounded(fd: number, maxLineBytes: number): Generator<BoundedLine> {
  const buffer = Buffer.allocUnsafe(chunkSize);
  let parts: Buffer[] | undefined = [];
  let hash: ReturnType<typeof createHash> | undefined;
  let size = 0;
  let line = 1;
  let first = true;
  const finish = (): BoundedLine => {
    const current = line++;
    let result: BoundedLine;
    if (parts === undefined) {
      result = { line: current, tooLarge: true, size, id: `sha256:${hash!.digest('hex')}` };
    } else {
      let bytes = Buffer.concat(parts);
      if (bytes.length > 0 && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, -1);
      result = { line: current, tooLarge: false, bytes };
    }
    parts = [];
    hash = undefined;
    size = 0;
    return result;
  };
  const add = (piece: Buffer) => {
    size += piece.length;
    if (parts !== undefined && size > maxLineBytes) {
      hash = createHash('sha256');
      for (const part of parts) hash.update(part);
      parts = undefined;
    }
    if (parts !== undefined) parts.push(Buffer.from(piece));
    else hash!.update(piece);
  };
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, buffer, 0, chunkSize, null);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        continue;
      }
      if ((error as NodeJS.ErrnoException).code === 'EOF') break;
      throw error;
    }
    if (n === 0) break;
    let chunk = buffer.subarray(0, n);
    if (first) {
      first = false;
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
    }
    let start = 0;
    for (let nl = chunk.indexOf(0x0a, start); nl >= 0; nl = chunk.indexOf(0x0a, start)) {
      add(chunk.subarray(start, nl));
      yield finish();
      start = nl + 1;
    }
    if (start < chunk.length) add(chunk.subarray(start));
  }
  if (size > 0 || parts === undefined) yield finish();
}

/**
 * Lines of a JSON Lines file (see {@link readLinesBounded}).
 * @throws XinwenError `invalid_input` for a FIFO, socket or device.
 */
export function* readFileLinesBounded(path: string, maxLineBytes: number): Generator<BoundedLine> {
  checkRegularFile(path);
  const fd = openSync(path, 'r');
  try {
    yield* readLinesBounded(fd, maxLineBytes);
  } finally {
    closeSync(fd);
  }
}
