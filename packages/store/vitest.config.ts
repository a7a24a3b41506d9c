import { preset } from '../../tooling/vitest.preset.js';

// The store's tests share one Redis server: run the files one at a time.
export default preset({ sequential: true });
