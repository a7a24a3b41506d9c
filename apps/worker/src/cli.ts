#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { isXinwenError } from '@xinwen/core';
import type { DocumentStatus } from '@xinwen/store';
import type { Io } from './commands/context.js';
import { type Config, loadConfig } from './config.js';
import type { InputOptions } from './ingest.js';
import { createOutput, exitAfterOutput } from './output.js';

// Each command loads what it needs when it runs, so `--help` and `process` start quickly.
const context = () => import('./commands/context.js');
const defaultInclude = ['**/*.txt', '**/*.jsonl', '**/*.ndjson'];

const usage = `Usage: xinwen <command> [options]

Commands:
  run PATH...              ingest, process every document through the stage queues, print a summary
  ingest PATH... | -       store scrapes (files, directories, JSON Lines, stdin) and queue them
      --include GLOB       files to take from directories (repeatable; default *.txt, *.jsonl, *.ndjson)
      --exclude GLOB       files to leave out (repeatable)
      --jsonl              read stdin as JSON Lines: {"id"?, "uri"?, "text" | "base64", "meta"?}
  work                     run the stage workers (one BullMQ queue per stage)
      --stages a,b         serve only these stages (default: all)
      --concurrency N      jobs at once per stage; threads for long stages (default 1)
      --exit-when-idle     stop once every stage queue is empty
      --http [HOST]:PORT   serve the queue dashboard, /metrics and /healthz
  status [--json]          queue counts per stage, documents by status, failures by code, throughput
  show ID                  the stored ProcessedDocument as JSON
  export [--since T]       stored documents as JSON Lines (--format jsonl, --status completed|failed|pending)
  reprocess --from STAGE [ID...]  run documents again from a stage (all documents without IDs)
  retry-failed             run every failed document again from the stage that failed
  process FILE|DIR|- ...   run the in-process pipeline; one ProcessedDocument per input as JSON Lines
      --pretty             indent the JSON
      --summary            print a readable summary per document instead of JSON

Options for the queue commands (flags win over the environment):
  --redis-url URL          REDIS_URL: Redis for queues and store; unset: an embedded redis-server
  --store-url URL          STORE_URL: a separate Redis for the store
  --prefix NAME            XINWEN_PREFIX: key prefix (default xinwen)
  --data-dir DIR           XINWEN_DATA_DIR: where the embedded Redis keeps its data (default .xinwen)
  --pipeline MODULE        XINWEN_PIPELINE: module providing createPipeline (default @xinwen/pipeline)
  Also XINWEN_CONCURRENCY, XINWEN_ATTEMPTS, XINWEN_BACKOFF_MS, XINWEN_LOCK_MS, XINWEN_STALLED_MS,
  XINWEN_MAX_BYTES (default 8 MiB), XINWEN_SHUTDOWN_MS (default 30000).

  -h, --help               show this help
`;

// Standard output with backpressure: a slow reader slows the command down instead of losing
// output, and a reader that goes away early (`xinwen run seeds/ | head`) does not kill the command
// before it has stopped its workers and any Redis it started: later output is dropped, counted,
// and the command exits non-zero (see output.ts).
const stdout = createOutput(process.stdout);

const io: Io = {
  stdout: (text) => stdout.write(text),
  stderr: (text) => {
    process.stderr.write(text);
  },
  tty: process.stderr.isTTY === true,
};

const configOptions = {
  'redis-url': { type: 'string' },
  'store-url': { type: 'string' },
  prefix: { type: 'string' },
  'data-dir': { type: 'string' },
  pipeline: { type: 'string' },
  concurrency: { type: 'string' },
} as const;

function configFrom(values: Record<string, unknown>): Config {
  const str = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : undefined);
  return loadConfig({
    redisUrl: str('redis-url'),
    storeUrl: str('store-url'),
    prefix: str('prefix'),
    dataDir: str('data-dir'),
    pipeline: str('pipeline'),
    concurrency: str('concurrency'),
  });
}

const inputFlags = {
  include: { type: 'string', multiple: true },
  exclude: { type: 'string', multiple: true },
  jsonl: { type: 'boolean', default: false },
} as const;

