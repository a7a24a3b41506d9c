import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { XinwenError } from '@xinwen/core';
import type { StageOptions } from '@xinwen/pipeline';
// The schemas alone: loading the pipeline (and its stages' data) waits until a command runs.
import { StageOptionsSchema } from '@xinwen/pipeline/options';
import { didYouMean } from './suggest.js';

/** The name of the configuration file looked for in the working directory. */
export const configFileName = 'xinwen.config.json';

/** The stage-option flags of `run`, `work` and `process`, as given. */
export interface StageFlags {
  /** `--config FILE`: a configuration file other than `./xinwen.config.json`. */
  config?: string | undefined;
  /** `--html auto|strip|reject` → `normalize.html`. */
  html?: string | undefined;
  /** `--reference-date YYYY-MM-DD` → `extract.referenceDate`. */
  referenceDate?: string | undefined;
  /** `--user-dictionary FILE` → `segment.userDictionary`. */
  userDictionary?: string | undefined;
}

/** Which flag sets which stage option, to name the flag in messages. */
const flagOf: Record<string, string> = {
  'normalize.html': '--html',
  'extract.referenceDate': '--reference-date',
  'segment.userDictionary': '--user-dictionary',
};

/**
 * The stage options of a command: the configuration file (`--config FILE`, else
 * `./xinwen.config.json` when there is one) with the flags laid over it. A relative dictionary
 * path in the file is taken relative to the file. Nothing is rewritten otherwise: the pipeline
 * gets the options as written.
 * @throws XinwenError `invalid_options` naming the flag or the file and key, and what was expected.
 */
export function loadStageOptions(flags: StageFlags, cwd: string = process.cwd()): StageOptions {
  const file = flags.config ?? (existsSync(resolve(cwd, configFileName)) ? configFileName : undefined);
  const fromFile = file === undefined ? {} : readConfigFile(resolve(cwd, file));
  const options: Record<string, Record<string, unknown>> = {};
  for (const [stage, value] of Object.entries(fromFile)) {
    options[stage] = { ...(value as Record<string, unknown>) };
  }
  const set = (stage: string, key: string, value: unknown) => {
    if (value === undefined) return;
    options[stage] = { ...options[stage], [key]: value };
  };
  set('normalize', 'html', flags.html);
  set('extract', 'referenceDate', flags.referenceDate);
  set('segment', 'userDictionary', flags.userDictionary && resolve(cwd, flags.userDictionary));
  const parsed = StageOptionsSchema.safeParse(options);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const path = issue.path.map(String).join('.');
      if (issue.code === 'unrecognized_keys') {
        const known = knownKeys(path);
        const keys = issue.keys.map((k) => `"${path ? `${path}.` : ''}${k}"${didYouMean(k, known)}`);
        return `${file}: unknown option ${keys.join(', ')}`;
      }
      const flag = flagOf[path];
      const fromFlag = flag !== undefined && valueAt(flags, path) !== undefined;
      return `${fromFlag ? flag : `${file}: ${path}`}: ${issue.message}`;
    });
    throw new XinwenError('invalid_options', problems.join('; '));
  }
  return options as StageOptions;
}

/** The option names a stage takes (the stage names at the top level). */
function knownKeys(path: string): string[] {
  const shape = StageOptionsSchema.shape;
  if (path === '') return Object.keys(shape);
  const stage = shape[path as keyof typeof shape];
  return stage === undefined ? [] : Object.keys(stage.unwrap().shape);
}

function valueAt(flags: StageFlags, path: string): unknown {
  if (path === 'normalize.html') return flags.html;
  if (path === 'extract.referenceDate') return flags.referenceDate;
  if (path === 'segment.userDictionary') return flags.userDictionary;
  return undefined;
}

/** Reads `xinwen.config.json`: `{ "$schema"?, normalize?, segment?, extract?, dedupe? }`. */
function readConfigFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new XinwenError('not_found', `--config: cannot read ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new XinwenError('invalid_options', `${path} is not valid JSON: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new XinwenError(
      'invalid_options',
      `${path}: expected an object of stage options ({ "normalize": {…}, "segment": {…}, … })`,
    );
  }
  const { $schema: _schema, ...stages } = value as Record<string, unknown>;
  const dictionary = (stages.segment as { userDictionary?: unknown } | undefined)?.userDictionary;
  if (typeof dictionary === 'string' && !isAbsolute(dictionary)) {
    stages.segment = {
      ...(stages.segment as object),
      userDictionary: resolve(dirname(path), dictionary),
    };
  }
  return stages;
}
