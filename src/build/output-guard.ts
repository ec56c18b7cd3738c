import { existsSync, lstatSync, readdirSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/**
 * A build replaces its output folder wholesale, so the folder it is pointed at must be one it may delete.
 * Every site a build writes holds this marker file; an existing folder without it is someone else's.
 */
export const OUTPUT_MARKER = '.news-timeline';
export const OUTPUT_MARKER_TEXT = 'This folder was written by news-timeline\'s build, which replaces it whole on the next build.\n';

/** Top-level folders of the project that hold sources or tools: never an output, nor anything inside them. */
export const SOURCE_FOLDERS = ['content', 'templates', 'src', 'tests', 'bench', 'node_modules', '.git', 'drafts', 'scripts', 'docs', '.github'] as const;

/** The output folder given is one the build must not replace; nothing has been touched. */
export class OutputRefusedError extends Error {
  override name = 'OutputRefusedError';
}

export const inside = (parent: string, child: string) => {
  const rel = relative(parent, child);
  // `..site` is a name inside `parent`; only `..` itself or `../…` leads above it.
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
};

/** The real path of `path` as far as it exists, with the rest appended: a link anywhere on the way is followed. */
export function realish(path: string): string {
  const missing: string[] = [];
  let at = path;
  while (!existsSync(at)) {
    const up = dirname(at);
    if (up === at) break;
    missing.unshift(basename(at));
    at = up;
  }
  return join(realpathSync(at), ...missing);
}

/**
 * Why the build may not write `outputDir`, or null if it may. Pure path rules first (the project, an ancestor
 * of it, a source folder or inside one), then what is on disk: a link, a file, or a non-empty folder without
 * the marker. Links are checked before they are followed, then the real path is checked again.
 */
export function outputProblem(projectRoot: string, outputDir: string, shown = outputDir): string | null {
  const root = realpathSync(resolve(projectRoot));
  const given = resolve(projectRoot, outputDir);
  const ruled = (target: string): string | null => {
    if (inside(target, root)) {
      return target === root
        ? `--output=${shown} is the project folder itself; building there would delete your content.`
        : `--output=${shown} contains the project folder; building there would delete it.`;
    }
    for (const name of SOURCE_FOLDERS) {
      if (inside(join(root, name), target)) return `--output=${shown} is ${name}/ of the project or inside it; a build replaces its output whole.`;
    }
    return null;
  };
  const byName = ruled(given);
  if (byName) return byName;
  let stat;
  try {
    stat = lstatSync(given);
  } catch {
    stat = null;
  }
  if (stat?.isSymbolicLink()) return `--output=${shown} is a symbolic link; give the real folder instead.`;
  const real = realish(given);
  const byRealPath = ruled(real);
  if (byRealPath) return byRealPath;
  if (!stat) return null;
  if (!stat.isDirectory()) return `--output=${shown} is a file, not a folder.`;
  const names = readdirSync(given);
  if (names.length > 0 && !names.includes(OUTPUT_MARKER)) {
    return `--output=${shown} already exists and was not made by a build (it has no ${OUTPUT_MARKER} file), so it will not be replaced. Choose another folder, or empty it first.`;
  }
  return null;
}

/** Throws OutputRefusedError with the reason, or returns. */
export function assertOutputAllowed(projectRoot: string, outputDir: string, shown = outputDir): void {
  const problem = outputProblem(projectRoot, outputDir, shown);
  if (problem) throw new OutputRefusedError(`${problem} Nothing was written.`);
}
