import { expect, it } from 'vitest';
import * as store from './index.js';

it('exports exactly these names', () => {
  expect(Object.keys(store).sort()).toEqual(['createStore', 'documentStatuses', 'storeKeys']);
});
