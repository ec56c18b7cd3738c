import { describe, expect, it } from 'vitest';
import { participantAccounts } from '../../src/model/citations.ts';

const armenia = { id: 'armenia', name: 'Armenia' };
const azerbaijan = { id: 'azerbaijan', name: 'Azerbaijan' };
const karabakh = { id: 'karabakh-authorities', name: 'Karabakh de facto authorities' };
const cite = (source: string, participants: { id: string; name: string }[]) => ({ source, sourceTitle: source.toUpperCase(), participants });

describe('participantAccounts: who took part, as each source tells it', () => {
  it('keeps disagreeing accounts apart and groups the sources that agree, whatever order they list the actors in', () => {
    expect(
      participantAccounts([
        cite('dw', [armenia]),
        cite('afp', [azerbaijan, karabakh]),
        cite('reuters', []),
        cite('aj', [karabakh, azerbaijan]),
        cite('afp', [azerbaijan, karabakh]),
      ]),
    ).toEqual([
      { actors: [armenia], sources: [{ id: 'dw', title: 'DW', path: '/sources/dw/' }] },
      {
        actors: [azerbaijan, karabakh],
        sources: [
          { id: 'afp', title: 'AFP', path: '/sources/afp/' },
          { id: 'aj', title: 'AJ', path: '/sources/aj/' },
        ],
      },
    ]);
  });

  it('gives no account where no citation records who took part', () => {
    expect(participantAccounts([cite('reuters', [])])).toEqual([]);
  });
});
