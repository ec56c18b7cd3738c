/**
 * Every rule the checker knows, under a permanent id. The README's error reference is generated from this
 * table (`npm run check -- --rules`), so the wording here is what editors read.
 */
export interface Rule {
  severity: 'error' | 'warning';
  /** One line: what the rule protects. */
  summary: string;
  /** What to do about it, in plain words. */
  hint: string;
}

export const RULES = {
  'file/encoding': {
    severity: 'error',
    summary: 'Content files must be UTF-8 text.',
    hint: 'Save the file as UTF-8 (in most editors: "Save with encoding" > UTF-8).',
  },
  'file/missing': {
    severity: 'error',
    summary: 'A required content file is missing.',
    hint: 'Create it; the README shows what it holds.',
  },
  'file/unreadable': {
    severity: 'error',
    summary: 'A content file exists but could not be read (permissions, or too many files open at once).',
    hint: 'Check the file\'s permissions; if the message names a system limit (EMFILE), report it: the build must not drop files.',
  },
  'file/outside-project': {
    severity: 'error',
    summary: 'Content is read only from files inside the project; a link that leads out of it is refused.',
    hint: 'Copy the file into the project instead of linking to it, or point the link at a file inside the project.',
  },
  'file/skipped': {
    severity: 'warning',
    summary: 'A file in a content folder looks like Markdown but is not read: only names ending in `.md` are.',
    hint: 'Rename it to end in `.md` (lowercase, no trailing space), or move it out of the folder.',
  },
  'file/special': {
    severity: 'error',
    summary: 'A symbolic link, FIFO or device under templates/: the build copies only regular files and folders.',
    hint: 'Replace the link with a copy of the file it points to, or delete it.',
  },
  'file/empty': {
    severity: 'error',
    summary: 'A content file must not be empty.',
    hint: 'Add front matter between two `---` lines, or delete the file.',
  },
  'file/too-large': {
    severity: 'error',
    summary: 'A content file is far larger than any article or event should be.',
    hint: 'Check that the file holds one event or one article; split or trim it.',
  },
  'file/front-matter': {
    severity: 'error',
    summary: 'A Markdown content file starts with front matter: a `---` line, YAML fields, and a closing `---` line.',
    hint: 'Make `---` the very first line of the file (no blank line or spaces before it) and close the block with `---`.',
  },
  'file/yaml-syntax': {
    severity: 'error',
    summary: 'Front matter and data files must be valid YAML.',
    hint: 'Check indentation (two spaces, no tabs) and quote values containing `:` or `#`.',
  },
  'schema/required': {
    severity: 'error',
    summary: 'A required field is missing.',
    hint: 'Add the field; the README lists every field with an example.',
  },
  'schema/type': {
    severity: 'error',
    summary: 'A field has a value of the wrong kind.',
    hint: 'Compare the value with the example in the README field table.',
  },
  'schema/unknown-key': {
    severity: 'error',
    summary: 'A field name is not part of the content format (often a typo).',
    hint: 'Rename the field to one the README lists, or remove it.',
  },
  'schema/enum': {
    severity: 'error',
    summary: 'A field only takes one of a fixed set of values.',
    hint: 'Use one of the listed values.',
  },
  'schema/format': {
    severity: 'error',
    summary: 'A text field does not have the expected form.',
    hint: 'Follow the example given.',
  },
  'date/format': {
    severity: 'error',
    summary: 'Dates are ISO 8601 strings at the precision known: `1991`, `2022-12`, `2023-09-20`, `2023-09-20T13:00+04:00`.',
    hint: 'Write the date as in the examples, in quotes.',
  },
  'date/impossible': {
    severity: 'error',
    summary: 'A date that does not exist on the calendar, such as 31 September.',
    hint: 'Check the day and month against the article.',
  },
  'date/needs-zone': {
    severity: 'error',
    summary: 'A time of day must say which clock it is on: an offset such as `+04:00`, or `Z` for UTC.',
    hint: 'Add the local offset where the event happened, e.g. `2023-09-20T13:00+04:00`.',
  },
  'date/end-before-start': {
    severity: 'error',
    summary: "An event's `end` must not be before its `date`.",
    hint: 'Swap the two dates or correct the one that is wrong.',
  },
  'date/update-before-report': {
    severity: 'error',
    summary: 'A correction or update must not be dated before the first article citing its event.',
    hint: 'Check the date of the entry in `updates`: it is when we corrected or updated our record.',
  },
  'id/format': {
    severity: 'error',
    summary: 'Ids (and so file names) are lowercase words joined by hyphens: `ceasefire-takes-effect`.',
    hint: 'Rename the file (or the id) using only a-z, 0-9 and single hyphens.',
  },
  'id/duplicate': {
    severity: 'error',
    summary: 'Two entries share one id, so links and pages would collide.',
    hint: 'Give one of them a different id.',
  },
  'id/mismatch': {
    severity: 'error',
    summary: "A source's `id` must match its file name.",
    hint: 'Rename the file or change the id so that they agree.',
  },
  'ref/unknown': {
    severity: 'error',
    summary: 'A reference names a source, actor, place or category that does not exist.',
    hint: 'Use an id defined in content/ (the message lists the closest ones), or add the missing entry.',
  },
  'place/unknown-within': {
    severity: 'error',
    summary: 'A place says it lies `within` a place that places.yml does not define.',
    hint: 'Use the id of a place in content/places.yml (the message suggests the closest), add that place, or remove `within`.',
  },
  'place/within-cycle': {
    severity: 'error',
    summary: 'Places that lie within one another in a loop (or a place within itself): none of them would have a region.',
    hint: 'Remove `within` from the larger place: a region is not within a town inside it.',
  },
  'place/implied': {
    severity: 'warning',
    summary: 'An event lists a place together with a place that lies within it: the larger one is implied, and filtering by it already finds the event.',
    hint: 'Remove the larger place from `places` and keep the most specific one.',
  },
  'quote/not-found': {
    severity: 'error',
    summary: "A quote must occur, word for word, in its source's text.",
    hint: 'Copy the passage again from the source file; only runs of spaces and line breaks may differ.',
  },
  'quote/ambiguous': {
    severity: 'error',
    summary: 'A quote that occurs more than once in its source needs a `prefix` or `suffix` to say which.',
    hint: 'Add `prefix:` (the words just before the quote) or `suffix:` (the words just after).',
  },
  'quote/trimmed-part': {
    severity: 'error',
    summary: 'Each part of a trimmed quote (parts joined by `…` or `[…]`) must occur word for word in its source, in the order given.',
    hint: 'Copy each part again from the source file, keeping their order; put `…` or `[…]` only where words are left out.',
  },
  'quote/short': {
    severity: 'warning',
    summary: 'A very short quote hardly shows what the event rests on.',
    hint: 'Quote the whole clause or sentence that reports the event.',
  },
  'date/part-of-day': {
    severity: 'error',
    summary: 'A `part_of_day` belongs to an event dated to the day, without a time.',
    hint: 'Remove `part_of_day` from a timed event (its time says more), or date the event to the day it happened.',
  },
  'order/after-unknown': {
    severity: 'error',
    summary: '`after` must name another event, by its id (its file name without `.md`).',
    hint: 'Correct the id, or remove `after` if the articles do not say which event this one followed.',
  },
  'order/after-other-day': {
    severity: 'error',
    summary: '`after` orders events within one local day: both must have the same `date` day.',
    hint: 'Name an event of the same day, or remove `after`: the dates already order events of different days.',
  },
  'order/after-cycle': {
    severity: 'error',
    summary: 'Events must not come after one another in a loop.',
    hint: 'Remove `after` from the event that the articles do not place after the other.',
  },
  'order/contradicts-time': {
    severity: 'error',
    summary: 'An event placed with `after` must not be earlier than its anchor by their times or parts of the day.',
    hint: 'Check both events\' times against the articles; correct the time, the part of the day or the `after`.',
  },
  'event/single-source': {
    severity: 'warning',
    summary: 'An event resting on one article only.',
    hint: 'Look for the event in the other sources; cite every article that reports it.',
  },
  'ref/unused': {
    severity: 'warning',
    summary: 'An actor, place or source that no event uses.',
    hint: 'Cite it from an event, or remove it.',
  },
  'style/unattributed-figure': {
    severity: 'warning',
    summary: "A number in an event's summary that none of its claims or quotes gives, or that only a quote gives while the summary states it as fact.",
    hint: 'Quote the passage that gives the figure, or add it as a claim with its claimant; otherwise leave it out.',
  },
  'style/time-format': {
    severity: 'warning',
    summary: 'A time in a summary not written in the house style, the 24-hour clock: `13:00`, `09:00 GMT`.',
    hint: 'Write times as HH:MM on the 24-hour clock (`1 p.m.` is `13:00`, `0900 GMT` is `09:00 GMT`); quotes keep their own wording.',
  },
  'style/verbatim-summary': {
    severity: 'warning',
    summary: 'A summary that copies a quote word for word instead of summarising it.',
    hint: 'Say what happened in your own neutral words; the quote is already shown below the summary. Put a phrase you keep in quotation marks.',
  },
  'style/loaded-term': {
    severity: 'warning',
    summary: "A word from the loaded-terms list of `content/style.yml` in a summary or title, outside quotation marks.",
    hint: 'Use the neutral wording suggested, or quote the word and say who used it.',
  },
  'style/house-spelling': {
    severity: 'warning',
    summary: "A spelling in a title or summary that `content/style.yml`'s `spellings` replaces with the house spelling (`Defence`, not `Defense`).",
    hint: 'Use the house spelling; quotes keep the article\'s own spelling.',
  },
  'text/lone-surrogate': {
    severity: 'error',
    summary: 'Text holds half of a UTF-16 surrogate pair (often from a `\\uD800`-style escape): it cannot be written as UTF-8, and the search index stops on it.',
    hint: 'Delete the escape or the character and type the intended character itself.',
  },
  'text/control-character': {
    severity: 'error',
    summary: 'Text holds a control character (U+0000–U+001F other than tab and line break, or U+007F–U+009F): feeds holding one are not valid XML.',
    hint: 'Delete the character; it is usually left over from a copy and paste or a `\\u0001`-style escape.',
  },
  'text/bidi-control': {
    severity: 'warning',
    summary: 'Text holds a bidirectional override or isolate (U+202A–U+202E, U+2066–U+2069), which can make it display in a misleading order.',
    hint: 'Delete the character; right-to-left scripts display correctly without it.',
  },
  'text/zero-width': {
    severity: 'warning',
    summary: 'Text holds an invisible character (U+200B–U+200D, U+2060, U+FEFF) that breaks searching and matching without showing.',
    hint: 'Delete the character (in most editors, move across it with the arrow keys and delete it).',
  },
  'body/too-large': {
    severity: 'error',
    summary: 'An event body longer than 10,000 characters: a runaway paste or the wrong file, and the renderer would take seconds on it.',
    hint: 'Keep the body to a summary of the event; long background belongs in a source.',
  },
  'body/too-deep': {
    severity: 'error',
    summary: 'Block quotes and lists nested more than 32 levels deep in a body: the Markdown renderer would run out of stack or time.',
    hint: 'Flatten the nesting: news text needs two or three levels at most. Check for a paste that repeats `>` or `- ` at the start of a line.',
  },
  'body/open-emphasis': {
    severity: 'error',
    summary: 'More than 32 emphasis marks (`*`, `_`) in one paragraph of a body that are left open or close nothing: the renderer would take minutes.',
    hint: 'Pair each `*` or `_` with its partner, or write a literal asterisk or underscore as `\\*` or `\\_`.',
  },
  'body/remote-image': {
    severity: 'error',
    summary: "An image in an event body loaded from another host, not listed in `site.yml`'s `image_hosts`: readers' browsers would fetch it from that host.",
    hint: 'Put the image into the site\'s own files and link it by path, or, if the host is trusted, add it to `image_hosts` in `content/site.yml`.',
  },
} as const satisfies Record<string, Rule>;

export type RuleId = keyof typeof RULES;
