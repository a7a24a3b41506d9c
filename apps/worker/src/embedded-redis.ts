import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join, resolve } from 'node:path';
import { XinwenError } from '@xinwen/core';
import { Redis } from 'ioredis';

/** A Redis the command started (or found running from an earlier command) in its data folder. */
export interface EmbeddedRedis {
  url: string;
  /** True when this process started it and will stop it. */
  owned: boolean;
  /** Stops the server if this process started it; its data stays on disk. */
  stop(): Promise<void>;
}

/** Finds `redis-server` on PATH (or at `XINWEN_REDIS_SERVER`). */
export function findRedisServer(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = env.XINWEN_REDIS_SERVER
    ? [env.XINWEN_REDIS_SERVER]
    : (env.PATH ?? '')
        .split(delimiter)
        .filter(Boolean)
        .map((dir) => join(dir, 'redis-server'));
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not here.
    }
  }
  return undefined;
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function ping(url: string, timeoutMs: number): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => {});
  try {
    await Promise.race([
      client.connect().then(() => client.ping()),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), timeoutMs)),
    ]);
    return true;
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts `redis-server` with its data in `<dataDir>/redis` and append-only persistence on, on a
 * free loopback port — or reuses one an earlier command left running there.
 * @throws XinwenError `store_unavailable` when no redis-server can be found, saying how to get one.
 */
export async function startEmbeddedRedis(dataDir: string): Promise<EmbeddedRedis> {
  const dir = resolve(dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  const stateFile = join(dir, 'embedded.json');
  if (existsSync(stateFile)) {
    try {
      const state = JSON.parse(readFileSync(stateFile, 'utf8')) as { pid: number; url: string };
      if (alive(state.pid) && (await ping(state.url, 1000))) {
        return { url: state.url, owned: false, stop: async () => {} };
      }
    } catch {
      // A stale or unreadable state file: start afresh.
    }
  }
  const binary = findRedisServer();
  if (binary === undefined) {
    throw new XinwenError(
      'store_unavailable',
      'REDIS_URL is not set and no redis-server was found on PATH to start an embedded one. ' +
        'Either set REDIS_URL=redis://host:6379 (any Redis or Valkey >= 6.2), or install a server: ' +
        'Debian/Ubuntu `apt-get install redis-server`, macOS `brew install redis`, ' +
        'or point XINWEN_REDIS_SERVER at a redis-server binary.',
    );
  }
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    binary,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--appendonly',
      'yes',
      '--appendfsync',
      'everysec',
      '--save',
      '',
      '--logfile',
      'redis.log',
      '--daemonize',
      'no',
    ],
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  for (let tries = 0; tries < 100; tries++) {
    if (child.exitCode !== null) break;
    if (await ping(url, 500)) {
      writeFileSync(stateFile, JSON.stringify({ pid: child.pid, url }));
      return {
        url,
        owned: true,
        async stop() {
          if (child.exitCode === null) {
            child.kill('SIGTERM');
            await exited;
          }
          rmSync(stateFile, { force: true });
        },
      };
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  throw new XinwenError(
    'store_unavailable',
    `the embedded redis-server (${binary}) did not start; see ${join(dir, 'redis.log')}`,
  );
}
