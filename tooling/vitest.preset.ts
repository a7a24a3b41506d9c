import { defineConfig } from 'vitest/config';

/**
 * The one vitest preset every package uses: tests beside the code (`src/**\/*.test.ts`), node
 * environment, no watch. Packages whose tests share a Redis server run their files one at a time.
 */
export function preset(options: { sequential?: boolean; testTimeout?: number } = {}) {
  return defineConfig({
    test: {
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      environment: 'node',
      watch: false,
      testTimeout: options.testTimeout ?? 30_000,
      hookTimeout: 60_000,
      fileParallelism: !options.sequential,
      reporters: ['default'],
    },
  });
}

export default preset();
