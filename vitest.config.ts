import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Build tests spawn whole builds; browser tests start Chromium.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
