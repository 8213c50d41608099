// Loose live blogs of five wars in five countries, with no manifest and no story registry, through
// the whole pipeline as `ingest` runs it: every actor must belong to the war the text is about.
// The texts are written for this test.
import { describe, expect, it } from 'vitest';
import { buildEntries } from '../../src/pipeline/entries/build-entries.ts';
import { locatePlaces } from '../../src/pipeline/places/locate-places.ts';
import type { Story } from '../../src/pipeline/types.ts';
import type { ArmedGroupJson, CountryJson } from '../../src/pipeline/events/world-actors.ts';
import { useWorld } from '../helpers/world-ingest.ts';

const world = useWorld();
const { ingest } = world;

/** The countries an actor belongs to: a state's own, a group's theatres; none for a derived group. */
function countriesOf(actorId: string): string[] {
  const countries = (world.world.countries as { countries: CountryJson[] }).countries;
  const groups = (world.world.groups as { groups: ArmedGroupJson[] }).groups;
  const state = countries.find((c) => c.name.toLowerCase().replace(/[^a-z0-9]+/g, '-') === actorId);
  if (state) return [state.iso2];
  return groups.find((g) => g.id === actorId)?.countries ?? [];
}

const control = (story: Story) =>
  story.events.features.filter((f) => f.properties.kind === 'control').map((f) => `${f.properties.place}:${f.properties.actor}<${f.properties.from ?? ''}`);

const cases: { war: string; date: string; tz: string; countries: string[]; text: string; expected: string[] }[] = [
  {
    war: 'DR Congo, 2012',
    date: '2012-11-20', tz: 'Africa/Lubumbashi', countries: ['CD', 'RW'],
    text: `10:05 M23 rebels marched into Goma on Tuesday after Congolese soldiers pulled back towards Sake.

11:40 The Congolese army said its troops were regrouping south of the city. Rwanda denied backing the rebels.`,
    expected: ['Goma:m23<dr-congo'],
  },
  {
    war: 'Yemen, 2015',
    date: '2015-03-26', tz: 'Asia/Aden', countries: ['YE', 'SA'],
    text: `09:15 Houthi fighters seized the airport of Taiz overnight, local officials said.

12:30 Saudi warplanes struck Houthi positions near Sanaa, the coalition said.`,
    expected: ['Taiz:houthis<yemen'],
  },
  {
    war: 'Sudan, 2023',
    date: '2023-11-05', tz: 'Africa/Khartoum', countries: ['SD'],
    text: `14:20 The Rapid Support Forces said they had taken full control of the army base in El Geneina.

15:10 The Sudanese army did not comment. Fighting continued in Khartoum.`,
    expected: ['Geneina:rsf<sudan'],
  },
  {
    war: 'Somalia, 2011',
    date: '2011-08-06', tz: 'Africa/Mogadishu', countries: ['SO'],
    text: `08:00 Al-Shabaab militants withdrew from Mogadishu overnight, abandoning their bases in the capital.

10:30 Somali government troops entered the Bakara market area after the militants left.`,
    expected: ['Mogadishu:somalia<al-shabaab'],
  },
  {
    war: 'Mozambique, 2021',
    date: '2021-03-28', tz: 'Africa/Maputo', countries: ['MZ'],
    text: `16:45 Islamist insurgents captured the port town of Mocimboa da Praia after three days of fighting, security sources said.

18:00 Mozambican troops were trying to evacuate civilians to Pemba, the provincial capital.`,
    expected: ['Mocimboa:group-insurgents<mozambique'],
  },
];

describe('actors come from the war the text is about', () => {
  it.each(cases)('$war', ({ date, tz, countries, text, expected }) => {
    const story = ingest(text, date, tz);
    expect(control(story)).toEqual(expected);
    for (const actor of story.actors) {
      if (actor.id === 'unknown' || actor.id.startsWith('group-')) continue;
      expect(countriesOf(actor.id).some((c) => countries.includes(c)), `${actor.id} in a story about ${countries.join('/')}`).toBe(true);
    }
  });
});

describe('a story whose towns are too small to place without knowing the theatre', () => {
  it('takes the theatre from the countries the text names, and the liberated towns from their state', () => {
    const story = ingest(
      `The Azerbaijani defence ministry said on Friday that the town of Hadrut, the city of Jabrayil and several villages nearby were liberated. Armenian officials did not comment.`,
      '2020-10-09', 'Asia/Baku',
    );
    expect(story.places.features.filter((f) => f.properties.kind === 'town').map((f) => `${f.properties.name}/${f.properties.country}`).sort()).toEqual(['Hadrut/AZ', 'Jabrayil/AZ']);
    expect(control(story).sort()).toEqual(['Hadrut:azerbaijan<armenia', 'Jabrayil:azerbaijan<armenia']);
  });
});

describe('the story lists each actor once', () => {
  it('an unnamed enemy called by the text\'s own word appears once among the actors', () => {
    const story = ingest(`09:00 Rebels seized the town of Bukavu on Friday, residents said. Congolese troops fled south.`, '2025-02-14', 'Africa/Lubumbashi');
    const ids = story.actors.map((a) => a.id);
    expect(ids).toContain('group-rebels');
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('a village the gazetteer lacks, placed where the text puts it', () => {
  it('"the village of X, south of Y" is an estimate near Y, and its capture an event there', () => {
    const story = ingest(
      `14:10 Ukrainian troops have recaptured the village of Staromaiorske, south of Velyka Novosilka, the general staff said.

15:30 Russian artillery shelled Velyka Novosilka overnight.`,
      '2023-07-27', 'Europe/Kyiv',
    );
    const village = story.places.features.find((f) => f.properties.name === 'Staromaiorske')!;
    const anchor = story.places.features.find((f) => f.properties.name === 'Velyka Novosilka')!;
    expect(village.properties).toMatchObject({ origin: 'estimate', precision: 'approximate', uncertaintyKm: 15 });
    expect(village.geometry.coordinates[1]).toBeLessThan(anchor.geometry.coordinates[1]);
    expect(control(story)).toEqual(['Staromaiorske:ukraine<russia']);
  });

  it('a name the text does not call a village or town is not placed by "near"', () => {
    const story = ingest(`14:10 Commander Petrenko, near Velyka Novosilka, said Ukrainian troops held their positions.`, '2023-07-27', 'Europe/Kyiv');
    expect(story.places.features.map((f) => f.properties.name)).not.toContain('Petrenko');
  });
});


describe('a continent named beside a few towns', () => {
  it('does not become the theatre: "Europe" has no country, the towns do', () => {
    const { entries } = buildEntries([{ id: 's', publisher: 'S', date: '2025-01-27', timezone: 'Africa/Lubumbashi', text: '10:00 M23 rebels captured Goma on Monday. Europe urged restraint. Europe and Europe again.' }]);
    expect(locatePlaces(entries, world.gazetteer).theatre).toEqual(['CD']);
  });
});
