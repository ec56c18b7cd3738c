/**
 * Synthetic content for the benchmark: a newsroom archive of N events over 1990–2024, every one resting on exact
 * passages of generated articles, that passes the project's full validation. Deterministic: the same options give
 * byte-identical files (a seeded PRNG, no Math.random, no clock).
 */
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');

export interface GenerateOptions {
  events: number;
  seed?: number;
}

export interface GeneratedContent {
  /** Paths relative to the project root (`content/events/x.md`) and their text. */
  files: Map<string, string>;
  eventIds: string[];
  sourceIds: string[];
  actorIds: string[];
  placeIds: string[];
}

/** Events per source: each article is the main source of about this many events. */
export const EVENTS_PER_SOURCE = 20;
export const ACTOR_COUNT = 40;
export const PLACE_COUNT = 30;
const FIRST_YEAR = 1990;
const LAST_YEAR = 2024;

export const CATEGORIES = {
  military: { label: 'Military', description: 'Fighting, troop movements, disarmament and ceasefires.' },
  diplomacy: { label: 'Diplomacy', description: 'Negotiations, mediation and statements between governments.' },
  humanitarian: { label: 'Humanitarian', description: 'Civilians, casualties, evacuation and shelter.' },
  politics: { label: 'Politics', description: 'Domestic politics, protests, speeches and accusations.' },
  background: { label: 'Background', description: 'Earlier history that explains later events.' },
} as const;
type CategoryId = keyof typeof CATEGORIES;
const CATEGORY_IDS = Object.keys(CATEGORIES) as CategoryId[];

// --- randomness ------------------------------------------------------------------------------------------------

/** mulberry32: a small, fast, seeded PRNG; good enough to spread synthetic content. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Dice {
  constructor(private readonly next: () => number) {}
  float(): number {
    return this.next();
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** `count` distinct items of `list`, in list order. */
  sample<T>(list: readonly T[], count: number): T[] {
    const indexes = new Set<number>();
    while (indexes.size < Math.min(count, list.length)) indexes.add(Math.floor(this.next() * list.length));
    return [...indexes].sort((a, b) => a - b).map((i) => list[i]!);
  }
}

// --- vocabulary --------------------------------------------------------------------------------------------------

const SYLLABLES = ['ka', 'ra', 'vel', 'mo', 'dan', 'os', 'tri', 'na', 'zer', 'ul', 'bar', 'ek', 'sa', 'lin', 'gor', 'ta', 'vi', 'shan', 'ped', 'ir', 'lo', 'mar', 'es', 'ton'];
const GIVEN = ['Arman', 'Lena', 'Tigran', 'Mira', 'Davit', 'Sona', 'Elnur', 'Ayla', 'Rustam', 'Nadia', 'Karen', 'Lilit', 'Farid', 'Irena', 'Samvel', 'Zara', 'Orhan', 'Vera', 'Gevorg', 'Leyla'];
const BODIES = ['Defence Ministry', 'Foreign Ministry', 'Interior Ministry', 'Border Service', 'Red Crescent office', 'Peace Mission', 'Refugee Council', 'Electoral Commission', 'Security Council', 'Farmers Union', 'Press Agency', 'Rights Observatory', 'Mountain Brigade', 'Coastal Command', 'Health Ministry', 'Transport Authority', 'Reconstruction Fund', 'Monitoring Group', 'Opposition Bloc', 'Citizens Assembly'];
const OFFSETS = ['+04:00', '+03:00', 'Z', '+02:00', '-05:00'];
const ZONES = ['+04:00', '+03:00', '+02:00', 'Europe/Moscow', 'Asia/Baku', 'Europe/Istanbul'];

