/**
 * Progress for long phases: says what is running, then every `everyMs` how long it has run so far, so a build
 * of many thousand events never looks stuck. Short phases print nothing extra. `stop` returns the elapsed time.
 */
export function startPhase(log: (line: string) => void, label: string, everyMs = 5000, now: () => number = () => performance.now()): { stop(): number } {
  const started = now();
  const timer = setInterval(() => log(`${label}… ${((now() - started) / 1000).toFixed(0)} s so far`), everyMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      return now() - started;
    },
  };
}

/** `0.42 s`, `12.3 s`, `2 min 5 s`. */
export function formatDuration(ms: number): string {
  const s = ms / 1000;
  if (s < 9.995) return `${s.toFixed(2)} s`;
  if (s < 59.95) return `${s.toFixed(1)} s`;
  const total = Math.round(s);
  return `${Math.floor(total / 60)} min ${total % 60} s`;
}
