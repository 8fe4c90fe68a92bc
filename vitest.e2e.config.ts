import { defineConfig } from 'vitest/config';

// Real-browser suite: Chromium then Firefox, one file at a time (2 cores; browsers are heavy).
// Run it with `npm run test:e2e` (builds first) or `npx vitest run --config vitest.e2e.config.ts [file]`.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    setupFiles: ['tests/e2e/harness/setup.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 90_000,
    teardownTimeout: 30_000,
    sequence: { concurrent: false },
  },
});
