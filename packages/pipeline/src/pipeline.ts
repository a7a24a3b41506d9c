import {
  createContext,
  type ProcessedDocument,
  ProcessedDocumentSchema,
  type StageName,
  stageNames,
  XinwenError,
} from '@xinwen/core';
import type { DedupeIndex } from '@xinwen/dedupe';
import { initialDocument, type RawDocument } from './raw.js';
import { type PipelineStage, stageRegistry } from './stages.js';

/** Options for {@link createPipeline}. */
export interface PipelineOptions {
  /**
   * Which stages to run, in pipeline order. Stages whose package is not available are left out.
   * @default every available stage
   */
  stages?: readonly StageName[];
  /**
   * Validate the result against the document model before returning it.
   * @default false
   */
  validate?: boolean;
  /**
   * The near-duplicate index the dedupe stage checks documents against and adds them to. The
   * worker passes one over the Redis backend (`@xinwen/dedupe/redis`) so all workers share it.
   * @default a new memory index, shared by the documents this pipeline processes
   */
  dedupeIndex?: DedupeIndex;
}

/** A pipeline built once and reused for many documents. */
export interface Pipeline {
  /** The stages this pipeline runs, in order. */
  readonly stages: readonly StageName[];
  /** Runs every stage over one raw document. Throws `XinwenError` on bad input. */
  process(raw: RawDocument): Promise<ProcessedDocument>;
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

/** Builds a pipeline: each stage's set-up (dictionaries, converters) runs once, here. */
export function createPipeline(options: PipelineOptions = {}): Pipeline {
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

  return {
    stages: order,
    runStage,
    async process(raw) {
      let doc: ProcessedDocument = initialDocument(raw);
      for (const stage of order) doc = await runStage(stage, doc, raw);
      return options.validate ? ProcessedDocumentSchema.parse(doc) : doc;
    },
  };
}

/** Processes one document with a pipeline of every available stage. */
export function processDocument(
  raw: RawDocument | string | Uint8Array,
  options: PipelineOptions = {},
): Promise<ProcessedDocument> {
  const input = typeof raw === 'string' || raw instanceof Uint8Array ? { content: raw } : raw;
  return createPipeline(options).process(input);
}
