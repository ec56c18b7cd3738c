import { describe, expect, it } from 'vitest';
import { recognise, type Known } from '../../src/extract/entities.ts';

const ACTORS: Known[] = [
  { id: 'azerbaijan', name: 'Azerbaijan', aliases: ['Baku', "Azerbaijan's Defence Ministry"] },
  { id: 'russia', name: 'Russia', aliases: ['Moscow', 'Kremlin'] },
  { id: 'russian-peacekeepers', name: 'Russian peacekeepers', aliases: ['peacekeepers'] },
  { id: 'karabakh-forces', name: 'Karabakh forces', aliases: ['ethnic Armenian forces', 'separatist forces'] },
  { id: 'karabakh-armenians', name: 'Karabakh Armenians', aliases: ['ethnic Armenians'] },
  { id: 'united-states', name: 'United States', aliases: ['U.S.', 'US', 'White House'] },
  { id: 'united-nations', name: 'United Nations', aliases: ['UN'] },
];
const PLACES: Known[] = [
  { id: 'nagorno-karabakh', name: 'Nagorno-Karabakh', aliases: ['Karabakh', 'the enclave'] },
  { id: 'stepanakert', name: 'Stepanakert', aliases: ['Khankendi'] },
  { id: 'stepanakert-airport', name: 'Stepanakert airport', aliases: ['the airport'] },
  { id: 'yevlakh', name: 'Yevlakh', aliases: ['Yevlax', 'Yevlkah'] },
];

const ids = (sentence: string, known: Known[]) => recognise(sentence, known).map((r) => r.id);

describe('recognise', () => {
  it.each<[string, Known[], string[]]>([
    ['Crowds made their way to the airport in Stepanakert, known as Khankendi by Azerbaijan.', PLACES, ['stepanakert-airport', 'stepanakert']],
    ['An Armenian delegation came to Yevlax for talks.', PLACES, ['yevlakh']],
    ['Talks in the town of Yevlkah.', PLACES, ['yevlakh']],
    ['Fighting in Nagorno-Karabakh and across Karabakh.', PLACES, ['nagorno-karabakh']],
    // Typographic apostrophes match plain ones.
    ['Azerbaijan’s Defence Ministry said so.', ACTORS, ['azerbaijan']],
    ['Baku’s control.', ACTORS, ['azerbaijan']],
    // The longest name wins: `Russian peacekeepers` is not Russia.
    ['Russian peacekeepers evacuated civilians.', ACTORS, ['russian-peacekeepers']],
    // Whole words only: `Azerbaijani` is not `Azerbaijan`, `Russian` is not `Russia`.
    ['The Azerbaijani minority and Russian media.', ACTORS, []],
    // Case-sensitive: `US` and `UN` are not `us` and `un`.
    ['They told us it was an unusual day.', ACTORS, []],
    ['The U.S. and the UN called for calm.', ACTORS, ['united-states', 'united-nations']],
    // A lowercase alias matches with a capital at the start of a sentence.
    ['Peacekeepers stayed; ethnic Armenian forces left.', ACTORS, ['russian-peacekeepers', 'karabakh-forces']],
    ['Ethnic Armenian forces accepted; ethnic Armenians fled.', ACTORS, ['karabakh-forces', 'karabakh-armenians']],
    // Each id once, in order of first mention.
    ['The Kremlin and Moscow and Baku.', ACTORS, ['russia', 'azerbaijan']],
  ])('%j', (sentence, known, expected) => {
    expect(ids(sentence, known)).toEqual(expected);
  });

  it('reports the words that named each one', () => {
    expect(recognise('Crowds went to the airport near Khankendi.', PLACES)).toEqual([
      { id: 'stepanakert-airport', text: 'the airport', index: 15 },
      { id: 'stepanakert', text: 'Khankendi', index: 32 },
    ]);
  });
});
