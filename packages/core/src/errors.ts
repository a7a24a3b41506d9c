/**
 * Every fatal problem in xinwen is an {@link XinwenError} with one of these string codes, so that
 * callers (and the worker, which marks a job failed with it) can branch on the code, not the text.
 */
export const errorCodes = [
  /** Bytes that are not valid in any encoding we accept. */
  'invalid_encoding',
  /** Text in an encoding (or language) xinwen does not process: Shift_JIS, EUC-JP, EUC-KR. */
  'unsupported_encoding',
  /** A binary file (PDF, image, archive, NUL bytes) where text was expected. */
  'binary_input',
  /** Nothing but whitespace, or zero bytes. */
  'empty_document',
  /** Over the configured size limit. */
  'document_too_large',
  /** An HTML document where plain text was expected. */
  'html_input',
  /** Input of the wrong type or shape (not a string or bytes, an invalid JSON line, …). */
  'invalid_input',
  /** Options that fail validation. */
  'invalid_options',
  /** A document, stage result or file that does not exist. */
  'not_found',
  /** A stored value that does not match the document model. */
  'invalid_document',
  /** A dictionary or data file that could not be loaded. */
  'invalid_dictionary',
  /** The shared store (Redis) could not be reached; the operation may be retried. */
  'store_unavailable',
] as const;

export type XinwenErrorCode = (typeof errorCodes)[number];

/** Codes that describe the input itself: retrying the same input gives the same error. */
const inputCodes: ReadonlySet<XinwenErrorCode> = new Set([
  'invalid_encoding',
  'unsupported_encoding',
  'binary_input',
  'empty_document',
  'document_too_large',
  'html_input',
  'invalid_input',
  'invalid_document',
]);

export interface XinwenErrorOptions {
  /** The underlying error, if any. */
  cause?: unknown;
  /** Machine-readable facts about the failure (sizes, offsets, the detected type …). */
  details?: Record<string, unknown>;
}

/** The one error class xinwen throws for fatal problems. */
export class XinwenError extends Error {
  override readonly name = 'XinwenError';
  readonly code: XinwenErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: XinwenErrorCode, message: string, options: XinwenErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.details = options.details;
  }

  /** True when retrying the same input cannot succeed (bad input, as opposed to a transient fault). */
  get permanent(): boolean {
    return inputCodes.has(this.code);
  }

  toJSON(): { name: string; code: XinwenErrorCode; message: string; details?: Record<string, unknown> } {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      ...(this.details ? { details: this.details } : {}),
    };
  }
}

/**
 * Narrows `error` to an {@link XinwenError}, optionally with a given code. Also accepts errors that
 * crossed a process or package-copy boundary and kept their `name` and `code`.
 */
export function isXinwenError(error: unknown, code?: XinwenErrorCode): error is XinwenError {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { name?: unknown; code?: unknown };
  const looksLike = error instanceof XinwenError || (e.name === 'XinwenError' && typeof e.code === 'string');
  return looksLike && (code === undefined || e.code === code);
}
