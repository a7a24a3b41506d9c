import { preset } from '../../tooling/vitest.preset.js';

// The Redis tests share one server with everyone else: run the files one at a time.
export default preset({ sequential: true });
