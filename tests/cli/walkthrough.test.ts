import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempProject } from '../helpers/project.ts';

/**
 * The README's "add events from a new article" walk-through, run as written on a copy of the project: its shell
 * commands in order, the edited file exactly as the README shows it, and the outputs it quotes. Only `git` is
 * left out (the copy is no repository), and `npm start` gets `--port=0` so that tests can run side by side.
 */
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## Use: add events from a new article'), readme.indexOf('\n## ', readme.indexOf('## Use: add events from a new article') + 3));
/** Fenced blocks in order, with their language and text (indentation of the list removed). */
const blocks = [...section.matchAll(/^( *)```(\w+)\n([\s\S]*?)^\1```$/gm)].map((m) => ({
  lang: m[2]!,
  text: m[3]!
    .split('\n')
    .map((l) => l.slice(m[1]!.length))
    .join('\n')
    .trimEnd(),
}));
const commands = blocks.filter((b) => b.lang === 'sh').flatMap((b) => b.text.split('\n'));
const outputs = blocks.filter((b) => b.lang === 'text').map((b) => b.text);
const edited = blocks.find((b) => b.lang === 'markdown')!.text;

let project: string;
beforeAll(async () => {
  project = await tempProject();
});
afterAll(() => rm(project, { recursive: true, force: true }));

const sh = (command: string) => spawnSync('sh', ['-c', command], { cwd: project, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: '' }, timeout: 120_000 });
/** Lines of a quoted output, without the `…` that stand for lines left out. */
const quoted = (text: string) => text.split('\n').filter((l) => l.trim() !== '…');

describe('README walk-through: add events from a new article', () => {
  it('has the commands, outputs and edited file the test follows', () => {
    expect(commands).toHaveLength(7);
    expect(commands[0]).toMatch(/^npm run extract -- content\/sources\/[a-z0-9-]+\.md$/);
    expect(commands[1]).toBe(`${commands[0]} --out`);
    expect(commands[2]).toMatch(/^mv drafts\/[a-z0-9-]+\/[a-z0-9-]+\.md content\/events\/[a-z0-9-]+\.md$/);
    expect(commands[3]).toMatch(/^npm run check -- content\/events\/[a-z0-9-]+\.md$/);
    expect(commands[4]).toBe('npm start');
    expect(commands.slice(5).every((c) => c.startsWith('git '))).toBe(true);
    expect(outputs).toHaveLength(2);
    expect(edited).toMatch(/^---\ntitle: /);
  });

  it('works exactly as written', async () => {
    const [extract, extractOut, move, check, start] = commands as [string, string, string, string, string];

    // 2. Drafts on the terminal: every line the README quotes, in order.
    const drafts = sh(extract);
    expect(drafts.status).toBe(0);
    let at = 0;
    for (const line of quoted(outputs[0]!)) {
      const found = drafts.stdout.indexOf(line, at);
      expect(found, line).toBeGreaterThanOrEqual(0);
      at = found + line.length;
    }

    // 3. Drafts as files, and the one kept moved into content/events/.
    expect(sh(extractOut).status).toBe(0);
    const moved = sh(move);
    expect(moved.status, moved.stderr).toBe(0);

    // 4. The edit: the file as the README shows it.
    const target = /content\/events\/[a-z0-9-]+\.md/.exec(move)![0];
    await writeFile(join(project, target), `${edited}\n`);

    // 5. The check and its output, exactly.
    const checked = sh(check);
    expect(checked.status).toBe(0);
    expect(checked.stdout).toContain(`${outputs[1]}\n`);

    // 6. The preview serves the new event.
    const id = target.replace(/^content\/events\/|\.md$/g, '');
    const preview = spawn('sh', ['-c', `exec ${start} -- --port=0`], { cwd: project, env: { ...process.env, NO_COLOR: '1', CI: '' } });
    let out = '';
    preview.stdout.on('data', (d) => (out += d));
    try {
      const end = Date.now() + 60_000;
      while (!/Preview: http:\/\/127\.0\.0\.1:\d+\//.test(out)) {
        if (Date.now() > end || preview.exitCode !== null) throw new Error(`no preview:\n${out}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      const port = /Preview: http:\/\/127\.0\.0\.1:(\d+)\//.exec(out)![1];
      const res = await fetch(`http://127.0.0.1:${port}/events/${id}/`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain(`<h1>${/^title: "(.*)"$/m.exec(edited)![1]}</h1>`);
    } finally {
      const exited = new Promise((r) => preview.once('exit', r));
      preview.kill('SIGTERM');
      await exited;
    }
  });
});
