/**
 * Writing a command's results to standard output without losing any: each write waits while the
 * stream's buffer is full (backpressure), the command waits for everything to be flushed before it
 * exits, and a write that fails (a reader that went away: EPIPE) is remembered so that the command
 * can exit non-zero instead of reporting success over output that never arrived.
 */

/** A writable stream, as far as {@link createOutput} needs one. */
export interface OutputStream {
  write(chunk: string, callback: (error?: Error | null) => void): boolean;
  once(event: 'drain' | 'error' | 'close', listener: (...args: unknown[]) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  removeListener(event: 'drain' | 'error' | 'close', listener: (...args: unknown[]) => void): unknown;
}

/** Output with backpressure. */
export interface Output {
  /**
   * Writes `text`. Resolves at once while the stream's buffer has room, else once it has drained,
   * so a producer awaiting each write never holds more than one buffer's worth in memory.
   * After a write error the text is dropped (and counted).
   */
  write(text: string): Promise<void>;
  /** Resolves once everything written so far has been handed to the operating system (or failed). */
  flush(): Promise<void>;
  /** The first write error, if any (e.g. EPIPE when the reader closed the pipe). */
  readonly error: NodeJS.ErrnoException | undefined;
  /** Bytes that could not be written because of {@link error}. */
  readonly lostBytes: number;
}

/** Wraps `stream` (standard output) with backpressure and error tracking. */
export function createOutput(stream: OutputStream): Output {
  let error: NodeJS.ErrnoException | undefined;
  let lostBytes = 0;
  let last: Promise<void> = Promise.resolve();
  const fail = (e: Error) => {
    error ??= e as NodeJS.ErrnoException;
  };
  stream.on('error', fail);

  const waitDrain = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        stream.removeListener('drain', done);
        stream.removeListener('error', done);
        stream.removeListener('close', done);
        resolve();
      };
      stream.once('drain', done);
      stream.once('error', done);
      stream.once('close', done);
    });

  // Resolves when the stream fails or closes (a pending write callback may then never run).
  const waitDrainOrEnd = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        stream.removeListener('error', done);
        stream.removeListener('close', done);
        resolve();
      };
      stream.once('error', done);
      stream.once('close', done);
    });

  return {
    async write(text) {
      if (error !== undefined) {
        lostBytes += Buffer.byteLength(text);
        return;
      }
      const size = Buffer.byteLength(text);
      let written!: () => void;
      last = new Promise<void>((resolve) => {
        written = resolve;
      });
      const roomLeft = stream.write(text, (e) => {
        if (e) {
          fail(e);
          lostBytes += size;
        }
        written();
      });
      if (!roomLeft && error === undefined) await waitDrain();
    },
    flush: () => (error !== undefined ? Promise.resolve() : Promise.race([last, waitDrainOrEnd()])),
    get error() {
      return error;
    },
    get lostBytes() {
      return lostBytes;
    },
  };
}

/**
 * Ends the command: waits until `output` is flushed, then exits with `code` — or with 1 when
 * output was lost to a write error, saying so on stderr. A connection that lingers after the
 * command closed everything does not keep the process alive; unflushed output does, since exiting
 * then would cut it off.
 */
export async function exitAfterOutput(
  output: Output,
  code: number,
  exit: (code: number) => void = (c) => process.exit(c),
  stderr: (text: string) => void = (text) => process.stderr.write(text),
): Promise<void> {
  await output.flush();
  let final = code;
  if (output.error !== undefined) {
    const why = output.error.code ?? output.error.message;
    stderr(
      `xinwen: output_error: standard output failed (${why}); ` +
        `${output.lostBytes > 0 ? `${output.lostBytes} bytes of output were not (fully) written` : 'output may be incomplete'}\n`,
    );
    if (final === 0) final = 1;
  }
  process.exitCode = final;
  setTimeout(() => exit(final), 3000).unref();
}
