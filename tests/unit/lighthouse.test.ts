import { describe, expect, it } from 'vitest';
import { formatRun, passed, readResult, worthMoreRuns, type LighthouseResult, type LighthouseRun } from '../../src/verify/lighthouse.ts';

/** A Lighthouse result cut down to what verify reads: one category short of 100, the others full. */
function result(bestPractices: number, extra: Partial<LighthouseResult> = {}): LighthouseResult {
  const full = (id: string) => ({ score: 1, auditRefs: [{ id: `${id}-audit`, weight: 1 }] });
  return {
    categories: {
      performance: { score: 1, auditRefs: [{ id: 'first-contentful-paint', weight: 10 }, { id: 'uses-text-compression', weight: 0 }] },
      accessibility: full('accessibility'),
      'best-practices': { score: bestPractices, auditRefs: [{ id: 'errors-in-console', weight: 1 }, { id: 'inspector-issues', weight: 1 }] },
      seo: full('seo'),
    },
    audits: {
      'first-contentful-paint': { id: 'first-contentful-paint', title: 'First Contentful Paint', score: 0.96, scoreDisplayMode: 'numeric', displayValue: '1.5 s' },
      'uses-text-compression': { id: 'uses-text-compression', title: 'Enable text compression', score: 0, scoreDisplayMode: 'metricSavings' },
      'errors-in-console': { id: 'errors-in-console', title: 'Browser errors were logged to the console', score: bestPractices < 1 ? 0 : 1, scoreDisplayMode: 'binary' },
      'inspector-issues': { id: 'inspector-issues', title: 'No issues in the Issues panel', score: null, scoreDisplayMode: 'notApplicable' },
      'accessibility-audit': { id: 'accessibility-audit', title: 'A11y', score: 1, scoreDisplayMode: 'binary' },
      'seo-audit': { id: 'seo-audit', title: 'SEO', score: 1, scoreDisplayMode: 'binary' },
    },
    ...extra,
  };
}

describe('readResult', () => {
  it('passes a page at 100 in every category, listing a weighted audit short of full marks but no opportunity', () => {
    const run = readResult(result(1), '/', 'mobile');
    expect(run.scores).toEqual({ performance: 100, accessibility: 100, 'best-practices': 100, seo: 100 });
    expect(run.failing.map((a) => a.id)).toEqual(['first-contentful-paint']);
    expect(passed(run)).toBe(true);
  });

  it('fails a page below 100 in one category and names the audit that cost it', () => {
    const run = readResult(result(0.96), '/figures/', 'desktop');
    expect(run.scores['best-practices']).toBe(96);
    expect(passed(run)).toBe(false);
    expect(formatRun(run)).toEqual([
      '/figures/ (desktop)  performance 100  accessibility 100  best-practices 96  seo 100',
      '  performance: First Contentful Paint (1.5 s), score 96  lighthouse/first-contentful-paint',
      '  best-practices: Browser errors were logged to the console, score 0  lighthouse/errors-in-console',
    ]);
  });

  it('fails a page Lighthouse could not audit, whatever its scores say', () => {
    const run = readResult(result(1, { runtimeError: { code: 'NO_FCP', message: 'The page did not paint any content.' } }), '/', 'mobile');
    expect(passed(run)).toBe(false);
    expect(formatRun(run)[1]).toBe('  Lighthouse could not audit the page: NO_FCP: The page did not paint any content.  lighthouse/error');
  });

  it('fails a category Lighthouse could not score', () => {
    const lhr = result(1);
    lhr.categories.seo = { score: null, auditRefs: [] };
    const run = readResult(lhr, '/', 'mobile');
    expect(run.scores.seo).toBeNull();
    expect(passed(run)).toBe(false);
    expect(formatRun(run)[0]).toContain('seo –');
  });
});

describe('worthMoreRuns', () => {
  const run = (scores: Partial<LighthouseRun['scores']>, runtimeError: string | null = null): LighthouseRun => ({
    page: '/',
    preset: 'mobile',
    scores: { performance: 100, accessibility: 100, 'best-practices': 100, seo: 100, ...scores },
    failing: [],
    runtimeError,
  });

  it('asks for more runs when performance alone fell short', () => {
    expect(worthMoreRuns(run({ performance: 99 }))).toBe(true);
    expect(worthMoreRuns(run({ performance: 72 }))).toBe(true);
  });

  it('does not for a page at 100, a shortfall elsewhere, an unscored performance or an error: more runs would not change them', () => {
    expect(worthMoreRuns(run({}))).toBe(false);
    expect(worthMoreRuns(run({ performance: 99, accessibility: 96 }))).toBe(false);
    expect(worthMoreRuns(run({ seo: 92 }))).toBe(false);
    expect(worthMoreRuns(run({ performance: null }))).toBe(false);
    expect(worthMoreRuns(run({ performance: 99 }, 'NO_FCP: The page did not paint any content.'))).toBe(false);
  });

  it('says when a page was judged by the median of several runs, and what the first scored', () => {
    const judged = { ...readResult(result(1), '/', 'mobile'), median: { runs: 3, firstPerformance: 99 } };
    expect(formatRun(judged)[0]).toBe('/ (mobile)  performance 100  accessibility 100  best-practices 100  seo 100  (median of 3 runs; the first scored performance 99)');
  });
});
