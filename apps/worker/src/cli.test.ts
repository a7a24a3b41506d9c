import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProcessedDocumentSchema } from '@xinwen/core';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const cli = join(root, 'apps', 'worker', 'dist', 'cli.js');
const seeds = [
  '000_b6d3aba162f0a3bb',
  '001_1dec3f20949d3dbf',
  '002_22c9c10bbe16d571',
  '003_ea90497b5cb0cfb5',
  '004_805a3a0c2883bed2',
].map((s) => join('seeds', `${s}.txt`));

const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, [cli, ...args], {
    cwd: root,
    encoding: 'utf8',
    input,
    maxBuffer: 64 * 2 ** 20,
  });

describe('xinwen process', () => {
  it('prints one JSON line per seed that parses against the core schema', () => {
    const out = execFileSync(process.execPath, [cli, 'process', ...seeds], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 2 ** 20,
    });
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    const docs = lines.map((line) => ProcessedDocumentSchema.parse(JSON.parse(line)));
    expect(docs.map((d) => d.source.uri)).toEqual(seeds);
    expect(new Set(docs.map((d) => d.id)).size).toBe(5);
  });

  it('reads a directory and stdin', () => {
    const fromDir = run(['process', 'seeds']);
    expect(fromDir.status).toBe(0);
    expect(fromDir.stdout.trimEnd().split('\n')).toHaveLength(5);
    const fromStdin = run(['process', '-'], '重庆日报讯 成渝地区双城经济圈建设。');
    expect(fromStdin.status).toBe(0);
    const doc = JSON.parse(fromStdin.stdout);
    expect(doc.id).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(doc.source.uri).toBeUndefined();
  });

  it('reports a bad file on stderr with a code, exits non-zero, and still processes the others', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xinwen-cli-'));
    const missing = join(dir, 'missing.txt');
    const result = run(['process', missing, seeds[1]!]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`xinwen: ${missing}: io_error:`);
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(1);
  });

  it('prints a readable summary with --summary', () => {
    const result = run(['process', '--summary', seeds[0]!]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(seeds[0]);
    expect(result.stdout).toMatch(/id\s+sha256:[0-9a-f]{64}/);
    expect(result.stdout).toContain('1 processed, 0 failed');
  });

  it('explains usage and rejects unknown commands, suggesting the nearest', () => {
    expect(run(['--help']).stdout).toContain('process [options] <paths...>');
    const unknown = run(['frobnicate']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");
    const typo = run(['proces', 'x']);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain('(Did you mean process?)');
  });
});

describe('xinwen run without any Redis', () => {
  it('says what is missing and still prints the summary, processed in-process', () => {
    const env: NodeJS.ProcessEnv = { ...process.env, PATH: '/nonexistent' };
    delete env.REDIS_URL;
    delete env.STORE_URL;
    delete env.XINWEN_REDIS_SERVER;
    const result = spawnSync(process.execPath, [cli, 'run', seeds[1]!], {
      cwd: root,
      encoding: 'utf8',
      env,
      maxBuffer: 64 * 2 ** 20,
    });
    expect(result.status).toBe(0);
    expect(result.stderr).toContain(
      'no REDIS_URL and no redis-server on PATH, so nothing is queued or stored',
    );
    expect(result.stdout).toContain('重庆“33618”现代制造业集群加快提能级');
    expect(result.stdout).toContain('1 processed, 0 failed');
  });
});

describe('xinwen run with a reader that goes away', () => {
  it('still stops the embedded Redis it started', async () => {
    const { findRedisServer } = await import('./embedded-redis.js');
    if (findRedisServer() === undefined) return; // covered by the no-Redis test above
    const dataDir = mkdtempSync(join(tmpdir(), 'xinwen-epipe-'));
    const env: NodeJS.ProcessEnv = { ...process.env, XINWEN_DATA_DIR: dataDir };
    delete env.REDIS_URL;
    delete env.STORE_URL;
    const child = spawn(process.execPath, [cli, 'run', 'seeds'], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Read the first chunk of output, then close our end, like `| head -1` does.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    // Output was lost: the command says so and exits non-zero (after stopping everything).
    expect(code).toBe(1);
    expect(stderr).toContain('output_error: standard output failed (EPIPE)');
    // The state file names a running embedded Redis; it is removed when the server is stopped.
    expect(existsSync(join(dataDir, 'redis', 'embedded.json'))).toBe(false);
  });
});
