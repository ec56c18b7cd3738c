/**
 * What the benchmark reads from a finished child process: peak RSS and CPU time, as `/usr/bin/time -f '%M %U %S'`
 * writes them (or bench/rss.mjs, in the same form, where /usr/bin/time is missing), and how several steps of one
 * build add up. Pure, so that the arithmetic is tested apart from any timing.
 */

/** The format given to /usr/bin/time: peak RSS in KB, then user and system CPU seconds. */
export const TIME_FORMAT = '%M %U %S';

export interface Usage {
  /** Peak resident set size in MB, or null where it was not measured. */
  rssMb: number | null;
  /** User + system CPU seconds of the process and the children it waited for, or null. */
  cpuS: number | null;
}

/** The last line of a TIME_FORMAT file (/usr/bin/time puts a failed command's status line before it). */
export function parseUsage(text: string): Usage {
  const fields = text.trim().split('\n').at(-1)?.trim().split(/\s+/).map(Number) ?? [];
  const [kb, user, sys] = fields;
  const ok = (n: number | undefined): n is number => n !== undefined && Number.isFinite(n) && n >= 0;
  return {
    rssMb: ok(kb) && kb > 0 ? kb / 1024 : null,
    cpuS: fields.length === 3 && ok(user) && ok(sys) ? user + sys : null,
  };
}

/** Pagefind's count of the pages it indexed (`Indexed 10001 pages`), or null if it printed none. */
export function indexedPages(stdout: string): number | null {
  const match = /^\s*Indexed (\d+) pages?$/m.exec(stdout);
  return match ? Number(match[1]) : null;
}

export interface Step extends Usage {
  seconds: number;
}

/**
 * Steps run one after the other as one build (Eleventy, then Pagefind over its output): times and CPU add up,
 * the peak RSS is the largest step's (they never run at once). Unknown if any step's is unknown.
 */
export function inSequence(steps: readonly Step[]): Step {
  const all = <K extends 'rssMb' | 'cpuS'>(key: K) => (steps.every((s) => s[key] !== null) ? steps.map((s) => s[key]!) : null);
  const rss = all('rssMb');
  const cpu = all('cpuS');
  return {
    seconds: steps.reduce((sum, s) => sum + s.seconds, 0),
    rssMb: rss ? Math.max(...rss) : null,
    cpuS: cpu ? cpu.reduce((a, b) => a + b, 0) : null,
  };
}
