/**
 * How long `xinwen status` takes to fail with `store_unavailable` when Redis cannot be reached:
 * a closed port (the connection is refused at once) and an address that never answers (the
 * 5 s limit decides). Prints wall time per case, with `node dist/cli.js --version` (start-up
 * alone) measured in the same run as the baseline.
 *
 *   pnpm --filter @xinwen/cli bench:unreachable
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const cli = join(import.meta.dirname, '..', 'dist', 'cli.js');
const cases: [string, string[]][] = [
  ['start-up (--version)', ['--version']],
  ['status, closed port', ['status', '--redis-url', 'redis://127.0.0.1:1']],
  // TEST-NET-1 (RFC 5737): routed nowhere, so the connection attempt hangs until the limit.
  ['status, silent address', ['status', '--redis-url', 'redis://192.0.2.1:6379']],
];
const rounds = Number(process.env.XINWEN_BENCH_ROUNDS ?? 3);
const times = new Map<string, number[]>(cases.map(([name]) => [name, []]));
for (let round = 0; round < rounds; round++) {
  for (const [name, args] of cases) {
    const started = performance.now();
    const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
    const ms = performance.now() - started;
    if (name !== 'start-up (--version)' && !result.stderr.includes('store_unavailable')) {
      throw new Error(`${name}: expected store_unavailable, got: ${result.stderr}`);
    }
    times.get(name)?.push(ms);
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const base = median(times.get('start-up (--version)') ?? []);
for (const [name, xs] of times) {
  const m = median(xs);
  console.log(
    `${name.padEnd(24)} ${(m / 1000).toFixed(2).padStart(6)} s  (${(m / base).toFixed(1)}x start-up)`,
  );
}
