/**
 * The default story (two live blogs of 13 June 2014), as built by `npm run build:stories`:
 * Jalawla goes from government to ISIS to Kurdish forces as the slider moves.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe } from 'vitest';
import type { Story } from '../../src/pipeline/types.ts';
import { defineScenario } from './scenario.ts';

const FILE = 'public/stories/iraq-2014-06-13.json';
const story: Story | null = existsSync(FILE) ? (JSON.parse(readFileSync(FILE, 'utf8')) as Story) : null;

describe.skipIf(!story)('default story iraq-2014-06-13 (needs npm run build:stories)', () => {
  if (!story) return;
  const jalawla = story.places.features.find((f) => f.properties.name === 'Jalawla');
  const actor = (pattern: RegExp) => story.actors.find((a) => pattern.test(a.id))?.id ?? `missing:${pattern}`;
  const day = story.span.start.slice(0, 10);
  const evening = Date.parse(`${day}T00:00:00Z`) - 5 * 3_600_000;
  defineScenario({
    story,
    placeId: jalawla?.properties.id ?? 'jalawla',
    expected: [actor(/gov/), actor(/isis/), actor(/kurd/)],
    from: evening,
    screenshots: {
      prefix: 'iraq',
      times: [
        { label: 'morning', time: Date.parse(`${day}T07:00:00Z`) },
        { label: 'evening', time: Date.parse(story.span.end) },
      ],
    },
  });
});
