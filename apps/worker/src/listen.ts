import { XinwenError } from '@xinwen/core';

/**
 * Parses `--http`: `:PORT` (every interface), `HOST:PORT` or a bare `PORT`.
 * @throws XinwenError `invalid_options` naming the flag and what was expected.
 */
export function parseListen(value: string): { host: string | undefined; port: number } {
  const match = /^(.*):(\d{1,5})$/.exec(value) ?? /^()(\d{1,5})$/.exec(value);
  const port = Number(match?.[2]);
  if (!match || port > 65535) {
    throw new XinwenError('invalid_options', `--http: expected :PORT or HOST:PORT, found "${value}"`);
  }
  return { host: match[1] === '' ? undefined : match[1], port };
}
