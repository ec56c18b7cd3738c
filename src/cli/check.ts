import { existsSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { RULES } from '../diagnostics/catalog.ts';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { formatDiagnostics, summarise, toSafeJson } from '../diagnostics/reporter.ts';
import { loadAndValidate } from '../pipeline.ts';
import { EXIT, helpText, parseArgs, UsageError, type FlagSpec } from './args.ts';
import { runCli } from './run.ts';

const FLAGS: FlagSpec[] = [
  { name: 'format', value: 'text|json', description: 'Output format (default: text).' },
  { name: 'rules', description: 'List every rule the checker applies, with its id and advice.' },
  { name: 'help', description: 'Show this help.' },
];

const USAGE = 'npm run check -- [files or folders] [options]';
const SUMMARY = [
  'Validates everything in content/ without building the site, and lists every problem in every file.',
  'Name files or folders to see only their problems (the whole content is still checked, since files refer to each other).',
  'Exit code: 0 no errors (warnings allowed), 1 errors, 2 usage errors.',
].join('\n');

await runCli(async (argv) => {
  const { flags, positionals } = parseArgs(argv, FLAGS);
  if (flags.has('help')) {
    process.stdout.write(helpText(USAGE, SUMMARY, FLAGS));
    return EXIT.ok;
  }
  if (flags.has('rules')) {
    for (const [id, rule] of Object.entries(RULES)) console.log(`${id.padEnd(24)}${rule.severity.padEnd(9)}${rule.summary}`);
    return EXIT.ok;
  }
  const format = flags.get('format') ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format takes text or json, not ${String(format)}.`);
  const root = process.cwd();
  const selection = positionals.map((p) => {
    if (!existsSync(resolve(root, p))) throw new UsageError(`There is no file or folder ${p}.`);
    const shown = relative(root, resolve(root, p)).split(sep).join('/');
    // Only content/ is read: any other path would be reported clean without ever being looked at.
    if (shown !== '' && shown !== 'content' && !shown.startsWith('content/')) {
      throw new UsageError(`${p} is not in content/; npm run check reads only the project's content. Name a file or folder under content/, or nothing to check it all.`);
    }
    return shown;
  });
  const inSelection = (d: Diagnostic) => selection.length === 0 || selection.some((s) => s === '' || d.file === s || d.file.startsWith(`${s}/`));

  const { diagnostics: all } = await loadAndValidate(root);
  const diagnostics = all.filter(inSelection);
  const elsewhere = all.filter((d) => !inSelection(d) && d.severity === 'error').length;
  const failed = hasErrors(diagnostics);
  if (format === 'json') {
    console.log(toSafeJson({ ok: !failed, diagnostics }));
  } else {
    if (diagnostics.length > 0) console.log(`${formatDiagnostics(diagnostics)}\n`);
    console.log(summarise(diagnostics));
    if (elsewhere > 0) console.log(`${elsewhere} more error${elsewhere === 1 ? '' : 's'} in other files: run npm run check to see them all.`);
  }
  return failed ? EXIT.content : EXIT.ok;
});
