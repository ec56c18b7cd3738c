import matter from 'gray-matter';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { makeDiagnostic } from '../diagnostics/make.ts';
import { parseYaml, YamlSyntaxError, type ParsedYaml } from './yaml.ts';

export interface FrontMatterFile {
  file: string;
  yaml: ParsedYaml;
  body: string;
  /** 1-based file line on which the body starts. */
  bodyLine: number;
}

const noJs = (): never => {
  throw new YamlSyntaxError('JavaScript front matter (---js) is not allowed: it would run code at build time', {
    line: 1,
    column: 1,
  });
};

/**
 * Splits a Markdown content file into parsed front matter and body, or explains why it cannot.
 * gray-matter hands its engine the text from the newline after the opening `---`, so YAML positions are
 * already file lines.
 */
export function splitFrontMatter(file: string, text: string): FrontMatterFile | Diagnostic {
  if (text.trim() === '') {
    return makeDiagnostic('file/empty', file, { line: 1, column: 1 }, { message: 'The file is empty.' });
  }
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'));
  if (firstLine.trimEnd() !== '---') {
    const leading = firstLine.trim() === '' ? 'a blank line' : `\`${truncate(firstLine.trimEnd(), 40)}\``;
    return makeDiagnostic('file/front-matter', file, { line: 1, column: 1 }, {
      message: `Unexpected ${leading} on line 1, expected the opening \`---\` of the front matter.`,
      expected: '`---` on the first line',
    });
  }
  if (!/\n---[ \t]*(\n|$)/.test(text.slice(3))) {
    return makeDiagnostic('file/front-matter', file, { line: 1, column: 1 }, {
      message: 'The front matter is never closed, expected a second `---` line after the fields.',
      expected: 'a closing `---` line',
    });
  }
  let parsed: ParsedYaml | undefined;
  try {
    const result = matter(text, {
      engines: {
        yaml: (src: string) => {
          parsed = parseYaml(src);
          return {};
        },
        js: noJs,
        javascript: noJs,
      },
    } as unknown as Parameters<typeof matter>[1]);
    if (!parsed) {
      // gray-matter skips the engine for an empty block (`---\n---`).
      parsed = parseYaml('');
    }
    // Counted from the text itself: gray-matter skips the engine for a block of comments only.
    const lines = text.split('\n');
    const closing = lines.findIndex((line, i) => i > 0 && /^---[ \t]*$/.test(line));
    const bodyLine = closing + 2;
    return { file, yaml: parsed, body: result.content, bodyLine };
  } catch (error) {
    if (error instanceof YamlSyntaxError) {
      return makeDiagnostic('file/yaml-syntax', file, error.position, {
        message: `The front matter is not valid YAML: ${error.message}`,
      });
    }
    throw error;
  }
}

export function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
