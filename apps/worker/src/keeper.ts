/**
 * What a long-running command (`work`, `run`) keeps an eye on while its workers run: every pending
 * document has a live job (checked at the start, every `reconcileMs`, and whenever Redis comes back
 * or is found to have lost its data), and its Redis answers. Each finding is one line on stderr.
 */
import type { Io } from './commands/context.js';
import { type Liveness, type LivenessEvent, watchRedis } from './liveness.js';
import { reconcilePending } from './reconcile.js';
import type { Runtime } from './runtime.js';

/** A running keeper. */
export interface Keeper {
  /** Resolves when the embedded Redis has exited for good (the command should stop). */
  readonly gone: Promise<LivenessEvent>;
  /** True once the embedded Redis was found gone. */
  readonly isGone: boolean;
  /** True while Redis does not answer. */
  readonly down: boolean;
  /** Resolves when the store refuses writes (full, failing disk), with Redis's message. */
  readonly refused: Promise<string>;
  /** How often the store was found to have lost its data. */
  readonly lost: number;
  /** Reconciles now; resolves to the number of documents that got a job again. */
  reconcile(): Promise<number>;
  /** Probes the Redis servers now (a store that came back empty also looks idle). */
  check(): Promise<void>;
  stop(): void;
}

/**
 * Reconciles pending documents with their jobs once, then starts the probe and the periodic
 * reconciliation. `name` prefixes the lines it prints (`work`, `run`).
 */
export async function startKeeper(runtime: Runtime, io: Io, name: string): Promise<Keeper> {
  const { config } = runtime;
  let reconciling: Promise<number> | undefined;
  const reconcile = () => {
    reconciling ??= reconcilePending(runtime)
      .then((summary) => {
        const fixed = summary.added + summary.replaced;
        if (fixed > 0)
          io.stderr(
            `${name}: ${fixed} of ${summary.pending} pending documents had no live job; queued them again\n`,
          );
        return fixed;
      })
      .catch(() => 0 /* Redis not answering: the probe says so, and the next pass tries again. */)
      .finally(() => {
        reconciling = undefined;
      });
    return reconciling;
  };
  await reconcile();
  let isGone = false;
  let onRefused!: (message: string) => void;
  const refused = new Promise<string>((resolve) => {
    onRefused = resolve;
  });
  const liveness: Liveness = watchRedis({
    storeUrl: runtime.endpoints.storeUrl,
    queueUrl: runtime.endpoints.redisUrl,
    prefix: config.prefix,
    marker: runtime.marker,
    intervalMs: config.livenessMs,
    timeoutMs: config.connectTimeoutMs,
    ...(runtime.endpoints.embeddedPid === undefined ? {} : { embeddedPid: runtime.endpoints.embeddedPid }),
    onEvent(event) {
      switch (event.kind) {
        case 'down':
          io.stderr(
            `${name}: ${event.target === 'store' ? "the store's" : "the queues'"} Redis does not answer (${event.message}); waiting for it\n`,
          );
          break;
        case 'up':
          io.stderr(
            `${name}: ${event.target === 'store' ? "the store's" : "the queues'"} Redis answers again\n`,
          );
          void reconcile();
          break;
        case 'lost':
          io.stderr(
            `${name}: data_lost: the store's Redis came back without its data (restarted without ` +
              'persistence, or flushed): every document stored before is gone; ingest them again\n',
          );
          void reconcile();
          break;
        case 'refused':
          io.stderr(
            `${name}: store_unavailable: the store's Redis refuses writes (${event.message}); ` +
              'jobs wait and retry until it accepts them again (free memory or disk space)\n',
          );
          onRefused(event.message);
          break;
        case 'accepted':
          io.stderr(`${name}: the store's Redis accepts writes again\n`);
          void reconcile();
          break;
        case 'gone':
          isGone = true;
          io.stderr(
            `${name}: store_unavailable: the embedded Redis (pid ${event.pid}) has stopped; stopping\n`,
          );
          break;
      }
    },
  });
  const timer = setInterval(() => {
    if (!liveness.down) void reconcile();
  }, config.reconcileMs);
  timer.unref();
  return {
    gone: liveness.gone,
    get isGone() {
      return isGone;
    },
    get down() {
      return liveness.down;
    },
    refused,
    get lost() {
      return liveness.lost;
    },
    reconcile,
    check: () => liveness.check().catch(() => {}),
    stop() {
      clearInterval(timer);
      liveness.stop();
    },
  };
}
