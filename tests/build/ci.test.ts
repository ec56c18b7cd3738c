import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers/project.ts';

/** `npm ci`, `npm test`, `npm run build` … in the order they appear. */
function npmCommands(text: string): string[] {
  return [...text.matchAll(/\bnpm (ci|test|run [a-z:-]+)/g)].map((m) => m[1]!);
}

const ciRun = readFileSync(join(ROOT, '.ci/run'), 'utf8');
const workflowText = readFileSync(join(ROOT, '.github/workflows/site.yml'), 'utf8');

describe('the GitHub workflow and .ci/run', () => {
  it('parses as YAML with a check job and a Pages deploy job', () => {
    const workflow = parse(workflowText) as { on: object; jobs: Record<string, { steps: { uses?: string; run?: string }[] }> };
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
    const uses = Object.values(workflow.jobs).flatMap((j) => j.steps.map((s) => s.uses ?? ''));
    expect(uses.some((u) => u.startsWith('actions/upload-pages-artifact@'))).toBe(true);
    expect(uses.some((u) => u.startsWith('actions/deploy-pages@'))).toBe(true);
  });

  it('run the same npm scripts in the same order, so they cannot drift', () => {
    const workflow = parse(workflowText) as { jobs: { check: { steps: { run?: string }[] } } };
    const fromWorkflow = npmCommands(workflow.jobs.check.steps.map((s) => s.run ?? '').join('\n'));
    const fromCi = npmCommands(ciRun.split('\n').filter((l) => l.startsWith('run ')).map((l) => l.replace(/^run "[^"]*" /, '')).join('\n'));
    expect(fromCi).toEqual(['ci', 'run typecheck', 'run lint', 'test', 'run test:java', 'run build', 'run verify']);
    expect(fromWorkflow).toEqual(fromCi);
  });

  it('names only scripts that package.json defines', () => {
    const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;
    for (const command of npmCommands(ciRun)) {
      if (command.startsWith('run ')) expect(scripts).toHaveProperty(command.slice(4));
    }
  });

  it('install no browser and pin none: the tests find one through src/verify/chromium.ts', () => {
    for (const [name, text] of [['.ci/run', ciRun], ['site.yml', workflowText]] as const) {
      expect(text, name).not.toMatch(/apt-get install[^\n]*chrom/i);
      expect(text, name).not.toMatch(/CHROMIUM_PATH\s*[:=]/);
      expect(text, name).not.toMatch(/playwright install/);
    }
    const devDependencies = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).devDependencies as Record<string, string>;
    expect(devDependencies).toHaveProperty('@sparticuz/chromium');
  });

  it('give Java to the Nu HTML Checker, which npm test itself never needs', () => {
    expect(ciRun).toMatch(/command -v java[^\n]*\n[^\n]*apt-get install[^\n]*default-jre-headless/);
    const workflow = parse(workflowText) as { jobs: { check: { steps: { uses?: string }[] } } };
    expect(workflow.jobs.check.steps.some((s) => s.uses?.startsWith('actions/setup-java@'))).toBe(true);
    const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;
    // A bare `vitest run` would run every project, the Java one included: npm test names the four it needs.
    const [vitest, ...rest] = scripts.test!.split(' && ');
    expect([...vitest!.matchAll(/--project (\S+)/g)].map((m) => m[1])).toEqual(['unit', 'build', 'cli', 'browser']);
    expect(rest).toEqual(['npm run test:tz']);
    expect(scripts['test:tz']).toBe('TZ=America/Los_Angeles vitest run --project unit');
    for (const tier of ['unit', 'build', 'cli', 'browser', 'java']) expect(scripts[`test:${tier}`]).toBe(`vitest run --project ${tier}`);
  });
});
