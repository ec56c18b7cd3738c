import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/diagnostics/catalog.ts';
import { ROOT } from '../helpers/project.ts';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;

describe('README', () => {
  it('names only npm scripts that exist', () => {
    const named = [...readme.matchAll(/npm (?:run )?([a-z:]+)/g)].map((m) => m[1]!).filter((n) => !['ci', 'run', 'help'].includes(n));
    expect(named.length).toBeGreaterThan(3);
    for (const name of new Set(named)) expect(scripts, name).toHaveProperty(name);
  });

  it('names only paths that exist', () => {
    const paths = [...readme.matchAll(/`((?:content|src|templates|tests|\.ci)\/[^`*<>\s]*)`/g)].map((m) => m[1]!);
    expect(paths.length).toBeGreaterThan(5);
    for (const path of new Set(paths)) expect(existsSync(join(ROOT, path)), path).toBe(true);
  });

  it('documents every rule in the catalog', () => {
    for (const id of Object.keys(RULES)) expect(readme, id).toContain(`| \`${id}\` |`);
  });

  it('keeps the set-up to the two commands CI runs', () => {
    expect(readme).toContain('npm ci && npm start');
    expect(readFileSync(join(ROOT, '.ci/run'), 'utf8')).toContain('npm test');
  });
});
