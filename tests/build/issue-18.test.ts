import { request } from 'node:http';
import { connect } from 'node:net';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { startServer, type PreviewServer } from '../../src/serve/server.ts';
import { serveStatic } from '../../src/verify/static-server.ts';
import { specialTemplateFiles } from '../../src/pipeline.ts';

/**
 * Issue 18: the preview and the test server must serve the built site and nothing else, to this machine only
 * unless told otherwise, and never redirect off the site.
 */
let dir: string;
let site: string;
let server: PreviewServer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nt-issue18-'));
  site = join(dir, '_site');
  await mkdir(join(site, 'events/blockade'), { recursive: true });
  await mkdir(join(site, 'assets'), { recursive: true });
  await writeFile(join(site, 'events/blockade/index.html'), '<html><body><h1>Blockade</h1></body></html>');
  await writeFile(join(site, '404.html'), '<html><body>Not here</body></html>');
  await writeFile(join(dir, 'secret.txt'), 'outside the site');
  await symlink(dir, join(site, 'assets/out-dir'));
  await symlink(join(dir, 'secret.txt'), join(site, 'assets/out-file'));
  server = await startServer({ root: () => site, prefix: () => '/news-timeline/', port: 0 });
});

afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

const get = (path: string, base = server.url.replace(/\/news-timeline\/$/, '')) => fetch(`${base}${path}`, { redirect: 'manual' });

describe('the preview server', () => {
  it('serves pages under the path prefix and redirects the bare root to it', async () => {
    const res = await get('/news-timeline/events/blockade/');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<h1>Blockade</h1>');
    const root = await get('/');
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/news-timeline/');
    expect((await get('/events/blockade/')).status).toBe(404);
  });

  it('injects the live-reload client into pages and sends reload and problem notices to open pages', async () => {
    expect(await (await get('/news-timeline/events/blockade/')).text()).toContain('<script src="/__preview/client.js" defer></script></body>');
    const stop = new AbortController();
    const res = await fetch(`${server.url.replace(/\/news-timeline\/$/, '')}/__preview/events`, { signal: stop.signal });
    const reader = res.body!.getReader();
    onTestFinished(() => stop.abort());
    const decoder = new TextDecoder();
    let seen = '';
    const until = async (text: string) => {
      while (!seen.includes(text)) {
        const { done, value } = await reader.read();
        if (done) throw new Error(`The event stream ended before ${text}; it sent:\n${seen}`);
        seen += decoder.decode(value);
      }
    };
    await until(': connected');
    server.problem('date: `2022-13` has no month 13');
    await until('event: problem\ndata: "date: `2022-13` has no month 13"');
    server.reload();
    await until('event: reload');
  });

  it.each([
    ['a symlinked folder that leads out of the site', '/news-timeline/assets/out-dir/secret.txt'],
    ['a symlinked file that leads out of the site', '/news-timeline/assets/out-file'],
    ['an encoded ../', '/news-timeline/..%2Fsecret.txt'],
    ['an encoded ../ after a folder', '/news-timeline/events/..%2F..%2Fsecret.txt'],
  ])('does not serve %s', async (_, path) => {
    const res = await get(path);
    expect([403, 404]).toContain(res.status);
    expect(await res.text()).not.toContain('outside the site');
  });

  it.each([
    ['/news-timeline/%2Fevents', '/news-timeline/events/'],
    ['/news-timeline//events', '/news-timeline/events/'],
    ['/news-timeline/%2F%2Fevents', '/news-timeline/events/'],
    ['/news-timeline/events', '/news-timeline/events/'],
  ])('redirects %s to a path on this site, %s', async (path, location) => {
    const res = await get(path);
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe(location);
  });

  // DNS rebinding: a page on attacker.example, its name now resolving to 127.0.0.1, would read the preview's
  // unpublished pages as its own. Its requests name attacker.example as their Host.
  it('answers only requests addressed to this machine by name or address', async () => {
    const withHost = (host: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: server.port, path: '/news-timeline/events/blockade/', headers: { host } }, (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject);
        req.end();
      });
    for (const host of [`127.0.0.1:${server.port}`, `localhost:${server.port}`, 'localhost']) expect((await withHost(host)).status, host).toBe(200);
    for (const host of [`attacker.example:${server.port}`, 'attacker.example', '127.0.0.1.attacker.example']) {
      const res = await withHost(host);
      expect(res.status, host).toBe(421);
      expect(res.body, host).not.toContain('Blockade');
    }
  });

  it('listens on 127.0.0.1 only, unless given another host', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/news-timeline\/$/);
    const others = Object.values(networkInterfaces()).flat().map((a) => a!.address).filter((a) => a !== '127.0.0.1');
    expect(others.length).toBeGreaterThan(0);
    for (const address of others) expect(await reachable(address, server.port), address).toBe(false);
    const everywhere = await startServer({ root: () => site, prefix: () => '/', port: 0, host: '::' });
    try {
      // The same probe reaches a server that listens on every interface: it can tell the two apart.
      for (const address of others.filter((a) => !a.startsWith('fe80'))) expect(await reachable(address, everywhere.port), address).toBe(true);
    } finally {
      await everywhere.close();
    }
  });
});

describe('the test server (verify and the browser tests)', () => {
  it('serves the site without the live-reload client, and nothing a link leads to outside it', async () => {
    const plain = await serveStatic(site, '/news-timeline/');
    try {
      const page = await fetch(`${plain.url}events/blockade/`);
      expect(page.status).toBe(200);
      expect(await page.text()).not.toContain('__preview');
      expect((await fetch(`${plain.url}__preview/client.js`)).status).toBe(404);
      const out = await fetch(`${plain.url}assets/out-file`);
      expect(out.status).toBe(404);
      expect(await out.text()).not.toContain('outside the site');
    } finally {
      await plain.close();
    }
  });
});

describe('templates/', () => {
  it('reports a symlink or FIFO inside it as an error naming the file', async () => {
    const project = await mkdtemp(join(tmpdir(), 'nt-issue18-templates-'));
    try {
      await mkdir(join(project, 'templates/assets'), { recursive: true });
      await writeFile(join(project, 'templates/assets/style.css'), 'body{}');
      expect(await specialTemplateFiles(project)).toEqual([]);
      await symlink('/etc', join(project, 'templates/assets/etc-dir'));
      const found = await specialTemplateFiles(project);
      expect(found.map((d) => [d.file, d.ruleId, d.severity, d.message])).toEqual([
        ['templates/assets/etc-dir', 'file/special', 'error', '`templates/assets/etc-dir` is a symbolic link; the site is built only from regular files and folders.'],
      ]);
    } finally {
      await rm(project, { recursive: true, force: true });
    }
  });
});

function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 2000 });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}
