import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/extract/sentences.ts';

const texts = (body: string) => splitSentences(body).map((s) => s.text);

describe('splitSentences', () => {
  it.each<[string, string, string[]]>([
    ['two plain sentences', 'Azerbaijan halted the operation. Talks start on Thursday.', ['Azerbaijan halted the operation.', 'Talks start on Thursday.']],
    [
      'a time in parentheses after p.m.',
      'Effective from 1 p.m. (0900 GMT) on Wednesday, forces will disarm. Talks follow.',
      ['Effective from 1 p.m. (0900 GMT) on Wednesday, forces will disarm.', 'Talks follow.'],
    ],
    ['a.m. before a capital ends the sentence', 'It began at 6 a.m. Shelling followed.', ['It began at 6 a.m.', 'Shelling followed.']],
    ['initials do not end a sentence', 'Officials of the U.S. State Department spoke. Then U.N. Secretary-General Guterres did.', ['Officials of the U.S. State Department spoke.', 'Then U.N. Secretary-General Guterres did.']],
    ['abbreviations do not end a sentence', 'Gen. Smith arrived on Sept. 19 in Baku. He left.', ['Gen. Smith arrived on Sept. 19 in Baku.', 'He left.']],
    ['a closing quote stays with its sentence', '“They are our citizens,” Aliyev said. He promised a “paradise.” Critics disagreed.', ['“They are our citizens,” Aliyev said.', 'He promised a “paradise.”', 'Critics disagreed.']],
    ['an opening quote starts a sentence', 'He spoke. “We will stay,” she said.', ['He spoke.', '“We will stay,” she said.']],
    ['a question and an exclamation', 'Will it hold? Nobody knows! Talks go on.', ['Will it hold?', 'Nobody knows!', 'Talks go on.']],
    ['a paragraph without end punctuation is one sentence', 'Ruben Vardanyan told\n\nHe said so.', ['Ruben Vardanyan told', 'He said so.']],
    ['a lowercase word after a full stop does not start a sentence', 'He said 100 were killed. could not verify that.', ['He said 100 were killed. could not verify that.']],
    ['headings are not sentences', '## International pressure\n\nThe announcement came.', ['The announcement came.']],
    ['a number after a full stop starts a sentence', 'It ended. 3,154 people were evacuated.', ['It ended.', '3,154 people were evacuated.']],
  ])('%s', (_, body, sentences) => {
    expect(texts(body)).toEqual(sentences);
  });

  it('gives file lines and exact offsets, with hard-wrapped paragraphs kept whole', () => {
    const body = 'First paragraph.\n\nSecond one starts here\nand wraps. Third sentence.\n';
    const sentences = splitSentences(body, 10);
    expect(sentences.map((s) => [s.text, s.line])).toEqual([
      ['First paragraph.', 10],
      ['Second one starts here\nand wraps.', 12],
      ['Third sentence.', 13],
    ]);
    for (const s of sentences) expect(body.slice(s.start, s.end)).toBe(s.text);
  });
});
