/**
 * controlAt on every slider frame: 2,000 places and 10,000 control events (five changes per
 * place), a synthetic story built here. Target: at(t) ≤ 1 ms p99.
 */
import { bench, describe } from 'vitest';
import { makePlaces, type PlaceRow } from '../../../test/fixtures/events/helpers.ts';
import { compileControl, controlAt } from './control-at.ts';
import type { ControlSpan } from '../types.ts';

const PLACES = 2000;
const CHANGES = 5;
const START = Date.parse('2014-06-01T00:00:00Z');
const HOUR = 3600_000;
const actors = ['isis', 'iraqi-government', 'kurdish-forces', 'shia-militias', 'contested'];

const rows: PlaceRow[] = Array.from({ length: PLACES }, (_, i) => [`p${i}`, `Place ${i}`, 40 + (i % 50) / 10, 30 + i / 400]);
const places = makePlaces(rows);
let seed = 7;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
for (const f of places.features) {
  const timeline: ControlSpan[] = [{ actor: 'iraqi-government', events: [] }];
  let t = START;
  for (let c = 0; c < CHANGES; c++) {
    t += Math.floor(random() * 72) * HOUR;
    timeline.push({ actor: actors[Math.floor(random() * actors.length)], start: new Date(t).toISOString(), events: [`ev-${f.properties.id}-${c}`] });
  }
  f.properties.timeline = timeline;
}
const story = { places };
const compiled = compileControl(story);
let frame = 0;
const nextTime = () => START + ((frame++ * 997 * 60_000) % (20 * 24 * HOUR));

describe('control at a slider frame (2,000 places, 10,000 events)', () => {
  bench('compileControl(story).at(t)', () => {
    compiled.at(nextTime());
  });
  bench('controlAt(story, t) (cached compile)', () => {
    controlAt(story, nextTime());
  });
  bench('compileControl(story) once per story', () => {
    compileControl(story);
  });
});
