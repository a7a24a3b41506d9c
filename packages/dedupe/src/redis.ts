/**
 * `@xinwen/dedupe/redis`: the Redis backend of the dedupe index. Kept out of the main entry so
 * that users of the memory index need no Redis client; `ioredis` is an optional peer dependency,
 * loaded only when this backend has to open its own connection.
 */
import { XinwenError } from '@xinwen/core';
import type { Redis } from 'ioredis';
import { BANDS } from './lsh.js';
import { MINHASH_SIZE } from './minhash.js';
import { checkAndAddScript } from './redis-script.js';
import type { DedupeBackend, DedupeResult, IndexEntry, IndexSettings } from './types.js';

/** Options for {@link redisBackend}. */
export interface RedisBackendOptions {
  /**
   * An ioredis client to use. The backend does not close a client it was given. When absent,
   * the backend connects to `url` itself (importing `ioredis` on first use) and closes that
   * connection on `close()`.
   * @default undefined (the backend connects to `url`)
   */
  client?: Redis | undefined;
  /**
   * Where to connect when no `client` is given.
   * @default process.env.REDIS_URL, else 'redis://127.0.0.1:6379'
   */
  url?: string | undefined;
  /**
   * Names the index: every key is `{<prefix>}:…` (one hash slot, so the script also runs on a
   * Redis Cluster). Two indexes with the same prefix are the same index.
   * @default 'xinwen:dedupe'
   */
  prefix?: string | undefined;
  /**
   * Each LSH band is spread over 2^shardBits Redis hashes, so that each hash stays small enough
   * for Redis's compact listpack encoding (up to 128 entries): choose about log2(documents / 64).
   * Fixed for the life of an index.
   * @default 8
   */
  shardBits?: number | undefined;
}

const COMMAND = 'xinwenDedupeCheckAndAdd';

type ScriptClient = Redis & {
  [COMMAND](...args: (string | Buffer | number)[]): Promise<(string | number)[]>;
};

/**
 * Creates the Redis backend for `createDedupeIndex({ backend })`. The index lives in Redis under
 * `prefix`, so it is shared by every process using the same prefix and survives restarts. Each
 * check-and-add is one Lua script (atomic in Redis).
 *
 * @throws XinwenError `invalid_options` for a bad prefix or shard count; operations reject with
 *   `store_unavailable` when Redis cannot be reached.
 */
export function redisBackend(options: RedisBackendOptions = {}): DedupeBackend {
  const prefix = options.prefix ?? 'xinwen:dedupe';
  if (typeof prefix !== 'string' || prefix.length === 0 || /[{}]/.test(prefix)) {
    throw new XinwenError(
      'invalid_options',
      `expected a non-empty prefix without braces, found ${String(prefix)}`,
    );
  }
  const shardBits = options.shardBits ?? 8;
  if (!Number.isInteger(shardBits) || shardBits < 0 || shardBits > 24) {
    throw new XinwenError('invalid_options', `expected shardBits from 0 to 24, found ${String(shardBits)}`);
  }
  const base = `{${prefix}}`;
  const fixedKeys = [`${base}:seq`, `${base}:id`, `${base}:hash`, `${base}:doc`];
  const owned = options.client === undefined;
  let clientPromise: Promise<ScriptClient> | undefined;

  const connect = async (): Promise<ScriptClient> => {
    let client = options.client;
    if (client === undefined) {
      const url = options.url ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
      let IORedis: typeof import('ioredis').Redis;
      try {
        IORedis = (await import('ioredis')).Redis;
      } catch (cause) {
        throw new XinwenError(
          'invalid_options',
          'the redis backend needs the ioredis package: npm install ioredis',
          {
            cause,
          },
        );
      }
      client = new IORedis(url, { maxRetriesPerRequest: 3 });
    }
    if (typeof (client as unknown as Partial<ScriptClient>)[COMMAND] !== 'function') {
      client.defineCommand(COMMAND, { numberOfKeys: fixedKeys.length + BANDS, lua: checkAndAddScript });
    }
    return client as unknown as ScriptClient;
  };
  const getClient = () => {
    clientPromise ??= connect();
    return clientPromise;
  };

  const unavailable = (cause: unknown): never => {
    if (cause instanceof XinwenError) throw cause;
    throw new XinwenError(
      'store_unavailable',
      `the dedupe index in Redis could not be used: ${String(cause)}`,
      {
        cause,
      },
    );
  };

  const bandKey = (band: number, value: number): string =>
    `${base}:lsh:${band}:${shardBits === 0 ? 0 : value >>> (32 - shardBits)}`;

  const run = async (
    mode: 'check' | 'add',
    entry: IndexEntry,
    settings: IndexSettings,
  ): Promise<DedupeResult> => {
    const client = await getClient();
    const bandValues = Buffer.alloc(BANDS * 4);
    const keys: string[] = [...fixedKeys];
    for (let b = 0; b < BANDS; b++) {
      const value = entry.bands[b] as number;
      bandValues.writeUInt32BE(value, b * 4);
      keys.push(bandKey(b, value));
    }
    const signature = Buffer.alloc(MINHASH_SIZE * 4);
    for (let i = 0; i < MINHASH_SIZE; i++) signature.writeUInt32BE(entry.minhash[i] as number, i * 4);
    const hash = Buffer.from(entry.contentHash.replace(/^sha256:/, ''), 'hex');
    const need = Math.ceil(settings.threshold * MINHASH_SIZE - 1e-9);
    let reply: (string | number)[];
    try {
      reply = await client[COMMAND](
        ...keys,
        mode,
        entry.id,
        hash.length === 32 ? hash : entry.contentHash,
        signature,
        bandValues,
        need,
        settings.maxBucketSize,
        BANDS,
      );
    } catch (cause) {
      return unavailable(cause);
    }
    const nearDuplicates: { id: string; similarity: number }[] = [];
    for (let i = 2; i + 1 < reply.length; i += 2) {
      nearDuplicates.push({ id: String(reply[i]), similarity: Number(reply[i + 1]) / MINHASH_SIZE });
    }
    const exact = String(reply[0] ?? '');
    return {
      ...(exact === '' ? {} : { exactDuplicateOf: exact }),
      nearDuplicates,
      clusterId: String(reply[1]),
    };
  };

  return {
    name: 'redis',
    run,
    async size() {
      const client = await getClient();
      try {
        return await client.hlen(`${base}:id`);
      } catch (cause) {
        return unavailable(cause);
      }
    },
    async clear() {
      const client = await getClient();
      try {
        // Only this index's keys: SCAN by prefix, never FLUSHDB.
        let cursor = '0';
        const pattern = `${base.replace(/[*?[\]\\]/g, '\\$&')}:*`;
        do {
          const [next, keys] = await client.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
          cursor = next;
          if (keys.length > 0) await client.unlink(...keys);
        } while (cursor !== '0');
      } catch (cause) {
        unavailable(cause);
      }
    },
    async close() {
      if (clientPromise === undefined || !owned) return;
      const client = await clientPromise;
      clientPromise = undefined;
      await client.quit();
    },
  };
}
