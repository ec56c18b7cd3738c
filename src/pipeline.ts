import { join } from 'node:path';
import type { Diagnostic } from './diagnostics/diagnostic.ts';
import { loadContent } from './load/content.ts';
import type { Content } from './model/types.ts';
import { validateContent } from './validate/index.ts';

export interface Checked {
  content: Content | null;
  diagnostics: Diagnostic[];
}

/** Load and validate `content/` once: the single entry point for the build, the check and the preview. */
export async function loadAndValidate(projectRoot: string, contentDir = join(projectRoot, 'content')): Promise<Checked> {
  const { raw, diagnostics: loadProblems } = await loadContent(contentDir, projectRoot);
  const { content, diagnostics } = validateContent(raw);
  const all = [...loadProblems, ...diagnostics];
  return { content: all.some((d) => d.severity === 'error') ? null : content, diagnostics: all };
}