const VERBS: Record<CategoryId, readonly string[]> = {
  military: ['shells positions near', 'moves troops towards', 'announces a ceasefire around', 'withdraws forces from', 'reports clashes near', 'begins demining around'],
  diplomacy: ['opens talks in', 'sends envoys to', 'signs a protocol in', 'calls for restraint in', 'hosts mediators in', 'recalls its ambassador from'],
  humanitarian: ['evacuates civilians from', 'delivers aid to', 'opens a shelter in', 'reports shortages in', 'reopens the road to', 'counts casualties in'],
  politics: ['holds protests in', 'calls early elections in', 'dismisses officials in', 'accuses rivals in', 'announces reforms in', 'suspends the council of'],
  background: ['declares autonomy in', 'loses control of', 'founds a militia in', 'redraws the border of', 'closes the pass to', 'signs an old treaty in'],
};
const NOUNS = ['convoy', 'checkpoint', 'delegation', 'ceasefire line', 'supply road', 'council', 'bridge', 'village school', 'airfield', 'market', 'pipeline', 'monitoring post', 'hospital', 'border crossing', 'reservoir', 'rail depot'];
const ADVERBS = ['late on Tuesday', 'early in the morning', 'after a week of talks', 'despite repeated warnings', 'without prior notice', 'for the second time this year', 'under heavy rain', 'before dawn', 'within hours', 'at short notice'];
const CLAUSES = ['officials said in a statement', 'according to local residents', 'witnesses told reporters', 'the ministry confirmed', 'state television reported', 'a spokesperson said', 'monitors noted', 'aid workers said', 'the agency reported', 'people familiar with the matter said'];
const CONSEQUENCES = ['prompting calls for an inquiry', 'leaving thousands without power', 'raising fears of a wider conflict', 'drawing criticism from neighbours', 'delaying the planned vote', 'closing the main road for days', 'forcing families to leave their homes', 'ending months of uncertainty'];
const MEASURE_WORDS: Record<string, string> = {
  killed: 'people had been killed',
  injured: 'people had been injured',
  'civilians-killed': 'civilians had been killed',
  evacuated: 'people had been evacuated',
  'children-evacuated': 'children had been evacuated',
  'positions-taken': 'military positions had been taken',
};
const QUALIFIER_WORDS: Record<string, string> = { 'at-least': 'at least', 'more-than': 'more than', 'close-to': 'close to', about: 'about' };
const PUBLISHERS = ['Caucasus Wire', 'Regional Desk', 'The Mountain Post', 'Eastern Courier', 'Border Daily'];

// --- helpers -----------------------------------------------------------------------------------------------------

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
export const slugify = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
const q = (s: string) => JSON.stringify(s);
const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const unique = <T extends { id: string }>(list: T[]) => list.filter((x, i) => list.findIndex((y) => y.id === x.id) === i);
const normaliseSpace = (s: string) => s.replace(/\s+/g, ' ').trim();

function countOccurrences(text: string, part: string): number {
  let n = 0;
  for (let i = text.indexOf(part); i !== -1; i = text.indexOf(part, i + 1)) n++;
  return n;
}

/** Days since 1970-01-01 for a calendar date, and back: pure arithmetic, no clock, no local time zone. */
const dayNumber = (y: number, m: number, d: number) => Math.floor(Date.UTC(y, m - 1, d) / 86_400_000);
function fromDayNumber(n: number): { y: number; m: number; d: number } {
  const date = new Date(n * 86_400_000);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}
const isoDay = ({ y, m, d }: { y: number; m: number; d: number }) => `${y}-${pad(m)}-${pad(d)}`;
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function makeName(dice: Dice, parts: number): string {
  let s = '';
  for (let i = 0; i < parts; i++) s += dice.pick(SYLLABLES);
  return capitalise(s);
}

// --- the generator -----------------------------------------------------------------------------------------------

interface Actor {
  id: string;
  name: string;
}
interface Place {
  id: string;
  name: string;
}
interface Passage {
  text: string;
  /** The event this sentence reports, by index. */
  event?: number;
  /** For figure sentences: what a claim would read from it. */
  claim?: { measure: string; value: number; qualifier?: string; claimant: string; attribution: string };
}
interface Source {
  id: string;
  passages: Passage[];
  body: string;
  normalised: string;
  /** The last day of any event that cites it: it is published after. */
  latest: number;
}
interface PlannedEvent {
  index: number;
  id: string;
  title: string;
  verb: string;
  actors: Actor[];
  places: Place[];
  /** Sort key and the latest calendar day the event covers. */
  first: number;
  last: number;
  date: string;
  end?: string;
  approximate: boolean;
  category: CategoryId;
  group: number;
}

