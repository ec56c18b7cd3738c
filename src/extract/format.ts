import { describePoint, type Point } from './calendar.ts';
import type { Draft } from './drafts.ts';

/** The drafts as the terminal shows them: numbered, with the sentence in full so it can be copied as a quote. */
export function formatDrafts(drafts: readonly Draft[], source: { file: string; published: Point; sentences: number }): string {
  const head = `${source.file}: ${drafts.length} draft event${drafts.length === 1 ? '' : 's'} from ${source.sentences} sentences (published ${describePoint(source.published)}).`;
  const blocks = drafts.map((d, i) => {
    const n = String(i + 1).padStart(2, ' ');
    const when = `${d.date.date}${d.date.utc ? ` (${d.date.utc.replace(':00Z', ' UTC').replace('T', ' ')})` : ''}${d.date.approximate ? ', approximate' : ''}`;
    const lines = [`${n}. line ${d.line}  ${when}`];
    lines.push(`    quote:   “${d.sentence.replace(/\s+/g, ' ')}”`);
    lines.push(`    date:    ${d.date.note}`);
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
