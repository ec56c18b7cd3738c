import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';
import { findChromium, OFFLINE_FLAGS } from './chromium.ts';
import { serveStatic } from './static-server.ts';

/** The categories a page must score 100 in. */
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];
export const PRESETS = ['mobile', 'desktop'] as const;
export type Preset = (typeof PRESETS)[number];

export interface FailingAudit {
  category: Category;
  id: string;
  title: string;
  /** 0 to 1. */
  score: number;
  /** What Lighthouse shows beside the title, e.g. `1.9 s`; empty when it has none. */
  value: string;
}

export interface LighthouseRun {
  /** Site-relative path of the page, e.g. `/figures/`. */
  page: string;
  preset: Preset;
  /** 0 to 100 per category; null when Lighthouse could not score it. */
  scores: Record<Category, number | null>;
  failing: FailingAudit[];
  /** Set when Lighthouse itself reported the page as unauditable. */
  runtimeError: string | null;
}

/** The parts of a Lighthouse result read here (the full type is Lighthouse's LH.Result). */
export interface LighthouseResult {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] } | undefined>;
  audits: Record<string, { id: string; title: string; score: number | null; scoreDisplayMode: string; displayValue?: string } | undefined>;
  runtimeError?: { code: string; message: string };
}

const SCORED = new Set(['binary', 'numeric', 'metricSavings']);

/**
 * The scores of one result, and the audits that fell short among those that count towards a category's score
 * (weight above 0): the opportunities Lighthouse lists beside them cost no points and are left out.
 */
export function readResult(lhr: LighthouseResult, page: string, preset: Preset): LighthouseRun {
  const scores = {} as Record<Category, number | null>;
  const failing: FailingAudit[] = [];
  for (const category of CATEGORIES) {
    const c = lhr.categories[category];
    scores[category] = c?.score == null ? null : Math.round(c.score * 100);
    for (const ref of c?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (!audit || ref.weight <= 0 || audit.score === null || audit.score >= 1 || !SCORED.has(audit.scoreDisplayMode)) continue;
      failing.push({ category, id: audit.id, title: audit.title, score: audit.score, value: audit.displayValue ?? '' });
    }
  }
  return { page, preset, scores, failing, runtimeError: lhr.runtimeError ? `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` : null };
}

/** True when every category scored 100 and Lighthouse reported no error. */
export const passed = (run: LighthouseRun): boolean => run.runtimeError === null && CATEGORIES.every((c) => run.scores[c] === 100);

/** `/figures/ (mobile)  performance 100  accessibility 100  best-practices 96  seo 100`, then a line per failing audit. */
export function formatRun(run: LighthouseRun): string[] {
  const scores = CATEGORIES.map((c) => `${c} ${run.scores[c] ?? '–'}`).join('  ');
  return [
    `${run.page} (${run.preset})  ${scores}`,
    ...(run.runtimeError ? [`  Lighthouse could not audit the page: ${run.runtimeError}  lighthouse/error`] : []),
    ...run.failing.map((a) => `  ${a.category}: ${a.title}${a.value ? ` (${a.value})` : ''}, score ${Math.round(a.score * 100)}  lighthouse/${a.id}`),
  ];
}

/** The pages audited: the home page, the first event page (by address), and the figures page. */
export async function auditedPages(dir: string): Promise<string[]> {
  const events = (await readdir(join(dir, 'events'), { withFileTypes: true }).catch(() => []))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return ['/', ...(events[0] ? [`/events/${events[0]}/`] : []), '/figures/'];
}

/** The browser tests' offline flags (src/verify/chromium.ts); `--headless=new` is the mode Lighthouse's metrics expect. */
const CHROME_FLAGS = ['--headless=new', ...OFFLINE_FLAGS];
/**
 * Serves the built site in `dir` (under `prefix`) on 127.0.0.1 and runs Lighthouse on each of `pages` with the
 * mobile and the desktop preset, in one Chromium, one run at a time (parallel runs skew the performance metrics).
 */
export async function runLighthouse(dir: string, prefix: string, pages: readonly string[], onRun: (run: LighthouseRun) => void = () => {}): Promise<LighthouseRun[]> {
  const server = await serveStatic(dir, prefix);
  const chrome = await chromeLauncher.launch({ chromePath: (await findChromium()).path, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
  const runs: LighthouseRun[] = [];
  try {
    for (const page of pages) {
      const url = new URL(page.replace(/^\//, ''), server.url).href;
      for (const preset of PRESETS) {
        const result = await lighthouse(
          url,
          { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] },
          preset === 'desktop' ? desktopConfig : undefined,
        );
        if (!result) throw new Error(`Internal error: Lighthouse returned no result for ${url}`);
        const run = readResult(result.lhr as unknown as LighthouseResult, page, preset);
        runs.push(run);
        onRun(run);
      }
    }
  } finally {
    chrome.kill();
    await server.close();
  }
  return runs;
}
