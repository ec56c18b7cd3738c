import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Build tests spawn whole builds; browser tests start Chromium.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // CI also writes a JSON report per run (one per time zone) that .ci/run sums up.
    reporters: process.env.CI ? ['default', ['json', { outputFile: `.vitest-${(process.env.TZ ?? 'default').replace(/[^A-Za-z0-9]+/g, '-')}.json` }]] : ['default'],
  },
});
