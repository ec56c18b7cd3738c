import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * A minimal, valid content set: two sources, two events that cite both, every actor and place used. Each file
 * is small enough to count its lines by eye; tests override one file at a time.
 */
export const VALID_CONTENT: Readonly<Record<string, string>> = {
  'site.yml': [
    'title: "Test timeline"',
    'description: "A tiny timeline for tests."',
    'url: "https://example.org"',
    'language: en',
    'time_zone: "+04:00"',
    'era_start: "2023-09"',
    '',
  ].join('\n'),
  'categories.yml': ['military:', '  label: Military', 'background:', '  label: Background', ''].join('\n'),
  'actors.yml': ['azerbaijan:', '  name: Azerbaijan', 'armenia:', '  name: Armenia', ''].join('\n'),
  'places.yml': ['stepanakert:', '  name: Stepanakert', '  coordinates: [39.815, 46.752]', ''].join('\n'),
  'sources/alpha.md': [
    '---', //                                                                         1
    'id: alpha', //                                                                   2
    'title: "Alpha article"', //                                                      3
    'url: "https://example.org/alpha"', //                                            4
    'published: "2023-09-20"', //                                                     5
    'language: en', //                                                                6
    '---', //                                                                         7
    'Azerbaijan launched a military operation on Tuesday. The ceasefire took effect', // 8
    'at 1 p.m. on Wednesday.', //                                                     9
    '',
  ].join('\n'),
  'sources/beta.md': [
    '---',
    'id: beta',
    'title: "Beta article"',
    'published: "2023-09-21"',
    'language: en',
    '---',
    'Fighting stopped when the ceasefire took effect. Officials said the talks would continue.',
    '',
    'Armenia said at least 32 people had been killed. Officials said the talks would continue.',
    '',
  ].join('\n'),
  'events/offensive.md': [
    '---',
    'title: "Azerbaijan launches an offensive"',
    'date: "2023-09-19"',
    'category: military',
    'actors: [azerbaijan]',
    'places: [stepanakert]',
    'sources:',
    '  - id: alpha',
    '    quote: "Azerbaijan launched a military operation on Tuesday."',
    '  - id: beta',
    '    quote: "Fighting stopped when the ceasefire took effect."',
    '---',
    'Azerbaijan launched an offensive.',
    '',
  ].join('\n'),
  'events/ceasefire.md': [
    '---',
    'title: "The ceasefire takes effect"',
    'date: "2023-09-20T13:00+04:00"',
    'category: military',
    'actors: [armenia]',
    'places: [stepanakert]',
    'sources:',
    '  - id: alpha',
    // Wrapped differently from the source, which breaks the line after `took effect`.
    '    quote: "The ceasefire took effect at 1 p.m. on Wednesday."',
    '  - id: beta',
    '    quote: "Fighting stopped when the ceasefire took effect."',
    'claims:',
    '  - measure: killed',
    '    value: 32',
    '    qualifier: at-least',
    '    claimant: armenia',
    '    source: beta',
    '    quote: "Armenia said at least 32 people had been killed."',
    '---',
    'The ceasefire took effect.',
    '',
  ].join('\n'),
};

/** A third, valid event whose lines tests replace by number (1-based, as an editor sees them). */
export const EVENT_LINES: readonly string[] = [
  '---', //                                                             1
  'title: "A bad event"', //                                            2
  'date: "2023-09-19"', //                                              3
  'category: military', //                                              4
  'actors: [azerbaijan]', //                                            5
  'places: [stepanakert]', //                                           6
  'sources:', //                                                        7
  '  - id: alpha', //                                                   8
  '    quote: "Azerbaijan launched a military operation on Tuesday."', // 9
  '  - id: beta', //                                                    10
  '    quote: "Fighting stopped when the ceasefire took effect."', //   11
  '---', //                                                             12
  'Body.', //                                                           13
  '',
];

/** EVENT_LINES with some lines replaced (a string may hold several lines) or removed (null). */
export function eventWith(edits: Readonly<Record<number, string | null>> = {}): string {
  return EVENT_LINES.flatMap((line, i) => {
    const edit = edits[i + 1];
    if (edit === undefined) return [line];
    return edit === null ? [] : [edit];
  }).join('\n');
}

/**
 * Writes a project folder with `content/` holding VALID_CONTENT plus the overrides (paths relative to
 * `content/`; null deletes a file). Returns the project root; remove it with `removeProject`.
 */
export async function contentProject(overrides: Readonly<Record<string, string | Uint8Array | null>> = {}): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'nt-unit-'));
  const files: Record<string, string | Uint8Array | null> = { ...VALID_CONTENT, ...overrides };
  for (const [path, body] of Object.entries(files)) {
    if (body === null) continue;
    const target = join(root, 'content', path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, body);
  }
  return root;
}

export async function removeProject(root: string): Promise<void> {
  await rm(root, { recursive: true, force: true });
}
