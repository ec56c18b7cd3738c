import { spawnSync } from 'node:child_process';
import { accessSync, constants, rmSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type Bundled from '@sparticuz/chromium';

/** Names a system Chromium or Chrome goes by on PATH, in the order they are tried. */
/**
 * Flags for a Chromium that makes no request beyond the pages it is sent to: without the background-networking ones
 * it keeps calling out, and this machine has no network beyond localhost. The browser tests and Lighthouse share them.
 */
export const OFFLINE_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

export const CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'] as const;

export interface FoundChromium {
  path: string;
  /** Where it came from, for messages: `CHROMIUM_PATH`, `PATH (google-chrome)` or `@sparticuz/chromium`. */
  source: string;
}

export interface LookupOptions {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  arch?: string;
  /** Unpacks the npm package's Chromium; null when the package is not installed. Replaced in tests. */
  bundled?: () => Promise<string | null>;
}

export const HOW_TO_PROVIDE =
  'Set CHROMIUM_PATH to a Chromium or Chrome executable, put one of ' +
  `${CHROMIUM_NAMES.join(', ')} on PATH, or run \`npm ci\` to install @sparticuz/chromium (Linux x64 only).`;

/** A browser lookup that found nothing usable: its message says what was tried and how to provide one. */
export class ChromiumNotFoundError extends Error {
  override name = 'ChromiumNotFoundError';
}

const isExecutableFile = (path: string): boolean => {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** The first executable file called `name` in the folders of `PATH`, or null. */
export function onPath(name: string, path = ''): string | null {
  for (const dir of path.split(delimiter)) {
    if (dir && isExecutableFile(join(dir, name))) return join(dir, name);
  }
  return null;
}

/**
 * The Chromium to launch: `CHROMIUM_PATH` if set (and then only it, so a typo is not hidden by a fallback), else a
 * system Chromium or Chrome on PATH, else the headless build inside the `@sparticuz/chromium` package on Linux x64.
 * Throws ChromiumNotFoundError when none is there.
 */
export async function findChromium(options: LookupOptions = {}): Promise<FoundChromium> {
  const env = options.env ?? process.env;
  const override = env.CHROMIUM_PATH;
  if (override) {
    if (isExecutableFile(override)) return { path: override, source: 'CHROMIUM_PATH' };
    throw new ChromiumNotFoundError(`CHROMIUM_PATH is ${override}, which is not an executable file. ${HOW_TO_PROVIDE}`);
  }
  for (const name of CHROMIUM_NAMES) {
    const path = onPath(name, env.PATH);
    if (path) return { path, source: `PATH (${name})` };
  }
  const platform = options.platform ?? process.platform;
  const arch = options.arch ?? process.arch;
  if (platform === 'linux' && arch === 'x64') {
    const path = await (options.bundled ?? unpackBundled)();
    if (path) return { path, source: '@sparticuz/chromium' };
  }
  throw new ChromiumNotFoundError(`No Chromium found (tried CHROMIUM_PATH, ${CHROMIUM_NAMES.join(', ')} on PATH, then @sparticuz/chromium on Linux x64). ${HOW_TO_PROVIDE}`);
}

const runs = (path: string): boolean => spawnSync(path, ['--version'], { stdio: 'ignore', timeout: 30_000 }).status === 0;

/**
 * Unpacks the package's Chromium into the temp folder (reused once there); null when the package is absent. Its own
 * `args` are for AWS Lambda and stay unused: `--single-process` ends the browser with its first closed context, and
 * `--disable-web-security` would weaken the very page isolation the injection tests check.
 */
async function unpackBundled(): Promise<string | null> {
  let sp: typeof Bundled;
  try {
    sp = (await import('@sparticuz/chromium')).default;
  } catch {
    return null;
  }
  let path = await sp.executablePath();
  // The package reuses whatever file sits at its target path; one left half-written by a killed run never starts.
  if (!runs(path)) {
    rmSync(path, { force: true });
    path = await sp.executablePath();
    if (!runs(path)) throw new ChromiumNotFoundError(`@sparticuz/chromium unpacked ${path}, but it does not start. ${HOW_TO_PROVIDE}`);
  }
  return path;
}
