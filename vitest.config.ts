import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit and component tests only; the real-browser suite is tests/e2e (scripts/e2e.mjs).
// Component tests opt into a DOM with `// @vitest-environment happy-dom` at the top of the file.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    testTimeout: 30_000,
    pool: 'threads',
  },
});
