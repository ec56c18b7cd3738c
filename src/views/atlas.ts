import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Topology } from 'topojson-specification';
import { prepareAtlas, type Atlas } from './map.ts';

/**
 * Natural Earth's 1:50m countries (public domain) from the world-atlas package, read from node_modules at build
 * time: maps need no network, ever. Read once per build; the model functions take the prepared atlas.
 */
export function loadAtlas(): Atlas {
  const file = createRequire(import.meta.url).resolve('world-atlas/countries-50m.json');
  return prepareAtlas(JSON.parse(readFileSync(file, 'utf8')) as Topology);
}
