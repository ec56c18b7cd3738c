import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { escapeTerminal, failureReport, toSafeJson } from '../diagnostics/reporter.ts';
import { makeDiagnostic } from '../diagnostics/make.ts';
import type { Known } from '../extract/entities.ts';
import { pointFromIso } from '../extract/calendar.ts';
import { draftToEvent, proposeDrafts } from '../extract/drafts.ts';
import { formatDrafts } from '../extract/format.ts';
import { timelineFromContent } from '../extract/from-content.ts';
import { splitSentences } from '../extract/sentences.ts';
import { splitFrontMatter } from '../load/front-matter.ts';
import { decodeUtf8 } from '../load/read.ts';
import { loadAndValidate } from '../pipeline.ts';
import { loadLists } from '../validate/lists.ts';
import { isDateProblem, parseEventDate } from '../schema/dates.ts';
import { renderEventFile } from '../scaffold/event-file.ts';
import { sourceSchema } from '../schema/source.ts';
import { zodIssuesToDiagnostics } from '../validate/zod-issues.ts';
import { EXIT, helpText, parseArgs, UsageError, type FlagSpec } from './args.ts';
import { assertReadableArticle, assertWritableInProject } from './project-path.ts';
import { runCli } from './run.ts';

const FLAGS: FlagSpec[] = [
  { name: 'out', description: 'Also write each draft as an event file in drafts/<source-id>/ (git-ignored, never published).' },
  { name: 'force', description: 'With --out: replace drafts written before for this article.' },
  { name: 'format', value: 'text|json', description: 'Output format (default: text).' },
  { name: 'help', description: 'Show this help.' },
];

const USAGE = 'npm run extract -- content/sources/<id>.md [options]';

await runCli(async (argv) => {
  const { flags, positionals } = parseArgs(argv, FLAGS);
  if (flags.has('help')) {
    process.stdout.write(
      helpText(USAGE, 'Reads an article and proposes draft events: each sentence with a time expression, dated, with its actors, places and figures.', FLAGS),
    );
    return EXIT.ok;
  }
  const format = flags.get('format') ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format takes text or json, not ${String(format)}.`);
  if (positionals.length !== 1) throw new UsageError(`Give one source file: ${USAGE}`);
  const root = process.cwd();
  const path = resolve(root, positionals[0]!);
  const file = relative(root, path).split(sep).join('/');
  assertReadableArticle(root, path, file);

  // The article: its front matter must be valid, since drafts cite its id and read its date.
  const bytes = await readFile(path);
  const text = decodeUtf8(bytes);
  if (text === undefined) return fail([makeDiagnostic('file/encoding', file, { line: 1, column: 1 }, { message: 'The file is not UTF-8 text.', expected: 'UTF-8' })]);
  const split = splitFrontMatter(file, text);
  if ('ruleId' in split) return fail([split]);
  const parsed = sourceSchema.safeParse(split.yaml.value);
  if (!parsed.success) return fail(zodIssuesToDiagnostics(parsed.error, file, split.yaml, () => Object.keys(sourceSchema.shape)));
  const published = parseEventDate(parsed.data.published);
  if (isDateProblem(published)) {
    const rule = published.kind === 'impossible' ? 'date/impossible' : published.kind === 'needs-zone' ? 'date/needs-zone' : 'date/format';
    return fail([makeDiagnostic(rule, file, split.yaml.locate(['published']), { field: 'published', message: `${published.message}.` })]);
  }
  const sourceId = parsed.data.id;
  if (file !== `content/sources/${sourceId}.md`) {
    console.error(`Note: the drafts cite the source \`${sourceId}\`; save the article as content/sources/${sourceId}.md so that npm run check finds it.`);
  }

  // The timeline dates what an article refers to (`one day after the ceasefire`); without valid content, the article alone.
  const { content } = await loadAndValidate(root);
  if (!content) console.error('Note: content/ has errors (npm run check lists them), so the drafts are dated from the article alone, without the timeline.');
  // Valid content already holds the lists; otherwise read their valid entries alone.
  const lists = content
    ? { actors: content.actors, places: content.places, categories: content.categories.map((c) => c.id), siteZone: content.site.timeZone }
    : readLists(root);
  const input = {
    sourceId,
    body: split.body,
    bodyLine: split.bodyLine,
    published: pointFromIso(published.raw)!,
    siteZone: lists.siteZone,
    actors: lists.actors,
    places: lists.places,
    timeline: content ? timelineFromContent(content.events) : [],
  };
  const drafts = proposeDrafts(input);
  const sentences = splitSentences(split.body).length;
  const dir = join(root, 'drafts', sourceId);
  const shownDir = `drafts/${sourceId}/`;
  if (flags.has('out')) {
    assertWritableInProject(root, join(root, 'drafts'), 'drafts/');
    assertWritableInProject(root, dir, shownDir);
  }
  if (flags.has('out') && !flags.has('force')) {
    const existing = existsSync(dir) ? (await readdir(dir)).filter((n) => n.endsWith('.md')) : [];
    if (existing.length > 0) throw new UsageError(`${shownDir} already holds ${existing.length} drafts, so nothing was written. Add --force to replace them.`);
  }

  // The article's sentences are printed as they are: a terminal escape in one is shown, never acted on.
  if (format === 'json') {
    console.log(toSafeJson({ source: sourceId, file, published: published.raw, drafts }));
  } else {
    console.log(escapeTerminal(formatDrafts(drafts, { file, published: input.published, sentences })));
  }

  if (flags.has('out')) {
    // Drafts from an earlier run are replaced as a set, so a draft dropped by a better reading does not linger.
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    for (const draft of drafts) {
      await writeFile(join(dir, `${draft.id}.md`), renderEventFile(draftToEvent(draft, { sourceId, sourceFile: file }), lists.categories));
    }
    const out = format === 'json' ? console.error : console.log;
    out(`\nWrote ${drafts.length} draft${drafts.length === 1 ? '' : 's'} to ${shownDir} (not published).`);
    out(`Next: move the ones to keep into content/events/, e.g. mv ${shownDir}${drafts[0]?.id ?? '<id>'}.md content/events/, edit them, then run: npm run check`);
  } else if (format === 'text' && drafts.length > 0) {
    console.log(escapeTerminal(`\nTo write these as event files in drafts/${sourceId}/: npm run extract -- ${file} --out`));
  }
  return EXIT.ok;
});

function fail(diagnostics: Parameters<typeof failureReport>[0]): number {
  console.error(failureReport(diagnostics));
  return EXIT.content;
}

/** Actors, places, categories and the site's clock, valid entries only (`npm run check` reports the others). */
function readLists(root: string): { actors: Known[]; places: (Known & { timeZone: string | null })[]; categories: string[]; siteZone: string } {
  const { lists } = loadLists(root);
  return { actors: lists.actors, places: lists.places, categories: lists.categories, siteZone: lists.site.timeZone ?? '+00:00' };
}

