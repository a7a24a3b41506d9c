#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { isXinwenError, type StageName, stageNames, XinwenError } from '@xinwen/core';
import type { StageOptions } from '@xinwen/pipeline';
import { Command, CommanderError, Option } from 'commander';
import type { Io } from './commands/context.js';
import { type Config, loadConfig } from './config.js';
import type { InputOptions } from './ingest.js';
import { parseListen } from './listen.js';
import { createOutput, exitAfterOutput } from './output.js';
import { loadStageOptions, type StageFlags } from './stage-options.js';
import { didYouMean } from './suggest.js';

// Each command loads what it needs when it runs, so `--help` and `process` start quickly.
const context = () => import('./commands/context.js');
const defaultInclude = ['**/*.txt', '**/*.jsonl', '**/*.ndjson'];
const version = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

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

/** Options every queue command takes (they win over the environment). */
interface QueueFlags {
  redisUrl?: string;
  storeUrl?: string;
  prefix?: string;
  dataDir?: string;
  pipeline?: string;
  concurrency?: string;
}

interface InputFlags {
  include?: string[];
  exclude?: string[];
  jsonl?: boolean;
}

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

function queueOptions(command: Command): Command {
  return command
    .option('--redis-url <url>', 'REDIS_URL: Redis for queues and store; unset: an embedded redis-server')
    .option('--store-url <url>', 'STORE_URL: a separate Redis for the store')
    .option('--prefix <name>', 'XINWEN_PREFIX: key prefix (default xinwen)')
    .option('--data-dir <dir>', 'XINWEN_DATA_DIR: where the embedded Redis keeps its data (default .xinwen)')
    .option(
      '--pipeline <module>',
      'XINWEN_PIPELINE: module providing createPipeline (default @xinwen/pipeline)',
    )
    .option('--concurrency <n>', 'XINWEN_CONCURRENCY: jobs at once per stage (default 1)');
}

function inputOptions(command: Command): Command {
  return command
    .option(
      '--include <glob>',
      'files to take from directories (repeatable; default *.txt, *.jsonl, *.ndjson)',
      collect,
    )
    .option('--exclude <glob>', 'files to leave out of directories (repeatable)', collect)
    .option('--jsonl', 'read stdin as JSON Lines: {"id"?, "uri"?, "text" | "base64", "meta"?}');
}

function stageFlags(command: Command): Command {
  return command
    .option('--config <file>', 'stage options as JSON (default ./xinwen.config.json when present)')
    .addOption(
      new Option('--html <mode>', 'what to do with HTML given as text (normalize.html)').choices([
        'auto',
        'strip',
        'reject',
      ]),
    )
    .option('--reference-date <date>', 'YYYY-MM-DD to resolve dates against when the page gives none')
    .option('--user-dictionary <file>', 'your own words, one "word [freq] [tag]" a line (segment)');
}

function configFrom(flags: QueueFlags, stageOptions?: StageOptions): Config {
  return loadConfig({
    redisUrl: flags.redisUrl,
    storeUrl: flags.storeUrl,
    prefix: flags.prefix,
    dataDir: flags.dataDir,
    pipeline: flags.pipeline,
    concurrency: flags.concurrency,
    ...(stageOptions === undefined ? {} : { stageOptions }),
  });
}

function inputFrom(flags: InputFlags, config: Pick<Config, 'maxBytes'>): InputOptions {
  return {
    include: flags.include ?? defaultInclude,
    exclude: flags.exclude ?? [],
    jsonl: flags.jsonl ?? false,
    maxBytes: config.maxBytes,
  };
}

/** Parses `--stages a,b` against the stage names, suggesting the closest for a typo. */
function parseStages(value: string | undefined, flag = '--stages'): StageName[] | undefined {
  if (value === undefined) return undefined;
  const wanted = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const stage of wanted) {
    if (!stageNames.includes(stage as StageName)) {
      throw new XinwenError(
        'invalid_options',
        `${flag}: unknown stage "${stage}"${didYouMean(stage, stageNames)}; expected some of ${stageNames.join(', ')}`,
      );
    }
  }
  return wanted as StageName[];
}

