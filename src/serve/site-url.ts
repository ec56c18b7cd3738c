import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseYaml } from '../load/yaml.ts';

/** `url` from content/site.yml, or undefined when it cannot be read (the build reports why). */
export async function readSiteUrl(projectRoot: string): Promise<string | undefined> {
  try {
    const value = parseYaml(await readFile(join(projectRoot, 'content', 'site.yml'), 'utf8')).value as { url?: unknown };
    return typeof value.url === 'string' ? value.url : undefined;
  } catch {
    return undefined;
  }
}
