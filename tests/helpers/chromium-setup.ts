import { findChromium } from '../../src/verify/chromium.ts';

/** Vitest global setup: find (and if need be unpack) Chromium once. A missing browser is left to each test to report. */
export default async function setup(): Promise<void> {
  await findChromium().catch(() => undefined);
}
