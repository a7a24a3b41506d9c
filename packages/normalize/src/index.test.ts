import { createContext, type Stage } from '@xinwen/core';
import { describe, expect, it } from 'vitest';
import type { NormalizeOptions, NormalizeResult } from './index.js';
import * as api from './index.js';

describe('@xinwen/normalize public API', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(api).sort()).toEqual(['createNormalizer', 'normalize']);
  });

  it('createNormalizer is a Stage and warns through the stage context', () => {
    const stage: Stage<string | Uint8Array, NormalizeResult, NormalizeOptions> = api.createNormalizer;
    const ctx = createContext('normalize');
    const result = stage()('今年重慶?qǐng)市場很好。', ctx);
    expect(result.text).toBe('今年重庆\uFFFD市场很好。');
    expect(ctx.warnings).toEqual([
      {
        stage: 'normalize',
        code: 'damaged_text',
        message: 'a character was lost (surviving hint: qǐng)',
        start: 4,
        end: 5,
      },
    ]);
  });
});
