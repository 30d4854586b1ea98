// The slow tests (npm run test:slow; .ci/run runs them after npm test): crash safety under SIGKILL, 50 concurrent
// recorders, 50 MB files, and the property tests (plan files, the privacy guard) at 20 times as many runs.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'test/**/*.slow.test.ts',
      'test/robustness/properties.test.ts',
      'test/robustness/privacy-properties.test.ts',
    ],
    testTimeout: 900_000,
    hookTimeout: 120_000,
    env: { RAD_PROPERTY_SCALE: '20' },
    // Each file starts dozens of rad processes: one file at a time, so they do not starve each other.
    fileParallelism: false,
  },
});
