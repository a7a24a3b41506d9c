/**
 * One of the processes racing in `redis.test.ts`. Usage: race-child <prefix> <name> <rounds>.
 * Prints `ready`, waits for a line on stdin, then for each round adds document `<name>-<round>`
 * (the round's story with the process's name appended: near-identical between the processes) as fast as it can and prints the
 * results as one JSON line.
 */
import { createInterface } from 'node:readline';
import { createDedupeIndex } from '../dedupe-index.js';
import { fingerprint } from '../fingerprint.js';
import { redisBackend } from '../redis.js';
import { raceStories } from './documents.js';

const [prefix, name, roundsText] = process.argv.slice(2);
if (prefix === undefined || name === undefined || roundsText === undefined) {
  throw new Error('usage: race-child <prefix> <name> <rounds>');
}
const rounds = Number(roundsText);
const index = createDedupeIndex({ backend: redisBackend({ prefix }) });
// Each round is another story; each process adds its own near-identical copy of it.
const texts = raceStories(rounds).map((story) => `${story}\n\n（${name}）`);
const fingerprints = texts.map((t) => fingerprint(t));
await index.size(); // connect before the start signal

const lines = createInterface({ input: process.stdin });
process.stdout.write('ready\n');
for await (const _ of lines) break;
const results = [];
for (let r = 0; r < rounds; r++) {
  results.push(await index.checkAndAdd(`${name}-${r}`, fingerprints[r] as (typeof fingerprints)[number]));
}
process.stdout.write(`${JSON.stringify(results)}\n`);
await index.close();
process.exit(0);
