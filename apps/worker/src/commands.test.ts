import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProcessedDocumentSchema } from '@xinwen/core';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, deletePrefix, redisUrl, root, uniquePrefix } from './testing/helpers.js';

const seed = join('seeds', '001_1dec3f20949d3dbf.txt');
const closedPort = 'redis://127.0.0.1:1';

function xinwen(args: string[], options: { input?: string; cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const env = options.env ?? { ...process.env };
  if (options.env === undefined) {
    delete env.REDIS_URL;
    delete env.STORE_URL;
  }
  return spawnSync(process.execPath, [cli, ...args], {
    cwd: options.cwd ?? root,
    encoding: 'utf8',
    input: options.input,
    env,
    maxBuffer: 64 * 2 ** 20,
  });
}

const docs = (stdout: string) =>
  stdout
    .trimEnd()
    .split('\n')
    .filter(Boolean)
    .map((line) => ProcessedDocumentSchema.parse(JSON.parse(line)));

const commands = [
  'process',
  'run',
  'ingest',
  'work',
  'status',
  'show',
  'export',
  'reprocess',
  'retry-failed',
];

describe('help and version', () => {
  it.each(commands)('xinwen %s --help prints its usage and options and exits 0', (command) => {
    const result = xinwen([command, '--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`Usage: xinwen ${command}`);
    expect(result.stdout).toContain('-h, --help');
    if (command !== 'process') expect(result.stdout).toContain('--redis-url <url>');
    expect(result.stderr).toBe('');
  });

  it('xinwen --version and -v print the package version', () => {
    const { version } = JSON.parse(readFileSync(join(root, 'apps', 'worker', 'package.json'), 'utf8'));
    for (const flag of ['--version', '-v']) {
      const result = xinwen([flag]);
      expect(result.status).toBe(0);
      expect(result.stdout.trim()).toBe(version);
    }
  });

  it('xinwen help COMMAND is the same as COMMAND --help', () => {
    expect(xinwen(['help', 'work']).stdout).toBe(xinwen(['work', '--help']).stdout);
  });

  it('without a command prints the usage on stderr and exits 2', () => {
    const result = xinwen([]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Usage: xinwen');
  });
});

describe('flag errors name the flag as typed, kebab-case, and exit 2 before any Redis', () => {
  it('suggests the nearest option for a misspelt one', () => {
    const result = xinwen(['work', '--redis-ulr', closedPort]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("unknown option '--redis-ulr'");
    expect(result.stderr).toContain('(Did you mean --redis-url?)');
  });

  it('names --redis-url and --concurrency, not their internal names', () => {
    const result = xinwen(['status', '--redis-url', 'localhost:6379', '--concurrency', 'many']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/invalid_options: .*--redis-url="localhost:6379": expected a redis:\/\//);
    expect(result.stderr).toContain('--concurrency="many"');
    expect(result.stderr).not.toMatch(/--redisUrl|--concurrency=.*--concurrency/);
  });

  it('rejects a bad --http address before connecting (an unreachable Redis is not what it reports)', () => {
    const result = xinwen(['work', '--http', '3000x', '--redis-url', closedPort]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('invalid_options: --http: expected :PORT or HOST:PORT, found "3000x"');
  });

  it('rejects an unknown stage with a suggestion', () => {
    const work = xinwen(['work', '--stages', 'segmnet', '--redis-url', closedPort]);
    expect(work.status).toBe(2);
    expect(work.stderr).toContain('--stages: unknown stage "segmnet" (did you mean "segment"?)');
    const reprocess = xinwen(['reprocess', '--from', 'extact', '--redis-url', closedPort]);
    expect(reprocess.stderr).toContain('--from: unknown stage "extact" (did you mean "extract"?)');
    expect(xinwen(['reprocess', '--redis-url', closedPort]).stderr).toContain(
      "required option '--from <stage>' not specified",
    );
  });

  it('rejects bad stage options, naming the flag', () => {
    const html = xinwen(['process', '--html', 'keep', seed]);
    expect(html.status).toBe(2);
    expect(html.stderr).toContain(
      "option '--html <mode>' argument 'keep' is invalid. Allowed choices are auto, strip, reject.",
    );
    const date = xinwen(['process', '--reference-date', '2024-02-30', seed]);
    expect(date.status).toBe(2);
    expect(date.stderr).toContain('invalid_options: --reference-date: expected a calendar day, YYYY-MM-DD');
    const missing = xinwen(['process', '--user-dictionary', 'no-such-words.txt', seed]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/no-such-words\.txt/);
    const status = xinwen(['export', '--status', 'done', '--redis-url', closedPort]);
    expect(status.status).toBe(2);
    expect(status.stderr).toContain('Allowed choices are completed, failed, pending');
    const since = xinwen(['export', '--since', 'last week', '--redis-url', closedPort]);
    expect(since.stderr).toContain('invalid_options: --since: expected an ISO date or epoch milliseconds');
  });
});

describe('an unreachable Redis', () => {
  it.each([
    ['status'],
    ['show', 'some-id'],
    ['export'],
    ['ingest', seed],
    ['run', seed],
    ['work', '--exit-when-idle'],
    ['reprocess', '--from', 'extract'],
    ['retry-failed'],
  ])('xinwen %s fails with store_unavailable', (...args) => {
    const result = xinwen([...args, '--redis-url', closedPort]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('xinwen: store_unavailable: cannot reach Redis at redis://127.0.0.1:1');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('xinwen process: inputs and stage options', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xinwen-process-'));
  const lead = '本报讯 9月5日，市政府召开新闻发布会，介绍有关情况。会议指出，要把各项工作落到实处。';

  it('reads a .jsonl file one document per line; bad lines fail with their code and the rest go on', () => {
    const file = join(dir, 'batch.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ id: 'first', text: lead }),
        'not json',
        JSON.stringify({ id: 'blank', text: '   ' }),
        JSON.stringify({ id: 'second', uri: 'https://example.cn/2', text: lead.replace('9月5日', '9月6日') }),
      ].join('\n'),
    );
    const result = xinwen(['process', file]);
    expect(result.status).toBe(1);
    const out = docs(result.stdout);
    expect(out.map((d) => d.id)).toEqual(['first', 'second']);
    expect(out[1]?.source.uri).toBe('https://example.cn/2');
    expect(result.stderr).toContain(`xinwen: ${file}#L2: invalid_input: line 2`);
    expect(result.stderr).toContain('xinwen: blank: empty_document');
    expect(result.stderr).toContain('process: 2 processed, 2 failed');
  });

  it('reads stdin as JSON Lines with --jsonl (and as one text without it)', () => {
    const input = `${JSON.stringify({ id: 'a', text: lead })}\n${JSON.stringify({ id: 'b', text: lead })}\n`;
    expect(docs(xinwen(['process', '--jsonl', '-'], { input }).stdout).map((d) => d.id)).toEqual(['a', 'b']);
    expect(docs(xinwen(['process', '-'], { input }).stdout)).toHaveLength(1);
  });

  it('honours the size limit', () => {
    const result = xinwen(['process', '--max-bytes', '100', seed]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/document_too_large: expected at most 100 bytes, found \d+/);
  });

  it('--reference-date resolves dates the page does not date itself', () => {
    const without = xinwen(['process', '-'], { input: lead });
    const withDate = xinwen(['process', '--reference-date', '2023-10-01', '-'], { input: lead });
    const dates = (stdout: string) => docs(stdout)[0]?.articles?.flatMap((a) => a.dates.map((d) => d.date));
    expect(dates(withDate.stdout)).toContain('2023-09-05');
    expect(dates(without.stdout)).not.toContain('2023-09-05');
  });

  it('--html strip takes the text out of HTML; --html reject refuses it with html_input', () => {
    const html = '<html><body><p>重庆日报讯 成渝地区双城经济圈建设稳步推进。</p></body></html>';
    const stripped = xinwen(['process', '--html', 'strip', '-'], { input: html });
    expect(docs(stripped.stdout)[0]?.normalized?.text).toBe('重庆日报讯 成渝地区双城经济圈建设稳步推进。');
    const rejected = xinwen(['process', '--html', 'reject', '-'], { input: html });
    expect(rejected.status).toBe(1);
    expect(rejected.stderr).toContain('html_input');
  });

  it('--user-dictionary keeps the user words whole', () => {
    const words = join(dir, 'words.txt');
    writeFileSync(words, '建设稳步 5 nz\n');
    const text = '成渝地区双城经济圈建设稳步推进。';
    const tokens = (args: string[]) =>
      docs(xinwen(['process', ...args, '-'], { input: text }).stdout)[0]?.segmented?.tokens.map(
        (t) => t.text,
      );
    expect(tokens([])).not.toContain('建设稳步');
    expect(tokens(['--user-dictionary', words])).toContain('建设稳步');
  });

  it('--stages runs only the stages named', () => {
    const [doc] = docs(xinwen(['process', '--stages', 'normalize', seed]).stdout);
    expect(doc?.normalized?.text.length).toBeGreaterThan(100);
    expect(doc?.segmented).toBeUndefined();
    expect(doc?.articles).toBeUndefined();
  });

  it('takes stage options from ./xinwen.config.json (a relative dictionary path is relative to it), flags over the file', () => {
    const project = mkdtempSync(join(tmpdir(), 'xinwen-config-'));
    // The normalized text is converted to traditional script; segment matches words on a simplified
    // view of it and returns the caller's characters.
    writeFileSync(join(project, 'words.txt'), '建设稳步 5 nz\n');
    writeFileSync(
      join(project, 'xinwen.config.json'),
      JSON.stringify({
        normalize: { target: 'traditional' },
        segment: { userDictionary: 'words.txt' },
        extract: { referenceDate: '2020-01-01' },
      }),
    );
    const input = '本报讯 9月5日，成渝地区双城经济圈建设稳步推进。';
    const [doc] = docs(
      xinwen(['process', '--reference-date', '2023-10-01', '-'], { input, cwd: project }).stdout,
    );
    expect(doc?.normalized?.text).toContain('經濟');
    expect(doc?.segmented?.tokens.map((t) => t.text)).toContain('建設穩步');
    expect(doc?.articles?.flatMap((a) => a.dates.map((d) => d.date))).toContain('2023-09-05');
  });

  it('names a bad key of the configuration file, with a suggestion', () => {
    const project = mkdtempSync(join(tmpdir(), 'xinwen-config-'));
    writeFileSync(join(project, 'xinwen.config.json'), JSON.stringify({ segment: { userDict: 'w.txt' } }));
    const result = xinwen(['process', '-'], { input: '新闻', cwd: project });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      'invalid_options: xinwen.config.json: unknown option "segment.userDict" (did you mean "userDictionary"?)',
    );
    const broken = join(project, 'broken.json');
    writeFileSync(broken, '{ "normalize": ');
    expect(xinwen(['process', '--config', broken, '-'], { input: '新闻' }).stderr).toContain(
      `invalid_options: ${broken} is not valid JSON`,
    );
  });
});

describe('the worker takes the same stage options', () => {
  const prefix = uniquePrefix('cli-options');
  const redis = new Redis(redisUrl);
  afterAll(async () => {
    await deletePrefix(redis, prefix);
    redis.disconnect();
  });

  it('run --reference-date reaches the extract stage in the stage jobs; --json gives each outcome', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xinwen-run-'));
    const file = join(dir, 'lead.txt');
    writeFileSync(
      file,
      '本报讯 9月5日，市政府召开新闻发布会，介绍有关情况。会议指出，要把各项工作落到实处。',
    );
    const env: NodeJS.ProcessEnv = { ...process.env, REDIS_URL: redisUrl, XINWEN_PREFIX: prefix };
    delete env.XINWEN_PIPELINE;
    const result = xinwen(['run', '--json', '--reference-date', '2023-10-01', file], { env });
    expect(result.status).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({
      processed: 1,
      failed: 0,
      documents: [{ status: 'completed', name: file }],
    });
    const shown = xinwen(['show', summary.documents[0].id], { env });
    const doc = ProcessedDocumentSchema.parse(JSON.parse(shown.stdout));
    expect(doc.articles?.flatMap((a) => a.dates.map((d) => d.date))).toContain('2023-09-05');
  });

  it('ingest --json lists what was stored', () => {
    const env: NodeJS.ProcessEnv = { ...process.env, REDIS_URL: redisUrl, XINWEN_PREFIX: prefix };
    const result = xinwen(['ingest', '--json', seed], { env });
    expect(result.status).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({ created: 1, existing: 0, failed: 0 });
    expect(summary.outcomes[0]).toMatchObject({ name: seed, state: 'new' });
  });
});
