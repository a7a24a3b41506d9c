import { XinwenError } from '@xinwen/core';
import type { Redis } from 'ioredis';
import type { Config } from '../config.js';
import { openRuntime, type Runtime, resolveEndpoints } from '../runtime.js';

/** How long a command waits for Redis to answer before it fails with `store_unavailable`. */
export const connectTimeoutMs = 5000;

/** Where a command writes. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stderr is a terminal: progress is drawn in place rather than printed line by line. */
  tty: boolean;
}

/**
 * Runs a command with a runtime: resolves Redis (starting the embedded one if needed), opens the
 * store and queues, checks that Redis answers (before any stage is set up), and closes everything
 * afterwards, also when the command throws.
 * @throws XinwenError `store_unavailable` when Redis does not answer within {@link connectTimeoutMs}.
 */
export async function withRuntime<T>(config: Config, body: (runtime: Runtime) => Promise<T>): Promise<T> {
  const { endpoints, embedded } = await resolveEndpoints(config);
  let runtime: Runtime | undefined;
  try {
    runtime = await openRuntime(config, endpoints);
    try {
      await Promise.all([
        reach(runtime.storeRedis, endpoints.storeUrl),
        reach(runtime.queueRedis, endpoints.redisUrl),
      ]);
    } catch (error) {
      runtime.storeRedis.disconnect();
      runtime.queueRedis.disconnect();
      runtime = undefined;
      throw error;
    }
    return await body(runtime);
  } finally {
    await runtime?.close();
    await embedded?.stop();
  }
}

/** Resolves once `redis` answers a PING; rejects at a refused connection or after the timeout. */
function reach(redis: Redis, url: string): Promise<void> {
  const shown = url.replace(/\/\/[^@/]*@/, '//');
  return new Promise<void>((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      redis.off('error', onError);
      reject(new XinwenError('store_unavailable', `cannot reach Redis at ${shown}: ${why}`));
    };
    const onError = (error: NodeJS.ErrnoException) => {
      if (['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH'].includes(error.code ?? '')) {
        fail(error.message);
      }
    };
    const timer = setTimeout(() => fail(`no answer within ${connectTimeoutMs / 1000} s`), connectTimeoutMs);
    redis.on('error', onError);
    redis.ping().then(
      () => {
        clearTimeout(timer);
        redis.off('error', onError);
        resolve();
      },
      (error: Error) => fail(error.message),
    );
  });
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
