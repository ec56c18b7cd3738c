import { describePoint, type Point } from './calendar.ts';
import type { Draft } from './drafts.ts';
import type { DateProposal } from './time.ts';

/** The drafts as the terminal shows them: numbered, with the sentence in full so it can be copied as a quote. */
export function formatDrafts(drafts: readonly Draft[], source: { file: string; published: Point; sentences: number }): string {
  const head = `${source.file}: ${drafts.length} draft event${drafts.length === 1 ? '' : 's'} from ${source.sentences} sentences (published ${describePoint(source.published)}).`;
  const blocks = drafts.map((d, i) => {
    const n = String(i + 1).padStart(2, ' ');
    const when = `${d.date.date}${d.date.utc ? ` (${d.date.utc.replace(':00Z', ' UTC').replace('T', ' ')})` : ''}${d.date.partOfDay ? `, ${d.date.partOfDay}` : ''}${d.date.approximate ? ', approximate' : ''}`;
    const lines = [`${n}. line ${d.line}  ${when}`];
    lines.push(`    quote:   “${d.sentence.replace(/\s+/g, ' ')}”`);
    lines.push(`    date:    ${d.date.note}`);
    lines.push(`    rule:    ${reasoning(d.date)}`);
    if (d.alsoMentions.length > 0) lines.push(`    also:    ${d.alsoMentions.map((m) => `'${m.text}' → ${m.date}`).join('; ')}`);
    if (d.actors.length > 0) lines.push(`    actors:  ${d.actors.join(', ')}`);
    if (d.places.length > 0) lines.push(`    places:  ${d.places.join(', ')}`);
    if (d.figures.length > 0) {
      const figures = d.figures.map((f) => `${f.text}${f.measure ? ` (${f.measure})` : ''}`);
      lines.push(`    figures: ${figures.join('; ')}`);
    }
    return lines.join('\n');
  });
  return [head, ...blocks].join('\n\n');
}

/** `after-happening, from the timeline event ceasefire-takes-effect (2023-09-20T13:00+04:00)`: which rule, which anchor. */
export function reasoning(p: DateProposal): string {
  const a = p.anchor;
  if (!a) return `${p.rule}, from the words alone`;
  const from =
    a.from === 'publication'
      ? `from the publication day (${a.date})`
      : a.from === 'timeline'
        ? `from the timeline event ${a.event} (${a.date})`
        : a.from === 'article'
          ? `from the article's date for '${a.text}' (${a.date})`
          : `from '${a.text}' earlier in the text (${a.date})`;
  return `${p.rule}, ${from}`;
}
