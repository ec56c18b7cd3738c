import { join } from 'node:path';
import { hasErrors, type Diagnostic } from './diagnostics/diagnostic.ts';
import { loadContent, type RawContent } from './load/content.ts';
import type { Content } from './schema/records.ts';
import { validateContent } from './validate/index.ts';

export interface Checked {
  content: Content | null;
  diagnostics: Diagnostic[];
  /** The files as parsed, before validation: the preview keeps them to check one edited file against the rest. */
  raw: RawContent;
}

/**
 * Load and validate `content/` once: the single entry point for the build, the check and the preview.
 * `onLoaded` sees the files as soon as they are read, before validation (the build starts rendering bodies).
 */
export async function loadAndValidate(
  projectRoot: string,
  contentDir = join(projectRoot, 'content'),
  onLoaded?: (raw: RawContent) => void,
): Promise<Checked> {
  const { raw, diagnostics: loadProblems } = await loadContent(contentDir, projectRoot);
  onLoaded?.(raw);
  const { content, diagnostics } = validateContent(raw);
  const all = [...loadProblems, ...diagnostics];
  return { content: hasErrors(all) ? null : content, diagnostics: all, raw };
}
