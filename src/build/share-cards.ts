import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import { createRequire } from 'node:module';
import { copyFile, mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { chunk } from '../lib/chunk.ts';
import { CARD_FONT, type ShareCard } from '../exports/share-card.ts';
import { FAVICON_SVG, icoFromPng } from '../exports/favicon.ts';

const require = createRequire(import.meta.url);

/**
 * The card font, loaded from its npm package and nothing else: no system font can change a card, so the same
 * content gives the same PNG on every machine.
 */
export const CARD_FONT_OPTIONS: ResvgRenderOptions['font'] = {
  fontFiles: [
    require.resolve('@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf'),
    require.resolve('@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf'),
  ],
  loadSystemFonts: false,
  defaultFontFamily: CARD_FONT,
};

/** A card as a PNG, on this thread. */
export function renderCard(svg: string): Buffer {
  return new Resvg(svg, { font: CARD_FONT_OPTIONS }).render().asPng();
}

/** Below this many cards to render, the worker threads would take longer to start than the renders themselves. */
const IN_PROCESS = 8;
/** Cards a worker is handed at a time. */
const BATCH = 32;

export interface CardCounts {
  rendered: number;
  cached: number;
}

/**
 * Writes the pages' cards under `outputDir/cards/`, and the favicon (SVG and ICO) at its root. A card the cache
 * folder holds (by file name, a hash of everything that draws it) is copied; the others are rendered in worker
 * threads, one per core, and kept in the cache for the next build. Without a cache folder every card is rendered.
 */
export async function writeShareCards(outputDir: string, cards: readonly ShareCard[], cacheDir: string | null): Promise<CardCounts> {
  const out = join(outputDir, 'cards');
  const cached = cacheDir ? join(cacheDir, 'cards') : null;
  await mkdir(out, { recursive: true });
  if (cached) await mkdir(cached, { recursive: true }).catch(() => {});
  await writeFavicon(outputDir);
  const todo: { svg: string; files: string[] }[] = [];
  let hits = 0;
  const names = new Set<string>();
  for (const card of cards) {
    const name = basename(card.path);
    names.add(name);
    const target = join(out, name);
    if (cached) {
      try {
        await copyFile(join(cached, name), target);
        hits++;
        continue;
      } catch {
        // Not cached yet (or unreadable): rendered below.
      }
    }
    todo.push({ svg: card.svg, files: cached ? [target, join(cached, name)] : [target] });
  }
  if (todo.length <= IN_PROCESS) {
    for (const job of todo) {
      const png = renderCard(job.svg);
      for (const file of job.files) await writeFile(file, png);
    }
  } else {
    await renderInWorkers(todo);
  }
  if (cached) await pruneCardCache(cached, names);
  return { rendered: todo.length, cached: hits };
}

/** Cards a cache keeps beyond this build's own: as many again plus this many, as the body cache does. */
export const CARD_CACHE_SLACK = 1000;
const CARD_FILE = /^[\w-]+\.png$/;

/**
 * Deletes the cached cards this build did not use beyond its own count plus the slack, those drawn longest ago
 * first (another project sharing the folder, a branch switched back keep their newest). Only card files are
 * touched; a card another build is copying meanwhile is drawn again there, never lost.
 */
async function pruneCardCache(dir: string, used: ReadonlySet<string>): Promise<void> {
  try {
    const unused = (await readdir(dir)).filter((name) => CARD_FILE.test(name) && !used.has(name));
    const keep = used.size + CARD_CACHE_SLACK;
    if (unused.length <= keep) return;
    const drawn = await Promise.all(unused.map(async (name) => ({ name, at: (await stat(join(dir, name)).catch(() => null))?.mtimeMs ?? 0 })));
    drawn.sort((a, b) => b.at - a.at || (a.name < b.name ? -1 : 1));
    for (const { name } of drawn.slice(keep)) await rm(join(dir, name), { force: true });
  } catch {
    // A cache that cannot be listed or trimmed costs disk, never this build its output.
  }
}

/** Renders the jobs on up to one worker per core, each taking the next batch as it finishes one. */
async function renderInWorkers(jobs: { svg: string; files: string[] }[]): Promise<void> {
  const batches = chunk(jobs, BATCH);
  const count = Math.min(availableParallelism(), batches.length);
  let next = 0;
  const run = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(new URL('./share-card-worker.mjs', import.meta.url), { workerData: { font: CARD_FONT_OPTIONS } });
      const give = () => {
        const batch = batches[next++];
        if (batch) worker.postMessage({ jobs: batch });
        else void worker.terminate().then(() => resolve());
      };
      worker.on('message', (message: { done: number } | { error: string }) => {
        if ('error' in message) {
          void worker.terminate();
          reject(new Error(`Internal error: a share card failed to render: ${message.error}`));
        } else give();
      });
      worker.once('error', reject);
      give();
    });
  await Promise.all(Array.from({ length: count }, run));
}

/** The favicon as SVG for browsers that take one, and as an ICO at the root, where browsers and crawlers ask. */
async function writeFavicon(outputDir: string): Promise<void> {
  const png = new Resvg(FAVICON_SVG, { fitTo: { mode: 'width', value: 32 }, font: { loadSystemFonts: false } }).render().asPng();
  await writeFile(join(outputDir, 'favicon.svg'), FAVICON_SVG);
  await writeFile(join(outputDir, 'favicon.ico'), icoFromPng(png, 32));
}