function inputOptions(
  values: { include?: string[]; exclude?: string[]; jsonl?: boolean },
  config: Config,
): InputOptions {
  return {
    include: values.include ?? defaultInclude,
    exclude: values.exclude ?? [],
    jsonl: values.jsonl ?? false,
    maxBytes: config.maxBytes,
  };
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    process.stdout.write(usage);
    return command === undefined ? 2 : 0;
  }
  switch (command) {
    case 'process': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: {
          pretty: { type: 'boolean', default: false },
          summary: { type: 'boolean', default: false },
        },
      });
      if (positionals.length === 0) {
        process.stderr.write('xinwen process: name at least one file, directory or - for stdin\n');
        return 2;
      }
      const { processCommand } = await import('./commands/process.js');
      const outcome = await processCommand(
        positionals,
        { pretty: values.pretty, summary: values.summary },
        { stdout: io.stdout, stderr: io.stderr },
      );
      if (values.summary) await io.stdout(`${outcome.ok} processed, ${outcome.failed} failed\n`);
      return outcome.failed > 0 ? 1 : 0;
    }
    case 'ingest':
    case 'run': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { ...configOptions, ...inputFlags },
      });
      if (positionals.length === 0) {
        io.stderr(`xinwen ${command}: name at least one file, directory or - for stdin\n`);
        return 2;
      }
      const config = configFrom(values);
      const input = inputOptions(values, config);
      if (command === 'run' && config.redisUrl === undefined && config.storeUrl === undefined) {
        const { findRedisServer } = await import('./embedded-redis.js');
        if (findRedisServer() === undefined) {
          // Nothing to queue on: still show the results, in-process, and say what is missing.
          io.stderr(
            'xinwen run: no REDIS_URL and no redis-server on PATH, so nothing is queued or stored; ' +
              'processing in-process instead. Install redis-server (apt-get install redis-server, ' +
              'brew install redis) or set REDIS_URL to run the stage workers and keep the results.\n\n',
          );
          const { processCommand } = await import('./commands/process.js');
          const outcome = await processCommand(positionals, { pretty: false, summary: true }, io);
          await io.stdout(`${outcome.ok} processed, ${outcome.failed} failed\n`);
          return outcome.failed > 0 ? 1 : 0;
        }
      }
      const { withRuntime } = await context();
      const { runCommand } = await import('./commands/work.js');
      const { ingestCommand } = await import('./commands/ingest.js');
      return withRuntime(config, async (runtime) => {
        if (command === 'run')
          return runCommand(runtime, positionals, input, { concurrency: config.concurrency }, io);
        const summary = await ingestCommand(runtime, positionals, input, io);
        return summary.failed > 0 ? 1 : 0;
      });
    }
    case 'work': {
      const { values } = parseArgs({
        args: rest,
        options: {
          ...configOptions,
          stages: { type: 'string' },
          'exit-when-idle': { type: 'boolean', default: false },
          http: { type: 'string' },
        },
      });
      const config = configFrom(values);
      const { withRuntime } = await context();
      const { workCommand } = await import('./commands/work.js');
      return withRuntime(config, (runtime) =>
        workCommand(
          runtime,
          {
            ...(values.stages === undefined
              ? {}
              : {
                  stages: values.stages
                    .split(',')
                    .map((s) => s.trim())
                    .filter(Boolean),
                }),
            concurrency: config.concurrency,
            exitWhenIdle: values['exit-when-idle'],
            ...(values.http === undefined ? {} : { http: values.http }),
          },
          io,
        ),
      );
    }
    case 'status': {
      const { values } = parseArgs({
        args: rest,
        options: { ...configOptions, json: { type: 'boolean', default: false } },
      });
      const { withRuntime } = await context();
      const { statusCommand } = await import('./commands/inspect.js');
      return withRuntime(configFrom(values), (runtime) => statusCommand(runtime, { json: values.json }, io));
    }
    case 'show': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: configOptions,
      });
      if (positionals.length !== 1) {
        io.stderr('xinwen show: name one document id\n');
        return 2;
      }
      const { withRuntime } = await context();
      const { showCommand } = await import('./commands/inspect.js');
      return withRuntime(configFrom(values), (runtime) => showCommand(runtime, positionals[0]!, io));
    }
    case 'export': {
      const { values } = parseArgs({
        args: rest,
        options: {
          ...configOptions,
          since: { type: 'string' },
          format: { type: 'string', default: 'jsonl' },
          status: { type: 'string', default: 'completed' },
        },
      });
      const status = values.status as DocumentStatus;
      if (!['pending', 'completed', 'failed'].includes(status)) {
        io.stderr(
          `xinwen export: --status: expected completed, failed or pending, found "${values.status}"\n`,
        );
        return 2;
      }
      const { withRuntime } = await context();
      const { exportCommand, parseSince } = await import('./commands/inspect.js');
      const since = values.since === undefined ? undefined : parseSince(values.since);
      return withRuntime(configFrom(values), (runtime) =>
        exportCommand(
          runtime,
          { format: values.format, status, ...(since === undefined ? {} : { since }) },
          io,
        ),
      );
    }
    case 'reprocess': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { ...configOptions, from: { type: 'string' } },
      });
      if (values.from === undefined) {
        io.stderr('xinwen reprocess: --from STAGE is required\n');
        return 2;
      }
      const from = values.from;
      const { withRuntime } = await context();
      const { reprocessCommand } = await import('./commands/reprocess.js');
      return withRuntime(configFrom(values), (runtime) => reprocessCommand(runtime, from, positionals, io));
    }
    case 'retry-failed': {
      const { values } = parseArgs({ args: rest, options: configOptions });
      const { withRuntime } = await context();
      const { retryFailedCommand } = await import('./commands/reprocess.js');
      return withRuntime(configFrom(values), (runtime) => retryFailedCommand(runtime, io));
    }
    default:
      process.stderr.write(`xinwen: unknown command "${command}"\n\n${usage}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => exitAfterOutput(stdout, code),
  (error: unknown) => {
    if (isXinwenError(error)) process.stderr.write(`xinwen: ${error.code}: ${error.message}\n`);
    else process.stderr.write(`xinwen: ${error instanceof Error ? error.message : String(error)}\n`);
    return exitAfterOutput(stdout, 2);
  },
);
