// Live blogs the project has never seen, through the whole pipeline with the real gazetteer and
// each story's own actor registry: other outlets' formats, other wars, no code changes.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readWorldActors } from '../../src/cli/actor-file.ts';
import { readGazetteer } from '../../src/cli/gazetteer-file.ts';
import type { Gazetteer } from '../../src/gazetteer/types.ts';
import type { ActorRegistryJson } from '../../src/pipeline/events/actors.ts';
import { ingestStory } from '../../src/pipeline/ingest.ts';
import type { Story } from '../../src/pipeline/types.ts';

let gazetteer: Gazetteer;
beforeAll(async () => {
  gazetteer = await readGazetteer();
}, 30000);

async function ingest(file: string, date: string, timezone: string | undefined, actors: string): Promise<Story> {
  const extra = JSON.parse(readFileSync(`data/actors/${actors}.json`, 'utf8')) as ActorRegistryJson;
  const text = readFileSync(`test/fixtures/entries/${file}`, 'utf8');
  const { story } = ingestStory({ id: 'x', title: 'x', sources: [{ id: 's', publisher: 'S', date, timezone, text }] }, gazetteer, { world: await readWorldActors(), storyActors: extra });
  return story;
}

const events = (story: Story, kind: string) => story.events.features.map((f) => f.properties).filter((p) => p.kind === kind);
const place = (story: Story, name: string) => story.places.features.find((f) => f.properties.name === name)?.properties;

describe('a wire-style Ukraine page (UPDATE hhmm GMT)', () => {
  it('places the towns in Ukraine, keeps the entry into Trostianets as a claim and does not turn shelling into a change of control', async () => {
    const story = await ingest('update-gmt-ukraine.txt', '2022-03-26', undefined, 'ukraine');
    for (const name of ['Trostianets', 'Sumy', 'Okhtyrka', 'Boromlia', 'Konotop']) expect(place(story, name)).toMatchObject({ country: 'UA', role: 'theatre' });
    // "say they have entered" and "says its soldiers have raised a flag over" are both Ukraine's
    // claims about one town: one claimed event citing both; "advancing on" and "regrouping around" are nothing.
    expect(events(story, 'control')).toMatchObject([
      { place: 'Trostianets', actor: 'ukraine', status: 'claimed', claimant: 'ukraine', entries: ['s-1', 's-3'] },
    ]);
    expect(events(story, 'strike')).toMatchObject([{ place: 'Okhtyrka', actor: 'russia', subEventType: 'Shelling/artillery/missile attack' }]);
  });
});

describe('a US page on Syria (8:00 p.m. ET, newest first)', () => {
  it('keeps rebel statements as claims and air strikes as strikes', async () => {
    const story = await ingest('us-eastern-ampm.txt', '2017-03-22', 'America/New_York', 'syria');
    const control = events(story, 'control');
    expect(control.map((e) => [e.place, e.actor, e.status, e.claimant])).toEqual([
      ['Suran', 'hts', 'claimed', 'hts'],
      ['Taybat al-Imam', 'hts', 'claimed', 'hts'],
    ]);
    expect(control[1].summary).toBe('HTS-led rebels say they took Taybat al-Imam from Assad government forces overnight.');
    expect(events(story, 'strike')).toMatchObject([{ actor: 'syrian-government', subEventType: 'Air/drone strike' }]);
    expect(place(story, 'Mahardah')).toMatchObject({ country: 'SY' });
  });
});

describe('a page with no timestamps (Ukraine, January 2023)', () => {
  it('finds the withdrawal from Soledar and says who claims it', async () => {
    const story = await ingest('no-timestamps.txt', '2023-01-25', 'Europe/Kyiv', 'ukraine');
    const [soledar] = events(story, 'control');
    expect(soledar).toMatchObject({ place: 'Soledar', actor: 'russia', from: 'ukraine', subEventType: 'Non-violent transfer of territory' });
    expect(soledar.summary).toMatch(/Ukrainian forces withdrew from Soledar/);
    expect(place(story, 'Soledar')).toMatchObject({ country: 'UA', admin1: expect.stringMatching(/Donetsk/) });
    expect(place(story, 'Moscow')?.role).toBe('incidental');
  });
});
