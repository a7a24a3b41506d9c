export {
  DedupeOptionsSchema,
  ExtractOptionsSchema,
  NormalizeOptionsSchema,
  SegmentOptionsSchema,
  StageOptionsSchema,
} from './options.js';
export type {
  CallOptions,
  Pipeline,
  PipelineOptions,
  ProcessManyOptions,
  ProcessManyResult,
  StageOptions,
} from './pipeline.js';
export { availableStages, createPipeline, processDocument } from './pipeline.js';
export type { RawDocument } from './raw.js';
export { initialDocument } from './raw.js';
export type { PipelineStage } from './stages.js';