/** Generates the whole content/ folder as text, deterministically from `seed`. */
export function generateContent({ events: eventCount, seed = 1 }: GenerateOptions): GeneratedContent {
  if (!Number.isInteger(eventCount) || eventCount < 1) throw new Error(`Internal error: expected a whole number of events, got ${eventCount}`);
  const dice = new Dice(prng(seed));
  const files = new Map<string, string>();

  // Actors: twenty people and twenty institutions, each with aliases.
  const actors: Actor[] = [];
  const actorYaml: string[] = ['# Synthetic actors for the benchmark.'];
  const seenActor = new Set<string>();
  while (actors.length < ACTOR_COUNT) {
    const person = actors.length % 2 === 0;
    const country = makeName(dice, 2);
    const name = person ? `${dice.pick(GIVEN)} ${makeName(dice, 3)}` : `${country}n ${dice.pick(BODIES)}`;
    const id = slugify(name);
    if (seenActor.has(id)) continue;
    seenActor.add(id);
    actors.push({ id, name });
    const aliases = person ? [name.split(' ')[1]!, `Minister ${name}`] : [`the ${name.split(' ').slice(1).join(' ')}`, `${country} officials`];
    actorYaml.push(
      `${id}:`,
      `  name: ${q(name)}`,
      `  description: ${q(person ? `A public figure of ${country}.` : `An institution of ${country}.`)}`,
      `  aliases: [${aliases.map(q).join(', ')}]`,
    );
  }
  files.set('content/actors.yml', actorYaml.join('\n') + '\n');

  // Places: names, aliases, coordinates and a local clock.
  const places: Place[] = [];
  const placeYaml: string[] = ['# Synthetic places for the benchmark. Coordinates are invented.'];
  const seenPlace = new Set<string>();
  while (places.length < PLACE_COUNT) {
    const name = makeName(dice, dice.int(2, 3));
    const id = slugify(name);
    if (seenPlace.has(id) || seenActor.has(id)) continue;
    seenPlace.add(id);
    places.push({ id, name });
    const lat = (36 + dice.float() * 8).toFixed(3);
    const lon = (40 + dice.float() * 10).toFixed(3);
    placeYaml.push(
      `${id}:`,
      `  name: ${q(name)}`,
      `  description: ${q(`A town in the synthetic region, ${dice.int(2, 90)} km from the border.`)}`,
      `  aliases: [${q(`${name}a`)}, ${q(name.replace(/k/g, 'q').replace(/a$/, 'ah') + 'i')}]`,
      `  coordinates: [${lat}, ${lon}]`,
      `  time_zone: ${q(dice.pick(ZONES))}`,
    );
  }
  files.set('content/places.yml', placeYaml.join('\n') + '\n');

  files.set(
    'content/categories.yml',
    ['# The five categories of the real timeline.', ...CATEGORY_IDS.flatMap((id) => [`${id}:`, `  label: ${CATEGORIES[id].label}`, `  description: ${q(CATEGORIES[id].description)}`])].join('\n') + '\n',
  );
  files.set(
    'content/site.yml',
    [
      `title: "A synthetic archive of ${eventCount} events"`,
      'description: "Generated content for the performance benchmark: events over three decades, each resting on exact quotes."',
      'introduction: "This timeline is generated by bench/generate.ts. Every event quotes passages of generated articles."',
      'url: "http://localhost:8080"',
      'language: en',
      'time_zone: "+04:00"',
      'era_start: "2020-01"',
    ].join('\n') + '\n',
  );

  // Plan the events' dates first: sources are assigned in date order, so an article reports nearby events.
  const planned: PlannedEvent[] = [];
  const usedIds = new Set<string>();
  for (let i = 0; i < eventCount; i++) {
    const y = dice.int(FIRST_YEAR, LAST_YEAR);
    const m = dice.int(1, 12);
    const d = dice.int(1, daysInMonth(y, m));
    const roll = dice.float();
    const category = i < CATEGORY_IDS.length ? CATEGORY_IDS[i]! : y < 2000 && dice.chance(0.5) ? 'background' : dice.pick(CATEGORY_IDS);
    let date: string;
    let first: number;
    let last: number;
    let end: string | undefined;
    if (roll < 0.05) {
      date = String(y);
      first = dayNumber(y, 1, 1);
      last = dayNumber(y, 12, 31);
      if (dice.chance(0.3)) {
        const ey = Math.min(LAST_YEAR, y + dice.int(1, 4));
        end = String(ey);
        last = dayNumber(ey, 12, 31);
      }
    } else if (roll < 0.15) {
      date = `${y}-${pad(m)}`;
      first = dayNumber(y, m, 1);
      last = dayNumber(y, m, daysInMonth(y, m));
      if (dice.chance(0.2)) {
        const span = fromDayNumber(dayNumber(y, m, 1) + dice.int(31, 400));
        end = `${span.y}-${pad(span.m)}`;
        last = dayNumber(span.y, span.m, daysInMonth(span.y, span.m));
      }
    } else if (roll < 0.6) {
      date = `${y}-${pad(m)}-${pad(d)}`;
      first = last = dayNumber(y, m, d);
      if (dice.chance(0.08)) {
        last = first + dice.int(1, 90);
        end = isoDay(fromDayNumber(last));
      }
    } else {
      date = `${y}-${pad(m)}-${pad(d)}T${pad(dice.int(0, 23))}:${pad(dice.int(0, 11) * 5)}${dice.pick(OFFSETS)}`;
      first = last = dayNumber(y, m, d);
      if (dice.chance(0.04)) {
        last = first + dice.int(1, 10);
        end = isoDay(fromDayNumber(last));
      }
    }
    const primary = actors[i % ACTOR_COUNT]!;
    const place = places[i % PLACE_COUNT]!;
    const verb = dice.pick(VERBS[category]);
    let id = `${slugify(`${verb.split(' ').slice(0, 2).join(' ')} ${place.name}`)}-${i + 1}`;
    while (usedIds.has(id)) id += '-x';
    usedIds.add(id);
    planned.push({
      index: i,
      id,
      title: `${primary.name} ${verb} ${place.name}`,
      first,
      last,
      date,
      ...(end ? { end } : {}),
      approximate: dice.chance(0.07),
      category,
      actors: unique([primary, ...dice.sample(actors, dice.int(0, 2))]),
      places: unique([place, ...dice.sample(places, dice.int(0, 1))]),
      verb,
      group: 0,
    });
  }
  const byDate = [...planned].sort((a, b) => a.first - b.first || a.index - b.index);
  const sourceCount = Math.ceil(eventCount / EVENTS_PER_SOURCE);
  byDate.forEach((e, rank) => (e.group = Math.floor(rank / EVENTS_PER_SOURCE)));

  // Sources: one article per group of events in date order, reporting each in a sentence of its own, with two
  // figures that claims can quote and a few other sentences; a few paragraphs in all.
  const sources: Source[] = [];
  for (let g = 0; g < sourceCount; g++) {
    const reported = byDate.slice(g * EVENTS_PER_SOURCE, (g + 1) * EVENTS_PER_SOURCE);
    const place = reported[0]!.places[0]!;
    const id = `${slugify(place.name)}-report-${g + 1}`;
    const seen = new Set<string>();
    const passages: Passage[] = [];
    const add = (make: () => Passage) => {
      for (;;) {
        const passage = make();
        if (seen.has(passage.text)) continue;
        seen.add(passage.text);
        passages.push(passage);
        return passage;
      }
    };
    const figure = (): Passage => {
      const claimant = dice.pick(actors);
      const measure = dice.pick(Object.keys(MEASURE_WORDS));
      const qualifier = dice.chance(0.6) ? dice.pick(Object.keys(QUALIFIER_WORDS)) : undefined;
      const value = dice.int(2, 900);
      const attribution = `${claimant.name} said`;
      return {
        text: `${attribution} that ${qualifier ? `${QUALIFIER_WORDS[qualifier]} ` : ''}${value} ${MEASURE_WORDS[measure]} in ${dice.pick(places).name} ${dice.pick(ADVERBS)}.`,
        claim: { measure, value, ...(qualifier ? { qualifier } : {}), claimant: claimant.id, attribution },
      };
    };
    const filler = (): Passage => {
      const c = dice.pick(CATEGORY_IDS);
      return { text: `${dice.pick(actors).name} ${dice.pick(VERBS[c])} ${dice.pick(places).name} ${dice.pick(ADVERBS)}, ${dice.pick(CLAUSES)}.` };
    };
    const sentences: Passage[] = [];
    reported.forEach((e, k) => {
      sentences.push(add(() => ({ text: `${e.title} ${dice.pick(ADVERBS)}, ${dice.pick(CLAUSES)}, ${dice.pick(CONSEQUENCES)} around the ${dice.pick(NOUNS)}.`, event: e.index })));
      if (k === 0 || k === 6) sentences.push(add(figure));
      if (k % 5 === 2) sentences.push(add(filler));
    });
    if (sentences.filter((p) => p.claim).length < 2) sentences.push(add(figure));
    const paragraphs: string[] = [];
    for (let k = 0; k < sentences.length; ) {
      const n = dice.int(3, 6);
      paragraphs.push(sentences.slice(k, k + n).map((p) => p.text).join(' '));
      k += n;
    }
    if (paragraphs.length > 2 && dice.chance(0.3)) paragraphs.splice(2, 0, `## ${capitalise(dice.pick(NOUNS))} in ${place.name}`);
    const body = paragraphs.join('\n\n');
    const normalised = normaliseSpace(body);
    // Only passages that occur exactly once in the text can be quoted without a prefix or suffix.
    const quotable = passages.filter((p) => countOccurrences(normalised, p.text) === 1);
    sources.push({ id, passages: quotable, body, normalised, latest: 0 });
  }

  // Events: 1–3 quotes (non-background events from two articles), claims on about one in ten.
  const eventFiles: { id: string; text: string }[] = [];
  for (const e of planned) {
    const main = sources[e.group]!;
    const second = sourceCount > 1 ? sources[e.group + 1 < sourceCount ? e.group + 1 : e.group - 1]! : undefined;
    const quoteCount = e.category === 'background' ? dice.int(1, 3) : dice.int(2, 3);
    const picks: { source: Source; passage: Passage }[] = [];
    const own = main.passages.find((p) => p.event === e.index);
    if (own) picks.push({ source: main, passage: own });
    while (picks.length < quoteCount) {
      const src = picks.length === 1 && second ? second : main;
      const free = src.passages.filter((p) => !picks.some((k) => k.passage === p));
      if (free.length === 0) break;
      picks.push({ source: src, passage: dice.pick(free) });
    }
    for (const p of picks) p.source.latest = Math.max(p.source.latest, e.last);

    const quoteText = (source: Source, p: Passage) => {
      // Sometimes a clause, not the whole sentence: editors quote what the event needs.
      const clause = p.text.split(', ')[0]!;
      const useClause = !p.claim && clause.length >= 30 && dice.chance(0.3) && countOccurrences(source.normalised, clause) === 1;
      return useClause ? clause : p.text;
    };
    const lines = ['---', `title: ${q(e.title)}`, `date: ${q(e.date)}`];
    if (e.end) lines.push(`end: ${q(e.end)}`);
    if (e.approximate) lines.push('approximate: true');
    if (dice.chance(0.1)) lines.push(`date_inferred: ${q(`'${dice.pick(ADVERBS)}' in an article about ${e.places[0]!.name}.`)}`);
    lines.push(`category: ${e.category}`);
    if (dice.chance(0.03)) lines.push('importance: headline');
    if (dice.chance(0.05)) lines.push(`sequence: ${dice.int(1, 3)}`);
    lines.push(`actors: [${e.actors.map((a) => a.id).join(', ')}]`, `places: [${e.places.map((p) => p.id).join(', ')}]`, 'sources:');
    for (const p of picks) lines.push(`  - id: ${p.source.id}`, `    quote: ${q(quoteText(p.source, p.passage))}`);
    const figures = main.passages.filter((p) => p.claim);
    if (figures.length > 0 && dice.chance(0.1)) {
      main.latest = Math.max(main.latest, e.last);
      lines.push('claims:');
      for (const p of dice.sample(figures, dice.int(1, 2))) {
        const c = p.claim!;
        lines.push(`  - measure: ${c.measure}`, `    value: ${c.value}`);
        if (c.qualifier) lines.push(`    qualifier: ${c.qualifier}`);
        lines.push(`    claimant: ${c.claimant}`, `    attribution: ${q(c.attribution)}`, `    source: ${main.id}`, `    quote: ${q(p.text)}`);
      }
    }
    lines.push('---');
    const [primary, other = primary] = e.actors as [Actor, Actor?];
    const sentences = [
      // In other words than the article's sentence about the event (`style/verbatim-summary`): a comma after the place.
      `*${primary.name}* ${e.verb} ${e.places[0]!.name}, ${dice.pick(ADVERBS)}, ${dice.pick(CLAUSES)}.`,
      `The move came ${dice.pick(ADVERBS)}, ${dice.pick(CONSEQUENCES)}.`,
      `${other.name} described it as **${dice.pick(['unacceptable', 'a first step', 'long overdue', 'a provocation', 'encouraging'])}** in a [statement](https://example.org/statements/${e.id}).`,
      `Reports on the ${dice.pick(NOUNS)} differed on the details.`,
    ];
    const body = sentences.slice(0, dice.int(2, 4));
    // Every body carries a link: a two-sentence body ends with the statement.
    if (body.length < 3) body[1] = sentences[2]!;
    lines.push(body.join(' '), '');
    eventFiles.push({ id: e.id, text: lines.join('\n') });
  }

  // Each article is published after the last event it reports, sometimes with a time of day.
  for (const src of sources) {
    const day = fromDayNumber((src.latest || dayNumber(FIRST_YEAR, 1, 1)) + dice.int(0, 2));
    const published = dice.chance(0.7) ? `${isoDay(day)}T${pad(dice.int(6, 22))}:${pad(dice.int(0, 59))}${dice.pick(OFFSETS)}` : isoDay(day);
    const lines = ['---', `id: ${src.id}`, `title: ${q(`${capitalise(src.passages[0]?.text.split(',')[0] ?? src.id)}`)}`];
    if (dice.chance(0.6)) lines.push(`publisher: ${q(dice.pick(PUBLISHERS))}`, `url: ${q(`https://news.example.org/${day.y}/${src.id}`)}`);
    lines.push(`published: ${q(published)}`);
    if (!published.includes('T') && dice.chance(0.5)) lines.push(`published_inferred: "The copy carries no time of day; the date comes from its dateline."`);
    lines.push('language: en');
    if (dice.chance(0.1)) lines.push('translated_from: de', `translated_from_inferred: "The wording reads as a translation from German."`);
    lines.push('---', src.body, '');
    files.set(`content/sources/${src.id}.md`, lines.join('\n'));
  }
  for (const e of eventFiles) files.set(`content/events/${e.id}.md`, e.text);

  return {
    files,
    eventIds: planned.map((e) => e.id),
    sourceIds: sources.map((s) => s.id),
    actorIds: actors.map((a) => a.id),
    placeIds: places.map((p) => p.id),
  };
}

/** Writes `files` under `dir`, creating folders as needed, a few hundred at a time. */
export async function writeFiles(dir: string, files: Map<string, string>): Promise<void> {
  const folders = new Set([...files.keys()].map((path) => dirname(join(dir, path))));
  for (const folder of folders) await mkdir(folder, { recursive: true });
  const entries = [...files];
  for (let i = 0; i < entries.length; i += 256) {
    await Promise.all(entries.slice(i, i + 256).map(([path, text]) => writeFile(join(dir, path), text)));
  }
}

/**
 * A full project copy for the benchmark: generated content/, and the real code, templates and dependencies
 * linked from the repository (as tests/helpers/project.ts does for the test suite).
 */
export async function generateProject(dir: string, options: GenerateOptions): Promise<GeneratedContent> {
  await mkdir(dir, { recursive: true });
  for (const name of ['src', 'templates', 'node_modules', '.eleventy.ts', 'package.json', 'tsconfig.json']) {
    await symlink(join(ROOT, name), join(dir, name));
  }
  const content = generateContent(options);
  await writeFiles(dir, content.files);
  return content;
}

/** For a quick look: `node --import tsx bench/generate.ts 500` writes a project and prints its folder. */
if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const events = Number(process.argv[2] ?? 200);
  const dir = await mkdtemp(join(tmpdir(), 'nt-bench-content-'));
  await generateProject(dir, { events });
  console.log(dir);
}
