// Stated holds over sentences of several wars, written for these tests: each frame must find who
// holds the place, and the near-misses ("held talks in", "control room", "parts of") must not.
import { describe, expect, it } from 'vitest';
import { makePlaces, sentenceMentions } from '../../../test/fixtures/events/helpers.ts';
import { findHoldsInSentence } from './stated-holds.ts';
import { parseSentence } from './event-clauses.ts';
import { storyRegistry, type WorldActorsJson } from './world-actors.ts';

const world: WorldActorsJson = {
  countries: [
    { iso2: 'UA', name: 'Ukraine', demonyms: ['Ukrainian'], capitals: ['Kyiv'], color: '#0072B2' },
    { iso2: 'RU', name: 'Russia', demonyms: ['Russian'], capitals: ['Moscow'], seats: ['Kremlin'], color: '#D55E00' },
    { iso2: 'SY', name: 'Syria', demonyms: ['Syrian'], capitals: ['Damascus'], color: '#0072B2' },
    { iso2: 'SD', name: 'Sudan', demonyms: ['Sudanese'], capitals: ['Khartoum'], color: '#0072B2' },
    { iso2: 'YE', name: 'Yemen', demonyms: ['Yemeni'], capitals: ['Sanaa'], color: '#0072B2' },
    { iso2: 'CD', name: 'Democratic Republic of the Congo', names: ['DR Congo'], demonyms: ['Congolese'], capitals: ['Kinshasa'], color: '#0072B2' },
    { iso2: 'IQ', name: 'Iraq', demonyms: ['Iraqi'], capitals: ['Baghdad'], color: '#0072B2' },
  ],
  groups: [
    { id: 'rsf', name: 'Rapid Support Forces', short: 'RSF', aliases: ['RSF', 'Rapid Support Forces'], countries: ['SD'], adversaries: ['SD'], color: '#E69F00' },
    { id: 'm23', name: 'M23', short: 'M23', aliases: ['M23'], countries: ['CD'], adversaries: ['CD'], color: '#E69F00' },
    { id: 'houthis', name: 'Houthis', short: 'HOU', aliases: ['Houthis', 'Houthi'], countries: ['YE'], adversaries: ['YE'], color: '#009E73' },
    { id: 'isis', name: 'Islamic State', short: 'IS', aliases: ['ISIS', 'Islamic State'], countries: ['IQ', 'SY'], adversaries: ['IQ', 'SY'], color: '#000000' },
    { id: 'peshmerga', name: 'Peshmerga', short: 'PSH', aliases: ['Peshmerga', 'Kurdish forces'], countries: ['IQ'], adversaries: ['isis'], color: '#CC79A7', kind: 'sub-state' },
  ],
};

const places = makePlaces([
  ['melitopol', 'Melitopol', 35.37, 46.85], ['donetsk', 'Donetsk', 37.8, 48.0], ['kyiv', 'Kyiv', 30.52, 50.45],
  ['idlib', 'Idlib', 36.63, 35.93], ['aleppo', 'Aleppo', 37.16, 36.2], ['damascus', 'Damascus', 36.29, 33.51],
  ['fasher', 'El Fasher', 25.35, 13.63], ['sanaa', 'Sanaa', 44.21, 15.35], ['goma', 'Goma', 29.22, -1.68],
  ['kirkuk', 'Kirkuk', 44.39, 35.47], ['erbil', 'Erbil', 44.01, 36.19], ['baghdad', 'Baghdad', 44.4, 33.34], ['mosul', 'Mosul', 43.12, 36.34],
]);

/** `place:kind:holder` per stated hold. */
function holds(text: string, theatre: string[]): string[] {
  // The story around the sentence names its enemy, as a live blog does: "rebels" then means them.
  const registry = storyRegistry(world, { texts: [text, 'The rebels and Kurdish forces said so.'], theatre });
  return findHoldsInSentence(text, sentenceMentions(text, places), registry).map((h) => `${h.placeId}:${h.kind}:${h.actor ?? '-'}`);
}

