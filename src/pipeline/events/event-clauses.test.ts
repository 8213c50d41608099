import { describe, expect, it } from 'vitest';
import base from '../../../data/stories/iraq-2014-06-13/actors.json';
import syria from '../../../data/actors/syria.json';
import ukraine from '../../../data/actors/ukraine.json';
import { makePlaces, sentenceMentions } from '../../../test/fixtures/events/helpers.ts';
import { loadActorRegistry } from './actors.ts';
import { parseSentence } from './event-clauses.ts';

const places = makePlaces([
  ['jalawla', 'Jalawla', 45.17, 34.27], ['sadiyah', 'Sadiyah', 45.12, 34.19, 'town', ['Saadiya', 'Saadiyah']],
  ['kirkuk', 'Kirkuk', 44.39, 35.47], ['mosul', 'Mosul', 43.12, 36.34], ['tikrit', 'Tikrit', 43.68, 34.61],
  ['baghdad', 'Baghdad', 44.37, 33.32], ['baqubah', 'Baqubah', 44.66, 33.75, 'town', ['Baquba']],
  ['samarra', 'Samarra', 43.87, 34.2], ['udhaim', 'Udhaim', 44.52, 34.55], ['muqdadiya', 'Muqdadiya', 44.93, 33.98],
  ['diyala', 'Diyala', 44.9, 33.9, 'region'], ['iraq', 'Iraq', 43.7, 33.2, 'country'],
  ['saraqeb', 'Saraqeb', 36.81, 35.86], ['kafranbel', 'Kafranbel', 36.56, 35.61], ['kobani', 'Kobani', 38.35, 36.89],
  ['soledar', 'Soledar', 38.07, 48.69], ['chernihiv', 'Chernihiv', 31.28, 51.51], ['suran', 'Suran', 36.75, 35.29],
]);
const iraq = loadActorRegistry(base);
const syr = loadActorRegistry(base, syria);
const ukr = loadActorRegistry(base, ukraine);

/** `kind:place:actor<from` per event, the shortest readable form. */
function parse(text: string, registry = iraq): string[] {
  return parseSentence(text, sentenceMentions(text, places), registry).map(
    (e) => `${e.kind}:${e.placeId}:${e.actor?.id ?? '-'}${e.from ? `<${e.from.id}` : ''}${e.claimant ? ` claimed-by:${e.claimant.id}` : ''}`,
  );
}

describe('control verbs', () => {
  it('a capture with coordinated places: "took over the cities of Saadiya and Jalawla"', () => {
    expect(parse('Overnight jihadist fighters with the Islamic State of Iraq and the Levant (Isis) took over the cities of Saadiya and Jalawla, in the Diyala province northeast of Baghdad.')).toEqual([
      'control:sadiyah:isis<iraqi-government', 'control:jalawla:isis<iraqi-government',
    ]);
  });

  it('a retake with its previous holder: "retake Jalawla from the Sunni militants"', () => {
    expect(parse('But Kurdish Peshmerga fighters manage to retake Jalawla from the Sunni militants.')).toEqual(['control:jalawla:kurdish-forces<isis']);
  });

  it('apposition: "seize two new towns in the Diyala province, Saadiya and Jalawla"', () => {
    expect(parse('Militants from Isis seize two new towns in the Diyala province, Saadiya and Jalawla, but Kurdish Peshmerga fighters manage to retake Jalawla from the Sunni militants.')).toEqual([
      'control:sadiyah:isis<iraqi-government', 'control:jalawla:isis<iraqi-government', 'control:jalawla:kurdish-forces<isis',
    ]);
  });

  it('passive with the agent after "by"', () => {
    expect(parse('Iraqi police officials confirm cities of Saadiya and Jalawla have been taken over by Isis.')).toEqual([
      'control:sadiyah:isis<iraqi-government', 'control:jalawla:isis<iraqi-government',
    ]);
  });

  it('passive with the agent elsewhere in the sentence, a relative clause and "along with"', () => {
    expect(parse('The UN says militants are carrying out executions of civilians in the city of Mosul, which was seized earlier this week along with Tikrit.').filter((e) => e.startsWith('control'))).toEqual([
      'control:mosul:isis<iraqi-government', 'control:tikrit:isis<iraqi-government',
    ]);
  });

  it('the previous holder from "previously invaded by" and from "after X abandoned their posts"', () => {
    expect(parse('Kurdish Peshmerga fighters have taken over Saadiyah and Jalawla, previously invaded by Isis, Reuters reports.')).toEqual([
      'control:sadiyah:kurdish-forces<isis', 'control:jalawla:kurdish-forces<isis',
    ]);
    expect(parse('In the north, Iraqi Kurds have seized control of Kirkuk, after government forces abandoned their posts.')).toEqual(['control:kirkuk:kurdish-forces<iraqi-government']);
  });

  it('a possessive before the object is not the object: "seizing Iraq\'s second largest city of Mosul"', () => {
    expect(parse("After seizing Iraq's second largest city of Mosul, Isis has vowed to march on Baghdad.")).toEqual(['control:mosul:isis<iraqi-government']);
  });

  it('"the city" refers back to the town named before', () => {
    expect(parse('About half-a-million people have fled Mosul after hundreds of Islamist militants took control of the city.')).toEqual(['control:mosul:isis<iraqi-government']);
  });

  it('"fell to"', () => {
    expect(parse('Tikrit fell to Isis fighters on Wednesday.')).toEqual(['control:tikrit:isis<iraqi-government']);
  });

  it('an army abandoning or withdrawing from a town is a loss of control', () => {
    expect(parse("Ukraine's military said its forces had withdrawn from Soledar.", ukr)).toEqual(['control:soledar:russia<ukraine']);
  });

  it('a withdrawal and a capture in one sentence are one change', () => {
    expect(parse('The Kurdish-led SDF pulled out of Kobani on Wednesday and Syrian government forces took control of the town.', syr)).toEqual(['control:kobani:syrian-government<sdf']);
  });
});

