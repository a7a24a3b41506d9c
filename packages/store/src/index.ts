export type { DocumentStatus, StoreKeys } from './keys.js';
export { documentStatuses, storeKeys } from './keys.js';
export type { StageResult } from './patch.js';
export type { Store, StoreOptions } from './store.js';
export { createStore } from './store.js';
export type {
  DocumentError,
  DocumentInfo,
  ListOptions,
  LoadedDocument,
  PutRawResult,
  PutStageOptions,
  RawInput,
  StageWriteOutcome,
  StoredRaw,
  StoreEvent,
  StoreStats,
  WatchOptions,
} from './types.js';
