/**
 * The story manifest (`story.json`): which live blogs make a story, and how to read their clocks.
 * Validated here, purely; the CLI reads the files it names.
 */
import { InputError } from './errors.ts';
import { assertDate, assertTimeZone } from './timezone.ts';

export interface ManifestSource {
  id: string;
  publisher: string;
  title?: string;
  url?: string;
  /** Path of the live blog's text or HTML, relative to the manifest. */
  file: string;
  date?: string;
  timezone?: string;
  format?: 'text' | 'html' | 'auto';
}

export interface Manifest {
  id: string;
  title: string;
  sources: ManifestSource[];
  /** Extra actor registry for this story (path relative to the manifest). */
  actors?: string;
  /** ISO country codes where the story happens, when the texts alone would not tell. */
  theatreCountries?: string[];
  /** Baseline file (GeoJSON, path relative to the manifest): who held places or areas at a date, with sources. */
  baseline?: string;
  /** The newsroom's corrections file (path relative to the manifest), applied on every ingest (docs/review.md). */
  corrections?: string;
  /** Show only events the newsroom checked. */
  reviewedOnly?: boolean;
}

const ID = /^[a-z0-9][a-z0-9_-]{0,63}$/i;

function field(record: Record<string, unknown>, key: string, where: string, required: boolean): string | undefined {
  const value = record[key];
  if (value === undefined || value === null) {
    if (required) throw new InputError('bad-manifest', `${where}.${key} is missing`);
    return undefined;
  }
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InputError('bad-manifest', `${where}.${key} must be a non-empty string`);
  }
  return value.trim();
}

/** Runs a check on a field's value, naming the field in its error. */
function named(check: (value: string) => string, value: string, where: string): string {
  try {
    return check(value);
  } catch (error) {
    if (error instanceof InputError) throw new InputError(error.code, `${where}: ${error.message}`);
    throw error;
  }
}

/** A relative path that stays inside the manifest's folder. */
function insidePath(path: string, where: string): string {
  const parts = path.replace(/\\/g, '/').split('/');
  if (path.startsWith('/') || /^[a-z]:/i.test(path) || parts.includes('..')) {
    throw new InputError('bad-manifest', `${where}: "${path}" is outside the story's folder; give a path relative to story.json, inside its folder`);
  }
  return parts.filter((p) => p !== '.' && p !== '').join('/');
}

/**
 * Parses and checks a manifest's text; throws `InputError` naming the file and the field.
 * @example parseManifest('{"id":"x","title":"X","sources":[{"id":"a","publisher":"A","file":"a.txt"}]}', 'story.json')
 */
export function parseManifest(text: string, name: string): Manifest {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new InputError('bad-manifest', `${name}: not valid JSON (${(error as Error).message})`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new InputError('bad-manifest', `${name}: must be a JSON object with id, title and sources`);
  }
  const record = data as Record<string, unknown>;
  const id = field(record, 'id', name, true)!;
  if (!ID.test(id)) throw new InputError('bad-manifest', `${name}: id "${id}" may use letters, digits, - and _ only`);
  const title = field(record, 'title', name, true)!;
  if (!Array.isArray(record.sources) || record.sources.length === 0) {
    throw new InputError('bad-manifest', `${name}: sources must be a non-empty list`);
  }
  const sources = record.sources.map((raw, i): ManifestSource => {
    const where = `${name}: sources[${i}]`;
    if (!raw || typeof raw !== 'object') throw new InputError('bad-manifest', `${where} must be an object`);
    const s = raw as Record<string, unknown>;
    const source: ManifestSource = {
      id: field(s, 'id', where, true)!,
      publisher: field(s, 'publisher', where, true)!,
      file: insidePath(field(s, 'file', where, true)!, `${where}.file`),
    };
    if (!ID.test(source.id)) throw new InputError('bad-manifest', `${where}.id "${source.id}" may use letters, digits, - and _ only`);
    const title = field(s, 'title', where, false);
    const url = field(s, 'url', where, false);
    const date = field(s, 'date', where, false);
    const timezone = field(s, 'timezone', where, false);
    const format = field(s, 'format', where, false);
    if (title) source.title = title;
    if (url) {
      if (!/^https?:\/\//i.test(url)) throw new InputError('bad-manifest', `${where}.url must start with http:// or https://`);
      source.url = url;
    }
    if (date) source.date = named(assertDate, date, `${where}.date`);
    if (timezone) source.timezone = named(assertTimeZone, timezone, `${where}.timezone`);
    if (format) {
      if (format !== 'text' && format !== 'html' && format !== 'auto') {
        throw new InputError('bad-manifest', `${where}.format must be text, html or auto`);
      }
      source.format = format;
    }
    return source;
  });
  // Many daily pages make one story: a page listed twice would count its entries twice.
  const seenIds = new Map<string, number>();
  const seenFiles = new Map<string, number>();
  sources.forEach((source, i) => {
    const id = source.id;
    if (seenIds.has(id)) {
      throw new InputError('bad-manifest', `${name}: sources[${i}].id "${source.id}" is already the id of sources[${seenIds.get(id)}]; give each page its own id`);
    }
    if (seenFiles.has(source.file)) {
      throw new InputError('bad-manifest', `${name}: sources[${i}].file "${source.file}" is already read by sources[${seenFiles.get(source.file)}]; list each page once`);
    }
    seenIds.set(id, i);
    seenFiles.set(source.file, i);
  });
  const manifest: Manifest = { id, title, sources };
  const actors = field(record, 'actors', name, false);
  if (actors) manifest.actors = insidePath(actors, `${name}: actors`);
  const baseline = field(record, 'baseline', name, false);
  if (baseline) manifest.baseline = insidePath(baseline, `${name}: baseline`);
  const corrections = field(record, 'corrections', name, false);
  if (corrections) manifest.corrections = insidePath(corrections, `${name}: corrections`);
  if (record.reviewedOnly !== undefined) {
    if (typeof record.reviewedOnly !== 'boolean') throw new InputError('bad-manifest', `${name}: reviewedOnly must be true or false`);
    if (record.reviewedOnly) manifest.reviewedOnly = true;
  }
  if (record.theatreCountries !== undefined) {
    const codes = record.theatreCountries;
    if (!Array.isArray(codes) || !codes.every((c) => typeof c === 'string' && /^[A-Z]{2}$/.test(c))) {
      throw new InputError('bad-manifest', `${name}: theatreCountries must be a list of two-letter country codes such as "IQ"`);
    }
    manifest.theatreCountries = codes as string[];
  }
  return manifest;
}
