// Preloaded with `node --import` where /usr/bin/time is missing: writes this process's peak resident set size,
// in kilobytes (as /usr/bin/time -f %M does), to the file named by BENCH_RSS_FILE when the process exits.
// Plain JavaScript, so it also loads into the baseline's Eleventy process, which runs without tsx.
import { writeFileSync } from 'node:fs';
import process from 'node:process';

const file = process.env.BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, `${process.resourceUsage().maxRSS}\n`));
