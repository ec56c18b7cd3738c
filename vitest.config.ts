import { defineConfig } from 'vitest/config';

/** One JSON report per vitest run, named by npm script and time zone so runs never overwrite each other; .ci/run sums them. */
const report = `.vitest-${[process.env.npm_lifecycle_event ?? 'vitest', process.env.TZ ?? 'default'].join('-').replace(/[^A-Za-z0-9]+/g, '-')}.json`;

// A tier per folder, each runnable alone with `vitest run --project <name>` (npm run test:<name>).
const tier = (name: string, extra: { globalSetup?: string[] } = {}) => ({
  extends: true as const,
  test: { name, include: [`tests/${name}/**/*.test.ts`], ...extra },
});
// Unpacks the npm package's Chromium once, before the workers that launch it could race to write it.
const browser = { globalSetup: ['tests/helpers/chromium-setup.ts'] };

export default defineConfig({
  test: {
    // Build tests spawn whole builds; browser tests start Chromium.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: process.env.CI ? ['default', ['json', { outputFile: report }]] : ['default'],
    projects: [tier('unit'), tier('build'), tier('cli', browser), tier('browser', browser), tier('java')],
  },
});
