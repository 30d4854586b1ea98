import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The slow ones run with npm run test:slow (vitest.slow.config.ts), which .ci/run also runs.
    exclude: [...configDefaults.exclude, 'test/**/*.slow.test.ts'],
    testTimeout: 20000,
    // npm run test:coverage. Only in-process runs count: the built bin and worker threads run dist/, not src/.
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      exclude: ['src/generated/**'],
      reporter: ['text', 'text-summary'],
      // core/ is pure: every line of it can be reached from a test, and should be.
      thresholds: { 'src/core/**': { lines: 95 } },
    },
  },
});
