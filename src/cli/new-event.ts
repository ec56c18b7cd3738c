import { existsSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadLists } from '../validate/lists.ts';
import { endsBeforeStart, isDateProblem, parseEventDate, type EventDate } from '../schema/dates.ts';
import { renderEventFile } from '../scaffold/event-file.ts';
import { slugify, uniqueId } from '../scaffold/slug.ts';
import { ID_PATTERN } from '../schema/vocabulary.ts';
import { suggestId } from '../validate/zod-issues.ts';
import { EXIT, helpText, parseArgs, UsageError, type FlagSpec } from './args.ts';
import { assertWritableInProject } from './project-path.ts';
import { runCli } from './run.ts';

const FLAGS: FlagSpec[] = [
  { name: 'date', value: 'DATE', description: 'When it happened, ISO 8601 at the precision known: 2023-09-20, 2023-09-20T13:00+04:00 (required).' },
  { name: 'end', value: 'DATE', description: 'For spans: when it ended.' },
  { name: 'category', value: 'ID', description: 'An id from content/categories.yml, e.g. military.' },
  { name: 'source', value: 'ID', description: 'The article it rests on: a file name in content/sources/, without .md.' },
  { name: 'id', value: 'ID', description: 'The file name and address to use instead of one made from the title.' },
  { name: 'force', description: 'Replace the event file if it already exists.' },
  { name: 'help', description: 'Show this help.' },
];

const USAGE = 'npm run new -- "Title of the event" --date=2023-09-21T10:00+04:00 [options]';

await runCli(async (argv) => {
  const { flags, positionals } = parseArgs(argv, FLAGS);
  if (flags.has('help')) {
    process.stdout.write(helpText(USAGE, 'Creates content/events/<id>.md with every field of the format, ready to fill in.', FLAGS));
    return EXIT.ok;
  }
  const root = process.cwd();
  const title = positionals.join(' ').replace(/\s+/g, ' ').trim();
  if (!title) throw new UsageError(`Give the event's title, in quotes: ${USAGE}`);
  if (title.length > 160) throw new UsageError(`The title is ${title.length} characters long; keep it under 160.`);

  const dateText = flags.get('date');
  if (typeof dateText !== 'string') throw new UsageError('Give the date with --date, e.g. --date=2023-09-20 or --date=2023-09-20T13:00+04:00.');
  const date = checkDate('--date', dateText);
  const endText = flags.get('end');
  if (typeof endText === 'string' && endsBeforeStart(date, checkDate('--end', endText))) {
    throw new UsageError(`--end ${endText} is before --date ${dateText}.`);
  }

  const categories = await categoryIds(root);
  const category = flags.get('category');
  if (typeof category === 'string' && !categories.includes(category)) {
    const guess = suggestId(category, categories);
    throw new UsageError(`Unknown category \`${category}\`.${guess ? ` Did you mean \`${guess}\`?` : ''} Categories: ${categories.join(', ')}.`);
  }
  const source = flags.get('source');
  if (typeof source === 'string') {
    const sources = await sourceIds(root);
    if (!sources.includes(source)) {
      const guess = suggestId(source, sources);
      throw new UsageError(`Unknown source \`${source}\`: there is no content/sources/${source}.md.${guess ? ` Did you mean \`${guess}\`?` : ''}`);
    }
  }

  const eventsDir = join(root, 'content', 'events');
  const given = flags.get('id');
  const id = typeof given === 'string' ? given : slugify(title);
  if (!id) throw new UsageError('The title has no letters a-z or digits to make an id from; give one with --id=some-words.');
  if (!ID_PATTERN.test(id)) throw new UsageError(`Unexpected id \`${id}\`, expected lowercase words joined by hyphens, e.g. ceasefire-takes-effect.`);
  const path = join(eventsDir, `${id}.md`);
  const shown = `content/events/${id}.md`;
  assertWritableInProject(root, join(root, 'content'), 'content/');
  assertWritableInProject(root, eventsDir, 'content/events/');
  assertWritableInProject(root, path, shown);
  if (existsSync(path) && !flags.has('force')) {
    const free = uniqueId(id, (candidate) => existsSync(join(eventsDir, `${candidate}.md`)));
    throw new UsageError(`${shown} already exists, so nothing was written. To keep it, choose another id: --id=${free}. To replace it, add --force.`);
  }

  const text = renderEventFile(
    {
      title,
      date: dateText,
      ...(typeof endText === 'string' ? { end: endText } : {}),
      ...(typeof category === 'string' ? { category } : {}),
      actors: [],
      places: [],
      sources: typeof source === 'string' ? [{ id: source, quote: 'Paste the exact passage from the article here.' }] : [],
    },
    categories,
  );
  await mkdir(eventsDir, { recursive: true });
  await writeFile(path, text);
  console.log(`Created ${shown}`);
  console.log(`Next: fill in the fields it marks, write a short summary below the front matter, then run: npm run check`);
  return EXIT.ok;
});

function checkDate(flag: string, text: string): EventDate {
  const parsed = parseEventDate(text);
  if (isDateProblem(parsed)) throw new UsageError(`${flag}: ${parsed.message}.`);
  return parsed;
}

/** Valid category ids in file order; a broken entry or file is left out, and `npm run check` explains why. */
async function categoryIds(root: string): Promise<string[]> {
  return loadLists(root, ['categories']).lists.categories;
}

async function sourceIds(root: string): Promise<string[]> {
  try {
    return (await readdir(join(root, 'content', 'sources'))).filter((n) => n.endsWith('.md')).map((n) => n.slice(0, -3));
  } catch {
    return [];
  }
}
