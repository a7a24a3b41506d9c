import type { Warning } from './schema.js';

/** A span in the text a stage is working on (UTF-16 code units, end exclusive). */
export interface SpanLike {
  start: number;
  end: number;
}

/** What a stage gets besides its input: a place to put non-fatal findings. */
export interface StageContext {
  /** Records a non-fatal finding; fatal problems throw an `XinwenError` instead. */
  warn(code: string, message: string, span?: SpanLike): void;
  /** Everything warned so far, in order. */
  readonly warnings: readonly Warning[];
}

/** The function a stage factory returns: pure and deterministic for the same input and options. */
export type Transformer<In, Out> = (input: In, ctx: StageContext) => Out;

/**
 * A stage is a factory: options in, transformer out (like unified's `Plugin`). Calling the factory
 * does the expensive set-up (dictionaries, converters) once; the transformer runs per document.
 */
export type Stage<In, Out, Options = Record<string, never>> = (options?: Options) => Transformer<In, Out>;

/** Makes a context whose warnings are tagged with `stage`. */
export function createContext(stage?: string): StageContext {
  const warnings: Warning[] = [];
  return {
    warnings,
    warn(code, message, span) {
      warnings.push({
        ...(stage === undefined ? {} : { stage }),
        code,
        message,
        ...(span ? { start: span.start, end: span.end } : {}),
      });
    },
  };
}