const examples = `
Examples:
  xinwen process seeds/001.txt               one ProcessedDocument as a JSON line
  xinwen process batch.jsonl --summary       a readable summary per JSON line
  xinwen run scrapes/                        ingest, run the stage workers, print a summary
  REDIS_URL=redis://host:6379 xinwen work    serve the stage queues of a shared Redis
  xinwen <command> --help                    every option of a command
`;

/** The `xinwen` command line; each action sets `exitCode`. */
function createProgram(setExit: (code: number) => void): Command {
  const program = new Command('xinwen')
    .description('Process Chinese news scrapes: normalize, segment, extract, dedupe.')
    .version(version, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .showHelpAfterError('(xinwen --help lists the commands; xinwen <command> --help their options)')
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      outputError: (text, out) => out(`xinwen: ${text.replace(/^error: /, '')}`),
    })
    .addHelpText('after', examples)
    .exitOverride();

  stageFlags(
    inputOptions(
      program
        .command('process')
        .summary('run the in-process pipeline; one ProcessedDocument per input as JSON Lines')
        .description(
          'Run the in-process pipeline (no Redis) over files, directories, JSON Lines files ' +
            '(.jsonl/.ndjson, one document per line) or - for stdin, and print one ProcessedDocument per ' +
            'document as JSON Lines. A bad input is reported on stderr with its error code; the others go on.',
        )
        .argument('<paths...>', 'files, directories, or - for stdin'),
    ),
  )
    .option('--stages <list>', 'run only these stages, e.g. normalize,segment (default: all)')
    .option('--max-bytes <n>', 'XINWEN_MAX_BYTES: larger documents fail with document_too_large')
    .option('--pretty', 'indent the JSON')
    .option('--summary', 'print a readable summary per document instead of JSON')
    .action(async (paths: string[], flags: InputFlags & StageFlags & Record<string, string | boolean>) => {
      const stages = parseStages(flags.stages as string | undefined);
      const stageOptions = loadStageOptions(flags);
      const limits = loadConfig(
        { maxBytes: flags.maxBytes as string | undefined },
        { XINWEN_MAX_BYTES: process.env.XINWEN_MAX_BYTES },
      );
      const { processCommand } = await import('./commands/process.js');
      const { shutdownSignal } = await context();
      const shutdown = shutdownSignal(io);
      const outcome = await processCommand(
        paths,
        {
          pretty: flags.pretty === true,
          summary: flags.summary === true,
          input: inputFrom(flags, limits),
          stageOptions,
          signal: shutdown.signal,
          ...(stages === undefined ? {} : { stages }),
        },
        io,
      );
      if (flags.summary) await io.stdout(`${outcome.ok} processed, ${outcome.failed} failed\n`);
      else io.stderr(`process: ${outcome.ok} processed, ${outcome.failed} failed\n`);
      setExit(shutdown.signal.aborted ? 130 : outcome.failed > 0 ? 1 : 0);
    });

  stageFlags(
    inputOptions(
      queueOptions(
        program
          .command('run')
          .summary('ingest, process every document through the stage queues, print a summary')
          .description(
            'Store the scrapes, run the stage workers until every one of them has completed or failed, ' +
              'and print a summary per document. Without REDIS_URL an embedded redis-server is started; ' +
              'without any redis-server the documents are processed in-process instead.',
          )
          .argument('<paths...>', 'files, directories, or - for stdin'),
      ),
    ),
  )
    .option('--json', 'print the results as JSON instead of a summary')
    .action(async (paths: string[], flags: QueueFlags & InputFlags & StageFlags & { json?: boolean }) => {
      const config = configFrom(flags, loadStageOptions(flags));
      const input = inputFrom(flags, config);
      if (config.redisUrl === undefined && config.storeUrl === undefined) {
        const { findRedisServer } = await import('./embedded-redis.js');
        if (findRedisServer() === undefined) {
          // Nothing to queue on: still show the results, in-process, and say what is missing.
          io.stderr(
            'xinwen run: no REDIS_URL and no redis-server on PATH, so nothing is queued or stored; ' +
              'processing in-process instead. Install redis-server (apt-get install redis-server, ' +
              'brew install redis) or set REDIS_URL to run the stage workers and keep the results.\n\n',
          );
          const { processCommand } = await import('./commands/process.js');
          const outcome = await processCommand(
            paths,
            { pretty: false, summary: flags.json !== true, input, stageOptions: config.stageOptions },
            io,
          );
          if (flags.json) io.stderr(`run: ${outcome.ok} processed, ${outcome.failed} failed\n`);
          else await io.stdout(`${outcome.ok} processed, ${outcome.failed} failed\n`);
          setExit(outcome.failed > 0 ? 1 : 0);
          return;
        }
      }
      const { withRuntime, reachConfigured } = await context();
      await reachConfigured(config);
      const { runCommand } = await import('./commands/work.js');
      setExit(
        await withRuntime(config, (runtime) =>
          runCommand(
            runtime,
            paths,
            input,
            { concurrency: config.concurrency, json: flags.json === true },
            io,
          ),
        ),
      );
    });

  inputOptions(
    queueOptions(
      program
        .command('ingest')
        .summary('store scrapes (files, directories, JSON Lines, stdin) and queue them')
        .description(
          'Store each scrape and queue its first stage; `xinwen work` processes them. Storing the same ' +
            'content again changes nothing.',
        )
        .argument('<paths...>', 'files, directories, or - for stdin'),
    ),
  )
    .option('--json', 'print what was stored as JSON')
    .action(async (paths: string[], flags: QueueFlags & InputFlags & { json?: boolean }) => {
      const config = configFrom(flags);
      const input = inputFrom(flags, config);
      const { withRuntime, reachConfigured } = await context();
      await reachConfigured(config);
      const { ingestCommand } = await import('./commands/ingest.js');
      setExit(
        await withRuntime(config, async (runtime) => {
          const summary = await ingestCommand(runtime, paths, input, io);
          if (flags.json) await io.stdout(`${JSON.stringify(summary, null, 2)}\n`);
          return summary.failed > 0 ? 1 : 0;
        }),
      );
    });

  stageFlags(
    queueOptions(
      program
        .command('work')
        .summary('run the stage workers (one BullMQ queue per stage)')
        .description(
          'Serve the stage queues until SIGTERM or SIGINT: active jobs finish within XINWEN_SHUTDOWN_MS, ' +
            'a second signal stops at once.',
        ),
    ),
  )
    .option('--stages <list>', 'serve only these stages, e.g. segment,extract (default: all)')
    .option('--exit-when-idle', 'stop once every stage queue is empty')
    .option('--http <address>', 'serve the queue dashboard, /metrics and /healthz on [HOST]:PORT')
    .action(
      async (flags: QueueFlags & StageFlags & { stages?: string; exitWhenIdle?: boolean; http?: string }) => {
        const stages = parseStages(flags.stages);
        if (flags.http !== undefined) parseListen(flags.http);
        const config = configFrom(flags, loadStageOptions(flags));
        const { withRuntime, reachConfigured } = await context();
        await reachConfigured(config);
        const { workCommand } = await import('./commands/work.js');
        setExit(
          await withRuntime(config, (runtime) =>
            workCommand(
              runtime,
              {
                ...(stages === undefined ? {} : { stages }),
                concurrency: config.concurrency,
                exitWhenIdle: flags.exitWhenIdle === true,
                ...(flags.http === undefined ? {} : { http: flags.http }),
              },
              io,
            ),
          ),
        );
      },
    );

  queueOptions(
    program
      .command('status')
      .summary('queue counts per stage, documents by status, failures by code, throughput'),
  )
    .option('--json', 'print the figures as JSON')
    .action(async (flags: QueueFlags & { json?: boolean }) => {
      const config = configFrom(flags);
      const { withRuntime, reachConfigured } = await context();
      await reachConfigured(config);
      const { statusCommand } = await import('./commands/inspect.js');
      setExit(
        await withRuntime(config, (runtime) => statusCommand(runtime, { json: flags.json === true }, io)),
      );
    });

  queueOptions(
    program
      .command('show')
      .summary('the stored ProcessedDocument as JSON')
      .argument('<id>', 'the document id (as ingest printed it)'),
  ).action(async (id: string, flags: QueueFlags) => {
    const config = configFrom(flags);
    const { withRuntime, reachConfigured } = await context();
    await reachConfigured(config);
    const { showCommand } = await import('./commands/inspect.js');
    setExit(await withRuntime(config, (runtime) => showCommand(runtime, id, io)));
  });

  queueOptions(program.command('export').summary('stored documents as JSON Lines'))
    .option('--since <time>', 'only documents completed since an ISO date/time or epoch milliseconds')
    .addOption(new Option('--format <format>', 'output format').choices(['jsonl']).default('jsonl'))
    .addOption(
      new Option('--status <status>', 'documents of this status')
        .choices(['completed', 'failed', 'pending'])
        .default('completed'),
    )
    .action(async (flags: QueueFlags & { since?: string; format: string; status: string }) => {
      const { exportCommand, parseSince } = await import('./commands/inspect.js');
      const since = flags.since === undefined ? undefined : parseSince(flags.since);
      const config = configFrom(flags);
      const { withRuntime, reachConfigured } = await context();
      await reachConfigured(config);
      setExit(
        await withRuntime(config, (runtime) =>
          exportCommand(
            runtime,
            {
              format: flags.format,
              status: flags.status as 'completed' | 'failed' | 'pending',
              ...(since === undefined ? {} : { since }),
            },
            io,
          ),
        ),
      );
    });

  queueOptions(
    program
      .command('reprocess')
      .summary('run documents again from a stage (every document without IDs)')
      .argument('[ids...]', 'document ids (default: every stored document)'),
  )
    .requiredOption('--from <stage>', 'the stage to start from, e.g. extract')
    .action(async (ids: string[], flags: QueueFlags & { from: string }) => {
      parseStages(flags.from, '--from');
      const config = configFrom(flags);
      const { withRuntime, reachConfigured } = await context();
      await reachConfigured(config);
      const { reprocessCommand } = await import('./commands/reprocess.js');
      setExit(await withRuntime(config, (runtime) => reprocessCommand(runtime, flags.from, ids, io)));
    });

  queueOptions(
    program.command('retry-failed').summary('run every failed document again from the stage that failed'),
  ).action(async (flags: QueueFlags) => {
    const config = configFrom(flags);
    const { withRuntime, reachConfigured } = await context();
    await reachConfigured(config);
    const { retryFailedCommand } = await import('./commands/reprocess.js');
    setExit(await withRuntime(config, (runtime) => retryFailedCommand(runtime, io)));
  });

  return program;
}

async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const program = createProgram((code) => {
    exitCode = code;
  });
  if (argv.length === 0) {
    program.outputHelp({ error: true });
    return 2;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code) ? 0 : 2;
    }
    throw error;
  }
  return exitCode;
}

main(process.argv.slice(2)).then(
  (code) => exitAfterOutput(stdout, code),
  (error: unknown) => {
    if (isXinwenError(error)) process.stderr.write(`xinwen: ${error.code}: ${error.message}\n`);
    else process.stderr.write(`xinwen: ${error instanceof Error ? error.message : String(error)}\n`);
    return exitAfterOutput(stdout, 2);
  },
);
