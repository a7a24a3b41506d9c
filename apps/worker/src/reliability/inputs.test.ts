import { type SpawnSyncOptions, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, exited, root, runCli, startCli, testEnv, uniquePrefix } from '../testing/helpers.js';
import { startTestRedis, type TestRedis } from '../testing/redis-server.js';

let server: TestRedis;
const dirs: string[] = [];
beforeAll(async () => {
  server = await startTestRedis();
});
afterAll(async () => {
  await server.dispose();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const env = (prefix: string, extra: Record<string, string> = {}) =>
  testEnv(prefix, { REDIS_URL: server.url, ...extra });

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'xinwen-inputs-'));
  dirs.push(dir);
  chmodSync(dir, 0o755);
  return dir;
}

/** Every key holding a raw document under `prefix`, with its size. */
async function rawSizes(prefix: string): Promise<Record<string, number>> {
  const keys = await server.client.keys(`${prefix}:raw:*`);
  const sizes: Record<string, number> = {};
  for (const key of keys) sizes[key.slice(prefix.length + 5)] = await server.client.strlen(key);
  return sizes;
}

describe('case 5: size limits are enforced before anything is stored', () => {
  it('ingest stores an oversized file as failed without its raw; process refuses it without reading it', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'big.txt'), '重庆日报讯'.repeat(100_000)); // 1.5 MB
    writeFileSync(join(dir, 'small.txt'), '重庆日报讯 成渝地区双城经济圈建设。');
    const prefix = uniquePrefix('size');
    const limits = { XINWEN_MAX_BYTES: String(2 ** 20) };
    const ingest = runCli(['ingest', dir], env(prefix, limits));
    expect(ingest.status).toBe(1);
    expect(ingest.stderr).toMatch(
      /big\.txt: document_too_large: expected at most 1048576 bytes, found 1500000/,
    );
    const failed = await server.client.zrange(`${prefix}:status:failed`, '0', '-1');
    expect(failed).toHaveLength(1);
    // No raw kept for the rejected input (an empty placeholder at most).
    const sizes = await rawSizes(prefix);
    expect(sizes[failed[0]!] ?? 0).toBe(0);
    expect(Object.values(sizes).reduce((a, b) => a + b, 0)).toBeLessThan(1000);

    const processed = runCli(['process', join(dir, 'big.txt'), join(dir, 'small.txt')], env(prefix, limits));
    expect(processed.status).toBe(1);
    expect(processed.stderr).toContain('document_too_large: expected at most 1048576 bytes, found 1500000');
    expect(processed.stdout.trim().split('\n')).toHaveLength(1);
  });
});

describe('case 10: one bad entry does not stop the others', () => {
  it('an unreadable folder and a FIFO are reported, each with an error, and the readable files go on', async () => {
    const dir = folder();
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'locked'));
    writeFileSync(join(dir, 'a', 'one.txt'), '重庆日报讯 第一篇。成渝地区双城经济圈建设稳步推进。');
    writeFileSync(join(dir, 'locked', 'secret.txt'), '看不到的文字。');
    writeFileSync(join(dir, 'z.txt'), '新华社北京电 第二篇。今年以来，两地合作项目不断增加。');
    chmodSync(join(dir, 'a'), 0o755);
    chmodSync(join(dir, 'locked'), 0o000);
    spawnSync('mkfifo', [join(dir, 'fifo.txt')]);
    // root reads any folder: run the command as an unprivileged user when the test runs as root.
    const asUser: SpawnSyncOptions = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const prefix = uniquePrefix('unreadable');
    const run = (args: string[]) =>
      spawnSync(process.execPath, [cli, ...args], {
        cwd: root,
        env: { ...env(prefix), HOME: dir },
        ...asUser,
        encoding: 'utf8',
      }) as { status: number | null; stdout: string; stderr: string };
    const processed = run(['process', dir, join(dir, 'fifo.txt')]);
    expect(processed.status).toBe(1);
    expect(
      processed.stdout
        .trim()
        .split('\n')
        .map((l: string) => JSON.parse(l).source.uri),
    ).toEqual([join(dir, 'a', 'one.txt'), join(dir, 'z.txt')]);
    expect(processed.stderr).toContain(`${join(dir, 'locked')}: io_error: EACCES`);
    expect(processed.stderr).toContain('fifo.txt: invalid_input: expected a regular file, found a FIFO');

    const ingest = run(['ingest', dir, join(dir, 'fifo.txt')]);
    expect(ingest.status).toBe(1);
    expect(ingest.stderr).toContain('ingest: 2 new, 0 already stored, 2 failed');
    expect(ingest.stderr).toContain(`${join(dir, 'locked')}: io_error: EACCES`);
    chmodSync(join(dir, 'locked'), 0o755);
  });
});

