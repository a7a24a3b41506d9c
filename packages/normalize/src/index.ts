export type { Fixes } from './fixes.js';
export type { RemovedKind } from './furniture.js';
export {
  createNormalizer,
  type NormalizeHints,
  type NormalizeOptions,
  type NormalizeResult,
  type Normalizer,
  normalize,
} from './normalize.js';
export type { OffsetMap } from './offset-map.js';
export type { Target } from './script.js';