describe('what is not a capture', () => {
  it('the object of the verb is not the town: "secured offices of Kurdish parties in the town"', () => {
    expect(parse('Kurdish forces have also reportedly entered Jalawla and secured offices of Kurdish parties in the town.')).toEqual([]);
    expect(parse('Kurdish security forces move to fill the power vacuum taking over air base and other posts abandoned by the military in Kirkuk.')).toEqual([]);
    expect(parse('Overnight, the ISIS jihadists captured two towns in the Diyala province.')).toEqual([]);
  });

  it.each([
    'Isis next target is said to be the city of Samarra.',
    'We are not planning to retake Samarra.',
    'Militants advancing on Baquba threatened to seize Baghdad.',
    'Isis has vowed to march on Baghdad.',
    'With the militants closing in on Baghdad, residents stocked up on food.',
    'If the rebels should push forward into Baghdad and capture it, the war would change.',
    'ISIS militants are not going to be able to take over Kirkuk.',
    'Will the militants seize Baghdad?',
  ])('no control event: %s', (sentence) => {
    expect(parse(sentence).filter((e) => e.startsWith('control'))).toEqual([]);
  });

  it('a clash near a town is a clash, not a capture', () => {
    expect(parse('AFP reports that government troops clash with militants advancing on the city of Baquba, 30 miles north of Baghdad.')).toEqual(['clash:baqubah:iraqi-government']);
  });
});

describe('claims', () => {
  it('a party saying it took a place is a claim', () => {
    const text = 'Rebels say they have fully liberated the city.';
    const events = parseSentence(text, [], syr, { start: 0, end: 7, text: 'Saraqeb', placeId: 'saraqeb', kind: 'town' });
    expect(events.map((e) => [e.placeId, e.actor?.id, e.claimant?.id])).toEqual([['saraqeb', 'hts', 'hts']]);
  });

  it('"X claims" is always a claim; officials or agencies only report', () => {
    expect(parse('HTS claimed it had captured Kafranbel.', syr)).toEqual(['control:kafranbel:hts<syrian-government claimed-by:hts']);
    expect(parse('Rebels captured Kafranbel, the Syrian Observatory said.', syr)).toEqual(['control:kafranbel:hts<syrian-government']);
  });
});

describe('clashes, strikes and other events', () => {
  it('clashes between two actors in two towns; a distance reference is not a location', () => {
    expect(parse('Fresh clashes between Isis and Iraqi Shia militia are reported in the towns of Udhaim, 60 miles north of Baghdad and in Muqdadiya, 50 miles northeast of the capital.')).toEqual([
      'clash:udhaim:isis', 'clash:muqdadiya:isis',
    ]);
  });

  it('helicopter rockets are a strike by the army', () => {
    expect(parse('Local officials and witnesses tell Reuters that Iraqi army helicopters have fired rockets on a mosque in Tikrit.')).toEqual(['strike:tikrit:iraqi-government']);
  });

  it('shelling of a city is a strike, not a change of control', () => {
    expect(parse('Russian shelling of Chernihiv continued on Saturday.', ukr)).toEqual(['strike:chernihiv:russia']);
    expect(parse('Chernihiv was shelled again overnight.', ukr)).toEqual(['strike:chernihiv:-']);
  });

  it('executions are an "other" event', () => {
    expect(parse('The UN says the militants carried out summary executions in Mosul.')).toEqual(['other:mosul:isis']);
  });

  it('no clashes means no clash', () => {
    expect(parse('The officials say there were no clashes in Jalawla.')).toEqual([]);
  });
});

describe('actors the registry does not know', () => {
  it('keeps the name of an unknown armed group with a neutral colour', () => {
    const [event] = parseSentence('The Wagner group seized Suran.', sentenceMentions('The Wagner group seized Suran.', places), syr);
    expect(event.actor).toMatchObject({ id: 'group-wagner-group', name: 'Wagner group', color: '#999999' });
  });

  it('unidentified gunmen are the unknown actor', () => {
    expect(parse('Unidentified gunmen stormed Suran.', syr)).toEqual(['control:suran:unknown']);
  });
});
