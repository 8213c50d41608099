// A change named by its noun ("the capture of X on 29 January", "since the fall of X") refers to a
// change told elsewhere: it dates that change and takes no actor from the sentences around it.
// Through the whole pipeline with the world's actors; the texts are written for this test.
import { describe, expect, it } from 'vitest';
import type { Story } from '../../src/pipeline/types.ts';
import { useWorld } from '../helpers/world-ingest.ts';

const { ingest } = useWorld();

const changes = (story: Story) =>
  story.events.features
    .filter((f) => f.properties.kind === 'control')
    .map((f) => ({ place: f.properties.place, actor: f.properties.actor, start: f.properties.timeStart.slice(0, 10), end: f.properties.timeEnd.slice(0, 10) }));

describe('a change named by its noun', () => {
  it('dates the change the entry reports (Syria, 2020)', () => {
    const story = ingest(
      `10:00 The Syrian army recaptured the town of Saraqeb in Idlib province, state media said. The capture of Saraqeb on 2 March cuts the rebels' last supply road.`,
      '2020-03-05', 'Asia/Damascus',
    );
    expect(changes(story)).toEqual([{ place: 'Saraqeb', actor: 'syria', start: '2020-03-01', end: '2020-03-02' }]);
  });

  it('takes no actor from an earlier sentence (Ukraine, 2024)', () => {
    const story = ingest(
      `10:00 Russian troops took Avdiivka, the Ukrainian army said. Since the fall of Avdiivka on 17 February, the front has moved west.`,
      '2024-02-25', 'Europe/Kyiv',
    );
    expect(changes(story).map((c) => `${c.place}:${c.actor}:${c.start}`)).toEqual(['Avdiivka:russia:2024-02-16']);
  });

  it('keeps its own agent after "by" (Mali, 2012)', () => {
    const story = ingest(`10:00 The capture of Douentza in central Mali by Islamist rebels on Saturday shocked the capital.`, '2012-09-03', 'Africa/Bamako');
    expect(changes(story).map((c) => c.place)).toEqual(['Douentza']);
  });

  it('makes no change on its own', () => {
    const story = ingest(
      `10:00 Analysts say the fall of Bakhmut in May changed little. The capture of Soledar was a costly affair for both sides.`,
      '2023-08-10', 'Europe/Kyiv',
    );
    expect(changes(story)).toEqual([]);
  });
});
