/**
 * The Eleventy internals we rely on, which have no public API. Each says what breaks if Eleventy changes it; all
 * of them degrade rather than throw.
 */

interface Emitter {
  emit(event: string, ...args: unknown[]): unknown;
}

/**
 * Eleventy's process-wide event bus, through which its watcher clears the caches of compiled templates and layouts.
 * Not among the package's exports, hence the file URL. If it moves or changes shape this returns null, and the
 * preview asks to be restarted to see template edits.
 */
export async function eleventyEventBus(): Promise<Emitter | null> {
  try {
    const bus = ((await import(new URL('./EventBus.js', import.meta.resolve('@11ty/eleventy')).href)) as { default?: Emitter }).default;
    return typeof bus?.emit === 'function' ? bus : null;
  } catch {
    return null;
  }
}

/**
 * Keeps Eleventy's own output out of a quiet build: its forced "Wrote N files" line (our summary replaces it) and
 * its "[11ty] Benchmark …" timing notes, which come as warnings on a slow machine and through benchmark loggers
 * that quiet mode does not reach. Errors still go to stderr. Uses `eleventy.logger.overrideLogger` and the user
 * config's `benchmarks`; if either goes, a quiet build prints those lines again and nothing else changes.
 */
export function quietEleventy(eleventy: object): void {
  const logger = (eleventy as { logger?: { overrideLogger?(l: Partial<Console>): void } }).logger;
  logger?.overrideLogger?.({
    log: () => {},
    info: () => {},
    warn: (...args: unknown[]) => {
      if (!args.some((a) => typeof a === 'string' && a.includes('Benchmark'))) console.warn(...args);
    },
    error: (...args: unknown[]) => console.error(...args),
  });
}

/** See quietEleventy: the benchmark loggers of a user config, silenced. */
export function quietBenchmarks(config: object): void {
  const groups = (config as { benchmarks?: Record<string, { setIsVerbose?(verbose: boolean): void }> }).benchmarks;
  for (const group of Object.values(groups ?? {})) group.setIsVerbose?.(false);
}
