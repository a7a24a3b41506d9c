import { describe, expect, it } from 'vitest';
import * as api from './index.js';

describe('@xinwen/normalize public API', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(api).sort()).toEqual(['createNormalizer', 'normalize']);
  });
});
