/**
 * Locates the places of a story: finds place names in every entry, resolves them against the
 * gazetteer in the context of the whole story, and returns the entries with their mentions plus
 * one GeoJSON point per place, marked theatre or incidental.
 */
import type { FeatureCollection, Point } from 'geojson';
import type { Entry, Mention, PlaceFeature, PlaceProperties, Warning } from '../types.ts';
import type { Gazetteer } from '../../gazetteer/types.ts';
import { simplifyName, slugify } from '../../gazetteer/normalize.ts';
import { collectLowercaseWords, findMentions, type FoundMention } from './find-mentions.ts';
import { geocodeMentions, type ResolvedPlace } from './geocode.ts';

export interface LocatePlacesOptions {
  /** ISO2 codes of the countries where the conflict happens; derived from the entries when absent. */
  theatreCountries?: string[];
  /**
   * Words that name a country (names and demonyms, lower case → ISO2), for a story whose towns are
   * too small to resolve without knowing the theatre: "Azerbaijani", "Armenian".
   */
  countryWords?: Map<string, string>;
}

export interface LocatePlacesResult {
  entries: Entry[];
  places: FeatureCollection<Point, PlaceProperties>;
  /** ISO2 codes of the theatre countries, main one first (given, or derived from the entries). */
  theatre: string[];
  warnings: Warning[];
}

/** Entry kinds whose mentions are evidence of where things happen. */
const EVIDENCE_KINDS = new Set<Entry['kind']>(['report', 'summary']);
/** A country is a theatre country when it holds at least this share of the located town/region mentions. */
const THEATRE_SHARE = 0.2;

/**
 * Finds and locates the places of a story's entries.
 *
 * @param entries - the story's entries (their `mentions` are replaced).
 * @param gazetteer - the loaded gazetteer.
 * @param options.theatreCountries - override the theatre countries (ISO2), e.g. `['UA']`.
 * @returns entries with `mentions`, the places as a FeatureCollection ([lon, lat]) sorted by id, and warnings.
 * @example const { entries: located, places } = locatePlaces(entries, await readGazetteer());
 */
export function locatePlaces(entries: Entry[], gazetteer: Gazetteer, options: LocatePlacesOptions = {}): LocatePlacesResult {
  for (const code of options.theatreCountries ?? []) {
    if (!/^[A-Z]{2}$/.test(code)) throw new Error(`invalid theatreCountries code: ${code}`);
  }
  const commonWords = collectLowercaseWords(entries.map((e) => e.text));
  // documents: every entry's text, then every entry's author line
  const texts = [...entries.map((e) => e.text), ...entries.map((e) => e.author ?? '')];
  const theatre = options.theatreCountries ?? deriveTheatre(entries, gazetteer, commonWords, options.countryWords);
  // person words gather over the story's texts; a text found before the words it needs is read again
  const people = new Set<string>();
  const found = texts.map((t) => (t ? findMentions(t, gazetteer, { looseCountries: theatre, commonWords, people }) : []));
  texts.forEach((t, d) => {
    if (found[d]!.some((m) => people.has(m.text.toLowerCase()))) found[d] = findMentions(t, gazetteer, { looseCountries: theatre, commonWords, people });
  });
  const { resolved, warnings: geoWarnings } = geocodeMentions(found, gazetteer, { theatreCountries: theatre });

  const collected = collectPlaces(entries, found, resolved);
  const ids = assignIds([...collected.values()]);
  const located = entries.map((entry, d) => ({
    ...entry,
    mentions: found[d]!.flatMap((m, k): Mention[] => {
      const place = resolved[d]![k];
      return place ? [{ start: m.start, end: m.end, text: m.text, placeId: ids.get(place.key)! }] : [];
    }),
  }));

  const features = [...collected.values()]
    .map((c) => toFeature(c, ids.get(c.place.key)!, new Set(theatre), gazetteer.zone(c.place.country)))
    .sort((a, b) => (a.properties.id < b.properties.id ? -1 : a.properties.id > b.properties.id ? 1 : 0));

  const warnings: Warning[] = geoWarnings.map((w) => {
    const entry = entries[w.document % entries.length]!;
    return { code: w.code, message: w.message, source: entry.source, entry: entry.id, hint: w.hint };
  });
  return { entries: located, places: { type: 'FeatureCollection', features }, theatre, warnings };
}

/** Fewer resolved towns than this, and the countries the text names decide the theatre too. */
const FEW_TOWNS = 3;

/**
 * The theatre countries: those holding a good share of the town and region mentions of report
 * and summary entries, resolved without any theatre bias. When too few towns resolve that way
 * (small towns need the theatre to be accepted), the countries named by name or demonym, and
 * those of the armed groups named, count too.
 */
