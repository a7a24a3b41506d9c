import type { Config } from '../config.js';
import { openRuntime, type Runtime, resolveEndpoints } from '../runtime.js';

/** Where a command writes. */
export interface Io {
  /** Writes to standard output; awaiting it applies backpressure (see output.ts). */
  stdout: (text: string) => void | Promise<void>;
  stderr: (text: string) => void;
  /** True when stderr is a terminal: progress is drawn in place rather than printed line by line. */
  tty: boolean;
}

/**
 * Runs a command with a runtime: resolves Redis (starting the embedded one if needed), opens the
 * store and queues, and closes everything afterwards, also when the command throws.
 */
export async function withRuntime<T>(config: Config, body: (runtime: Runtime) => Promise<T>): Promise<T> {
  const { endpoints, embedded } = await resolveEndpoints(config);
  let runtime: Runtime | undefined;
  try {
    runtime = await openRuntime(config, endpoints);
    return await body(runtime);
  } finally {
    await runtime?.close();
    await embedded?.stop();
  }
}

/** Resolves on the first SIGTERM or SIGINT; a second one exits at once. */
export function shutdownSignal(io: Io): { promise: Promise<string>; signal: AbortSignal } {
  const controller = new AbortController();
  const promise = new Promise<string>((resolve) => {
    const onSignal = (name: NodeJS.Signals) => {
      if (controller.signal.aborted) {
        io.stderr(`xinwen: second ${name}, exiting now\n`);
        process.exit(130);
      }
      io.stderr(`xinwen: ${name}: finishing active jobs, then stopping (again to stop at once)\n`);
      controller.abort();
      resolve(name);
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  });
  return { promise, signal: controller.signal };
}

/** A line that redraws itself on a terminal, or nothing otherwise. */
export function progressLine(io: Io): { update(text: string): void; done(): void } {
  let shown = false;
  return {
    update(text) {
      if (!io.tty) return;
      io.stderr(`\r\x1b[2K${text}`);
      shown = true;
    },
    done() {
      if (shown) io.stderr('\n');
      shown = false;
    },
  };
}
