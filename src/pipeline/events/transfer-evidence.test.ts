import { describe, expect, it } from 'vitest';
import { readTransferEvidence } from './transfer-evidence.ts';

const read = (sentence: string) => readTransferEvidence([sentence]);

describe('readTransferEvidence', () => {
  it.each([
    // Iraq 2014 (BBC)
    'In the north, Iraqi Kurds have seized control of Kirkuk, after government forces abandoned their posts.',
    // Mali 2012
    'Malian soldiers abandoned their positions in Gao and the rebels walked in without a fight.',
    // Somalia 2011
    'Al-Shabaab fighters pulled out of Mogadishu overnight, and government troops moved into the positions they vacated.',
    // Crimea 2014
    'Ukrainian servicemen handed over the base at Belbek; no shots were fired.',
    // DR Congo 2012
    'M23 rebels entered Goma after the army retreated, meeting no resistance.',
    // Yemen 2014
    'Houthi fighters took over the army headquarters in Sanaa after the soldiers guarding it surrendered.',
    // Ethiopia 2021
    'Federal troops pulled back from the town and nobody fought for it.',
    // Myanmar 2023
    "The junta's troops deserted the town before the rebel alliance arrived, and they didn't fight.",
  ])('a side gave the place up, nobody fought: %s', (sentence) => {
    expect(read(sentence)).toEqual({ fought: false, givenUp: true });
  });

  it.each([
    // Syria 2015
    'Government forces withdrew from Palmyra after days of heavy fighting with Islamic State militants.',
    // Libya 2011
    'Rebels stormed the Bab al-Azizia compound as Gaddafi loyalists retreated.',
    // Nagorno-Karabakh 2020
    'Azerbaijani troops captured Shusha after fierce battles in the surrounding forests, and Armenian units pulled back.',
    // Libya 2019: a defeat is a fight, whoever pulled out after it
    'Government troops took the town after the defeat and pullout of the rebel units.',
    // negation ends with the clause
    'No civilians were harmed, but clashes continued around the airport as troops withdrew.',
  ])('fighting, even where a side withdrew: %s', (sentence) => {
    expect(read(sentence).fought).toBe(true);
  });

  it.each([
    // a capture that says nothing of how
    'Rebels captured the town of Kidal on Friday.',
    // a denied withdrawal
    'The army said it did not withdraw from Debaltseve.',
    "Officials insisted the garrison had never abandoned the airport.",
    // civilians fleeing say nothing of the soldiers
    'Rebels captured the provincial capital as tens of thousands of residents fled.',
  ])('neither: %s', (sentence) => {
    expect(read(sentence)).toEqual({ fought: false, givenUp: false });
  });

  it('reads every sentence of the event', () => {
    expect(readTransferEvidence(['Troops withdrew from the town.', 'Heavy clashes were reported there.'])).toEqual({ fought: true, givenUp: true });
  });
});
