import { describe, expect, it } from 'vitest';
import { errorCodes, isXinwenError, XinwenError } from './errors.js';

describe('XinwenError', () => {
  it('carries a code, a message, details and a cause', () => {
    const cause = new Error('boom');
    const error = new XinwenError('binary_input', 'expected text, found a PDF (starts with %PDF-)', {
      cause,
      details: { detected: 'pdf' },
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('XinwenError');
    expect(error.code).toBe('binary_input');
    expect(error.cause).toBe(cause);
    expect(error.details).toEqual({ detected: 'pdf' });
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'XinwenError',
      code: 'binary_input',
      message: 'expected text, found a PDF (starts with %PDF-)',
      details: { detected: 'pdf' },
    });
  });

  it('says whether retrying the same input could help', () => {
    expect(new XinwenError('empty_document', 'empty').permanent).toBe(true);
    expect(new XinwenError('invalid_encoding', 'bad bytes').permanent).toBe(true);
    expect(new XinwenError('store_unavailable', 'redis down').permanent).toBe(false);
  });

  it('is recognised by isXinwenError, also after crossing a process boundary', () => {
    const error = new XinwenError('document_too_large', 'too big');
    expect(isXinwenError(error)).toBe(true);
    expect(isXinwenError(error, 'document_too_large')).toBe(true);
    expect(isXinwenError(error, 'empty_document')).toBe(false);
    const serialised = JSON.parse(JSON.stringify(error));
    expect(isXinwenError(serialised, 'document_too_large')).toBe(true);
    expect(isXinwenError(new Error('plain'))).toBe(false);
    expect(isXinwenError('document_too_large')).toBe(false);
    expect(isXinwenError(null)).toBe(false);
  });

  it('lists each code once', () => {
    expect(new Set(errorCodes).size).toBe(errorCodes.length);
    expect(errorCodes).toContain('invalid_encoding');
  });
});
