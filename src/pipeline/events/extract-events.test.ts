import { describe, expect, it } from 'vitest';
import base from '../../../data/stories/iraq-2014-06-13/actors.json';
import { makeEntry, makePlaces } from '../../../test/fixtures/events/helpers.ts';
import { loadActorRegistry } from './actors.ts';
import { extractEvents, maskQuotes } from './extract-events.ts';
import type { Source } from '../types.ts';

const registry = loadActorRegistry(base);
const places = makePlaces([
  ['jalawla', 'Jalawla', 45.16806, 34.27194, 'town', [], 'Asia/Baghdad'],
  ['sadiyah', 'Sadiyah', 45.12078, 34.19056, 'town', ['Saadiya'], 'Asia/Baghdad'],
  ['tikrit', 'Tikrit', 43.68, 34.61, 'town', [], 'Asia/Baghdad'],
  ['london', 'London', -0.13, 51.51, 'town', [], 'Europe/London'],
]);
const sources: Source[] = [
  { id: 'a', publisher: 'Outlet A', timezone: 'Europe/London', date: '2014-06-13' },
  { id: 'b', publisher: 'Outlet B', timezone: 'UTC', date: '2014-06-13' },
];
const entry = (id: string, source: string, time: string, text: string, extra = {}) => makeEntry(id, source, time, text, places, extra);
const run = (entries: ReturnType<typeof entry>[]) => extractEvents({ entries, places, sources }, registry);

