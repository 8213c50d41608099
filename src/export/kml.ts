/**
 * The story as KML 2.2 for Google Earth: periods of control and events, each with a `TimeSpan`
 * so Earth's time slider plays them, styled by actor colour.
 */
import { kmlStrings } from '../app/strings.ts';
import type { Story } from '../pipeline/types.ts';
import { theme } from '../theme.ts';
import { controlPeriods } from './control-periods.ts';
import { storyTimes, timeFields } from './time-fields.ts';

/** Escapes text for XML element content and attribute values. */
export function xmlEscape(text: string): string {
  // Characters XML 1.0 forbids are dropped rather than escaped (they cannot be escaped).
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** `#rrggbb` → KML's `aabbggrr`. */
function kmlColor(hex: string): string {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  return m ? `ff${m[3]}${m[2]}${m[1]}`.toLowerCase() : 'ff999999';
}

const styleId = (actor: string) => `actor-${actor.replace(/[^\w-]/g, '_')}`;

/** An ExtendedData block: named values a GIS shows as the placemark's attributes. */
function extendedData(values: Record<string, string>): string {
  const rows = Object.entries(values).map(([k, v]) => `<Data name="${xmlEscape(k)}"><value>${xmlEscape(v)}</value></Data>`);
  return `      <ExtendedData>${rows.join('')}</ExtendedData>`;
}

/** A TimeSpan; a missing begin or end is left out, which KML reads as unbounded on that side. */
function timeSpan(begin: string | null, end: string | null): string {
  return `      <TimeSpan>${begin ? `<begin>${xmlEscape(begin)}</begin>` : ''}${end ? `<end>${xmlEscape(end)}</end>` : ''}</TimeSpan>`;
}

/**
 * Two folders: **Control**, one Placemark per period of control (from one change to the next;
 * open-ended before the first known change and after the last), so a town keeps its holder's
 * colour in Google Earth's time slider for as long as it is held, with how the holder is known;
 * and **Events**, one Placemark per reported event with the window it happened in. Every time is
 * ISO in the TimeSpan and the data, and in the app's words with its precision beside it.
 * @example eventsToKml(story).startsWith('<?xml') // true
 */
export function eventsToKml(story: Story): string {
  const names = new Map(story.actors.map((a) => [a.id, a.name]));
  const actorName = (id: string) => names.get(id) ?? id;
  const publishers = new Map(story.sources.map((s) => [s.id, s.publisher]));
  const styles = [...story.actors, { id: 'contested', color: theme.accent }, { id: 'unknown', color: theme.unknown }].map(
    (a) =>
      `    <Style id="${xmlEscape(styleId(a.id))}"><IconStyle><color>${kmlColor(a.color)}</color><scale>1.1</scale></IconStyle></Style>`,
  );
  const times = storyTimes(story);
  const periods = controlPeriods(story).map((p, i) => {
    const holder = p.actor === 'contested' ? `${kmlStrings.contested}: ${p.claimants.map(actorName).join(' / ')}` : actorName(p.actor);
    const start = timeFields(p.startWhen);
    const end = timeFields(p.endWhen);
    const description = kmlStrings.period(holder, start.words || null, end.words || null, kmlStrings.basis(p.basis, p.evidence));
    return [
      `    <Placemark id="control-${i + 1}">`,
      `      <name>${xmlEscape(`${p.place}: ${holder}`)}</name>`,
      `      <description>${xmlEscape(description)}</description>`,
      timeSpan(p.start, p.end),
      `      <styleUrl>#${xmlEscape(styleId(names.has(p.actor) || p.actor === 'contested' ? p.actor : 'unknown'))}</styleUrl>`,
      extendedData({
        place_id: p.placeId,
        place: p.place,
        holder: p.actor,
        holder_name: holder,
        claimants: p.claimants.join('; '),
        start: p.start ?? '',
        start_words: start.words,
        start_precision: start.precision,
        end: p.end ?? '',
        end_words: end.words,
        end_precision: end.precision,
        basis: p.basis,
        basis_evidence: p.evidence,
        events: p.events.join('; '),
      }),
      `      <Point><coordinates>${p.coordinates[0]},${p.coordinates[1]},0</coordinates></Point>`,
      `    </Placemark>`,
    ].join('\n');
  });
  const placemarks = story.events.features.map((f) => {
    const e = f.properties;
    const [lng, lat] = f.geometry.coordinates;
    const actor = e.actor ?? e.actors[0] ?? 'unknown';
    const when = timeFields(times.events.get(e.id));
    const description = [
      kmlStrings.when(when.words),
      e.summary,
      ...e.quotes.map((q) => `“${q}”`),
      `Sources: ${e.sources.map((s) => publishers.get(s) ?? s).join(', ')} (${e.status}, confidence ${e.confidence}, ${e.review ?? 'unreviewed'})`,
    ].join('\n\n');
    return [
      `    <Placemark id="${xmlEscape(e.id)}">`,
      `      <name>${xmlEscape(`${e.place}: ${names.get(actor) ?? actor}`)}</name>`,
      `      <description>${xmlEscape(description)}</description>`,
      timeSpan(e.timeStart, e.timeEnd),
      `      <styleUrl>#${xmlEscape(styleId(names.has(actor) ? actor : 'unknown'))}</styleUrl>`,
      extendedData({ event_id: e.id, time: e.time, time_start: e.timeStart, time_end: e.timeEnd, time_precision: when.precision, time_words: when.words }),
      `      <Point><coordinates>${lng},${lat},0</coordinates></Point>`,
      `    </Placemark>`,
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<kml xmlns="http://www.opengis.net/kml/2.2">',
    '  <Document>',
    `    <name>${xmlEscape(story.title)}</name>`,
    ...styles,
    `    <Folder id="control"><name>${xmlEscape(kmlStrings.controlFolder)}</name>`,
    ...periods,
    '    </Folder>',
    `    <Folder id="events"><name>${xmlEscape(kmlStrings.eventsFolder)}</name>`,
    ...placemarks,
    '    </Folder>',
    '  </Document>',
    '</kml>',
    '',
  ].join('\n');
}
