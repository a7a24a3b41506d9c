import {
  createContext,
  type ProcessedDocument,
  ProcessedDocumentSchema,
  type StageName,
  stageNames,
  XinwenError,
} from '@xinwen/core';
import type { DedupeIndex, DedupeOptions } from '@xinwen/dedupe';
import type { ExtractOptions } from '@xinwen/extract';
import type { NormalizeOptions } from '@xinwen/normalize';
import type { SegmenterOptions } from '@xinwen/segment';
import { checkStageOptions } from './options.js';
import { initialDocument, type RawDocument } from './raw.js';
import { type PipelineStage, stageRegistry } from './stages.js';

/** Allows `undefined` wherever a member is optional, so `{ html: process.env.HTML }` type-checks. */
type Loose<T> = { [K in keyof T]?: T[K] | undefined };

/**
 * Options of each stage, handed to the stage's own factory as given (checked first, see
 * {@link StageOptionsSchema}). The same shape is what `xinwen.config.json` holds.
 */
export interface StageOptions {
  /**
   * Options of `createNormalizer` from `@xinwen/normalize` (`target`, `html`, `boilerplate`, …).
   * @default {}
   */
  normalize?: Loose<NormalizeOptions> | undefined;
  /**
   * Options of `createSegmenter` from `@xinwen/segment` (`userDictionary`, `keywords`, …).
   * @default {}
   */
  segment?: Loose<SegmenterOptions> | undefined;
  /**
   * Options of `createExtractor` from `@xinwen/extract` (`referenceDate`, `layout`, …).
   * @default {}
   */
  extract?: Loose<ExtractOptions> | undefined;
  /**
   * Options of `createDedupe` from `@xinwen/dedupe` (`shingleSize`, `paragraphs`); the index is
   * {@link PipelineOptions.dedupeIndex}.
   * @default {}
   */
  dedupe?: Loose<Omit<DedupeOptions, 'index'>> | undefined;
}

/** Options for {@link createPipeline}. */
export interface PipelineOptions extends StageOptions {
  /**
   * Which stages to run, in pipeline order. Stages whose package is not available are left out.
   * @default every available stage
   */
  stages?: readonly StageName[] | undefined;
  /**
   * Validate the result against the document model before returning it.
   * @default false
   */
  validate?: boolean | undefined;
  /**
   * The near-duplicate index the dedupe stage checks documents against and adds them to. The
   * worker passes one over the Redis backend (`@xinwen/dedupe/redis`) so all workers share it.
   * @default a new memory index, shared by the documents this pipeline processes
   */
  dedupeIndex?: DedupeIndex | undefined;
}

/** Options of a call that may take long. */
export interface CallOptions {
  /**
   * Stops the call: it rejects with the signal's reason (an `AbortError` unless the caller gave
   * one) at the next stage boundary.
   * @default no signal
   */
  signal?: AbortSignal | undefined;
}

/** Options of {@link Pipeline.processMany}. */
export interface ProcessManyOptions extends CallOptions {
  /**
   * Documents in progress at once. Results still come out in input order, and the dedupe stage
   * sees the documents in input order, so the output does not depend on this number.
   * @default 1
   */
  concurrency?: number | undefined;
}

/** One result of {@link Pipeline.processMany}: the document, or the error it failed with. */
export type ProcessManyResult<R extends RawDocument = RawDocument> =
  | { ok: true; index: number; raw: R; doc: ProcessedDocument }
  | { ok: false; index: number; raw: R; error: unknown };

/** A pipeline built once and reused for many documents. */
export interface Pipeline {
  /** The stages this pipeline runs, in order. */
  readonly stages: readonly StageName[];
  /** Runs every stage over one raw document. Throws `XinwenError` on bad input. */
  process(raw: RawDocument, options?: CallOptions): Promise<ProcessedDocument>;
  /**
   * Processes documents from an iterable or async iterable (a file's JSON lines, a queue),
   * `concurrency` at a time, and yields one result per document in input order. A document that
   * fails yields `{ ok: false, error }` and the others go on; an aborted `signal` stops reading
   * input and rejects the iteration with the signal's reason. Each result carries the input
   * object as given (`raw`), so fields of your own on it come back with the result.
   */
  processMany<R extends RawDocument>(
    input: AsyncIterable<R> | Iterable<R>,
    options?: ProcessManyOptions,
  ): AsyncGenerator<ProcessManyResult<R>, void, undefined>;
  /**
   * Runs one stage over a document part-way through the pipeline and returns the document with
   * that stage's result added. The worker runs stages one job at a time through this, so a
   * document processed by the worker and by {@link Pipeline.process} come out the same.
   */
  runStage(stage: StageName, doc: ProcessedDocument, raw: RawDocument): Promise<ProcessedDocument>;
}

/** The stages this build of the pipeline can run, in order. */
export function availableStages(): StageName[] {
  return stageNames.filter((name) => stageRegistry[name] !== undefined);
}

/**
 * Builds a pipeline: each stage's set-up (dictionaries, converters) runs once, here.
 * @throws XinwenError `invalid_options` for an unknown stage or a bad stage option.
 */
