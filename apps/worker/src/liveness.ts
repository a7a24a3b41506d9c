/**
 * Noticing that Redis went away, came back empty, or (embedded) stopped for good. A long-running
 * command probes its Redis on a connection of its own that never queues commands, so a probe
 * fails at once while Redis is unreachable, and says so once per outage rather than once per
 * retried job. The store carries a marker key written when a command first opens it: a store whose
 * marker is gone has lost its data (a Redis without persistence restarted), which would otherwise
 * go unnoticed — every document simply vanishes.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { redactUrl } from './redis-connect.js';

/** The key holding the store's marker. */
export const markerKey = (prefix: string): string => `${prefix}:instance`;

/**
 * Writes the store's marker unless it has one, and returns it. Every command that opens the store
 * calls this, so a marker that later disappears means the data went with it.
 */
export async function markStore(redis: Redis, prefix: string): Promise<string> {
  const key = markerKey(prefix);
  await redis.set(key, randomBytes(8).toString('hex'), 'NX');
  return (await redis.get(key)) ?? '';
}

/** What the probe noticed. */
export type LivenessEvent =
  /** Redis stopped answering (once per outage). */
  | { kind: 'down'; target: 'store' | 'queues'; message: string }
  /** It answers again. */
  | { kind: 'up'; target: 'store' | 'queues' }
  /** The store answers but its marker is gone: its data is lost. */
  | { kind: 'lost' }
  /** The store answers but refuses writes (out of memory, a failing disk): once until it accepts. */
  | { kind: 'refused'; message: string }
  /** The store accepts writes again. */
  | { kind: 'accepted' }
  /** The embedded Redis process has exited: nothing will bring it back. */
  | { kind: 'gone'; pid: number };

/** Options for {@link watchRedis}. */
export interface LivenessOptions {
  storeUrl: string;
  queueUrl: string;
  prefix: string;
  /** The marker read when the command started (see {@link markStore}). */
  marker: string;
  /** Time between probes. @default 1000 */
  intervalMs?: number;
  /** A probe that takes longer counts as Redis not answering. @default 5000 */
  timeoutMs?: number;
  /** The pid of the embedded redis-server, if the command uses one. */
  embeddedPid?: number;
  onEvent: (event: LivenessEvent) => void;
}

/** A running probe. */
export interface Liveness {
  /** True while a probed Redis does not answer. */
  readonly down: boolean;
  /** How many times the store was found to have lost its data. */
  readonly lost: number;
  /** Resolves (with the event) when the embedded Redis has exited for good. */
  readonly gone: Promise<LivenessEvent>;
  /** True while the store refuses writes. */
  readonly refused: boolean;
  /** Runs one probe now. */
  check(): Promise<void>;
  stop(): void;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function probeClient(url: string, timeoutMs: number): Redis {
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: timeoutMs,
    retryStrategy: () => 500,
    lazyConnect: true,
  });
  client.on('error', () => {});
  client.connect().catch(() => {});
  return client;
}

/** Resolves once `client` is connected (at once if it is); rejects after `ms`. */
function ready(client: Redis, ms: number): Promise<void> {
  if (client.status === 'ready') return Promise.resolve();
  return withTimeout(new Promise<void>((resolve) => client.once('ready', () => resolve())), ms);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Starts probing the command's Redis servers every `intervalMs`. */
export function watchRedis(options: LivenessOptions): Liveness {
  const intervalMs = options.intervalMs ?? 1000;
  const timeoutMs = options.timeoutMs ?? 5000;
  const store = probeClient(options.storeUrl, timeoutMs);
  const queues = options.queueUrl === options.storeUrl ? undefined : probeClient(options.queueUrl, timeoutMs);
  let marker = options.marker;
  const down = { store: false, queues: false };
  let lost = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let resolveGone!: (event: LivenessEvent) => void;
  const gone = new Promise<LivenessEvent>((resolve) => {
    resolveGone = resolve;
  });
  let goneSeen = false;
  let refused = false;

  const mark = (target: 'store' | 'queues', error: unknown) => {
    if (down[target]) return;
    down[target] = true;
    const url = target === 'store' ? options.storeUrl : options.queueUrl;
    const message = `${redactUrl(url)}: ${error instanceof Error ? error.message : String(error)}`;
    options.onEvent({ kind: 'down', target, message });
  };
  const recovered = (target: 'store' | 'queues') => {
    if (!down[target]) return;
    down[target] = false;
    options.onEvent({ kind: 'up', target });
  };

  const check = async () => {
    if (options.embeddedPid !== undefined && !goneSeen && !alive(options.embeddedPid)) {
      goneSeen = true;
      const event: LivenessEvent = { kind: 'gone', pid: options.embeddedPid };
      options.onEvent(event);
      resolveGone(event);
      return;
    }
    try {
      // The probe connects on its own: a probe while it (re)connects waits for it, within the deadline.
      await ready(store, timeoutMs);
      const current = await withTimeout(store.get(markerKey(options.prefix)), timeoutMs);
      recovered('store');
      if (current !== marker) {
        // An empty marker: the command could not write one when it started (nothing to compare).
        if (marker !== '' && (current === null || current !== marker)) {
          lost++;
          options.onEvent({ kind: 'lost' });
        }
        marker = await withTimeout(markStore(store, options.prefix), timeoutMs);
      }
      // A write that changes nothing: refused when Redis is full or cannot write its disk.
      try {
        await withTimeout(store.set(markerKey(options.prefix), marker, 'XX'), timeoutMs);
        if (refused) {
          refused = false;
          options.onEvent({ kind: 'accepted' });
        }
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (!/^(OOM|MISCONF|READONLY)\b/.test(message)) throw error;
        if (!refused) {
          refused = true;
          options.onEvent({ kind: 'refused', message });
        }
      }
    } catch (error) {
      mark('store', error);
    }
    if (queues !== undefined) {
      try {
        await ready(queues, timeoutMs);
        await withTimeout(queues.ping(), timeoutMs);
        recovered('queues');
      } catch (error) {
        mark('queues', error);
      }
    }
  };

  const loop = async () => {
    if (stopped) return;
    await check();
    if (!stopped) {
      timer = setTimeout(loop, intervalMs);
      timer.unref();
    }
  };
  timer = setTimeout(loop, intervalMs);
  timer.unref();

  return {
    get down() {
      return down.store || down.queues;
    },
    get lost() {
      return lost;
    },
    get refused() {
      return refused;
    },
    gone,
    check,
    stop() {
      stopped = true;
      clearTimeout(timer);
      store.disconnect();
      queues?.disconnect();
    },
  };
}