describe('"<actor>-held <place>": a hyphenated participle before the place', () => {
  it.each([
    ['Shelling hit rebel-held Idlib overnight, monitors said.', ['SY'], ['idlib:hold:group-rebels']],
    ['Residents of Russian-occupied Melitopol reported explosions near the airfield.', ['UA'], ['melitopol:hold:russia']],
    ['Food prices have doubled in the Houthi-controlled capital of Sanaa.', ['YE'], ['sanaa:hold:houthis']],
    ['Aid reached the M23-held city of Goma on Tuesday.', ['CD'], ['goma:hold:m23']],
    ['Buses left government-controlled Aleppo for the coast.', ['SY'], ['aleppo:hold:syria']],
  ])('%s', (text, theatre, expected) => expect(holds(text, theatre)).toEqual(expected));
});

describe('"<place> remains under <actor> control", "held by <actor>": the hold after the place', () => {
  it.each([
    ['Kirkuk remains under Kurdish control, officials said.', ['IQ'], ['kirkuk:hold:peshmerga']],
    ['Donetsk, which has been in Russian hands since 2014, was shelled again.', ['UA'], ['donetsk:hold:russia']],
    ['Idlib is still under the control of the rebels.', ['SY'], ['idlib:hold:group-rebels']],
    ['Mosul, held by ISIS, lies 400km north of the capital.', ['IQ'], ['mosul:hold:isis']],
    ['El Fasher is besieged by the RSF, aid groups warn.', ['SD'], ['fasher:siege:sudan']],
  ])('%s', (text, theatre, expected) => expect(holds(text, theatre)).toEqual(expected));
});

describe('sieges and seats of authority', () => {
  it.each([
    ['Aid convoys cannot reach the besieged city of El Fasher.', ['SD'], ['fasher:siege:-']],
    ['The RSF-besieged city of El Fasher has run out of fuel.', ['SD'], ['fasher:siege:sudan']],
    ['Kurdish authorities in Erbil opened camps for the displaced.', ['IQ'], ['erbil:hold:peshmerga']],
    ['The authorities in Baghdad declared a curfew.', ['IQ'], ['baghdad:seat:-']],
  ])('%s', (text, theatre, expected) => expect(holds(text, theatre)).toEqual(expected));
});

describe('forces on guard or patrol in a place', () => {
  it.each([
    ['Members of the Iraqi security forces stand guard during a deployment in Baghdad.', ['IQ'], ['baghdad:presence:iraq']],
    ['Ukrainian soldiers patrol the streets of Kyiv after the alert.', ['UA'], ['kyiv:presence:ukraine']],
    ['Sudanese army troops were manning checkpoints across El Fasher on Sunday.', ['SD'], ['fasher:presence:sudan']],
    ['Houthi fighters patrol in Sanaa, residents said.', ['YE'], ['sanaa:presence:houthis']],
  ])('%s', (text, theatre, expected) => expect(holds(text, theatre)).toEqual(expected));

  it.each([
    ['Syrian soldiers did not patrol in Idlib.', ['SY']],
    ['Ukrainian troops patrol near Donetsk, and shelling went on.', ['UA']],
    ['Guards stood at the gates as aid arrived in Goma.', ['CD']],
  ])('not: %s', (text, theatre) => expect(holds(text, theatre)).toEqual([]));
});

describe('near-misses: no stated hold', () => {
  it.each([
    ['The prime minister held talks in Baghdad with tribal leaders.', ['IQ']],
    ['Officials held a meeting in Erbil on Friday.', ['IQ']],
    ['The army\'s control room in Kyiv tracked the drones.', ['UA']],
    ['Rebel-held parts of Aleppo came under heavy bombardment.', ['SY']],
    ['Kirkuk is no longer under Kurdish control.', ['IQ']],
    ['Two hostages held by ISIS in Mosul were freed.', ['IQ']],
    ['Fires were brought under control in Donetsk by evening.', ['UA']],
    ['Local authorities in Goma asked residents to stay home.', ['CD']],
    ['A government-run hospital in Sanaa was full.', ['YE']],
  ])('%s', (text, theatre) => expect(holds(text, theatre)).toEqual([]));
});

describe('a stated hold is not a change of control', () => {
  it.each([
    ['Kirkuk remains under Kurdish control, officials said.', ['IQ']],
    ['Shelling hit rebel-held Idlib overnight, monitors said.', ['SY']],
    ['Residents of Russian-occupied Melitopol reported explosions near the airfield.', ['UA']],
  ])('%s', (text, theatre) => {
    const registry = storyRegistry(world, { texts: [text], theatre });
    expect(parseSentence(text, sentenceMentions(text, places), registry).filter((e) => e.kind === 'control')).toEqual([]);
  });
});
