import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../embedded-redis.js';
import { runCli, testEnv, uniquePrefix } from '../testing/helpers.js';
import { startTestRedis, type TestRedis } from '../testing/redis-server.js';

const servers: TestRedis[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.dispose();
});

/** Runs `status` against `url` and returns what it printed on stderr and its exit code. */
function statusAgainst(url: string) {
  const env = testEnv(uniquePrefix('connect'), { REDIS_URL: url, XINWEN_CONNECT_TIMEOUT_MS: '1000' });
  const result = runCli(['status'], env);
  return { status: result.status, lines: result.stderr.split('\n').filter(Boolean) };
}

describe('case 9: a Redis that cannot be reached fails the command quickly, in one line', () => {
  it('nothing listening on the port', async () => {
    const { status, lines } = statusAgainst(`redis://127.0.0.1:${await freePort()}`);
    expect(status).toBe(2);
    expect(lines).toEqual([expect.stringMatching(/^xinwen: store_unavailable: cannot reach .*ECONNREFUSED/)]);
  });

  it('a server that accepts the connection but never answers (SIGSTOP)', async () => {
    const server = await startTestRedis();
    servers.push(server);
    server.process.kill('SIGSTOP');
    const { status, lines } = statusAgainst(server.url);
    expect(status).toBe(2);
    expect(lines).toEqual([
      expect.stringMatching(/^xinwen: store_unavailable: cannot reach .*no answer within 1000 ms/),
    ]);
  });

  it('rediss:// against a plain server', async () => {
    const server = await startTestRedis();
    servers.push(server);
    const { status, lines } = statusAgainst(`rediss://127.0.0.1:${server.port}`);
    expect(status).toBe(2);
    expect(lines).toEqual([expect.stringMatching(/^xinwen: store_unavailable: cannot reach /)]);
  });
});
