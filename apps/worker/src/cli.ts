#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { processCommand } from './commands/process.js';

const usage = `Usage: xinwen <command> [options]

Commands:
  process FILE|DIR|- ...   run the in-process pipeline; one ProcessedDocument per input as JSON Lines
      --pretty             indent the JSON
      --summary            print a readable summary per document instead of JSON

Options:
  -h, --help               show this help
`;

const write = (stream: NodeJS.WriteStream) => (text: string) => {
  stream.write(text);
};

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
      const outcome = await processCommand(
        positionals,
        { pretty: values.pretty, summary: values.summary },
        { stdout: write(process.stdout), stderr: write(process.stderr) },
      );
      if (values.summary) process.stdout.write(`${outcome.ok} processed, ${outcome.failed} failed\n`);
      return outcome.failed > 0 ? 1 : 0;
    }
    default:
      process.stderr.write(`xinwen: unknown command "${command}"\n\n${usage}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`xinwen: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
