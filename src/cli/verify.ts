import { resolve } from 'node:path';
import { checkAnchors } from '../verify/anchors.ts';
import { checkHtml } from '../verify/html.ts';
import { checkLinks } from '../verify/links.ts';
import { auditedPages, formatRun, passed, runLighthouse } from '../verify/lighthouse.ts';
import { formatDuration } from '../lib/progress.ts';
import { EXIT, helpText, parseArgs, UsageError, type FlagSpec } from './args.ts';
import { runCli } from './run.ts';

const FLAGS: FlagSpec[] = [
  { name: 'site', value: 'DIR', description: 'The built site to check (default: _site).' },
  { name: 'prefix', value: 'PATH', description: 'Path prefix the site was built for, e.g. /news-timeline/ (default: /).' },
  { name: 'skip-html', description: 'Skip the Nu HTML Checker (it needs Java).' },
  { name: 'skip-links', description: 'Skip the internal link and anchor check.' },
  { name: 'skip-lighthouse', description: 'Skip Lighthouse (it needs Chromium: see CHROMIUM_PATH).' },
  { name: 'help', description: 'Show this help.' },
];

await runCli(async (argv) => {
  const { flags } = parseArgs(argv, FLAGS);
  if (flags.has('help')) {
    process.stdout.write(
      helpText('npm run verify -- [options]', 'Checks a built site: valid HTML on every page, every internal link and anchor resolving, and Lighthouse scores of 100 (performance, accessibility, best practices, SEO) for the home page, an event page and the figures page, on mobile and desktop.', FLAGS),
    );
    return EXIT.ok;
  }
  const dir = resolve(String(flags.get('site') ?? '_site'));
  const prefix = String(flags.get('prefix') ?? '/');
  if (!prefix.startsWith('/') || !prefix.endsWith('/')) throw new UsageError('--prefix must start and end with /, e.g. /news-timeline/.');
  let failed = false;
  if (!flags.has('skip-html')) {
    const problems = await checkHtml(dir);
    for (const p of problems) console.log(`${p.file}:${p.line}:${p.column}  ${p.message}  html/nu`);
    console.log(`HTML: ${problems.length === 0 ? 'no errors' : `${problems.length} error${problems.length === 1 ? '' : 's'}`} (Nu HTML Checker).`);
    failed ||= problems.length > 0;
  }
  if (!flags.has('skip-links')) {
    const { checked, broken } = await checkLinks(dir, prefix);
    for (const b of broken) console.log(`${b.parent ?? '(start)'}  broken link ${b.url}: ${b.reason}  link/broken`);
    console.log(`Links: ${checked} checked, ${broken.length} broken.`);
    const anchors = await checkAnchors(dir, prefix);
    for (const b of anchors.broken) console.log(`${b.page}  missing anchor ${b.href}  link/anchor`);
    console.log(`Anchors: ${anchors.checked} checked, ${anchors.broken.length} missing.`);
    failed ||= broken.length > 0 || checked === 0 || anchors.broken.length > 0;
  }
  if (!flags.has('skip-lighthouse')) {
    const started = performance.now();
    const runs = await runLighthouse(dir, prefix, await auditedPages(dir), (run) => {
      for (const line of formatRun(run)) console.log(line);
    });
    const below = runs.filter((run) => !passed(run)).length;
    console.log(`Lighthouse: ${runs.length} runs, ${below === 0 ? 'all 100' : `${below} below 100`} (${formatDuration(performance.now() - started)}).`);
    failed ||= below > 0;
  }
  return failed ? EXIT.content : EXIT.ok;
});
