import { formatDiagnostics, summarise } from '../diagnostics/reporter.ts';
import { proposeDrafts } from '../extract/drafts.ts';
import { articleFromContent } from '../extract/from-content.ts';
import { formatScore, scoreArticle, totalRow } from '../extract/score.ts';
import { loadAndValidate } from '../pipeline.ts';
import { EXIT, helpText, parseArgs, UsageError, type FlagSpec } from './args.ts';
import { runCli } from './run.ts';

const FLAGS: FlagSpec[] = [
  { name: 'format', value: 'text|json', description: 'Output format (default: text, a Markdown table).' },
  { name: 'help', description: 'Show this help.' },
];

const USAGE = 'npm run extract:score [-- options]';

await runCli(async (argv) => {
  const { flags, positionals } = parseArgs(argv, FLAGS);
  if (flags.has('help')) {
    process.stdout.write(
      helpText(
        USAGE,
        'Drafts every article in content/sources/ and scores the drafts against the events in content/events/, matching by quoted sentence: how many events get a draft, how many of those have the right day, and how many drafts match no event.',
        FLAGS,
      ),
    );
    return EXIT.ok;
  }
  const format = flags.get('format') ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format takes text or json, not ${String(format)}.`);
  if (positionals.length > 0) throw new UsageError(`extract:score reads all of content/ and takes no file: ${USAGE}`);

  // The events are the answer key, so they must be valid: a quote that is not in its article would score nothing.
  const { content, diagnostics } = await loadAndValidate(process.cwd());
  if (!content) {
    console.error(formatDiagnostics(diagnostics));
    console.error(`\n${summarise(diagnostics)}\nFix these (npm run check) before scoring the drafts.`);
    return EXIT.content;
  }
  const rows = content.sources.map((source) => {
    const drafts = proposeDrafts(articleFromContent(content, source)).map((d) => ({ sentence: d.sentence, date: d.date.date }));
    const events = content.events.map((e) => ({ id: e.id, date: e.date.raw, citations: e.sources }));
    return scoreArticle(source.id, drafts, events);
  });
  if (format === 'json') {
    console.log(JSON.stringify({ rows, total: totalRow(rows) }, null, 2));
    return EXIT.ok;
  }
  console.log(formatScore(rows));
  const wrong = totalRow(rows).wrong;
  if (wrong.length > 0) {
    console.log(`\nDrafted on another day (${wrong.length}):`);
    for (const w of wrong) console.log(`- ${w.event}: ${w.expected}, drafted ${w.proposed.join(' or ')}`);
  }
  return EXIT.ok;
});
