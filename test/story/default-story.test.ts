// The whole pipeline on the default story, as `npm run build:stories` runs it: the result is a
// valid story (checked against docs/story.schema.json) and meets the ingest issue's promises.
import { distance } from '@turf/turf';
import { beforeAll, describe, expect, it } from 'vitest';
import { readWorldActors } from '../../src/cli/actor-file.ts';
import { readGazetteer } from '../../src/cli/gazetteer-file.ts';
import { loadManifest } from '../../src/cli/load-story-input.ts';
import { ingestStory } from '../../src/pipeline/ingest.ts';
import { readStory, storyProblems } from '../../src/pipeline/story-schema.ts';
import type { Story } from '../../src/pipeline/types.ts';

let story: Story;

beforeAll(async () => {
  const loaded = await loadManifest('data/stories/iraq-2014-06-13/story.json');
  const [gazetteer, world] = await Promise.all([readGazetteer(), readWorldActors()]);
  story = ingestStory(loaded.input, gazetteer, { world, storyActors: loaded.actors }).story;
}, 30000);

const place = (name: string) => {
  const found = story.places.features.find((f) => f.properties.name === name || f.properties.altNames.includes(name));
  if (!found) throw new Error(`no place named ${name}`);
  return found;
};

describe('the default story', () => {
  it('validates against the story schema', () => {
    expect(storyProblems(JSON.parse(JSON.stringify(story)))).toEqual([]);
  });

  it('reads back through readStory, which refuses other versions', () => {
    const text = JSON.stringify(story);
    expect(readStory(text, 'story.json').id).toBe('iraq-2014-06-13');
    expect(() => readStory(text.replace('"version":1', '"version":99'), 'story.json')).toThrow(/version 99 is not supported/);
  });

  it('gives every entry of both sources a UTC time inside the day', () => {
    expect(new Set(story.entries.map((e) => e.source))).toEqual(new Set(['ibtimes', 'bbc']));
    for (const entry of story.entries) expect(entry.time.startsWith('2014-06-13T')).toBe(true);
    expect(story.entries.filter((e) => e.source === 'bbc' && e.timeEstimated).length).toBeGreaterThan(80);
    expect(story.entries.filter((e) => e.source === 'ibtimes' && !e.timeEstimated).length).toBeGreaterThan(40);
  });

  it('keeps mention spans true to the entry text', () => {
    const mentions = story.entries.flatMap((e) => e.mentions.map((m) => ({ m, e })));
    expect(mentions.length).toBeGreaterThan(100);
    for (const { m, e } of mentions) expect(e.text.slice(m.start, m.end)).toBe(m.text);
  });

  it('resolves the theatre towns to within 15 km of where they are', () => {
    // Positions from the towns' Wikipedia articles (degrees, rounded to 0.01).
    const truth: Record<string, [number, number]> = {
      Mosul: [43.13, 36.34], Kirkuk: [44.39, 35.47], Baghdad: [44.37, 33.32], Jalawla: [45.17, 34.27],
      Saadiya: [45.12, 34.19], Baquba: [44.65, 33.75], Tikrit: [43.68, 34.6], Samarra: [43.87, 34.2],
      Muqdadiya: [44.93, 33.98], Karbala: [44.02, 32.61], Najaf: [44.34, 32.0], Erbil: [44.01, 36.19],
      Dohuk: [43.0, 36.87], Fallujah: [43.78, 33.35],
    };
    for (const [name, position] of Object.entries(truth)) {
      const found = place(name);
      expect(distance(found.geometry.coordinates, position, { units: 'kilometers' }), name).toBeLessThan(15);
    }
  });

  it('gives theatre towns their country\'s timezone, so "overnight" means the night in Iraq', () => {
    expect(place('Jalawla').properties.timezone).toBe('Asia/Baghdad');
    const overnight = story.events.features.find((f) => f.properties.placeId === place('Jalawla').properties.id && f.properties.actor === 'isis')!;
    // 20:00–06:00 in Baghdad (UTC+3)
    expect([overnight.properties.timeStart, overnight.properties.timeEnd]).toEqual(['2014-06-12T17:00:00Z', '2014-06-13T03:00:00Z']);
  });

  it('does not make theatre places of London, Washington, Tehran or a reader in Kenosha', () => {
    for (const name of ['London', 'Washington', 'Tehran', 'Kenosha']) expect(place(name).properties.role, name).toBe('incidental');
    expect(story.places.features.some((f) => f.properties.name === 'Doha')).toBe(false);
  });

  it('gives Baghdad a holder at the start with its basis: the government, assumed (national capital)', () => {
    const government = story.actors.find((a) => /gov/.test(a.id))!;
    expect(place('Baghdad').properties.baseline).toEqual({ actor: government.id, basis: 'assumed', rule: 'capital' });
    // A town taken during the story: its earlier holder is implied by the change, not assumed from nothing.
    expect(place('Mosul').properties.baseline).toMatchObject({ actor: government.id, basis: 'implied', events: ['ev-mosul-control-1'] });
    // Towns with clashes reported, or within 100 km of reported fighting, stay unknown.
    for (const name of ['Baquba', 'Samarra']) expect(place(name).properties.baseline).toBeUndefined();
  });
});