export function createPipeline(options: PipelineOptions = {}): Pipeline {
  checkStageOptions({
    normalize: options.normalize,
    segment: options.segment,
    extract: options.extract,
    dedupe: options.dedupe,
  });
  const wanted = options.stages ?? availableStages();
  const order: StageName[] = [];
  const runners = new Map<StageName, PipelineStage>();
  for (const name of stageNames) {
    if (!wanted.includes(name)) continue;
    const factory = stageRegistry[name];
    if (factory === undefined) {
      throw new XinwenError('invalid_options', `stage "${name}" is not available in this pipeline build`);
    }
    order.push(name);
    runners.set(name, factory(options));
  }
  for (const name of wanted) {
    if (!stageNames.includes(name)) {
      throw new XinwenError(
        'invalid_options',
        `unknown stage "${String(name)}"; expected one of ${stageNames.join(', ')}`,
      );
    }
  }

  const runStage = async (
    stage: StageName,
    doc: ProcessedDocument,
    raw: RawDocument,
  ): Promise<ProcessedDocument> => {
    const runner = runners.get(stage);
    if (runner === undefined) {
      throw new XinwenError(
        'invalid_options',
        `stage "${stage}" is not part of this pipeline (${order.join(', ')})`,
      );
    }
    const ctx = createContext(stage);
    const patch = await runner(doc, raw, ctx);
    return { ...doc, ...patch, warnings: [...doc.warnings, ...ctx.warnings] };
  };

  const finish = (doc: ProcessedDocument) => (options.validate ? ProcessedDocumentSchema.parse(doc) : doc);
  const process = async (raw: RawDocument, call: CallOptions = {}) => {
    let doc: ProcessedDocument = initialDocument(raw);
    for (const stage of order) {
      call.signal?.throwIfAborted();
      doc = await runStage(stage, doc, raw);
    }
    return finish(doc);
  };

  return {
    stages: order,
    runStage,
    process,
    processMany(input, many = {}) {
      return processMany(input, many, order, runStage, finish);
    },
  };
}

type RunStage = (stage: StageName, doc: ProcessedDocument, raw: RawDocument) => Promise<ProcessedDocument>;

/**
 * Runs up to `concurrency` documents at once. The stages before dedupe run as they come; dedupe
 * (which checks each document against the ones before it) runs one document at a time in input
 * order, so which copy counts as the original is the same at any concurrency.
 */
async function* processMany<R extends RawDocument>(
  input: AsyncIterable<R> | Iterable<R>,
  options: ProcessManyOptions,
  order: readonly StageName[],
  runStage: RunStage,
  finish: (doc: ProcessedDocument) => ProcessedDocument,
): AsyncGenerator<ProcessManyResult<R>, void, undefined> {
  const concurrency = options.concurrency ?? 1;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new XinwenError(
      'invalid_options',
      `concurrency: expected a whole number of at least 1, found ${String(concurrency)}`,
    );
  }
  const { signal } = options;
  signal?.throwIfAborted();
  const before = order.filter((s) => s !== 'dedupe');
  const ordered = order.filter((s) => s === 'dedupe');
  let previous: Promise<unknown> = Promise.resolve();

  const start = (raw: R, index: number): Promise<ProcessManyResult<R>> => {
    const early = (async () => {
      let doc = initialDocument(raw) as ProcessedDocument;
      for (const stage of before) {
        signal?.throwIfAborted();
        doc = await runStage(stage, doc, raw);
      }
      return doc;
    })();
    // Dedupe waits for the document before it, whatever became of that one.
    const late = Promise.all([early, previous]).then(async ([doc]) => {
      for (const stage of ordered) {
        signal?.throwIfAborted();
        doc = await runStage(stage, doc, raw);
      }
      return finish(doc);
    });
    previous = late.catch(() => undefined);
    return late.then(
      (doc): ProcessManyResult<R> => ({ ok: true, index, raw, doc }),
      (error: unknown): ProcessManyResult<R> => ({ ok: false, index, raw, error }),
    );
  };

  const pending: Promise<ProcessManyResult<R>>[] = [];
  let index = 0;
  for await (const raw of input) {
    signal?.throwIfAborted();
    pending.push(start(raw, index++));
    if (pending.length >= concurrency) yield await takeFirst(pending, signal);
  }
  while (pending.length > 0) yield await takeFirst(pending, signal);
}

async function takeFirst<R extends RawDocument>(
  pending: Promise<ProcessManyResult<R>>[],
  signal: AbortSignal | undefined,
): Promise<ProcessManyResult<R>> {
  const result = await pending.shift()!;
  signal?.throwIfAborted();
  return result;
}

/** Processes one document with a pipeline of every available stage (or the stages in `options`). */
export function processDocument(
  raw: RawDocument | string | Uint8Array,
  options: PipelineOptions & CallOptions = {},
): Promise<ProcessedDocument> {
  const input = typeof raw === 'string' || raw instanceof Uint8Array ? { content: raw } : raw;
  return createPipeline(options).process(input, { signal: options.signal });
}
