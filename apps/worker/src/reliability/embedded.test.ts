import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  batch,
  cli,
  exited,
  Redis,
  root,
  startCli,
  testEnv,
  uniquePrefix,
  until,
} from '../testing/helpers.js';

const dirs: string[] = [];
const pids: number[] = [];
afterEach(() => {
  for (const pid of pids.splice(0)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** An environment with no REDIS_URL: the command starts (or reuses) the embedded Redis in `dataDir`. */
function embeddedEnv(dataDir: string, extra: Record<string, string> = {}) {
  const env = testEnv(uniquePrefix('embedded'), { XINWEN_DATA_DIR: dataDir, ...extra });
  delete env.REDIS_URL;
  delete env.STORE_URL;
  return env;
}

const stateOf = (dataDir: string) =>
  JSON.parse(readFileSync(join(dataDir, 'redis', 'embedded.json'), 'utf8')) as { pid: number; url: string };

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function* filesUnder(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    yield path;
    if (entry.isDirectory()) yield* filesUnder(path);
  }
}

describe('case 3: the embedded Redis lives as long as a command uses it', () => {
  it('an ingest that started it and exits leaves it running for a worker, which stops it last', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'xinwen-embedded-'));
    dirs.push(dataDir);
    const env = embeddedEnv(dataDir, { XINWEN_FIXTURE_SPIN_MS: '20' });
    // The ingest starts the embedded Redis, then waits for its standard input.
    const ingest = spawn(process.execPath, [cli, 'ingest', '--jsonl', '-'], {
      cwd: root,
      env,
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    await until(() => existsSync(join(dataDir, 'redis', 'embedded.json')));
    const { pid, url } = stateOf(dataDir);
    pids.push(pid);
    const worker = startCli(['work'], env);
    await until(() => worker.output().includes('work: serving'));
    ingest.stdin.end(batch(40, 'm'));
    expect(await exited(ingest)).toBe(0);

    const redis = new Redis(url, { maxRetriesPerRequest: 1 });
    redis.on('error', () => {});
    try {
      await until(async () => (await redis.zcard(`${env.XINWEN_PREFIX}:status:completed`)) === 40);
      expect(alive(pid)).toBe(true);
    } finally {
      redis.disconnect();
    }
    worker.kill('SIGTERM');
    expect(await exited(worker)).toBe(0);
    // The worker was its last client: the server is stopped and its state file removed.
    expect(alive(pid)).toBe(false);
    expect(existsSync(join(dataDir, 'redis', 'embedded.json'))).toBe(false);
  });

  it('a worker whose embedded Redis dies says so and exits non-zero', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'xinwen-embedded-'));
    dirs.push(dataDir);
    const worker = startCli(['work'], embeddedEnv(dataDir, { XINWEN_LIVENESS_MS: '100' }));
    await until(() => worker.output().includes('work: serving'));
    const { pid } = stateOf(dataDir);
    process.kill(pid, 'SIGKILL');
    expect(await exited(worker)).toBe(1);
    expect(worker.output()).toContain(`the embedded Redis (pid ${pid}) has stopped`);
  });
});

describe('case 11: the embedded Redis keeps its data private', () => {
  it('its folder is 0700, its files 0600, and it wants a password', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'xinwen-embedded-'));
    dirs.push(dataDir);
    const env = embeddedEnv(dataDir);
    const ingest = spawn(process.execPath, [cli, 'ingest', '--jsonl', '-'], {
      cwd: root,
      env,
      stdio: ['pipe', 'ignore', 'ignore'],
    });
    await until(() => existsSync(join(dataDir, 'redis', 'embedded.json')));
    const { pid, url } = stateOf(dataDir);
    pids.push(pid);
    try {
      await until(() => existsSync(join(dataDir, 'redis', 'appendonlydir')));
      const modes: Record<string, string> = {};
      for await (const path of filesUnder(dataDir))
        modes[path.slice(dataDir.length)] = statSync(path).mode.toString(8).slice(-3);
      for (const [path, mode] of Object.entries(modes)) {
        expect([path, mode]).toEqual([path, statSync(join(dataDir, path)).isDirectory() ? '700' : '600']);
      }
      expect(Object.keys(modes)).toContain('/redis/appendonlydir');

      const port = new URL(url).port;
      const anonymous = new Redis(`redis://127.0.0.1:${port}`, {
        maxRetriesPerRequest: 0,
        retryStrategy: () => null,
      });
      anonymous.on('error', () => {});
      await expect(anonymous.get('x')).rejects.toThrow(/NOAUTH/);
      anonymous.disconnect();
      // The password is not on the server's command line.
      expect(readFileSync(`/proc/${pid}/cmdline`, 'utf8')).not.toContain(new URL(url).password);
    } finally {
      ingest.stdin?.end('');
      await exited(ingest);
    }
  });
});
