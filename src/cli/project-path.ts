import { lstatSync, realpathSync, statSync } from 'node:fs';
import { inside, realish } from '../build/output-guard.ts';
import { UsageError } from './args.ts';

/** The largest article `npm run extract` reads: far above any news article, small enough to read in a second or two. */
export const MAX_ARTICLE_BYTES = 1024 * 1024;

/**
 * Refuses a path the commands would write: a symbolic link (even a dangling one, which a write would follow),
 * or a place whose real path, links on the way followed, is outside the project.
 */
export function assertWritableInProject(root: string, path: string, shown: string): void {
  let link = false;
  try {
    link = lstatSync(path).isSymbolicLink();
  } catch {
    // not there yet: fine
  }
  if (link) throw new UsageError(`${shown} is a symbolic link, so nothing was written; the commands never write through links. Remove it first.`);
  if (!inside(realpathSync(root), realish(path))) throw new UsageError(`${shown} leads outside the project (a folder on the way is a link), so nothing was written.`);
}

/** Refuses anything but a regular file inside the project, at most MAX_ARTICLE_BYTES long. */
export function assertReadableArticle(root: string, path: string, shown: string): void {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new UsageError(`There is no file ${shown}.`);
  }
  if (!inside(realpathSync(root), realpathSync(path))) throw new UsageError(`${shown} is outside the project; give an article inside it, e.g. content/sources/<id>.md.`);
  if (stat.isDirectory()) throw new UsageError(`${shown} is a folder; give one article file, e.g. content/sources/<id>.md.`);
  if (!stat.isFile()) throw new UsageError(`${shown} is not a regular file (a pipe or a device), so it was not read.`);
  if (stat.size > MAX_ARTICLE_BYTES) {
    throw new UsageError(`${shown} is ${stat.size} bytes long; npm run extract reads articles of at most ${MAX_ARTICLE_BYTES} bytes (1 MiB). Split it into parts.`);
  }
}
