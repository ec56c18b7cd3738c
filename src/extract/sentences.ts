// The splitter moved to src/lib so that the source pages (src/model) can show a quote's sentence too.
export { splitSentences, type Sentence } from '../lib/sentences.ts';
