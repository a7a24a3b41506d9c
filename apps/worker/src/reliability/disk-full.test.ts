import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, runCli, testEnv, uniquePrefix } from '../testing/helpers.js';
import { startTestRedis } from '../testing/redis-server.js';

describe('case 7: a Redis whose disk is full', () => {
  // The append-only file is /dev/full: every write of it fails with ENOSPC, as on a full disk, and
  // Redis answers writes with MISCONF from then on.
  it.skipIf(process.platform !== 'linux')(
    'run stops with a clear store_unavailable error instead of waiting for ever',
    async () => {
      const server = await startTestRedis(['--appendonly', 'yes', '--appendfsync', 'everysec'], (dir) => {
        mkdirSync(join(dir, 'appendonlydir'));
        writeFileSync(
          join(dir, 'appendonlydir', 'appendonly.aof.manifest'),
          'file appendonly.aof.1.incr.aof seq 1 type i\n',
        );
        symlinkSync('/dev/full', join(dir, 'appendonlydir', 'appendonly.aof.1.incr.aof'));
      });
      try {
        const prefix = uniquePrefix('diskfull');
        const env = testEnv(prefix, { REDIS_URL: server.url, XINWEN_LIVENESS_MS: '200' });
        const result = runCli(['run', join(root, 'seeds', '000_b6d3aba162f0a3bb.txt')], env);
        expect(result.status).not.toBe(0);
        expect(result.stderr).toMatch(
          /store_unavailable: .*MISCONF Errors writing to the AOF file: No space left/,
        );
      } finally {
        await server.dispose();
      }
    },
  );
});
