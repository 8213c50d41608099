// Changes of control said inside attributed quotations, through the whole pipeline as `ingest`
// runs it with the world's actors: they are claims of the speaker, never reports, and a quoted
// plan, threat or condition is nothing. The texts are written for this test.
import { describe, expect, it } from 'vitest';
import type { Story } from '../../src/pipeline/types.ts';
import { useWorld } from '../helpers/world-ingest.ts';

const { ingest } = useWorld();

const changes = (story: Story) =>
  story.events.features
    .filter((f) => f.properties.kind === 'control')
    .map((f) => `${f.properties.place}:${f.properties.actor}:${f.properties.status}`)
    .sort();

describe('changes of control inside attributed quotations', () => {
  it('are claims: a minister listing liberated towns (Ukraine, 2022)', () => {
    const story = ingest(
      `10:00 Russian columns are pulling back from the north of Ukraine.

10:20 "Irpin and Hostomel have been liberated from the invaders," Ukraine's deputy defence minister wrote on Facebook.`,
      '2022-04-02', 'Europe/Kyiv',
    );
    expect(changes(story)).toEqual(['Hostomel:ukraine:claimed', 'Irpin:ukraine:claimed']);
  });

  it('are claims: an army statement quoted after its speaker (Syria, 2016)', () => {
    const story = ingest(
      `09:30 The Syrian army general command said in a statement: "Our forces have fully recaptured Palmyra from Daesh terrorists."`,
      '2016-03-27', 'Asia/Damascus',
    );
    expect(changes(story)).toEqual(['Palmyra:syria:claimed']);
  });

  it('are claims: a rebel commander on the phone, the quote running over two sentences (Mali, 2012)', () => {
    const story = ingest(
      `15:10 Islamist fighters pushed south through central Mali on Monday. "We entered Douentza this morning. We now control Douentza and the soldiers have fled," a commander of the Mujao group told AFP by telephone.`,
      '2012-09-03', 'Africa/Bamako',
    );
    expect(changes(story).map((c) => c.replace(/:[^:]+:/, ':…:'))).toEqual(['Douentza:…:claimed']);
  });

  it('are nothing when the quotation is a plan, a threat or a condition (Ukraine, Syria)', () => {
    const story = ingest(
      `11:00 "We will liberate Melitopol, whatever it costs," the president said in his evening address.

11:30 "If they take Avdiivka, the road west is open," a military analyst told the BBC.

12:00 "The regime wants to capture Idlib before the winter," a rebel spokesman said.`,
      '2023-10-20', 'Europe/Kyiv',
    );
    expect(changes(story)).toEqual([]);
  });

  it('are nothing when nobody is said to say them: a slogan or a banner', () => {
    const story = ingest(
      `13:00 Crowds in Kharkiv waved flags and banners reading "Glory to the heroes who liberated Izium and Balakliia".`,
      '2023-03-12', 'Europe/Kyiv',
    );
    expect(changes(story)).toEqual([]);
  });
});
