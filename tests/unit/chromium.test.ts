import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ChromiumNotFoundError, findChromium, HOW_TO_PROVIDE } from '../../src/verify/chromium.ts';

const root = mkdtempSync(join(tmpdir(), 'nt-chromium-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A file at `dir/name`, executable unless told otherwise. */
function file(dir: string, name: string, executable = true): string {
  mkdirSync(join(root, dir), { recursive: true });
  const path = join(root, dir, name);
  writeFileSync(path, '#!/bin/sh\n');
  chmodSync(path, executable ? 0o755 : 0o644);
  return path;
}

file('a', 'chromium', false);
file('a', 'google-chrome');
file('b', 'chromium-browser');
const custom = file('c', 'my-chrome');
const notExecutable = file('c', 'plain', false);
const PATH = [join(root, 'a'), join(root, 'missing'), join(root, 'b')].join(delimiter);

const bundled = '/unpacked/chromium';
let bundledCalls = 0;
const linux = {
  platform: 'linux' as const,
  arch: 'x64',
  bundled: async () => {
    bundledCalls++;
    return bundled;
  },
};

describe('findChromium', () => {
  it('takes CHROMIUM_PATH before anything on PATH', async () => {
    expect(await findChromium({ ...linux, env: { CHROMIUM_PATH: custom, PATH } })).toEqual({ path: custom, source: 'CHROMIUM_PATH' });
  });

  it('refuses a CHROMIUM_PATH that is not an executable file, naming it, rather than falling back', async () => {
    for (const bad of [notExecutable, join(root, 'c'), join(root, 'nowhere')]) {
      const lookup = findChromium({ ...linux, env: { CHROMIUM_PATH: bad, PATH } });
      await expect(lookup).rejects.toThrow(ChromiumNotFoundError);
      await expect(lookup).rejects.toThrow(`CHROMIUM_PATH is ${bad}, which is not an executable file.`);
    }
  });

  it('tries the names in order, each along PATH, skipping files that are not executable', async () => {
    // chromium in a/ is not executable; chromium-browser (b/) comes before google-chrome (a/) in the name order.
    expect(await findChromium({ ...linux, env: { PATH } })).toEqual({ path: join(root, 'b', 'chromium-browser'), source: 'PATH (chromium-browser)' });
    expect(await findChromium({ ...linux, env: { PATH: join(root, 'a') } })).toEqual({ path: join(root, 'a', 'google-chrome'), source: 'PATH (google-chrome)' });
  });

  it('falls back to the npm package on Linux x64 only', async () => {
    bundledCalls = 0;
    expect(await findChromium({ ...linux, env: { PATH: join(root, 'c') } })).toEqual({ path: bundled, source: '@sparticuz/chromium' });
    expect(bundledCalls).toBe(1);
    for (const [platform, arch] of [['darwin', 'arm64'], ['linux', 'arm64'], ['win32', 'x64']] as const) {
      await expect(findChromium({ ...linux, platform, arch, env: {} })).rejects.toThrow(ChromiumNotFoundError);
    }
    expect(bundledCalls).toBe(1);
  });

  it('says what it tried and how to provide a browser when there is none', async () => {
    const lookup = findChromium({ ...linux, bundled: async () => null, env: { PATH: join(root, 'c') } });
    await expect(lookup).rejects.toThrow(
      `No Chromium found (tried CHROMIUM_PATH, chromium, chromium-browser, google-chrome, google-chrome-stable on PATH, then @sparticuz/chromium on Linux x64). ${HOW_TO_PROVIDE}`,
    );
    expect(HOW_TO_PROVIDE).toBe(
      'Set CHROMIUM_PATH to a Chromium or Chrome executable, put one of chromium, chromium-browser, google-chrome, google-chrome-stable on PATH, or run `npm ci` to install @sparticuz/chromium (Linux x64 only).',
    );
  });
});
