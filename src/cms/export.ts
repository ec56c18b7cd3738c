import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { cmsConfig, type CmsBackend } from './config.ts';
import { readCmsInputs, sourcePassages } from './inputs.ts';
import { ADMIN_DIR, ADMIN_FILE_NAMES, decapBundle } from './routes.ts';

/** Decap's bundle, the chunks it loads and its WebAssembly; not its source maps, nor its second (`cms.js`) build. */
const DECAP_FILE = /^(?:\d+\.)?decap-cms\.js$|\.wasm$/;

/**
 * Writes the editor for a published site into `dir` (e.g. `_site/admin/`): the same page as the preview's, with
 * its configuration and the articles' passages as static files. Only with a GitHub backend: on a static host there
 * is no local backend to write to, and the check of an unsaved event needs the preview's server (on a published
 * site the pull request's CI run is the check).
 */
export async function exportAdmin(projectRoot: string, dir: string, backend: Extract<CmsBackend, { kind: 'github' }>, sitePrefix: string): Promise<number> {
  const { inputs, raw } = await readCmsInputs(projectRoot, backend);
  await mkdir(dir, { recursive: true });
  const files: [string, string][] = [
    ['config.json', JSON.stringify({ config: cmsConfig(inputs), sitePrefix, writable: false, passages: 'passages.json', check: false })],
    ['passages.json', JSON.stringify({ sources: sourcePassages(raw) })],
  ];
  for (const [name, text] of files) await writeFile(join(dir, name), text);
  for (const name of ADMIN_FILE_NAMES) await copyFile(join(ADMIN_DIR, name), join(dir, name));
  const decap = dirname(decapBundle());
  const bundle = (await readdir(decap)).filter((name) => DECAP_FILE.test(name));
  for (const name of bundle) await copyFile(join(decap, name), join(dir, name));
  return files.length + ADMIN_FILE_NAMES.length + bundle.length;
}
