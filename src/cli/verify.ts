import { resolve } from 'node:path';
import { checkAnchors } from '../verify/anchors.ts';
import { checkHtml } from '../verify/html.ts';
import { checkLinks } from '../verify/links.ts';
import { EXIT, helpText, parseArgs, UsageError, type FlagSpec } from './args.ts';
import { runCli } from './run.ts';

const FLAGS: FlagSpec[] = [
  { name: 'site', value: 'DIR', description: 'The built site to check (default: _site).' },
  { name: 'prefix', value: 'PATH', description: 'Path prefix the site was built for, e.g. /news-timeline/ (default: /).' },
  { name: 'skip-html', description: 'Skip the Nu HTML Checker (it needs Java).' },
  { name: 'skip-links', description: 'Skip the internal link and anchor check.' },
  { name: 'help', description: 'Show this help.' },
];

await runCli(async (argv) => {
  const { flags } = parseArgs(argv, FLAGS);
  if (flags.has('help')) {
    process.stdout.write(
      helpText('npm run verify -- [options]', 'Checks a built site: valid HTML on every page, and every internal link and anchor resolving.', FLAGS),
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
  return failed ? EXIT.content : EXIT.ok;
});
