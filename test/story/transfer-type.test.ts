// The ACLED sub-event type the pipeline writes on a change of control follows its sentences: a
// place given up without a fight is a non-violent transfer, a fought-over one a capture. Texts
// written for this test, through the whole pipeline with the world's actors.
import { describe, expect, it } from 'vitest';
import type { Story } from '../../src/pipeline/types.ts';
import { useWorld } from '../helpers/world-ingest.ts';

const { ingest } = useWorld();

const types = (story: Story) =>
  story.events.features.filter((f) => f.properties.kind === 'control').map((f) => `${f.properties.place}:${f.properties.subEventType}`);

describe('sub-event type of a change of control', () => {
  it('is a non-violent transfer when a side gave the place up and nobody fought (DR Congo, Mali)', () => {
    expect(types(ingest('10:05 M23 rebels took Bukavu after government troops abandoned their positions, residents said.', '2025-02-16', 'Africa/Lubumbashi'))).toEqual([
      'Bukavu:Non-violent transfer of territory',
    ]);
    expect(types(ingest('11:00 Malian soldiers withdrew from Douentza in central Mali without a fight on Saturday.', '2012-09-02', 'Africa/Bamako'))).toEqual([
      'Douentza:Non-violent transfer of territory',
    ]);
  });

  it('is a capture when the sentences say it was fought over, even a withdrawal (Ukraine, Sudan)', () => {
    expect(types(ingest('10:00 Ukrainian troops withdrew from Avdiivka after months of heavy fighting with Russian forces, the army said.', '2024-02-17', 'Europe/Kyiv'))).toEqual([
      'Avdiivka:Government regains territory',
    ]);
    expect(types(ingest('12:00 The RSF seized Wad Madani after fierce clashes with the army.', '2023-12-19', 'Africa/Khartoum'))).toEqual([
      'Wad Madani:Non-state actor overtakes territory',
    ]);
  });
});
