import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, type Dirent, type Stats } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { makeDiagnostic } from '../diagnostics/make.ts';
import { splitFrontMatter, type FrontMatterFile } from './front-matter.ts';
import { decodeUtf8, explainEncoding } from './read.ts';
import { parseYaml, repeatedTopLevelKeys, YamlSyntaxError, type ParsedYaml } from './yaml.ts';

export interface DataFile {
  file: string;
  yaml: ParsedYaml;
}

/** Everything in `content/`, split and parsed but not yet validated. */
export interface RawContent {
  root: string;
  site: DataFile | null;
  categories: DataFile | null;
  actors: DataFile | null;
  places: DataFile | null;
  /** `content/style.yml`, the house-style settings; optional. */
  style: DataFile | null;
  sources: FrontMatterFile[];
  events: FrontMatterFile[];
}

/**
 * Larger than any article or event could be (the longest seed article is under 10 kB): a runaway paste, a
 * pasted PDF or the wrong file. The size is checked before the file is read, so a huge file costs nothing.
 */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

export const DATA_FILES = ['site', 'categories', 'actors', 'places'] as const;

/** Reads `content/`; problems reading or parsing any file become diagnostics, never exceptions. */
export async function loadContent(contentDir: string, projectRoot: string): Promise<{ raw: RawContent; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const rel = (path: string) => relative(projectRoot, path).split(sep).join('/');
  const realRoot = realpathSync(projectRoot);

  const readData = async (name: string, required = true): Promise<DataFile | null> =>
    readDataFile(join(contentDir, `${name}.yml`), rel, diagnostics, { required, realRoot });

  const readFolder = async (folder: string, required: boolean): Promise<FrontMatterFile[]> => {
    const dir = join(contentDir, folder);
    const listed = await listFolder(dir, rel, realRoot, required);
    if ('ruleId' in listed) {
      diagnostics.push(listed);
      return [];
    }
    diagnostics.push(...listed.skipped);
    const files = listed.names.map(({ name, link }) =>
      // A listed regular file's real path is its folder's, already checked; only a link needs resolving.
      readFrontMatterFile(join(dir, name), rel, diagnostics, { realRoot, realPath: link ? undefined : join(listed.realDir, name) }),
    );
    return files.filter((f): f is FrontMatterFile => f !== null);
  };

  const [site, categories, actors, places, style, sources, events] = await Promise.all([
    readData('site'),
    readData('categories'),
    readData('actors'),
    readData('places'),
    readData('style', false),
    readFolder('sources', false),
    readFolder('events', true),
  ]);
  return { raw: { root: projectRoot, site, categories, actors, places, style, sources, events }, diagnostics };
}

/**
 * Reads and parses one data file (`content/<name>.yml`). In actors.yml, places.yml and categories.yml the
 * top-level keys are ids: a repeated one is reported as a duplicate id, and the file is read on (the later entry
 * wins) so that references to its other ids do not all turn into errors too.
 */
export function readDataFile(path: string, rel: (path: string) => string, diagnostics: Diagnostic[], options: ReadOptions): DataFile | null {
  const text = readText(path, rel, diagnostics, options);
  if (text === undefined) return null;
  try {
    return { file: rel(path), yaml: parseYaml(text) };
  } catch (error) {
    if (!(error instanceof YamlSyntaxError)) throw error;
    if (error.duplicate && error.position.column === 1 && basename(path) !== 'site.yml') {
      let lenient: ParsedYaml | null = null;
      try {
        lenient = parseYaml(text, 0, { allowDuplicateKeys: true });
      } catch {
        lenient = null;
      }
      if (lenient) {
        for (const { key, line, firstLine } of repeatedTopLevelKeys(text)) {
          diagnostics.push(
            makeDiagnostic('id/duplicate', rel(path), { line, column: 1 }, {
              field: key,
              message: `Duplicate id \`${key}\`, first defined on line ${firstLine}.`,
              expected: 'each id once per file',
              related: { file: rel(path), line: firstLine },
            }),
          );
        }
        return { file: rel(path), yaml: lenient };
      }
    }
    diagnostics.push(makeDiagnostic('file/yaml-syntax', rel(path), error.position, { message: `The file is not valid YAML: ${error.message}` }));
    return null;
  }
}

