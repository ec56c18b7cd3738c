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
    expect(fromCi).toEqual(['ci', 'run typecheck', 'run lint', 'test', 'run build', 'run verify']);
    expect(fromWorkflow).toEqual(fromCi);
  });

  it('names only scripts that package.json defines', () => {
    const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;
    for (const command of npmCommands(ciRun)) {
      if (command.startsWith('run ')) expect(scripts).toHaveProperty(command.slice(4));
    }
  });
});
