import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Diagnostic } from './diagnostics/diagnostic.ts';
import { renderSite } from './eleventy/run.ts';
import { renderMarkdown } from './markdown/render.ts';
import { buildTimeline } from './model/timeline.ts';
import { loadAndValidate } from './pipeline.ts';

export interface BuildOptions {
  projectRoot: string;
  outputDir: string;
  quiet?: boolean;
  /** Overrides `url` in site.yml, e.g. for a deploy preview. */
  siteUrl?: string;
  log?: (line: string) => void;
}

export type BuildResult =
  | { ok: true; diagnostics: Diagnostic[]; events: number; files: number; seconds: { validate: number; render: number } }
  | { ok: false; diagnostics: Diagnostic[] };

/**
 * Validate everything, then render into a fresh folder beside the output and swap it in only on success: a
 * failed build leaves the previous site exactly as it was, and readers never see a half-written one.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const log = options.log ?? (() => {});
  const outputDir = resolve(options.outputDir);
  const t0 = performance.now();
  const { content, diagnostics } = await loadAndValidate(options.projectRoot);
  if (!content) return { ok: false, diagnostics };
  if (options.siteUrl) content.site.url = options.siteUrl.replace(/\/+$/, '');
  const timeline = buildTimeline(content, renderMarkdown);
  const t1 = performance.now();
  log(`Validated ${content.events.length} events and ${content.sources.length} sources in ${seconds(t1 - t0)}.`);

  const suffix = `${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const staging = join(dirname(outputDir), `.${basename(outputDir)}-build-${suffix}`);
  await mkdir(dirname(outputDir), { recursive: true });
  try {
    const files = await renderSite({ projectRoot: options.projectRoot, outputDir: staging, timeline, quiet: true });
    await swapIn(staging, outputDir, suffix);
    const t2 = performance.now();
    log(`Wrote ${files} files to ${options.outputDir} in ${seconds(t2 - t1)}.`);
    return { ok: true, diagnostics, events: content.events.length, files, seconds: { validate: (t1 - t0) / 1000, render: (t2 - t1) / 1000 } };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function swapIn(staging: string, outputDir: string, suffix: string): Promise<void> {
  const old = join(dirname(outputDir), `.${basename(outputDir)}-old-${suffix}`);
  const exists = await stat(outputDir).then(
    () => true,
    () => false,
  );
  if (exists) await rename(outputDir, old);
  await rename(staging, outputDir);
  if (exists) await rm(old, { recursive: true, force: true });
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
