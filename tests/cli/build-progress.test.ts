import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/project.ts';

/** A build says what it did and how long it took, reports progress in long phases, and is silent in CI or with --quiet. */
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nt-progress-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const withoutBenchmarks = (s: string) => s.replace(/^\[11ty\] Benchmark .*\n/gm, '');

describe('build output', () => {
  it('prints what it validated and wrote, with timings', () => {
    const out = join(dir, 'plain');
    const run = runCli('build.ts', [`--output=${out}`], undefined, { CI: '', BUILD_PROGRESS_EVERY_MS: '600000' });
    expect(run.status).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Validated \d+ events and \d+ sources in \d+\.\d\d s\.$/);
    expect(lines[1]).toMatch(/^Rendered \d+ Markdown bod(?:y|ies); \d+ came from the cache\.$/);
    expect(lines[2]).toMatch(/^Drew \d+ share cards?; \d+ came from the cache\.$/);
    expect(lines.at(-1)).toMatch(new RegExp(`^Wrote \\d+ files to ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/ in \\d+(?:\\.\\d+)? s\\.$`));
    expect(lines).toHaveLength(4);
  });

  it('reports a long phase while it runs', () => {
    // Progress lines come every 5 s; here every 50 ms, so that a short build shows them.
    const run = runCli('build.ts', [`--output=${join(dir, 'progress')}`], undefined, { CI: '', BUILD_PROGRESS_EVERY_MS: '50' });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Rendering \d+ events and indexing them for search… \d+ s so far$/m);
  });

  it.each<[string, string[], NodeJS.ProcessEnv]>([
    ['in CI (CI=true)', [], { CI: 'true', BUILD_PROGRESS_EVERY_MS: '50' }],
    ['with --quiet', ['--quiet'], { CI: '', BUILD_PROGRESS_EVERY_MS: '50' }],
  ])('prints nothing %s', (_, args, env) => {
    const run = runCli('build.ts', [`--output=${join(dir, 'quiet')}`, ...args], undefined, env);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(withoutBenchmarks(run.stderr)).toBe('');
  });
});
