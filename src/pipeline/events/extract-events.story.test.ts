/**
 * Fixture test of the whole default story through the real pipeline (entries, gazetteer, events):
 * the events (with where they are) and control timelines are compared with
 * test/fixtures/events/iraq-2014-06-13.json. Only `UPDATE=1 npx vitest run
 * src/pipeline/extract-events.story.test.ts` writes it; review the diff. A missing file fails.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import base from '../../../data/stories/iraq-2014-06-13/actors.json';
import { readGazetteer } from '../../cli/gazetteer-file.ts';
import { loadActorRegistry } from './actors.ts';
import { compileControl } from '../control/control-at.ts';
import { ingestStory } from '../ingest.ts';
import type { Story } from '../types.ts';

const dir = new URL('../../../data/stories/iraq-2014-06-13/', import.meta.url);
const expectedPath = new URL('../../../test/fixtures/events/iraq-2014-06-13.json', import.meta.url);
let story: Story;

beforeAll(async () => {
  const manifest = JSON.parse(readFileSync(new URL('story.json', dir), 'utf8'));
  const sources = manifest.sources.map((s: { file: string }) => ({ ...s, text: readFileSync(new URL(s.file, dir), 'utf8') }));
  const gazetteer = await readGazetteer();
  story = ingestStory({ id: manifest.id, title: manifest.title, sources }, gazetteer, { registry: loadActorRegistry(base) }).story;
}, 60_000);

const round = (x: number) => Math.round(x * 1e5) / 1e5;

/** The part of the story this step owns, in a reviewable shape; coordinates to 5 decimals (~1 m). */
function snapshot(s: Story) {
  return {
    events: s.events.features.map((f) => ({ ...f.properties, coordinates: f.geometry.coordinates.map(round) })),
    timelines: Object.fromEntries(s.places.features.filter((f) => f.properties.timeline).map((f) => [f.properties.id, f.properties.timeline])),
    actors: s.actors,
  };
}

describe('the default story through the whole pipeline', () => {
  it('matches the expected events and timelines', () => {
    const actual = snapshot(story);
    if (process.env.UPDATE) writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
    expect(existsSync(expectedPath), `${expectedPath.pathname} is missing: write it with UPDATE=1 and review it`).toBe(true);
    expect(actual).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
  });

  it('keeps the rules of the issue with the real gazetteer', () => {
    const byPlace = (name: string) => story.events.features.filter((f) => f.properties.place === name).map((f) => f.properties);
    const jalawla = byPlace('Jalawla').filter((e) => e.kind === 'control');
    expect(jalawla.map((e) => e.actor)).toEqual(['isis', 'kurdish-forces']);
    expect(jalawla[1].sources).toEqual(['ibtimes', 'bbc']);
    const control = compileControl(story);
    const sadiyah = story.places.features.find((f) => ['Sadiyah', 'Saadiya'].includes(f.properties.name))!.properties.id;
    expect(control.placeAt(sadiyah, '2014-06-13T18:00:00Z').actor).toBe('contested');
    for (const name of ['London', 'Washington', 'Tehran']) expect(byPlace(name)).toEqual([]);
    // Both outlets quote Reuters on the Tikrit strike: one origin, so not confirmed.
    const tikrit = byPlace('Tikrit').find((e) => e.kind === 'strike')!;
    expect(tikrit.sources).toEqual(['ibtimes', 'bbc']);
    expect(tikrit.status).toBe('reported');
  });
});
