/**
 * Bytes per document of the memory backend: run by `dedupe.ts` in a fresh process with
 * `--expose-gc` (argument: number of documents). The documents' texts exist before the
 * measurement starts; ids and fingerprints are made inside it, so what the index keeps (id
 * strings, content hashes, signatures, band tables, spare capacity) counts and the fingerprints
 * it does not keep are garbage by the last collection.
 */
import { createHash } from 'node:crypto';
import { readSeeds } from '../../../tooling/seeds.js';
import { createDedupeIndex, fingerprint } from '../src/index.js';
import { syntheticDocuments } from './synthetic.js';

const count = Number(process.argv[2] ?? 20_000);
const gc = globalThis.gc;
if (typeof gc !== 'function') throw new Error('run with node --expose-gc');
const settle = async () => {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

const docs = syntheticDocuments(
  readSeeds().map((s) => s.text),
  count,
);
await settle();
const before = process.memoryUsage();
const index = createDedupeIndex();
for (const text of docs) {
  await index.checkAndAdd(`sha256:${createHash('sha256').update(text).digest('hex')}`, fingerprint(text));
}
await settle();
const after = process.memoryUsage();
// Keep the texts alive to here, or they are collected inside the measured stretch.
if (docs.length !== count) throw new Error('lost documents');
const heap = after.heapUsed - before.heapUsed;
const buffers = after.arrayBuffers - before.arrayBuffers;
console.log(
  `heap ${(heap / count).toFixed(0)} + array buffers ${(buffers / count).toFixed(0)} = ${((heap + buffers) / count).toFixed(0)} bytes per document ` +
    `(${((heap + buffers) / 2 ** 20).toFixed(1)} MiB for ${await index.size()} documents, ids of 71 characters)`,
);
