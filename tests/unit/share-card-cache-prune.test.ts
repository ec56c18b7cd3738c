import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CARD_CACHE_SLACK, writeShareCards } from '../../src/build/share-cards.ts';
import { cardSvg } from '../../src/exports/share-card.ts';

/**
 * The card cache stays near the size of one site: a build keeps the cards it used and as many others again plus
 * the slack, the most recently drawn first, and never touches a file that is not a card.
 */
let root: string;
afterEach(() => rm(root, { recursive: true, force: true }));

const card = (name: string, title: string) => ({
  path: `/cards/${name}.png`,
  svg: cardSvg({ title, date: 'Wednesday 20 September 2023', site: 'A site' }),
  alt: title,
});

describe('the share-card cache', () => {
  it('deletes the unused cards drawn longest ago beyond its limit, and keeps the used ones and other files', async () => {
    root = await mkdtemp(join(tmpdir(), 'nt-card-prune-'));
    const cache = join(root, 'cache');
    await mkdir(join(cache, 'cards'), { recursive: true });
    const used = [card('used-a', 'First'), card('used-b', 'Second')];
    // A used card drawn long ago stays; the unused ones are dated one second apart, stale-0000 the oldest.
    await writeFile(join(cache, 'cards', 'used-a.png'), 'old but used');
    await utimes(join(cache, 'cards', 'used-a.png'), 1, 1);
    const stale = used.length + CARD_CACHE_SLACK + 3;
    for (let i = 0; i < stale; i++) {
      const file = join(cache, 'cards', `stale-${String(i).padStart(4, '0')}.png`);
      await writeFile(file, '');
      await utimes(file, 1_000_000 + i, 1_000_000 + i);
    }
    await writeFile(join(cache, 'cards', 'README.txt'), 'not a card');

    const counts = await writeShareCards(join(root, 'site'), used, cache);
    expect(counts).toEqual({ rendered: 1, cached: 1 });
    const left = new Set(await readdir(join(cache, 'cards')));
    expect(['stale-0000.png', 'stale-0001.png', 'stale-0002.png'].filter((n) => left.has(n))).toEqual([]);
    expect(left.has('stale-0003.png')).toBe(true);
    expect(left.has(`stale-${String(stale - 1).padStart(4, '0')}.png`)).toBe(true);
    expect(['used-a.png', 'used-b.png', 'README.txt'].every((n) => left.has(n))).toBe(true);
    expect(left.size).toBe(2 + used.length + CARD_CACHE_SLACK + 1);
  });

  it('keeps every card while the unused ones are within the limit', async () => {
    root = await mkdtemp(join(tmpdir(), 'nt-card-prune-'));
    const cache = join(root, 'cache');
    await mkdir(join(cache, 'cards'), { recursive: true });
    for (let i = 0; i < 5; i++) await writeFile(join(cache, 'cards', `stale-${i}.png`), '');
    await writeShareCards(join(root, 'site'), [card('used-a', 'First')], cache);
    expect((await readdir(join(cache, 'cards'))).sort()).toEqual(['stale-0.png', 'stale-1.png', 'stale-2.png', 'stale-3.png', 'stale-4.png', 'used-a.png']);
  });
});
