import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
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
  /** Set when the first run fell short on performance alone and this is the median of `runs` (see RUNS_ON_DOUBT). */
  median?: { runs: number; firstPerformance: number };
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

/**
 * Runs a page gets when its first falls short on performance alone. Lighthouse's performance score moves by a point
 * or two between runs on a busy machine (its docs on variability advise the median of several runs), while the
 * other categories do not: a page is then judged by the median run of this many, as Lighthouse picks it
 * (`computeMedianRun`, by first contentful paint and time to interactive). A page at 99 in most runs still fails.
 */
export const RUNS_ON_DOUBT = 3;

/** Whether a run missed 100 on performance alone, with no error: the one shortfall more runs can tell from noise. */
export function worthMoreRuns(run: LighthouseRun): boolean {
  if (run.runtimeError !== null || run.scores.performance === null || run.scores.performance === 100) return false;
  return CATEGORIES.every((c) => c === 'performance' || run.scores[c] === 100);
}

/** True when every category scored 100 and Lighthouse reported no error. */
export const passed = (run: LighthouseRun): boolean => run.runtimeError === null && CATEGORIES.every((c) => run.scores[c] === 100);

/** `/figures/ (mobile)  performance 100  accessibility 100  best-practices 96  seo 100`, then a line per failing audit. */
export function formatRun(run: LighthouseRun): string[] {
  const scores = CATEGORIES.map((c) => `${c} ${run.scores[c] ?? '–'}`).join('  ');
  const median = run.median ? `  (median of ${run.median.runs} runs; the first scored performance ${run.median.firstPerformance})` : '';
  return [
    `${run.page} (${run.preset})  ${scores}${median}`,
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
        const audit = async () => {
          const result = await lighthouse(
            url,
            { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] },
            preset === 'desktop' ? desktopConfig : undefined,
          );
          if (!result) throw new Error(`Internal error: Lighthouse returned no result for ${url}`);
          return result.lhr;
        };
        const first = await audit();
        let run = readResult(first as unknown as LighthouseResult, page, preset);
        if (worthMoreRuns(run)) {
          const all = [first];
          while (all.length < RUNS_ON_DOUBT) all.push(await audit());
          const median = readResult(computeMedianRun(all) as unknown as LighthouseResult, page, preset);
          run = { ...median, median: { runs: all.length, firstPerformance: run.scores.performance! } };
        }
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