/** Reading rules for one file: whether it must exist, and the project's real path it must stay inside. */
export interface ReadOptions {
  required?: boolean;
  /** The project root with its links resolved. */
  realRoot: string;
  /** The file's real path when already known (a regular file listed in a checked folder); resolved otherwise. */
  realPath?: string;
}

const isInside = (realRoot: string, realPath: string) => {
  const r = relative(realRoot, realPath);
  return r !== '' && !r.startsWith(`..${sep}`) && r !== '..' && !isAbsolute(r);
};

/** What a non-regular file is, in an editor's words (EISDIR kept for a folder: the code editors search for). */
function describeKind(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder (EISDIR), not a file';
  if (stats.isFIFO()) return 'a named pipe (FIFO), not a regular file';
  if (stats.isSocket()) return 'a socket, not a regular file';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device, not a regular file';
  return 'not a regular file';
}

/**
 * Reads synchronously: content files are small and, in CI and in an editor's checkout, already in the page cache,
 * where 10,000 synchronous reads take 0.1 s against 0.5 s through promise-based file handles.
 * Only regular files whose real path is inside the project are read: a link out of it (to /etc/passwd, say) or
 * a FIFO, socket or device is reported by name, and nothing of its contents reaches a message.
 */
function readText(path: string, rel: (path: string) => string, diagnostics: Diagnostic[], options: ReadOptions): string | undefined {
  let bytes: Uint8Array;
  try {
    const real = options.realPath ?? realpathSync(path);
    if (!isInside(options.realRoot, real)) {
      diagnostics.push(
        makeDiagnostic('file/outside-project', rel(path), { line: 0, column: 0 }, {
          message: 'The file is a link to a place outside the project; content is read only from files inside it.',
          expected: 'a file, or a link to one, inside the project',
        }),
      );
      return undefined;
    }
    // Non-blocking, so that opening a FIFO returns at once; fstat then refuses it.
    const fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK);
    let size: number;
    try {
      const stats = fstatSync(fd);
      if (!stats.isFile()) {
        diagnostics.push(
          makeDiagnostic('file/unreadable', rel(path), { line: 0, column: 0 }, {
            message: `The path is ${describeKind(stats)}.`,
            expected: 'a regular file',
            hint: 'Replace it with an ordinary file, or move it out of `content/`.',
          }),
        );
        return undefined;
      }
      size = stats.size;
      // One open file for the size check and the read: a huge file is never read.
      bytes = new Uint8Array(size > MAX_FILE_BYTES ? 0 : size);
      let read = 0;
      while (read < bytes.length) {
        const n = readSync(fd, bytes, read, bytes.length - read, read);
        if (n === 0) break;
        read += n;
      }
      if (read < bytes.length) bytes = bytes.subarray(0, read);
    } finally {
      closeSync(fd);
    }
    if (size > MAX_FILE_BYTES) {
      diagnostics.push(
        makeDiagnostic('file/too-large', rel(path), { line: 1, column: 1 }, {
          message: `The file is ${megabytes(size)}, over the ${megabytes(MAX_FILE_BYTES)} limit for one content file.`,
          expected: `a file under ${megabytes(MAX_FILE_BYTES)}`,
        }),
      );
      return undefined;
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      if (options.required) {
        diagnostics.push(
          makeDiagnostic('file/missing', rel(path), { line: 0, column: 0 }, { message: 'This file is required and was not found.' }),
        );
      }
      return undefined;
    }
    // Never drop a file silently: a file that exists but cannot be read fails the build.
    diagnostics.push(
      makeDiagnostic('file/unreadable', rel(path), { line: 0, column: 0 }, {
        message: `The file could not be read (${code ?? (error instanceof Error ? error.message : String(error))}).`,
      }),
    );
    return undefined;
  }
  const text = decodeUtf8(bytes);
  if (text === undefined) {
    const why = explainEncoding(bytes);
    diagnostics.push(
      makeDiagnostic('file/encoding', rel(path), why?.at ?? { line: 1, column: 1 }, {
        message: why
          ? `The file is not UTF-8 text: byte ${why.byte} here is not UTF-8. It was probably saved as ${why.likely}.`
          : 'The file is not valid UTF-8 text.',
        expected: 'UTF-8',
      }),
    );
    return undefined;
  }
  const nul = text.indexOf('\0');
  if (nul !== -1) {
    const before = text.slice(0, nul).split('\n');
    diagnostics.push(
      makeDiagnostic('file/encoding', rel(path), { line: before.length, column: before[before.length - 1]!.length + 1 }, {
        message: 'The file contains a NUL character: it is binary data or UTF-16, not UTF-8 text.',
        expected: 'UTF-8 text',
      }),
    );
    return undefined;
  }
  return text;
}

