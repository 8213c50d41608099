// Control frames over sentences of many wars, written for these tests: each frame must fire on its
// verb forms and noun forms, and must not fire on the near-misses listed with it.
import { describe, expect, it } from 'vitest';
import { makePlaces, sentenceMentions } from '../../../test/fixtures/events/helpers.ts';
import { parseSentence } from './event-clauses.ts';
import { storyRegistry, type WorldActorsJson } from './world-actors.ts';

const world: WorldActorsJson = {
  countries: [
    { iso2: 'UA', name: 'Ukraine', demonyms: ['Ukrainian'], capitals: ['Kyiv', 'Kiev'], color: '#0072B2' },
    { iso2: 'RU', name: 'Russia', demonyms: ['Russian'], capitals: ['Moscow'], seats: ['Kremlin'], color: '#D55E00' },
    { iso2: 'SD', name: 'Sudan', demonyms: ['Sudanese'], capitals: ['Khartoum'], color: '#0072B2' },
    { iso2: 'ML', name: 'Mali', demonyms: ['Malian'], capitals: ['Bamako'], color: '#009E73' },
    { iso2: 'FR', name: 'France', demonyms: ['French'], capitals: ['Paris'], color: '#56B4E9' },
    { iso2: 'CD', name: 'Democratic Republic of the Congo', names: ['DR Congo', 'Congo'], demonyms: ['Congolese'], capitals: ['Kinshasa'], color: '#0072B2' },
    { iso2: 'MZ', name: 'Mozambique', demonyms: ['Mozambican'], capitals: ['Maputo'], color: '#0072B2' },
    { iso2: 'SO', name: 'Somalia', demonyms: ['Somali'], capitals: ['Mogadishu'], color: '#0072B2' },
    { iso2: 'AZ', name: 'Azerbaijan', demonyms: ['Azerbaijani', 'Azeri'], capitals: ['Baku'], color: '#009E73' },
    { iso2: 'YE', name: 'Yemen', demonyms: ['Yemeni'], capitals: ['Sanaa'], color: '#0072B2' },
    { iso2: 'SA', name: 'Saudi Arabia', demonyms: ['Saudi'], capitals: ['Riyadh'], color: '#009E73' },
    { iso2: 'PS', name: 'Palestine', demonyms: ['Palestinian'], color: '#009E73' },
    { iso2: 'IL', name: 'Israel', demonyms: ['Israeli'], color: '#0072B2' },
    { iso2: 'AM', name: 'Armenia', demonyms: ['Armenian'], capitals: ['Yerevan'], color: '#CC79A7' },
  ],
  groups: [
    { id: 'rsf', name: 'Rapid Support Forces', short: 'RSF', aliases: ['RSF', 'Rapid Support Forces'], countries: ['SD'], adversaries: ['SD'], color: '#E69F00' },
    { id: 'm23', name: 'M23', short: 'M23', aliases: ['M23', 'March 23 Movement'], countries: ['CD'], adversaries: ['CD'], color: '#E69F00' },
    { id: 'al-shabaab', name: 'al-Shabaab', short: 'SHB', aliases: ['al-Shabaab', 'Al-Shabaab'], countries: ['SO'], adversaries: ['SO'], color: '#000000' },
  ],
};

const places = makePlaces([
  ['klishchiivka', 'Klishchiivka', 37.94, 48.53], ['avdiivka', 'Avdiivka', 37.75, 48.14], ['soledar', 'Soledar', 38.09, 48.68],
  ['madani', 'Wad Madani', 33.52, 14.4], ['obeid', 'El Obeid', 30.22, 13.18],
  ['konna', 'Konna', -3.89, 14.95], ['gao', 'Gao', -0.04, 16.27], ['timbuktu', 'Timbuktu', -3.0, 16.77],
  ['goma', 'Goma', 29.22, -1.68], ['bukavu', 'Bukavu', 28.86, -2.5], ['sake', 'Sake', 29.04, -1.57],
  ['palma', 'Palma', 40.48, -10.78], ['mocimboa', 'Mocimboa da Praia', 40.35, -11.35],
  ['baidoa', 'Baidoa', 43.65, 3.11], ['aden', 'Aden', 45.03, 12.78], ['kismayo', 'Kismayo', 42.54, -0.36],
  ['lachin', 'Lachin', 46.55, 39.64], ['kalbajar', 'Kalbajar', 46.03, 40.1], ['baku', 'Baku', 49.87, 40.41], ['bani', 'Bani Suheila', 34.33, 31.34],
  ['north-kivu', 'North Kivu', 29.0, -0.8, 'region'], ['gezira', 'Gezira', 33.4, 14.5, 'region'], ['donetsk-oblast', 'Donetsk', 37.8, 48.1, 'region'],
]);

