import { describe, expect, it } from 'vitest';
import { storyProblems } from '../pipeline/story-schema.ts';
import type { ControlSpan, EventProperties, PlaceFeature, Story } from '../pipeline/types.ts';
import { actorEventCounts, editActors } from './edit-actors.ts';

function event(p: Partial<EventProperties> & Pick<EventProperties, 'id' | 'placeId' | 'place' | 'summary'>): Story['events']['features'][number] {
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [28.86, -2.5] },
    properties: {
      kind: 'control',
      actors: [],
      time: '2025-02-16T08:00:00Z',
      timeStart: '2025-02-16T06:00:00Z',
      timeEnd: '2025-02-16T08:00:00Z',
      timePrecision: 'hour',
      placePrecision: 1,
      reportedAt: '2025-02-16T08:15:00Z',
      entries: ['blog-1'],
      sources: ['blog'],
      status: 'reported',
      confidence: 0.6,
      quotes: ['Rebels captured the town.'],
      ...p,
    },
  };
}

function place(id: string, name: string, timeline: ControlSpan[]): PlaceFeature {
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [28.86, -2.5] },
    properties: { id, name, altNames: [], country: 'CD', kind: 'town', precision: 'exact', role: 'theatre', origin: 'test', mentionCount: 1, timeline },
  };
}

/**
 * Eastern DR Congo, February 2025: "rebels" (a derived grey group) take Bukavu from Congolese
 * forces, then M23 takes it from them; M23 takes Goma; the rebels claim Uvira and clash there.
 */
function drcStory(): Story {
  return {
    version: 1,
    id: 'drc',
    title: 'Eastern DR Congo',
    sources: [{ id: 'blog', publisher: 'Blog', timezone: 'UTC', date: '2025-02-16' }],
    entries: [],
    actors: [
      { id: 'dr-congo', name: 'Congolese forces', color: '#B07AA1', short: 'CD', kind: 'state' },
      { id: 'm23', name: 'M23 / Alliance Fleuve Congo', color: '#17BECF', short: 'M23', kind: 'non-state' },
      { id: 'group-rebels', name: 'Rebels', color: '#999999', short: 'REBELS', kind: 'non-state' },
    ],
    events: {
      type: 'FeatureCollection',
      features: [
        event({ id: 'ev-bukavu-control-1', placeId: 'bukavu', place: 'Bukavu', actor: 'group-rebels', from: 'dr-congo', fromBasis: 'reported', actors: ['group-rebels', 'dr-congo'], summary: 'Rebels took Bukavu from Congolese forces overnight.', subEventType: 'Non-state actor overtakes territory' }),
        event({ id: 'ev-bukavu-control-2', placeId: 'bukavu', place: 'Bukavu', time: '2025-02-16T12:00:00Z', actor: 'm23', from: 'group-rebels', fromBasis: 'earlier-event', actors: ['m23'], summary: 'M23 / Alliance Fleuve Congo took Bukavu from Rebels by 12:00 UTC on 16 February.' }),
        event({ id: 'ev-goma-control-1', placeId: 'goma', place: 'Goma', actor: 'm23', from: 'dr-congo', fromBasis: 'assumed', actors: ['m23'], summary: 'M23 / Alliance Fleuve Congo took Goma by 08:00 UTC on 16 February.' }),
        event({ id: 'ev-uvira-control-1', placeId: 'uvira', place: 'Uvira', actor: 'group-rebels', actors: ['group-rebels'], status: 'claimed', claimant: 'group-rebels', summary: 'Rebels say they took Uvira by 08:00 UTC on 16 February.', subEventType: 'Non-state actor overtakes territory' }),
        event({ id: 'ev-uvira-clash-1', placeId: 'uvira', place: 'Uvira', kind: 'clash', actors: ['group-rebels', 'm23'], summary: 'Rebels and M23 / Alliance Fleuve Congo clashed in Uvira by 08:00 UTC on 16 February.' }),
      ],
    },
    places: {
      type: 'FeatureCollection',
      features: [
        place('bukavu', 'Bukavu', [
          { actor: 'dr-congo', events: ['ev-bukavu-control-1'] },
          { actor: 'group-rebels', start: '2025-02-16T08:00:00Z', events: ['ev-bukavu-control-1'] },
          { actor: 'm23', start: '2025-02-16T12:00:00Z', events: ['ev-bukavu-control-2'] },
        ]),
        place('goma', 'Goma', [
          { actor: 'dr-congo', events: ['ev-goma-control-1'], assumed: true },
          { actor: 'm23', start: '2025-02-16T08:00:00Z', events: ['ev-goma-control-1'] },
        ]),
        place('uvira', 'Uvira', [{ actor: 'contested', claimants: ['group-rebels', 'm23'], start: '2025-02-16T08:00:00Z', events: ['ev-uvira-control-1'] }]),
      ],
    },
    span: { start: '2025-02-16T08:15:00Z', end: '2025-02-16T14:00:00Z' },
    warnings: [{ code: 'unknown-actor', message: 'armed group "Rebels" is not in the actor registry; shown in neutral grey', hint: 'add "Rebels" to the story\'s actor registry with a colour' }],
  };
}