describe('extractEvents', () => {
  it('merges the same change from two outlets into one confirmed event citing both', () => {
    const { events } = run([
      entry('a-1', 'a', '2014-06-13T15:35:00Z', 'Kurdish Peshmerga fighters retake Jalawla, Reuters reports.'),
      entry('b-1', 'b', '2014-06-13T16:04:00Z', 'Iraqi Kurdish peshmerga forces have reclaimed the town of Jalawla from ISIS militants.', { timeEstimated: true }),
    ]);
    expect(events.features).toHaveLength(1);
    expect(events.features[0].properties).toMatchObject({
      id: 'ev-jalawla-control-1', actor: 'kurdish-forces', from: 'isis', entries: ['a-1', 'b-1'], sources: ['a', 'b'],
      status: 'confirmed', time: '2014-06-13T15:35:00Z', reportedAt: '2014-06-13T15:35:00Z',
    });
    expect(events.features[0].properties.quotes).toEqual([
      'Kurdish Peshmerga fighters retake Jalawla, Reuters reports.',
      'Iraqi Kurdish peshmerga forces have reclaimed the town of Jalawla from ISIS militants.',
    ]);
    expect(events.features[0].geometry.coordinates).toEqual([45.16806, 34.27194]);
  });

  it('fills the timeline and makes the place a theatre; incidental places stay as they were', () => {
    const { places: out, actors } = run([
      entry('a-1', 'a', '2014-06-13T07:30:00Z', 'Overnight jihadist fighters with Isis took over Jalawla.'),
      entry('a-2', 'a', '2014-06-13T15:35:00Z', 'Kurdish Peshmerga fighters retake Jalawla. Kerry spoke in London.'),
    ]);
    const jalawla = out.features.find((f) => f.properties.id === 'jalawla')!.properties;
    expect(jalawla.role).toBe('theatre');
    expect(jalawla.timeline!.map((s) => s.actor)).toEqual(['iraqi-government', 'isis', 'kurdish-forces']);
    expect(jalawla.timeline![0].start).toBeUndefined();
    expect(out.features.find((f) => f.properties.id === 'london')!.properties).toMatchObject({ role: 'incidental' });
    expect(actors.map((a) => a.id)).toEqual(['isis', 'kurdish-forces', 'iraqi-government']);
  });

  it('a change that a later report contradicts is contested, citing both sides', () => {
    const { events, places: out } = run([
      entry('a-1', 'a', '2014-06-13T07:30:00Z', 'Overnight Isis took over Saadiya.'),
      entry('a-2', 'a', '2014-06-13T15:35:00Z', 'Kurdish Peshmerga fighters have taken over Saadiya, previously invaded by Isis.'),
      entry('a-0', 'a', '2014-06-13T09:00:00Z', 'Isis seized Saadiya.', { kind: 'summary' }),
      entry('a-3', 'a', '2014-06-13T16:55:00Z', 'Live coverage ends here.'),
    ]);
    const spans = out.features.find((f) => f.properties.id === 'sadiyah')!.properties.timeline!;
    expect(spans.at(-1)).toMatchObject({ actor: 'contested', claimants: ['kurdish-forces', 'isis'], events: ['ev-sadiyah-control-2', 'ev-sadiyah-control-1'] });
    expect(events.features.find((f) => f.properties.id === 'ev-sadiyah-control-2')!.properties.status).toBe('contested');
  });

  it('comments, captions, social posts, duplicates and unattributed quotes make no events', () => {
    const { events } = run([
      entry('a-1', 'a', '2014-06-13T10:00:00Z', 'Banners in the square read "Isis took over Tikrit and Jalawla" all morning.'),
      entry('a-2', 'a', '2014-06-13T10:05:00Z', 'Isis took over Tikrit.', { kind: 'comment' }),
      entry('a-3', 'a', '2014-06-13T10:10:00Z', 'Isis took over Tikrit.', { kind: 'caption' }),
      entry('a-4', 'a', '2014-06-13T10:15:00Z', 'Isis took over Tikrit.', { kind: 'social' }),
      entry('a-5', 'a', '2014-06-13T10:20:00Z', 'Isis took over Jalawla.'),
      entry('a-6', 'a', '2014-06-13T10:25:00Z', 'Isis took over Jalawla.', { duplicateOf: 'a-5' }),
    ]);
    expect(events.features.map((f) => [f.properties.id, f.properties.entries])).toEqual([['ev-jalawla-control-1', ['a-5']]]);
  });

  it('an attributed quotation makes claims, which a report of the same change outweighs', () => {
    const { events } = run([
      entry('a-1', 'a', '2014-06-13T10:00:00Z', 'A commander said: "Isis took over Tikrit and Jalawla."'),
      entry('a-5', 'a', '2014-06-13T10:20:00Z', 'Isis took over Jalawla.'),
    ]);
    expect(events.features.map((f) => [f.properties.place, f.properties.entries, f.properties.status])).toEqual([
      ['Jalawla', ['a-1', 'a-5'], 'reported'],
      ['Tikrit', ['a-1'], 'claimed'],
    ]);
  });

  it('uses the place\'s timezone for "overnight" and ids are deterministic', () => {
    const input = [entry('a-1', 'a', '2014-06-13T07:30:00Z', 'Overnight Isis took over Jalawla.')];
    const first = run(input);
    expect(first.events.features[0].properties).toMatchObject({ timeStart: '2014-06-12T17:00:00Z', timeEnd: '2014-06-13T03:00:00Z', timePrecision: 'day' });
    expect(JSON.stringify(run(input))).toBe(JSON.stringify(first));
  });

  it('warns about unknown armed groups instead of failing', () => {
    const { actors, warnings } = run([entry('a-1', 'a', '2014-06-13T10:00:00Z', 'The Wagner group seized Tikrit.')]);
    expect(actors).toEqual([{ id: 'group-wagner-group', name: 'Wagner group', color: '#999999', short: 'Wagner', kind: 'non-state' }]);
    expect(warnings.map((w) => w.code)).toEqual(['unknown-actor']);
  });
});

describe('maskQuotes', () => {
  it('blanks the quoted characters of a sentence and keeps its length', () => {
    const text = 'Troops left. He said "we took Kupiansk" at noon.';
    const start = text.indexOf('He');
    const mask = new Uint8Array(text.length).fill(1, text.indexOf('"'), text.lastIndexOf('"') + 1);
    const masked = maskQuotes({ start, end: text.length, text: text.slice(start) }, mask);
    expect(masked).toBe(`He said ${' '.repeat('"we took Kupiansk"'.length)} at noon.`);
  });

  it('gives the sentence itself when nothing in it is quoted', () => {
    const text = '"Quoted" first. Then Izium.';
    const start = text.indexOf('Then');
    const mask = new Uint8Array(text.length).fill(1, 0, 8);
    expect(maskQuotes({ start, end: text.length, text: text.slice(start) }, mask)).toBe('Then Izium.');
  });
});
