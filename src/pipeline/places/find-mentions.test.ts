import { beforeAll, describe, expect, it } from 'vitest';
import { readGazetteer } from '../../cli/gazetteer-file.ts';
import type { Gazetteer } from '../../gazetteer/types.ts';
import { collectLowercaseWords, findMentions, type FoundMention } from './find-mentions.ts';

let gazetteer: Gazetteer;
beforeAll(async () => {
  gazetteer = await readGazetteer();
}, 60_000);

/** Names the finder offers with at least one candidate in `country`. */
const namesIn = (found: FoundMention[], country: string) =>
  found.filter((m) => m.places.some((p) => p.country === country)).map((m) => m.text);

describe('findMentions', () => {
  it('gives exact character spans', () => {
    const text = "Clashes in Baquba, 30 miles north of Baghdad. Iraq's army retreated.";
    const found = findMentions(text, gazetteer);
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(found.map((m) => m.text)).toEqual(['Baquba', 'Baghdad', 'Iraq']);
  });

  it('prefers the longest name', () => {
    const found = findMentions('Fighting spread to Ras al-Ayn and Abu Dhabi.', gazetteer);
    expect(found.map((m) => m.text)).toEqual(['Ras al-Ayn', 'Abu Dhabi']);
  });

  it('reads a distance and direction from another place', () => {
    const found = findMentions('Jalawla is 125 kilometres (80 miles) northeast of Baghdad.', gazetteer);
    expect(found[0]!.distance).toEqual({ km: 125, bearing: 45, from: 1 });
    const capital = findMentions('Muqdadiya, 50 miles northeast of the capital.', gazetteer);
    expect(capital[0]!.distance).toMatchObject({ bearing: 45, from: 'capital' });
    expect(capital[0]!.distance!.km).toBeCloseTo(80.47, 1);
  });

  it('leaves out places inside organisation names', () => {
    const text =
      'Charles Lister of the Brookings Doha Centre told the Washington Post, and New York magazine and the New York Times agreed; Al Quds Al Arabi and the Daily Telegraph disagreed.';
    const found = findMentions(text, gazetteer);
    expect(found.map((m) => m.text)).not.toContain('Doha');
    expect(found.map((m) => m.text)).not.toContain('Washington');
    expect(found.map((m) => m.text)).not.toContain('New York');
    expect(found.some((m) => m.text.includes('Quds'))).toBe(false);
  });

  it('leaves out people named after a title', () => {
    const text = 'President Barack Obama spoke to Sheik Abdul-Mahdi al-Karbalaie and Abu Bakr al-Baghdadi.';
    expect(findMentions(text, gazetteer).map((m) => m.text)).toEqual([]);
  });

  it('leaves out people named after an abbreviated title with its full stop', () => {
    const text = 'Ms. Odell met Dr. Tian and Lt. Gen. Mark Milley in Kyiv on Friday, as planned.';
    expect(findMentions(text, gazetteer).map((m) => m.text)).toEqual(['Kyiv']);
  });

  it('leaves out a name that starts with a common given name', () => {
    const text = 'Taylor Swift and Jon R. Taylor flew to Aleppo; Roger van Boxtel went to Baghdad.';
    expect(findMentions(text, gazetteer).map((m) => m.text)).toEqual(['Aleppo', 'Baghdad']);
  });

  it('keeps a place whose name starts with a given name', () => {
    const found = findMentions('Protests spread from Carson City to Sierra Leone and Morris County.', gazetteer);
    expect(found.map((m) => m.text)).toEqual(['Carson City', 'Sierra Leone', 'Morris']);
  });

  it('leaves out a name the text makes a person: a verb, an age, an apposition, a relative, a role', () => {
    const texts = [
      'Barkley said he was tired, as he often is. Fighting went on in Kherson.',
      "Boken's former wife stayed in Homs.",
      'Noel Conway, 68, has died in Idlib.',
      'Conway, a former police officer, left Mariupol.',
      'The retired economist Brewbaker spoke to reporters in Erbil.',
    ];
    for (const text of texts) expect(findMentions(text, gazetteer).map((m) => m.text)).toHaveLength(1);
  });

  it('keeps a country or a large city that the text makes the subject of "said"', () => {
    const found = findMentions('Moscow said Russia would respond; Kharkiv said nothing, and Jordan said it would close the border.', gazetteer);
    expect(found.map((m) => m.text)).toEqual(['Moscow', 'Russia', 'Kharkiv', 'Jordan']);
    const police = findMentions('The New York Police Department said a man was hurt.', gazetteer);
    expect(police.map((m) => m.text)).toContain('New York');
  });

  it("takes a person's name for that person elsewhere in the text, unless a place cue says otherwise", () => {
    const text = "John Kelly flew to Baghdad as planned. Kelly's aides left. He will return to Kelly, Wyoming; voters in Kelly agreed.";
    const found = findMentions(text, gazetteer);
    expect(found.map((m) => [m.text, m.start])).toEqual([
      ['Baghdad', text.indexOf('Baghdad')],
      ['Kelly', text.indexOf('Kelly, Wyoming')],
      ['Wyoming', text.indexOf('Wyoming')],
      ['Kelly', text.lastIndexOf('Kelly')],
    ]);
  });

  it('takes a lone given name for a person, not a town named before its state', () => {
    const found = findMentions('Barry left early, as he said. Tyler, Texas, mourned.', gazetteer);
    expect(found.map((m) => m.text)).toEqual(['Tyler', 'Texas']);
  });

  it('does not read an English "As" or "At" at a sentence start as an Arabic article', () => {
    const text = "As Kherson's defenders dug in, as we reported, rebels took As Suwayda and An Najaf. At Bakhmut, fighting went on.";
    const found = findMentions(text, gazetteer, { commonWords: collectLowercaseWords([text]) });
    expect(found.map((m) => m.text)).toEqual(['Kherson', 'As Suwayda', 'An Najaf', 'Bakhmut']);
  });

  it('does not take a nisba for its town', () => {
    const found = findMentions('Al-Karbalaie represents the cleric.', gazetteer, { looseCountries: ['IQ'] });
    expect(namesIn(found, 'IQ')).toEqual([]);
  });

  it('marks the context the geocoder weighs', () => {
    const [diyala] = findMentions('two towns in the Diyala province', gazetteer);
    expect(diyala).toMatchObject({ text: 'Diyala', regionWord: true });
    const [kurdistan] = findMentions('an activist from Iraqi Kurdistan', gazetteer);
    expect(kurdistan).toMatchObject({ text: 'Iraqi Kurdistan', placeCue: true });
    const [, soul] = findMentions('Baghdad Soul emails: prices rise', gazetteer);
    expect(soul).toMatchObject({ text: 'Soul', insideName: true });
  });

  it('links a town to the state after it', () => {
    const found = findMentions('Ray Lawson from Kenosha, Wyoming tweets', gazetteer);
    const kenosha = found.findIndex((m) => m.text === 'Kenosha');
    expect(found[kenosha]!.within).toBe(kenosha + 1);
    expect(found[kenosha + 1]).toMatchObject({ text: 'Wyoming', afterComma: true });
  });

  it('offers a name the gazetteer lacks when the text places it by distance', () => {
    const found = findMentions('Militants overran Qaryat Zubaydiyat, 40 km north of Baghdad.', gazetteer);
    expect(found[0]).toMatchObject({ text: 'Qaryat Zubaydiyat', places: [], distance: { km: 40, bearing: 0, from: 1 } });
  });
});
