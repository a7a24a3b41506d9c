/**
 * Failing fast when Redis cannot be reached: before a command opens its long-lived connections
 * (which wait out a Redis restart), one probe connects with a deadline, so an unreachable server,
 * a wrong port or `rediss://` against a plain server ends the command within the deadline with one
 * `store_unavailable` line instead of hanging or printing a stack trace per retry.
 */
import { XinwenError } from '@xinwen/core';
import { Redis } from 'ioredis';

/** `url` with any password replaced by `***`, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return url.replace(/\/\/[^@/]*@/, '//***@');
  }
}

/**
 * Connects to `url` and sends PING, giving up after `timeoutMs`.
 * @throws XinwenError `store_unavailable` naming the server (password hidden), the deadline and the
 *   first connection error.
 */
export async function checkReachable(url: string, timeoutMs: number, what = 'Redis'): Promise<void> {
  let firstError: Error | undefined;
  const client = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: timeoutMs,
    retryStrategy: () => null,
    // A TLS handshake against a plain server never completes: the deadline below ends it.
    reconnectOnError: () => false,
  });
  client.on('error', (error: Error) => {
    firstError ??= error;
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      client.connect().then(() => client.ping()),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer within ${timeoutMs} ms (XINWEN_CONNECT_TIMEOUT_MS)`)),
          timeoutMs,
        );
      }),
    ]);
  } catch (error) {
    const reason = firstError?.message ?? (error instanceof Error ? error.message : String(error));
    throw new XinwenError('store_unavailable', `cannot reach ${what} at ${redactUrl(url)}: ${reason}`, {
      cause: firstError ?? error,
    });
  } finally {
    clearTimeout(timer);
    client.disconnect();
  }
}
