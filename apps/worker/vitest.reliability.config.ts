import { preset } from '../../tooling/vitest.preset.js';

// The reliability suite (`pnpm test:reliability`): faults injected into real Redis servers that
// the tests start on ports of their own, and commands run as child processes. One file at a time.
const config = preset({ sequential: true, testTimeout: 120_000 });
config.test = { ...config.test, include: ['src/reliability/**/*.test.ts'] };
export default config;
