export type { Pipeline, PipelineOptions } from './pipeline.js';
export { availableStages, createPipeline, processDocument } from './pipeline.js';
export type { RawDocument } from './raw.js';
export { initialDocument } from './raw.js';
export type { PipelineStage } from './stages.js';