/** Names that look like event or source files but are not read: only `*.md`, exactly, is content. */
const LOOKS_LIKE_MARKDOWN = /\.(?:md|markdown|mdown|mkd|mkdn)\s*$/i;

/**
 * The `*.md` files of a content folder, sorted, with a warning for each name that looks like one but is skipped
 * (`x.MD`, `x.markdown`, `x.md `). A missing `required` folder, a path that is not a folder, or one that cannot be
 * listed is an error: otherwise the check passes on no content at all.
 */
async function listFolder(
  dir: string,
  rel: (path: string) => string,
  realRoot: string,
  required: boolean,
): Promise<{ names: { name: string; link: boolean }[]; skipped: Diagnostic[]; realDir: string } | Diagnostic> {
  let realDir: string;
  let entries: Dirent[];
  try {
    realDir = realpathSync(dir);
    if (!isInside(realRoot, realDir)) {
      return makeDiagnostic('file/outside-project', rel(dir), { line: 0, column: 0 }, {
        message: 'The folder is a link to a place outside the project; content is read only from inside it.',
        expected: 'a folder inside the project',
      });
    }
    entries = await readdir(realDir, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !required) return { names: [], skipped: [], realDir: dir };
    if (code === 'ENOENT') {
      return makeDiagnostic('file/missing', rel(dir), { line: 0, column: 0 }, { message: 'This folder is required and was not found: it holds one Markdown file per event.' });
    }
    const what = code === 'ENOTDIR' ? 'The path is a file, not a folder (ENOTDIR).' : `The folder could not be read (${code ?? String(error)}).`;
    return makeDiagnostic('file/unreadable', rel(dir), { line: 0, column: 0 }, { message: what, expected: 'a folder' });
  }
  const names: { name: string; link: boolean }[] = [];
  const skipped: Diagnostic[] = [];
  for (const entry of entries) {
    if (entry.name.endsWith('.md')) names.push({ name: entry.name, link: !entry.isFile() });
    else if (LOOKS_LIKE_MARKDOWN.test(entry.name)) {
      skipped.push(
        makeDiagnostic('file/skipped', rel(join(dir, entry.name)), { line: 0, column: 0 }, {
          message: `\`${entry.name}\` looks like a content file but is not read: only names ending in \`.md\` (lowercase, nothing after it) are.`,
          expected: 'a name ending in `.md`',
        }),
      );
    }
  }
  names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { names, skipped, realDir };
}

function readFrontMatterFile(path: string, rel: (path: string) => string, diagnostics: Diagnostic[], options: ReadOptions): FrontMatterFile | null {
  const text = readText(path, rel, diagnostics, options);
  if (text === undefined) return null;
  const split = splitFrontMatter(rel(path), text);
  if ('ruleId' in split) {
    diagnostics.push(split);
    return null;
  }
  return split;
}

/** Reads and parses one event or source file, as `loadContent` does each of them (the preview's quick page). */
export async function loadContentFile(path: string, projectRoot: string): Promise<{ file: FrontMatterFile | null; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const file = readFrontMatterFile(path, (p) => relative(projectRoot, p).split(sep).join('/'), diagnostics, { realRoot: realpathSync(projectRoot) });
  return { file, diagnostics };
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MB`;

/**
 * Loads content from texts keyed by path relative to `content/` (`events/x.md`), for unit tests of what the loader
 * and validator report. The texts are written to a throwaway project folder and read by `loadContent` itself, so
 * they pass through exactly the checks that files on disk do (the project boundary included), at a few
 * milliseconds' cost.
 */
export async function loadContentTexts(files: Readonly<Record<string, string | Uint8Array>>): Promise<{ raw: RawContent; diagnostics: Diagnostic[] }> {
  const root = await mkdtemp(join(tmpdir(), 'nt-texts-'));
  try {
    for (const [path, body] of Object.entries(files)) {
      const target = join(root, 'content', path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, body);
    }
    return await loadContent(join(root, 'content'), root);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
