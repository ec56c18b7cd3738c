import type { Source } from '../schema/records.ts';

type ProvenanceSource = Pick<Source, 'titleDescriptive' | 'publisher' | 'url' | 'language' | 'translatedFrom' | 'reprint'>;

/** What a reader should know about where a copy came from, in plain sentences for its page and a short note for citations. */
export interface Provenance {
  /** Whose title the page shows. */
  title: string;
  /** Who published it and where, or that the copy does not say: one sentence. */
  origin: string;
  /** `Translated from German into English.`, or null. */
  translation: string | null;
  /** That the copy is a reprint site's, or null. */
  reprint: string | null;
  /** `title by the editors; translated from German`: beside the source's title where a page names it; null when there is nothing to say. */
  short: string | null;
}

const languages = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

/** `German` for `de`; an unknown tag stays as written. */
export function languageName(tag: string): string {
  try {
    return languages.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

export function provenance(source: ProvenanceSource): Provenance {
  const title = source.titleDescriptive ? 'Title written by the editors; the copy has no headline.' : 'The title is the article’s own headline.';
  const origin =
    source.publisher && source.url
      ? `${source.publisher} published it.`
      : source.publisher
        ? `${source.publisher} published it; the copy gives no address for the original.`
        : source.url
          ? 'The copy does not name its publisher.'
          : 'The copy names neither its publisher nor an address for the original.';
  const from = source.translatedFrom ? languageName(source.translatedFrom) : null;
  const translation = from ? `Translated from ${from} into ${languageName(source.language)}.` : null;
  const reprint = source.reprint ? 'Copied from a site that reprints other outlets’ articles, not from the original publisher.' : null;
  const notes = [source.titleDescriptive ? 'title by the editors' : null, from ? `translated from ${from}` : null, source.reprint ? 'copied from a reprint site' : null].filter(
    (n): n is string => n !== null,
  );
  return { title, origin, translation, reprint, short: notes.length ? notes.join('; ') : null };
}
