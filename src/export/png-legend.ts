/** The legend drawn into the view PNG: the same rows the live legend shows for what is on the map. */
import { pngStrings, strings } from '../app/strings.ts';
import type { PlaceControl } from '../pipeline/control/control-at.ts';
import type { Story } from '../pipeline/types.ts';
import { actorColor, theme } from '../theme.ts';
import type { LegendItem } from './png-layout.ts';

/**
 * The PNG's legend: the actors, unknown, contested and, when the view shows a holder at the
 * story's start (a pale dot in a ring, as the live legend draws it), that row too.
 * @example pngLegend(story, controlAt(story, t)).map((i) => i.label) // ['ISIS', …, 'Held at the start, no reported change', 'Contested']
 */
export function pngLegend(story: Story, control: Map<string, PlaceControl>): LegendItem[] {
  const baseline = [...control.values()].some((c) => c.basis !== null);
  return [
    ...story.actors.map((a) => ({ label: a.name, color: actorColor(story.actors, a.id) })),
    { label: strings.unknown, color: theme.unknown },
    ...(baseline ? [{ label: pngStrings.baseline, color: theme.muted, ring: theme.muted, fillOpacity: theme.baselineFillOpacity }] : []),
    { label: pngStrings.contested, color: theme.unknown, ring: theme.accent },
  ];
}