const props = (story: Story, id: string) => story.events.features.find((f) => f.properties.id === id)?.properties;
const timeline = (story: Story, id: string) => story.places.features.find((f) => f.properties.id === id)!.properties.timeline;

describe('editActors', () => {
  it('renames an actor and its short label, in the actor list and in event summaries, without changing the input', () => {
    const story = drcStory();
    const before = JSON.stringify(story);
    const out = editActors(story, [{ id: 'm23', name: '  M23 rebels ', short: 'M23/AFC' }]);
    expect(out.actors.find((a) => a.id === 'm23')).toMatchObject({ name: 'M23 rebels', short: 'M23/AFC', color: '#17BECF' });
    expect(props(out, 'ev-goma-control-1')!.summary).toBe('M23 rebels took Goma by 08:00 UTC on 16 February.');
    expect(props(out, 'ev-uvira-clash-1')!.summary).toBe('Rebels and M23 rebels clashed in Uvira by 08:00 UTC on 16 February.');
    expect(props(out, 'ev-uvira-control-1')!.quotes).toEqual(['Rebels captured the town.']);
    expect(JSON.stringify(story)).toBe(before);
  });

  it('recolours an actor, written in upper case as the story format writes colours', () => {
    const out = editActors(drcStory(), [{ id: 'group-rebels', color: '#d62728' }]);
    expect(out.actors.map((a) => a.color)).toEqual(['#B07AA1', '#17BECF', '#D62728']);
  });

  it('merges an actor into another in events, claims and the actor list', () => {
    const out = editActors(drcStory(), [{ id: 'group-rebels', mergeInto: 'm23' }]);
    expect(out.actors.map((a) => a.id)).toEqual(['dr-congo', 'm23']);
    expect(props(out, 'ev-bukavu-control-1')).toMatchObject({ actor: 'm23', from: 'dr-congo', actors: ['m23', 'dr-congo'], summary: 'M23 / Alliance Fleuve Congo took Bukavu from Congolese forces overnight.' });
    expect(props(out, 'ev-uvira-control-1')).toMatchObject({ actor: 'm23', claimant: 'm23', actors: ['m23'] });
    expect(props(out, 'ev-uvira-clash-1')!.actors).toEqual(['m23']);
  });

  it('joins timeline spans that now have the same holder, and drops a change whose holders became one', () => {
    const out = editActors(drcStory(), [{ id: 'group-rebels', mergeInto: 'm23' }]);
    expect(timeline(out, 'bukavu')).toEqual([
      { actor: 'dr-congo', events: ['ev-bukavu-control-1'] },
      { actor: 'm23', start: '2025-02-16T08:00:00Z', events: ['ev-bukavu-control-1'] },
    ]);
    expect(props(out, 'ev-bukavu-control-2')).toBeUndefined();
    expect(out.warnings).toEqual([expect.objectContaining({ code: 'merged-no-change', message: expect.stringMatching(/^Bukavu: .*ev-bukavu-control-2.*M23 \/ Alliance Fleuve Congo/) })]);
  });

  it('drops the grey-group warning once the group is merged or given a colour, not when only renamed', () => {
    const codes = (edits: Parameters<typeof editActors>[1]) => editActors(drcStory(), edits).warnings.map((w) => w.code);
    expect(codes([{ id: 'group-rebels', mergeInto: 'm23' }])).toEqual(['merged-no-change']);
    expect(codes([{ id: 'group-rebels', color: '#D62728' }])).toEqual([]);
    expect(codes([{ id: 'group-rebels', name: 'Rebel fighters' }])).toEqual(['unknown-actor']);
  });

  it('turns a contest between two merged actors into a span held by the one they became', () => {
    const out = editActors(drcStory(), [{ id: 'group-rebels', mergeInto: 'm23' }]);
    expect(timeline(out, 'uvira')).toEqual([{ actor: 'm23', start: '2025-02-16T08:00:00Z', events: ['ev-uvira-control-1'] }]);
  });

  it('keeps a joined span assumed only when both spans were', () => {
    const out = editActors(drcStory(), [{ id: 'm23', mergeInto: 'dr-congo' }, { id: 'group-rebels', mergeInto: 'dr-congo' }]);
    expect(timeline(out, 'goma')).toEqual([{ actor: 'dr-congo', events: [] }]);
  });

  it('follows chained merges and takes the ACLED capture type of the actor a change now belongs to', () => {
    const out = editActors(drcStory(), [{ id: 'group-rebels', mergeInto: 'm23' }, { id: 'm23', mergeInto: 'dr-congo' }]);
    expect(out.actors.map((a) => a.id)).toEqual(['dr-congo']);
    expect(out.events.features.filter((f) => f.properties.kind === 'control').map((f) => f.properties.id)).toEqual(['ev-uvira-control-1']);
    expect(props(out, 'ev-uvira-control-1')!.actor).toBe('dr-congo');
    const kept = editActors(drcStory(), [{ id: 'group-rebels', mergeInto: 'dr-congo' }]);
    expect(props(kept, 'ev-bukavu-control-2')).toMatchObject({ from: 'dr-congo', summary: 'M23 / Alliance Fleuve Congo took Bukavu from Congolese forces by 12:00 UTC on 16 February.' });
    expect(props(kept, 'ev-uvira-control-1')!.subEventType).toBe('Government regains territory');
  });

  it('renames the actor others merge into, in their summaries too', () => {
    const out = editActors(drcStory(), [{ id: 'group-rebels', mergeInto: 'm23' }, { id: 'm23', name: 'M23' }]);
    expect(props(out, 'ev-bukavu-control-1')!.summary).toBe('M23 took Bukavu from Congolese forces overnight.');
    expect(props(out, 'ev-uvira-control-1')!.summary).toBe('M23 say they took Uvira by 08:00 UTC on 16 February.');
  });

  it('gives a story the schema accepts', () => {
    expect(storyProblems(drcStory())).toEqual([]);
    expect(storyProblems(editActors(drcStory(), [{ id: 'group-rebels', mergeInto: 'm23' }, { id: 'm23', name: 'M23', color: '#123abc' }]))).toEqual([]);
  });

  it('refuses unknown actors, merges into itself or in a circle, bad colours and empty names, naming the actor', () => {
    const story = drcStory();
    expect(() => editActors(story, [{ id: 'rsf', name: 'RSF' }])).toThrow('unknown actor: rsf (the story has dr-congo, m23, group-rebels)');
    expect(() => editActors(story, [{ id: 'm23', mergeInto: 'm23' }])).toThrow('cannot merge actor m23 into itself');
    expect(() => editActors(story, [{ id: 'm23', mergeInto: 'rsf' }])).toThrow('cannot merge actor m23 into unknown actor: rsf');
    expect(() => editActors(story, [{ id: 'm23', mergeInto: 'group-rebels' }, { id: 'group-rebels', mergeInto: 'm23' }])).toThrow('actors merge in a circle: m23 → group-rebels → m23');
    expect(() => editActors(story, [{ id: 'm23', color: 'red' }])).toThrow('actor m23: invalid colour "red" (use #RRGGBB)');
    expect(() => editActors(story, [{ id: 'm23', color: '#17BECF80' }])).toThrow(/invalid colour/);
    expect(() => editActors(story, [{ id: 'm23', name: '  ' }])).toThrow('actor m23: the name is empty');
    expect(() => editActors(story, [{ id: 'm23', short: '' }])).toThrow('actor m23: the short label is empty');
    expect(() => editActors(story, [{ id: 'm23', name: 'A' }, { id: 'm23', name: 'B' }])).toThrow('actor m23 is edited twice');
    expect(() => editActors(story, [{ id: 'group-rebels', mergeInto: 'm23', name: 'Rebels' }])).toThrow(/merged into m23: give it no name/);
  });
});

describe('actorEventCounts', () => {
  it('counts each event once per actor it involves, in any role', () => {
    expect(Object.fromEntries(actorEventCounts(drcStory()))).toEqual({ 'dr-congo': 2, m23: 3, 'group-rebels': 4 });
  });
});