/** `place:holder<previous` per control event; other kinds are left out. */
function control(text: string, theatre: string[], story: string[] = []): string[] {
  const registry = storyRegistry(world, { texts: [...story, text], theatre });
  return parseSentence(text, sentenceMentions(text, places), registry)
    .filter((e) => e.kind === 'control')
    .map((e) => `${e.placeId}:${e.actor?.id ?? '-'}${e.from ? `<${e.from.id}` : ''}`);
}

describe('capture frame: verbs, entering, marching in, flags', () => {
  it.each([
    ['Ukrainian troops entered Klishchiivka on Sunday after Russian units left.', ['UA'], ['klishchiivka:ukraine<russia']],
    ['M23 fighters marched into Goma late on Sunday.', ['CD'], ['goma:m23<democratic-republic-of-the-congo']],
    ['Al-Shabaab fighters stormed Baidoa overnight.', ['SO'], ['baidoa:al-shabaab<somalia']],
    ['The RSF seized the strategic city of Wad Madani.', ['SD'], ['madani:rsf<sudan']],
    ['Azerbaijani soldiers raised the national flag over Lachin, which Armenian forces had held.', ['AZ'], ['lachin:azerbaijan']],
  ])('%s', (text, theatre, expected) => expect(control(text, theatre)).toEqual(expected));
});

describe('control nouns: the verb in front decides who gains', () => {
  it.each([
    ['Congolese soldiers regained control of the towns of Sake and Bukavu from M23.', ['CD'], ['sake:democratic-republic-of-the-congo<m23', 'bukavu:democratic-republic-of-the-congo<m23']],
    ['The Russian army announced full control of Avdiivka.', ['UA'], ['avdiivka:russia']],
    ['Mozambican forces established control over Mocimboa da Praia after a two-week push.', ['MZ'], ['mocimboa:mozambique']],
    ['French and Malian troops were restoring government control over Timbuktu, held by Islamist rebels since April.', ['ML'], ['timbuktu:mali<group-rebels']],
    ['Somali troops lost control of Kismayo to al-Shabaab.', ['SO'], ['kismayo:al-shabaab<somalia']],
  ])('%s', (text, theatre, expected) => expect(control(text, theatre)).toEqual(expected));
});

describe('more ways to say it', () => {
  it.each([
    ['Goma came under the control of M23 on Monday.', ['CD'], ['goma:m23<democratic-republic-of-the-congo']],
    ['Somali troops pushed al-Shabaab out of Baidoa.', ['SO'], ['baidoa:somalia<al-shabaab']],
    ['The RSF now controls El Obeid, residents said.', ['SD'], ['obeid:rsf<sudan']],
    ['M23 declared victory over Congolese troops in Goma on Monday.', ['CD'], ['goma:m23<democratic-republic-of-the-congo']],
    ['Azerbaijan declared victory in Kalbajar after the Armenian withdrawal.', ['AZ'], ['kalbajar:azerbaijan']],
  ])('%s', (text, theatre, expected) => expect(control(text, theatre)).toEqual(expected));

  it.each([
    ['The army still controls El Obeid.', ['SD']],
    ['Shells fell on Goma overnight.', ['CD']],
  ])('no change: %s', (text, theatre) => expect(control(text, theatre)).toEqual([]));
});

describe('reduced passives, coalitions, reference points', () => {
  it.each([
    ['The president declared Kismayo liberated on Tuesday.', ['SO'], ['kismayo:somalia']],
    ['Somali officials say Baidoa recaptured from al-Shabaab.', ['SO'], ['baidoa:somalia<al-shabaab']],
    ['The Saudi-led coalition has seized control of Aden airport.', ['YE'], ['aden:saudi-arabia']],
    ['The Saudi-led coalition in Yemen has seized control of Aden airport.', ['YE'], ['aden:saudi-arabia']],
    ['Baidoa was seized from al-Shabaab after a week of fighting.', ['SO'], ['baidoa:somalia<al-shabaab']],
  ])('%s', (text, theatre, expected) => expect(control(text, theatre)).toEqual(expected));

  it.each([
    // The town after a bearing is where the village is, not what was retaken.
    ['The village, south of Kismayo, had been retaken.', ['SO']],
    ['The president declared that Kismayo will be liberated soon.', ['SO']],
  ])('no change at the reference point: %s', (text, theatre) => expect(control(text, theatre)).toEqual([]));
});

describe('noun forms of capture and withdrawal', () => {
  it.each([
    ['The army confirmed the withdrawal of its troops from El Obeid after weeks of RSF attacks.', ['SD'], ['obeid:rsf<sudan']],
    ['Ukrainian commanders announced the retreat of their units from Soledar as Russian troops pressed in.', ['UA'], ['soledar:russia<ukraine']],
    ['M23 published pictures of the capture of Bukavu.', ['CD'], ['bukavu:m23<democratic-republic-of-the-congo']],
  ])('%s', (text, theatre, expected) => expect(control(text, theatre)).toEqual(expected));
});

