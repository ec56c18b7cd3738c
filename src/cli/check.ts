import { RULES } from '../diagnostics/catalog.ts';
import { formatDiagnostics, summarise } from '../diagnostics/reporter.ts';
import { loadAndValidate } from '../pipeline.ts';
import { EXIT, helpText, parseArgs, UsageError, type FlagSpec } from './args.ts';
import { runCli } from './run.ts';

const FLAGS: FlagSpec[] = [
  { name: 'format', value: 'text|json', description: 'Output format (default: text).' },
  { name: 'rules', description: 'List every rule the checker applies, with its id and advice.' },
  { name: 'help', description: 'Show this help.' },
];

await runCli(async (argv) => {
  const { flags } = parseArgs(argv, FLAGS);
  if (flags.has('help')) {
    process.stdout.write(helpText('npm run check -- [options]', 'Validates everything in content/ without building the site.', FLAGS));
    return EXIT.ok;
  }
  if (flags.has('rules')) {
    for (const [id, rule] of Object.entries(RULES)) console.log(`${id.padEnd(24)}${rule.severity.padEnd(9)}${rule.summary}`);
    return EXIT.ok;
  }
  const format = flags.get('format') ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format takes text or json, not ${String(format)}.`);
  const { diagnostics } = await loadAndValidate(process.cwd());
  const failed = diagnostics.some((d) => d.severity === 'error');
  if (format === 'json') {
    console.log(JSON.stringify({ ok: !failed, diagnostics }, null, 2));
  } else {
    if (diagnostics.length > 0) console.log(`${formatDiagnostics(diagnostics)}\n`);
    console.log(summarise(diagnostics));
  }
  return failed ? EXIT.content : EXIT.ok;
});
