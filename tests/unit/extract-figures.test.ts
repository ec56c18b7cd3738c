import { describe, expect, it } from 'vitest';
import { findFigures } from '../../src/extract/figures.ts';

const brief = (sentence: string, exclude: [number, number][] = []) =>
  findFigures(sentence, exclude).map((f) => [f.text, f.value ?? f.figure, f.qualifier, f.measure, ...(f.max !== null ? [f.max] : [])]);

describe('findFigures', () => {
  it.each<[string, unknown[][]]>([
    [
      'Armenia said that at least 32 people had been killed and more than 200 wounded by the shelling.',
      [
        ['at least 32', 32, 'at-least', 'killed'],
        ['more than 200', 200, 'more-than', 'injured'],
      ],
    ],
    [
      'The Russian peacekeepers brought 3,154 people to safety as part of an evacuation operation, including 1,428 children.',
      [
        ['3,154', 3154, null, 'evacuated'],
        ['1,428', 1428, null, 'children-evacuated'],
      ],
    ],
    [
      'He said that close to 100 people had been killed and hundreds more injured in the fighting.',
      [
        ['close to 100', 100, 'close-to', 'killed'],
        ['hundreds', 'hundreds', null, 'injured'],
      ],
    ],
    ['Baku said it had taken control of more than 60 military positions.', [['more than 60', 60, 'more-than', 'positions-taken']]],
    ['A representative spoke of “at least 200 killed and 400 injured.”', [['at least 200', 200, 'at-least', 'killed'], ['400', 400, null, 'injured']]],
    ['Ten of them were civilians, half of them children, it said.', [['Ten', 10, null, null]]],
    ['Dozens of people were also reported killed.', [['Dozens', 'dozens', null, 'killed']]],
    ['Tens of thousands of people are still waiting in the region.', [['Tens of thousands', 'tens of thousands', null, null]]],
    ['Between 200 to 250 people were killed.', [['200 to 250', 200, null, 'killed', 250]]],
    ['Its population of 120,000 is overwhelmingly ethnic Armenian.', [['120,000', 120000, null, null]]],
    ['Russia’s 2,000-strong peacekeeping force stayed.', [['2,000', 2000, null, null]]],
  ])('%j', (sentence, expected) => {
    expect(brief(sentence)).toEqual(expected);
  });

  it.each([
    'The region has been at the centre of two wars since the 1991 Soviet fall.',
    'The second war ended after a 44-day offensive, three years ago.',
    'The ceasefire took effect at 1 p.m. (0900 GMT) on Wednesday.',
    'It had blockaded the region for nine months.',
  ])('no figures in %j', (sentence) => {
    expect(brief(sentence)).toEqual([]);
  });

  it('skips the spans of date expressions it is given', () => {
    const sentence = 'In 2020, 6,500 people died.';
    expect(brief(sentence, [[3, 7]])).toEqual([['6,500', 6500, null, 'killed']]);
  });
});
