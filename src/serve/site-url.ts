import { loadLists } from '../validate/lists.ts';

/** `url` from content/site.yml, or undefined when it cannot be read or is invalid (the build reports why). */
export async function readSiteUrl(projectRoot: string): Promise<string | undefined> {
  return loadLists(projectRoot, ['site']).lists.site.url ?? undefined;
}