describe('objects read through noun phrases, parts and facilities', () => {
  it.each([
    ['Al-Shabaab fighters overran the small southern port town of Kismayo.', ['SO'], ['kismayo:al-shabaab<somalia']],
    ['The RSF said it had captured the army headquarters in the besieged city of El Obeid.', ['SD'], ['obeid:rsf<sudan']],
    ['Congolese troops took almost all of Goma back from M23.', ['CD'], ['goma:democratic-republic-of-the-congo<m23']],
    ["M23 seized Goma's airport on Monday.", ['CD'], ['goma:m23<democratic-republic-of-the-congo']],
    // a region in the possessive, itself or through its noun, qualifies the town that is taken
    ["M23 rebels have seized the North Kivu province's capital Goma.", ['CD'], ['goma:m23<democratic-republic-of-the-congo']],
    ["The RSF captured Gezira state's capital, Wad Madani, in December.", ['SD'], ['madani:rsf<sudan']],
    ["Russian forces took the Donetsk region's town of Soledar after months of fighting.", ['UA'], ['soledar:russia']],
  ])('%s', (text, theatre, expected) => expect(control(text, theatre)).toEqual(expected));
});

describe('who acts', () => {
  it.each([
    // A demonym closing a hyphenated compound qualifies a noun that needs a qualifier.
    ['The French-Malian offensive recaptured Gao from Islamist rebels.', ['ML'], ['gao:mali<group-rebels']],
    // After a say verb, the subject of the reported clause.
    ['Somali officials say al-Shabaab has retaken Baidoa.', ['SO'], ['baidoa:al-shabaab<somalia']],
    // A bare "offensive" names nobody; the sentence names no actor, so no event.
    ['An offensive recaptured Gao.', ['ML'], []],
  ])('%s', (text, theatre, expected) => expect(control(text, theatre)).toEqual(expected));
});

describe('an enumerated passive subject', () => {
  /** Mentions carry the country of their place, as the pipeline gives them. */
  const inCountry = (text: string, iso2: string) => {
    const registry = storyRegistry(world, { texts: [text], theatre: [iso2] });
    const mentions = sentenceMentions(text, places).map((m) => ({ ...m, country: iso2 }));
    return parseSentence(text, mentions, registry).filter((e) => e.kind === 'control').map((e) => `${e.placeId}:${e.actor?.id ?? '-'}`);
  };

  it('every listed town, liberated by the state whose land it is', () => {
    expect(inCountry('By now the towns of Lachin and Kalbajar, several villages in the valley as well as the pass were liberated.', 'AZ')).toEqual(['lachin:azerbaijan', 'kalbajar:azerbaijan']);
  });

  it('not towns after a preposition, nor a list whose own verb comes first', () => {
    expect(inCountry('Fighting went on in the Lachin and Kalbajar directions, and several heights were liberated.', 'AZ')).toEqual([]);
    expect(inCountry('Lachin and Kalbajar were shelled, enemy posts were destroyed and heights were liberated.', 'AZ')).toEqual([]);
  });
});

describe('near-misses that must not make a change of control', () => {
  it.each([
    ['Russian forces shelled Avdiivka overnight.', ['UA']],
    ['RSF fighters are advancing on El Obeid from the west.', ['SD']],
    ['The army is battling for control of Goma.', ['CD']],
    ['Al-Shabaab threatened to seize Baidoa.', ['SO']],
    ['Ukrainian troops are not planning to enter Klishchiivka yet.', ['UA']],
    ['The ministry denied that Lachin had been captured.', ['AZ']],
    ['Gao remains besieged by jihadists.', ['ML']],
    ['Insurgents attacked Palma on Wednesday.', ['MZ']],
    ['M23 vowed to march into Goma.', ['CD']],
    ['Armenian forces reportedly entered Lachin.', ['AM']],
    ['The RSF declared victory in the talks while fighting went on in El Obeid.', ['SD']],
    ['Somali troops will declare victory over al-Shabaab in Baidoa only when the roads are safe.', ['SO']],
    // "the town" is not Baku: a capital in the possessive is a metonym for its government.
    ["Baku's account of the seizure of the town was disputed.", ['AZ']],
  ])('%s', (text, theatre) => expect(control(text, theatre)).toEqual([]));
});

describe('whose army "the army" is', () => {
  const texts = ['Israeli troops pressed deeper into the south on Tuesday, the military said. Israeli tanks were seen near the hospital.'];
  it("the theatre's state, unless the story never names its forces and names another's twice", () => {
    expect(storyRegistry(world, { texts, theatre: ['PS'] }).roles.government).toBe('israel');
    expect(control('Troops have taken control of Bani Suheila, the army said.', ['PS'], texts)).toEqual(['bani:israel']);
  });

  it("the theatre's state when its own forces are named", () => {
    expect(storyRegistry(world, { texts: [...texts, 'Palestinian security forces withdrew.'], theatre: ['PS'] }).roles.government).toBe('palestine');
  });
});
