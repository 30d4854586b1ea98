import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The slow ones run with npm run test:slow (vitest.slow.config.ts), which .ci/run also runs.
    exclude: [...configDefaults.exclude, 'test/**/*.slow.test.ts'],
    testTimeout: 20000,
  },
});
