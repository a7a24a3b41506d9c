import { XinwenError } from '@xinwen/core';
import { Redis } from 'ioredis';
import type { Config } from '../config.js';
import type { Runtime } from '../runtime.js';

/** How long a command waits for Redis to answer before it fails with `store_unavailable`. */
export const connectTimeoutMs = 5000;

/** Where a command writes. */
export interface Io {
  /** Writes to standard output; awaiting it applies backpressure (see output.ts). */
  stdout: (text: string) => void | Promise<void>;
  stderr: (text: string) => void;
  /** True when stderr is a terminal: progress is drawn in place rather than printed line by line. */
  tty: boolean;
}

/**
 * Runs a command with a runtime: resolves Redis (starting the embedded one if needed), checks
 * that it answers (before the pipeline is loaded or any stage set up), opens the store and
 * queues, and closes everything afterwards, also when the command throws.
 * @throws XinwenError `store_unavailable` when Redis does not answer within {@link connectTimeoutMs}.
 */
export async function withRuntime<T>(config: Config, body: (runtime: Runtime) => Promise<T>): Promise<T> {
  await reachConfigured(config);
  const { openRuntime, resolveEndpoints } = await import('../runtime.js');
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

/**
 * Resolves once every Redis the configuration names (`REDIS_URL`, `STORE_URL`) answers a PING.
 * Commands call it before loading their modules (BullMQ, the pipeline), so an unreachable Redis
 * is reported in seconds on any machine; the embedded Redis is started, not reached, here.
 * @throws XinwenError `store_unavailable`.
 */
export async function reachConfigured(
  config: Pick<Config, 'redisUrl' | 'storeUrl'> & { connectTimeoutMs?: number },
): Promise<void> {
  const given = new Set([config.redisUrl, config.storeUrl].filter((url) => url !== undefined));
  const ms = config.connectTimeoutMs ?? connectTimeoutMs;
  await Promise.all([...given].map((url) => reach(url, ms)));
}

/**
 * Resolves once the Redis at `url` answers a PING, on a connection of its own that does not
 * retry; rejects at a refused connection, an unknown host or after `ms` (XINWEN_CONNECT_TIMEOUT_MS,
 * default {@link connectTimeoutMs}).
 */
async function reach(url: string, ms: number): Promise<void> {
  const shown = url.replace(/\/\/[^@/]*@/, '//');
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: ms,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  let cause: Error | undefined;
  redis.on('error', (error: Error) => {
    // The first error says why (ECONNREFUSED, ENOTFOUND); connect() then only says it closed.
    cause ??= error;
  });
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms (XINWEN_CONNECT_TIMEOUT_MS)`)), ms);
  });
  try {
    await Promise.race([redis.connect().then(() => redis.ping()), limit]);
  } catch (error) {
    throw new XinwenError(
      'store_unavailable',
      `cannot reach Redis at ${shown}: ${(cause ?? (error as Error)).message}`,
      { cause: cause ?? error },
    );
  } finally {
    clearTimeout(timer);
    redis.disconnect();
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
