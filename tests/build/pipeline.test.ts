import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTimeline } from '../../src/eleventy/plugin.ts';
import type { TimelineCore } from '../../src/model/timeline.ts';
import { runPipeline } from '../../src/pipeline.ts';
import type { Timeline } from '../../src/views/site.ts';
import { tempProject } from '../helpers/project.ts';

/**
 * Issue 15: the build, Eleventy running the plugin itself and the preview's quick page make their model with one
 * pipeline, so the same content gives each the same model.
 */
const EVENT = 'content/events/blockade.md';
let project: string;
let built: Timeline;
let core: TimelineCore | undefined;
let raw: Awaited<ReturnType<typeof runPipeline>>['raw'];

beforeAll(async () => {
  project = await tempProject();
  // As src/build/build.ts calls it: bodies rendered in a worker, the search index started from the core model.
  const result = await runPipeline(project, { worker: true, onCore: (c) => (core = c) });
  if (!result.ok) throw new Error('the seed did not validate');
  built = result.timeline;
  raw = result.raw;
});

afterAll(async () => {
  await rm(project, { recursive: true, force: true });
});

describe('runPipeline', () => {
  it('gives Eleventy’s plugin the model the build makes', async () => {
    const plugin = await loadTimeline(project);
    expect(built.events.length).toBeGreaterThan(10);
    expect(plugin).toEqual(built);
  });

  it('hands the build its core model, the one the full model is made from', () => {
    expect(core?.events).toBe(built.events);
  });

  it('gives the preview’s quick page the event the build makes, but for its place among the others', async () => {
    const quick = await runPipeline(project, { changed: { path: EVENT, last: raw! } });
    if (!quick.ok) throw new Error(JSON.stringify(quick.diagnostics));
    expect(quick.timeline.events).toHaveLength(1);
    // Its neighbours and timeline page come from the last build (src/serve/quick.ts): compare the rest.
    const placed = built.events.find((e) => e.file === EVENT)!;
    const alone = { ...quick.timeline.events[0]!, prev: placed.prev, next: placed.next, timelinePath: placed.timelinePath };
    expect(alone).toEqual(placed);
    expect(quick.timeline.site).toEqual(built.site);
  });
});