describe('cases 8 and 13: failures at ingest stay failures', () => {
  it('two ingests of one folder at once report only real failures; reprocess does not revive them', async () => {
    const dir = folder();
    for (let i = 0; i < 20; i++)
      writeFileSync(join(dir, `doc-${i}.txt`), `重庆日报讯 第${i}篇稿件。成渝地区建设。`);
    writeFileSync(
      join(dir, 'lines.jsonl'),
      [JSON.stringify({ id: 'ok-1', text: '新华社北京电 一篇好稿件。' }), '{"text": "unterminated'].join(
        '\n',
      ),
    );
    writeFileSync(join(dir, 'huge.txt'), 'x'.repeat(5000));
    const prefix = uniquePrefix('twice');
    const limits = env(prefix, { XINWEN_MAX_BYTES: '4096' });
    const [a, b] = [startCli(['ingest', dir], limits), startCli(['ingest', dir], limits)];
    expect([await exited(a), await exited(b)]).toEqual([1, 1]);
    for (const run of [a, b]) {
      const failures = run
        .output()
        .split('\n')
        .filter((l) => l.startsWith('xinwen: '));
      expect(failures).toHaveLength(2);
      expect(failures.join('\n')).toMatch(/lines\.jsonl#L2: invalid_input/);
      expect(failures.join('\n')).toMatch(/huge\.txt: document_too_large/);
    }
    expect(runCli(['work', '--exit-when-idle'], limits).status).toBe(0);
    const reprocess = runCli(['reprocess', '--from', 'normalize'], limits);
    expect(reprocess.stderr).toContain(
      'reprocess: 21 documents queued from normalize, 2 that failed at ingest left as they are',
    );
    expect(runCli(['work', '--exit-when-idle'], limits).status).toBe(0);
    const failed = await server.client.zrange(`${prefix}:status:failed`, '0', '-1');
    expect(failed).toHaveLength(2);
    for (const id of failed) {
      const error = JSON.parse((await server.client.hget(`${prefix}:doc:${id}`, 'error')) ?? '{}');
      expect(['invalid_input', 'document_too_large']).toContain(error.code);
      expect(error.stage).toBe('ingest');
    }
    expect(await server.client.zcard(`${prefix}:status:completed`)).toBe(21);
  });
});

describe('case 4: a Redis that is full (maxmemory, noeviction)', () => {
  it('ingest says the store refused the write and exits non-zero, instead of reporting documents as new', async () => {
    const full = await startTestRedis(['--maxmemory', '3mb', '--maxmemory-policy', 'noeviction']);
    try {
      const prefix = uniquePrefix('full');
      const lines = Array.from({ length: 400 }, (_, i) =>
        JSON.stringify({
          id: `f-${i}`,
          text: `重庆日报讯 第${i}篇。${'成渝地区双城经济圈建设稳步推进。'.repeat(40)}`,
        }),
      ).join('\n');
      const ingest = runCli(['ingest', '--jsonl', '-'], testEnv(prefix, { REDIS_URL: full.url }), lines);
      expect(ingest.status).toBe(2);
      expect(ingest.stderr).toMatch(/store_unavailable: .*(refused the write|Redis refused the write): OOM/);
      const stored = await full.client.zcard(`${prefix}:ingested`);
      expect(stored).toBeLessThan(400);
      // Every document reported as new really is stored and pending.
      const reported = ingest.stderr.split('\n').filter((l) => l.startsWith('ingest: queued')).length;
      expect(await full.client.zcard(`${prefix}:status:pending`)).toBeGreaterThanOrEqual(reported);
    } finally {
      await full.dispose();
    }
  });
});

describe('case 16: a caller id cannot take over a content id', () => {
  it('a JSON line claiming the sha256 id of another file is refused, and the file is then ingested', async () => {
    const dir = folder();
    const text = '重庆日报讯 成渝地区双城经济圈建设稳步推进。';
    writeFileSync(join(dir, 'real.txt'), text);
    const prefix = uniquePrefix('takeover');
    const stolen = `sha256:${createHash('sha256').update(text).digest('hex')}`;
    const forged = runCli(
      ['ingest', '--jsonl', '-'],
      env(prefix),
      `${JSON.stringify({ id: stolen, text: '伪造的内容。' })}\n${JSON.stringify({ id: 'x'.repeat(100_000), text: '很长的编号。' })}\n`,
    );
    expect(forged.status).toBe(1);
    expect(forged.stderr).toContain('reserved for the content hash');
    expect(forged.stderr).toContain('at most 512 characters');
    const real = runCli(['ingest', join(dir, 'real.txt')], env(prefix));
    expect(real.status).toBe(0);
    expect(real.stderr).toContain(`ingest: queued ${stolen}`);
  });
});
