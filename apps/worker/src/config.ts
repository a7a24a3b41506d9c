import { XinwenError } from '@xinwen/core';
import type { StageOptions } from '@xinwen/pipeline';
import { z } from 'zod';

const redisUrl = z
  .string()
  .regex(/^rediss?:\/\/\S+$/, 'expected a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379');
const positive = (max: number) => z.coerce.number().int().min(1).max(max);

/** Everything the `xinwen` command can be configured with, from flags and the environment. */
export const ConfigSchema = z.object({
  /** `REDIS_URL`: the Redis for queues (and the store unless `storeUrl` is set); none: embedded. */
  redisUrl: redisUrl.optional(),
  /** `STORE_URL`: a separate Redis for the store. */
  storeUrl: redisUrl.optional(),
  /** `XINWEN_PREFIX`: prefix of the store's keys; the queues live under `<prefix>:queue`. */
  prefix: z
    .string()
    .regex(/^[A-Za-z0-9_.-]+$/, 'expected letters, digits, "_", "." or "-"')
    .default('xinwen'),
  /** `XINWEN_CONCURRENCY` / `--concurrency`: jobs at once per stage queue. */
  concurrency: positive(64).default(1),
  /** `XINWEN_ATTEMPTS`: tries of a job that fails for a transient reason (Redis gone). */
  attempts: positive(100).default(6),
  /** `XINWEN_BACKOFF_MS`: first retry delay, doubled each time. */
  backoffMs: positive(3_600_000).default(1000),
  /** `XINWEN_LOCK_MS`: how long a job's lock lasts without renewal (a dead worker's jobs move on after it). */
  lockMs: z.coerce.number().int().min(500).max(3_600_000).default(30_000),
  /** `XINWEN_STALLED_MS`: how often workers look for jobs whose worker died. */
  stalledMs: z.coerce.number().int().min(500).max(3_600_000).default(30_000),
  /** `XINWEN_MAX_BYTES`: documents larger than this fail at ingest with `document_too_large`. */
  maxBytes: positive(512 * 2 ** 20).default(8 * 2 ** 20),
  /**
   * `XINWEN_THREAD_BYTES`: documents of at least this many bytes run their stages in a worker
   * thread, so a stage computing for seconds cannot delay the renewal of job locks; smaller ones
   * run on the main thread. 0 runs every document in a thread.
   */
  threadBytes: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 31)
    .default(256 * 1024),
  /** `XINWEN_SHUTDOWN_MS`: on SIGTERM/SIGINT, how long active jobs may take to finish. */
  shutdownMs: z.coerce.number().int().min(0).max(3_600_000).default(30_000),
  /**
   * `XINWEN_CONNECT_TIMEOUT_MS`: how long a command waits for Redis to answer when it starts
   * before it fails with `store_unavailable`; also the deadline of each liveness probe.
   */
  connectTimeoutMs: z.coerce.number().int().min(100).max(600_000).default(5000),
  /** `XINWEN_LIVENESS_MS`: how often a running worker checks that its Redis answers and kept its data. */
  livenessMs: z.coerce.number().int().min(50).max(600_000).default(1000),
  /**
   * `XINWEN_RECONCILE_MS`: how often a running worker makes sure every pending document has a live
   * job (it also does so when it starts and whenever Redis comes back).
   */
  reconcileMs: z.coerce.number().int().min(100).max(86_400_000).default(60_000),
  /** `XINWEN_DATA_DIR`: where the embedded Redis keeps its data. */
  dataDir: z.string().min(1).default('.xinwen'),
  /** `XINWEN_PIPELINE`: the module whose `createPipeline` runs the stages. */
  pipeline: z.string().min(1).default('@xinwen/pipeline'),
});

/** The settings read from flags and the environment. */
type Settings = z.infer<typeof ConfigSchema>;

/** The validated configuration. */
export type Config = Settings & {
  /**
   * Each stage's options (`xinwen.config.json`, `--html`, `--reference-date`, …), handed to every
   * pipeline the command builds, in-process or in a stage job.
   * @default {}
   */
  stageOptions: StageOptions;
};

/** `redisUrl` → `--redis-url`. */
export const flagName = (key: string): string => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

const envNames: Record<keyof Settings, string> = {
  redisUrl: 'REDIS_URL',
  storeUrl: 'STORE_URL',
  prefix: 'XINWEN_PREFIX',
  concurrency: 'XINWEN_CONCURRENCY',
  attempts: 'XINWEN_ATTEMPTS',
  backoffMs: 'XINWEN_BACKOFF_MS',
  lockMs: 'XINWEN_LOCK_MS',
  stalledMs: 'XINWEN_STALLED_MS',
  maxBytes: 'XINWEN_MAX_BYTES',
  threadBytes: 'XINWEN_THREAD_BYTES',
  shutdownMs: 'XINWEN_SHUTDOWN_MS',
  connectTimeoutMs: 'XINWEN_CONNECT_TIMEOUT_MS',
  livenessMs: 'XINWEN_LIVENESS_MS',
  reconcileMs: 'XINWEN_RECONCILE_MS',
  dataDir: 'XINWEN_DATA_DIR',
  pipeline: 'XINWEN_PIPELINE',
};

/**
 * Reads the configuration: flags win over the environment. An empty variable counts as unset.
 * @throws XinwenError `invalid_options` naming every bad setting and what was expected.
 */
export function loadConfig(
  flags: Partial<Record<keyof Settings, string | number | undefined>> & { stageOptions?: StageOptions } = {},
  env: NodeJS.ProcessEnv = process.env,
): Config {
  const input: Record<string, unknown> = {};
  for (const [key, name] of Object.entries(envNames)) {
    const flag = flags[key as keyof Settings];
    const value = flag ?? env[name];
    if (value !== undefined && value !== '') input[key] = value;
  }
  const parsed = ConfigSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const key = String(issue.path[0]) as keyof Settings;
      const shown = flags[key] === undefined ? envNames[key] : flagName(key);
      return `${shown}=${JSON.stringify(input[key])}: ${issue.message}`;
    });
    throw new XinwenError('invalid_options', `invalid configuration: ${problems.join('; ')}`);
  }
  return { ...parsed.data, stageOptions: flags.stageOptions ?? {} };
}
