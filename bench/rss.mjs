// Preloaded with `node --import` where /usr/bin/time is missing: writes this process's peak resident set size in
// kilobytes and its user and system CPU seconds (as /usr/bin/time -f '%M %U %S' does, bench/measure.ts) to the file
// named by BENCH_RSS_FILE when the process exits. Unlike /usr/bin/time, it counts this process alone, not the
// programs it starts (Pagefind's indexer). Plain JavaScript, so it also loads into the baseline's Eleventy process,
// which runs without tsx.
import { writeFileSync } from 'node:fs';
import process from 'node:process';

const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(file, `${usage.maxRSS} ${usage.userCPUTime / 1e6} ${usage.systemCPUTime / 1e6}\n`);
  });
}