function deriveTheatre(entries: Entry[], gazetteer: Gazetteer, commonWords: Set<string>, countryWords?: Map<string, string>): string[] {
  const evidence = entries.map((e) => (EVIDENCE_KINDS.has(e.kind) ? e.text : ''));
  const found = evidence.map((t) => (t ? findMentions(t, gazetteer, { commonWords }) : []));
  const { resolved } = geocodeMentions(found, gazetteer);
  const counts = new Map<string, number>();
  for (const place of resolved.flat()) {
    // Continents and macro-regions (no country) say nothing about the theatre.
    if (!place || place.kind === 'country' || !place.country) continue;
    counts.set(place.country, (counts.get(place.country) ?? 0) + 1);
  }
  const few = countryWords !== undefined && [...counts.values()].reduce((a, b) => a + b, 0) < FEW_TOWNS;
  if (few) {
    for (const text of evidence) {
      for (const word of text.match(/\p{Lu}[\p{L}\p{N}'’-]*/gu) ?? []) {
        const iso = countryWords.get(word.toLowerCase());
        if (iso) counts.set(iso, (counts.get(iso) ?? 0) + 1);
      }
    }
  }
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  // With few towns, every country named as often as a fifth of the rest may be where it happens.
  const theatre = ranked.filter(([, n]) => n >= (few ? 1 : 2) && n >= total * THEATRE_SHARE).map(([c]) => c);
  return theatre.length ? theatre : ranked.slice(0, 1).map(([c]) => c);
}

interface Collected {
  place: ResolvedPlace;
  spellings: Map<string, number>;
  firstSeen: number;
  mentionCount: number;
  inEvidence: boolean;
}

function collectPlaces(entries: Entry[], found: FoundMention[][], resolved: (ResolvedPlace | undefined)[][]): Map<string, Collected> {
  const collected = new Map<string, Collected>();
  let order = 0;
  found.forEach((doc, d) =>
    doc.forEach((m, k) => {
      const place = resolved[d]![k];
      if (!place) return;
      const c = collected.get(place.key) ?? { place, spellings: new Map(), firstSeen: order++, mentionCount: 0, inEvidence: false };
      collected.set(place.key, c);
      const spelling = displaySpelling(m.text);
      c.spellings.set(spelling, (c.spellings.get(spelling) ?? 0) + 1);
      c.mentionCount++;
      // documents past the entries are author lines: never evidence
      if (d < entries.length && EVIDENCE_KINDS.has(entries[d]!.kind)) c.inEvidence = true;
    }),
  );
  return collected;
}

/** "al-Raqqa" → "Raqqa", "Iraq's" stays as found by the tokenizer; the article is not part of a label. */
function displaySpelling(text: string): string {
  return text.replace(/^(?:al|el|ad|ar|as|an|at|az|ash)[\p{Pd}’' ](?=\p{Lu})/iu, '');
}

function displayName(c: Collected): string {
  if (c.place.kind !== 'town') return c.place.name; // regions and countries by their full name
  const ranked = [...c.spellings.entries()].sort((a, b) => b[1] - a[1]);
  return ranked[0]?.[0] ?? c.place.name;
}

/** Readable ids: the slug of the name, with the country and then the origin added only on a clash. */
function assignIds(collected: Collected[]): Map<string, string> {
  const ids = new Map<string, string>();
  const sorted = [...collected].sort((a, b) => (a.place.key < b.place.key ? -1 : a.place.key > b.place.key ? 1 : 0));
  const bySlug = new Map<string, Collected[]>();
  for (const c of sorted) {
    const slug = slugify(displayName(c));
    bySlug.set(slug, [...(bySlug.get(slug) ?? []), c]);
  }
  for (const [slug, group] of bySlug) {
    if (group.length === 1) {
      ids.set(group[0]!.place.key, slug);
      continue;
    }
    const countries = new Set(group.map((c) => c.place.country));
    for (const c of group) {
      const withCountry = `${slug}-${c.place.country.toLowerCase()}`;
      const unique = countries.size === group.length;
      ids.set(c.place.key, unique ? withCountry : `${withCountry}-${c.place.key.replace(/^.*:/, '')}`);
    }
  }
  return ids;
}

function toFeature(c: Collected, id: string, theatre: Set<string>, timezone: string | undefined): PlaceFeature {
  const p = c.place;
  const name = displayName(c);
  const role = c.inEvidence && p.kind !== 'country' && theatre.has(p.country) ? 'theatre' : 'incidental';
  const properties: PlaceProperties = {
    id,
    name,
    altNames: altNames(name, c, p),
    ...(p.nameNative ? { nameNative: p.nameNative } : {}),
    country: p.country,
    ...(p.admin1 ? { admin1: p.admin1 } : {}),
    // The country's main zone: right for single-zone theatres (Iraq, Syria, Ukraine); for the
    // incidental places of large countries it is only a hint.
    ...(timezone && p.kind !== 'country' ? { timezone } : {}),
    kind: p.kind,
    ...(p.population ? { population: p.population } : {}),
    precision: p.precision,
    ...(p.uncertaintyKm !== undefined ? { uncertaintyKm: p.uncertaintyKm } : {}),
    role,
    origin: p.origin,
    mentionCount: c.mentionCount,
  };
  return { type: 'Feature', geometry: { type: 'Point', coordinates: [round5(p.lon), round5(p.lat)] }, properties };
}

/** Spellings seen in the texts (most frequent first), then the gazetteer's; at most six, no repeats. */
function altNames(name: string, c: Collected, p: ResolvedPlace): string[] {
  const seen = new Set([simplifyName(name)]);
  const out: string[] = [];
  const texts = [...c.spellings.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([s]) => s);
  for (const n of [...texts, p.name, ...p.altNames]) {
    const key = simplifyName(n);
    if (!key || seen.has(key) || out.length >= 6) continue;
    seen.add(key);
    out.push(n);
  }
  return out;
}

function round5(n: number): number {
  return Math.round(n * 1e5) / 1e5;
}
