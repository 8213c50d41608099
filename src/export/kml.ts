/**
 * The story's events as KML 2.2 for Google Earth: one Placemark per event with a `TimeSpan`
 * (its time window) so Earth's time slider plays them, styled by actor colour.
 */
import type { Story } from '../pipeline/types.ts';

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

/**
 * @example eventsToKml(story).startsWith('<?xml') // true
 */
export function eventsToKml(story: Story): string {
  const names = new Map(story.actors.map((a) => [a.id, a.name]));
  const publishers = new Map(story.sources.map((s) => [s.id, s.publisher]));
  const styles = [...story.actors, { id: 'unknown', color: '#999999' }].map(
    (a) =>
      `    <Style id="${xmlEscape(styleId(a.id))}"><IconStyle><color>${kmlColor(a.color)}</color><scale>1.1</scale></IconStyle></Style>`,
  );
  const placemarks = story.events.features.map((f) => {
    const e = f.properties;
    const [lng, lat] = f.geometry.coordinates;
    const actor = e.actor ?? e.actors[0] ?? 'unknown';
    const description = [
      e.summary,
      ...e.quotes.map((q) => `“${q}”`),
      `Sources: ${e.sources.map((s) => publishers.get(s) ?? s).join(', ')} (${e.status}, confidence ${e.confidence})`,
    ].join('\n\n');
    return [
      `    <Placemark id="${xmlEscape(e.id)}">`,
      `      <name>${xmlEscape(`${e.place}: ${names.get(actor) ?? actor}`)}</name>`,
      `      <description>${xmlEscape(description)}</description>`,
      `      <TimeSpan><begin>${xmlEscape(e.timeStart)}</begin><end>${xmlEscape(e.timeEnd)}</end></TimeSpan>`,
      `      <styleUrl>#${xmlEscape(styleId(names.has(actor) ? actor : 'unknown'))}</styleUrl>`,
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
    ...placemarks,
    '  </Document>',
    '</kml>',
    '',
  ].join('\n');
}
