import { defineConfig, mergeConfig } from 'vitest/config';
import { preset } from '../../tooling/vitest.preset.js';

// The worker's tests share one Redis server: run the files one at a time. The reliability suite
// (src/reliability) runs on its own: `pnpm test:reliability`.
export default mergeConfig(
  preset({ sequential: true, testTimeout: 120_000 }),
  defineConfig({ test: { exclude: ['src/reliability/**', '**/node_modules/**'] } }),
);
