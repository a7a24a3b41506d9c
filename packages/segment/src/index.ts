export type { KeywordMethod } from './keywords.js';
export type { Segmenter, SegmenterOptions, SegmentResult } from './segmenter.js';
export { createSegmenter, keywords, segment, tokenize } from './segmenter.js';
export { splitSentences } from './sentences.js';
export { segmentStage } from './stage.js';
export type { DictionaryEntry } from './user-dictionary.js';
export { readDictionaryFile } from './user-dictionary.js';
