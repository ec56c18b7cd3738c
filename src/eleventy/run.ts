import Eleventy from '@11ty/eleventy';
import { join } from 'node:path';
import type { Timeline } from '../model/timeline.ts';

export interface EleventyRun {
  projectRoot: string;
  outputDir: string;
  timeline: Timeline;
  quiet: boolean;
}

/** Renders an already validated timeline into `outputDir` with the project's `.eleventy.ts`. */
export async function renderSite({ projectRoot, outputDir, timeline, quiet }: EleventyRun): Promise<number> {
  const eleventy = new Eleventy(join(projectRoot, 'templates'), outputDir, {
    configPath: join(projectRoot, '.eleventy.ts'),
    quietMode: quiet,
    // A site served from https://example.org/news-timeline/ gets every internal link under /news-timeline/.
    pathPrefix: new URL(timeline.site.url).pathname,
    config: (config: { addGlobalData(name: string, value: unknown): void }) => {
      config.addGlobalData('timeline', timeline);
    },
  });
  if (quiet) {
    // Eleventy forces its "Wrote N files" line; our own summary replaces it, and errors still go to stderr.
    (eleventy as unknown as { logger: { overrideLogger(l: Partial<Console>): void } }).logger.overrideLogger({
      log: () => {},
      info: () => {},
      warn: (...args: unknown[]) => console.warn(...args),
      error: (...args: unknown[]) => console.error(...args),
    });
  }
  const results = (await eleventy.write()) as unknown as [unknown[], unknown[]] | unknown[];
  const written = Array.isArray(results[1]) ? results[1] : results;
  return Array.isArray(written) ? written.length : 0;
}

/** The editors' preview: Eleventy watches content/ and templates/ and reloads the browser on each rebuild. */
export async function serveSite(projectRoot: string, outputDir: string, port: number): Promise<void> {
  const eleventy = new Eleventy(join(projectRoot, 'templates'), outputDir, {
    configPath: join(projectRoot, '.eleventy.ts'),
    runMode: 'serve',
    quietMode: true,
  });
  await eleventy.init();
  await eleventy.watch();
  await eleventy.serve(port);
}
