/**
 * GeoJSON for the story's map layers, built from the story model and the current control.
 */
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import { circle } from '@turf/turf';
import type { PlaceControl } from '../state/control-state.ts';
import type { StoryModel } from '../state/story-model.ts';
import { actorColor, theme } from '../theme.ts';
import { strings } from '../app/strings.ts';

export interface PlacePointProps {
  id: string;
  name: string;
  /** `town` for controllable theatre places, `incidental` for places only mentioned. */
  role: 'town' | 'incidental';
  approximate: boolean;
  /** Second label line: who holds it now. */
  holder: string;
  holderColor: string;
  rank: number;
}

/** Whether a place is drawn as a town whose control is shown. */
export function isMappedTown(f: StoryModel['story']['places']['features'][number]): boolean {
  const p = f.properties;
  return p.role === 'theatre' && (p.kind === 'town' || p.kind === 'landmark') && p.precision !== 'country' && p.precision !== 'region';
}

/** Short label for who holds a place, for the map and the table. */
export function holderLabel(model: StoryModel, control: PlaceControl | undefined): string {
  if (!control || control.actor === 'unknown') return '';
  const name = (id: string) => model.actorById.get(id)?.short ?? id;
  if (control.contested) {
    const sides = [control.actor, ...control.claimants].filter((a) => a !== 'contested' && a !== 'unknown');
    return sides.length ? `${strings.contested}: ${[...new Set(sides)].map(name).join(' / ')}` : strings.contested;
  }
  return name(control.actor);
}

/** Point features of every place with coordinates; labels carry the current holder. */
export function placePoints(
  model: StoryModel,
  control: Map<string, PlaceControl>,
): FeatureCollection<Point, PlacePointProps> {
  const actors = model.story.actors ?? [];
  const features = model.story.places.features
    .filter((f) => f.properties.kind !== 'country' && f.properties.kind !== 'region')
    .map((f): Feature<Point, PlacePointProps> => {
      const town = isMappedTown(f);
      const c = control.get(f.properties.id);
      return {
        type: 'Feature',
        geometry: f.geometry,
        properties: {
          id: f.properties.id,
          name: f.properties.name,
          role: town ? 'town' : 'incidental',
          approximate: f.properties.precision === 'approximate',
          holder: town ? (c?.basis ? strings.basisShort(holderLabel(model, c), strings.basis[c.basis]) : holderLabel(model, c)) : '',
          holderColor: c && !c.contested ? actorColor(actors, c.actor) : theme.muted,
          rank: (town ? 1000 : 0) + f.properties.mentionCount,
        },
      };
    });
  return { type: 'FeatureCollection', features };
}

/** Dashed uncertainty rings for approximate places, sized by `uncertaintyKm` (default 10 km). */
export function uncertaintyRings(model: StoryModel): FeatureCollection<Polygon, { id: string }> {
  const features = model.story.places.features
    .filter((f) => isMappedTown(f) && f.properties.precision === 'approximate')
    .map((f) => circle(f.geometry, f.properties.uncertaintyKm ?? 10, { units: 'kilometers', steps: 48, properties: { id: f.properties.id } }));
  return { type: 'FeatureCollection', features };
}

export interface EventPointProps {
  id: string;
  kind: string;
  t0: number;
  t1: number;
}

/** Clashes and strikes as points with the window (ms) in which they are shown: an hour before their best time to three after. */
export function transientEvents(model: StoryModel): FeatureCollection<Point, EventPointProps> {
  const HOUR = 3_600_000;
  const features = (model.story.events?.features ?? [])
    .filter((f) => f.properties.kind === 'clash' || f.properties.kind === 'strike')
    .map((f): Feature<Point, EventPointProps> => ({
      type: 'Feature',
      geometry: f.geometry,
      properties: {
        id: f.properties.id,
        kind: f.properties.kind,
        // Around the best time, not the whole window: a day-precision clash would otherwise
        // stay on the map all day.
        t0: Date.parse(f.properties.time) - HOUR,
        t1: Date.parse(f.properties.time) + 3 * HOUR,
      },
    }));
  return { type: 'FeatureCollection', features };
}
