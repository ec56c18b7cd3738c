// A worker that stays alive and never answers (tests/unit/markdown-parallel.test.ts).
import { setInterval } from 'node:timers';

setInterval(() => {}, 1000);
