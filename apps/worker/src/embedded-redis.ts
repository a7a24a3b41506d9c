import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  accessSync,
  chmodSync,
  constants,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join, resolve } from 'node:path';
import { XinwenError } from '@xinwen/core';
import { Redis } from 'ioredis';

/** A Redis the command started (or found running from an earlier command) in its data folder. */
export interface EmbeddedRedis {
  url: string;
  /** True when this process started it. */
  owned: boolean;
  /** The redis-server's process id, when known. */
  pid?: number;
  /** Stops the server unless other clients still use it; its data stays on disk. */
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
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The state file an embedded Redis leaves in its folder for later commands. */
interface State {
  pid: number;
  url: string;
}

/**
 * Stops the embedded Redis at `url` unless other clients still use it (another `xinwen` command:
 * a worker started after the command that started the server). Connections this process just
 * closed may take a moment to leave the server's client list, so it looks again a few times
 * before deciding they are someone else's. Returns true when the server was stopped.
 */
export async function stopIfUnused(
  url: string,
  pid: number | undefined,
  stateFile: string,
): Promise<boolean> {
  const admin = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  admin.on('error', () => {});
  try {
    await admin.connect();
    const own = Number(await admin.client('ID'));
    for (let look = 0; ; look++) {
      const list = String(await admin.client('LIST'));
      const others = list
        .split('\n')
        .filter((line) => /\bid=\d+/.test(line))
        .filter((line) => Number(/\bid=(\d+)/.exec(line)?.[1]) !== own);
      if (others.length === 0) break;
      if (look >= 20) return false;
      await sleep(100);
    }
    await admin.call('SHUTDOWN').catch(() => {
      // The server closes the connection as it goes: that is the answer.
    });
  } catch {
    // Not answering: it is gone already (or about to be); the pid check below decides.
  } finally {
    admin.disconnect();
  }
  if (pid !== undefined) {
    for (let i = 0; i < 100 && alive(pid); i++) await sleep(50);
    if (alive(pid)) return false;
  }
  rmSync(stateFile, { force: true });
  return true;
}

/**
 * Starts `redis-server` with its data in `<dataDir>/redis` and append-only persistence on, on a
 * free loopback port — or reuses one an earlier command left running there. The server runs in a
 * session of its own (a Ctrl-C meant for the command does not reach it) and is stopped by the last
 * command to finish with it: whichever command calls `stop()` when no other client remains. It
 * requires a password (random, kept in a 0600 file in the folder, never on a command line), and
 * its folder is 0700 and its files 0600.
 * @throws XinwenError `store_unavailable` when no redis-server can be found, saying how to get one.
 */
export async function startEmbeddedRedis(dataDir: string): Promise<EmbeddedRedis> {
  const root = resolve(dataDir);
  if (!existsSync(root)) mkdirSync(root, { recursive: true, mode: 0o700 });
  const dir = join(root, 'redis');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const stateFile = join(dir, 'embedded.json');
  const reuse = (state: State): EmbeddedRedis => ({
    url: state.url,
    owned: false,
    pid: state.pid,
    stop: async () => {
      await stopIfUnused(state.url, state.pid, stateFile);
    },
  });
  if (existsSync(stateFile)) {
    try {
      const state = JSON.parse(readFileSync(stateFile, 'utf8')) as State;
      if (alive(state.pid) && (await ping(state.url, 1000))) return reuse(state);
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
  const password = randomBytes(24).toString('hex');
  const url = `redis://:${password}@127.0.0.1:${port}`;
  // The password goes in a config file only this user can read, not on the command line (ps).
  const configFile = join(dir, 'redis.conf');
  writeFileSync(
    configFile,
    [
      `port ${port}`,
      'bind 127.0.0.1',
      `dir "${dir}"`,
      'appendonly yes',
      'appendfsync everysec',
      'save ""',
      'logfile "redis.log"',
      'daemonize no',
      `requirepass ${password}`,
      '',
    ].join('\n'),
    { mode: 0o600 },
  );
  chmodSync(configFile, 0o600);
  // Files the server creates (AOF, log) are for this user only.
  const umask = process.umask(0o077);
  let child: ChildProcess;
  try {
    child = spawn(binary, [configFile], { stdio: 'ignore', detached: true });
  } finally {
    process.umask(umask);
  }
  child.unref();
  child.once('error', () => {});
  for (let tries = 0; tries < 100; tries++) {
    if (child.exitCode !== null) break;
    if (await ping(url, 500)) {
      const pid = child.pid as number;
      writeFileSync(stateFile, JSON.stringify({ pid, url } satisfies State), { mode: 0o600 });
      chmodSync(stateFile, 0o600);
      return {
        url,
        owned: true,
        pid,
        stop: async () => {
          await stopIfUnused(url, pid, stateFile);
        },
      };
    }
    await sleep(50);
  }
  child.kill('SIGKILL');
  throw new XinwenError(
    'store_unavailable',
    `the embedded redis-server (${binary}) did not start; see ${join(dir, 'redis.log')}`,
  );
}
