import { lstatSync, readdirSync, watch, type FSWatcher } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Editor droppings that are not content: Vim swap files and its `4913` probe, Emacs locks and backups. */
const IGNORED = /(?:^|\/)(?:\.#[^/]*|#[^/]*#|[^/]*~|[^/]*\.sw[px]|4913|\.DS_Store)$/;

/**
 * Watches folders and every folder inside them, and calls `onChange` once per burst of changes (an editor's save
 * often writes, renames and touches several files), with the project-relative paths that changed and are
 * `relevant`.
 *
 * Each folder gets its own non-recursive watch: Node 20's `recursive` watch on Linux watches files, and loses a
 * file for good once an editor saves it by writing a new file and renaming it over the old one (as `sed -i`,
 * Vim and JetBrains editors do). A folder's watch sees those renames. Folders created later are watched too.
 *
 * Links to folders are never followed: `content/x -> /usr` would otherwise add a watch for each of its thousands of
 * folders, held after the link is gone. chokidar 4 (with `followSymlinks: false`) would do this too, but it is
 * installed only inside @11ty/chokidar-with-glob-support's own node_modules, not as a package we can import.
 */
export function watchFolders(
  projectRoot: string,
  folders: readonly string[],
  onChange: (paths: string[]) => void,
  relevant: (path: string) => boolean = () => true,
  quietMs = 120,
): () => void {
  const changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const watchers = new Map<string, FSWatcher>();

  const add = (dir: string) => {
    if (watchers.has(dir)) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(dir, (_event, name) => {
        const path = relative(projectRoot, name ? join(dir, String(name)) : dir).split(sep).join('/');
        if (name && isDirectory(join(dir, String(name)))) addTree(join(dir, String(name)));
        if (IGNORED.test(path) || !relevant(path)) return;
        changed.add(path);
        clearTimeout(timer);
        timer = setTimeout(() => {
          const paths = [...changed].sort();
          changed.clear();
          onChange(paths);
        }, quietMs);
      });
    } catch {
      return;
    }
    // A watched folder that is deleted ends its watch.
    watcher.on('error', () => {
      watcher.close();
      watchers.delete(dir);
    });
    watchers.set(dir, watcher);
  };

  const addTree = (dir: string) => {
    add(dir);
    let entries: string[];
    try {
      entries = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name);
    } catch {
      return;
    }
    for (const name of entries) addTree(join(dir, name));
  };

  for (const folder of folders) addTree(join(projectRoot, folder));
  return () => {
    clearTimeout(timer);
    for (const w of watchers.values()) w.close();
    watchers.clear();
  };
}

/** A real folder, not a link to one. */
function isDirectory(path: string): boolean {
  try {
    return lstatSync(path).isDirectory();
  } catch {
    return false;
  }
}
