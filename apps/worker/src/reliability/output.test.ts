import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, exited, root } from '../testing/helpers.js';

const seeds = join(root, 'seeds');

/** `xinwen process seeds/` with its stdout on a pipe the test reads as it likes. */
function processSeeds() {
  const child = spawn(process.execPath, [cli, 'process', seeds], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  return Object.assign(child, { stderr: () => stderr });
}

describe('case 1: process output into a pipe', () => {
  it('a reader that falls behind gets every document whole, and the exit code is 0', async () => {
    const child = processSeeds();
    const chunks: Buffer[] = [];
    // Read the first output, then stop reading until the command has exited on its own (it must
    // not while output is pending) or a while has passed: a command that exits with output still
    // buffered loses it.
    await new Promise<void>((resolve) =>
      child.stdout.once('data', (chunk: Buffer) => {
        chunks.push(chunk);
        child.stdout.pause();
        resolve();
      }),
    );
    const gone = exited(child);
    await Promise.race([gone, new Promise((resolve) => setTimeout(resolve, 6000))]);
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stdout.resume();
    expect(await gone).toBe(0);
    const lines = Buffer.concat(chunks).toString('utf8').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(5);
    for (const line of lines) expect(JSON.parse(line)).toHaveProperty('id');
    expect(child.stderr()).toBe('process: 5 processed, 0 failed\n');
  });

  it('a reader that closes the pipe early makes the command exit non-zero and say output was lost', async () => {
    const child = processSeeds();
    child.stdout.once('data', () => child.stdout.destroy());
    expect(await exited(child)).toBe(1);
    expect(child.stderr()).toMatch(/output_error: standard output failed \(EPIPE\)/);
  });
});
