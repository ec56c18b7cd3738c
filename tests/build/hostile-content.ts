import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Content that tries to run script in a reader's browser from every field an editor writes: an event's title,
 * body, date note and claims, a quote (so the source's text carries it too), and a source's title, publisher and
 * address. Every payload, if it ever ran or became markup, would set `window.__pwned`, open a dialog, or create
 * an element whose id starts with `pwned-`.
 */
export const HOSTILE_EVENT = 'zz-hostile';
export const HOSTILE_SOURCE = 'zz-hostile-source';

const SCRIPT = (where: string) => `<script>window.__pwned='${where}';alert('${where}')</script>`;
const IMG = (where: string) => `<img id="pwned-${where}" src="x" onerror="window.__pwned='${where}';alert('${where}')">`;
/** A quoted passage that is itself hostile: it must be in the source's text for the quote check to pass. */
export const HOSTILE_QUOTE = `Officials said ${SCRIPT('quote')} and ${IMG('quote')} on Wednesday, as the ceasefire held.`;
const CLAIM_QUOTE = `A spokesman put the dead at ${IMG('claim-quote')} 40 people.`;

/** YAML double-quoted strings: JSON's escaping is valid YAML. */
const y = (s: string) => JSON.stringify(s);

export const SOURCE_FILE = [
  '---',
  `id: ${HOSTILE_SOURCE}`,
  `title: ${y(`Hostile ${SCRIPT('source-title')} ${IMG('source-title')}`)}`,
  `publisher: ${y(`The ${IMG('publisher')} Daily`)}`,
  `url: ${y(`https://example.org/a?q="><script>window.__pwned='url'</script><img id="pwned-url" src=x onerror=alert(1)>`)}`,
  'published: "2023-09-20"',
  'language: en',
  '---',
  HOSTILE_QUOTE,
  '',
  CLAIM_QUOTE,
  '',
].join('\n');

export const EVENT_FILE = [
  '---',
  `title: ${y(`${SCRIPT('title')} ${IMG('title')} "quoted" & {{ 7 * 7 }}`)}`,
  'date: "2023-09-20"',
  `date_inferred: ${y(`${SCRIPT('date-inferred')} ${IMG('date-inferred')}`)}`,
  'category: military',
  'actors: [azerbaijan]',
  'places: [nagorno-karabakh]',
  'sources:',
  `  - id: ${HOSTILE_SOURCE}`,
  `    quote: ${y(HOSTILE_QUOTE)}`,
  '  - id: azerbaijan-halts-operation',
  '    quote: "Russian peacekeepers and separatist forces evacuated thousands of civilians from the fighting."',
  'claims:',
  '  - measure: killed',
  '    figure: ' + y(`${SCRIPT('claim-figure')} dozens`),
  '    claimant: azerbaijan',
  `    attribution: ${y(`According to ${IMG('claim-attribution')}`)}`,
  `    source: ${HOSTILE_SOURCE}`,
  `    quote: ${y(CLAIM_QUOTE)}`,
  '---',
  `Body ${SCRIPT('body')} ${IMG('body')}`,
  '',
  `<a id="pwned-body-a" href="javascript:alert('body-a')">raw link</a> [markdown link](javascript:alert('body-md')) <iframe id="pwned-iframe" src="https://example.org"></iframe>`,
  '',
  `<svg id="pwned-svg" onload="alert('svg')"></svg> <div onclick="alert('div')" id="pwned-div">x</div> [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`,
  '',
  '{{ 7 * 7 }} {% raw %}',
  '',
].join('\n');

export async function writeHostileContent(project: string): Promise<void> {
  await writeFile(join(project, 'content/sources', `${HOSTILE_SOURCE}.md`), SOURCE_FILE);
  await writeFile(join(project, 'content/events', `${HOSTILE_EVENT}.md`), EVENT_FILE);
}
