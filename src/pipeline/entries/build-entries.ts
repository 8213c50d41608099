/**
 * The first step of the pipeline over a whole story: every source's text becomes entries with
 * UTC times, merged across sources in time order, reposts linked.
 */
import { checkText } from './decode-text.ts';
import { InputError } from '../errors.ts';
import { linkDuplicates } from './link-duplicates.ts';
import { type ParsedPage, parseEntries } from './parse-entries.ts';
import { looksLikeFeed, readFeed } from './read-feed.ts';
import { looksLikeHtml, readHtml } from './read-html.ts';
import { type Anchor, fillTimes, type PageOrder, readAnchors } from './resolve-times.ts';
import { assertDate, assertTimeZone, toIso, utcToZoned } from '../timezone.ts';
import type { Entry, Source, Warning } from '../types.ts';

/** One live blog as given by a manifest, the CLI or the import form. */
export interface SourceInput {
  id: string;
  publisher: string;
  title?: string;
  url?: string;
  /** YYYY-MM-DD the page's clock times belong to; found in the page when absent. */
  date?: string;
  /** IANA timezone of the page's clock; found in the page ("All times GMT") when absent. */
  timezone?: string;
  text: string;
  format?: 'text' | 'html' | 'auto';
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** The first full date written in a text ("13 June 2014", "June 13, 2014", "2014-06-13"). */
export function findDateInText(text: string): string | undefined {
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
  const dayFirst = /\b(\d{1,2}) (January|February|March|April|May|June|July|August|September|October|November|December) (\d{4})\b/i.exec(text);
  const monthFirst = /\b(January|February|March|April|May|June|July|August|September|October|November|December) (\d{1,2}),? (\d{4})\b/i.exec(text);
  const candidates: Array<{ at: number; date: string }> = [];
  const pad = (n: number) => String(n).padStart(2, '0');
  if (iso) candidates.push({ at: iso.index, date: `${iso[1]}-${iso[2]}-${iso[3]}` });
  if (dayFirst) candidates.push({ at: dayFirst.index, date: `${dayFirst[3]}-${pad(MONTHS.indexOf(dayFirst[2].toLowerCase()) + 1)}-${pad(Number(dayFirst[1]))}` });
  if (monthFirst) candidates.push({ at: monthFirst.index, date: `${monthFirst[3]}-${pad(MONTHS.indexOf(monthFirst[1].toLowerCase()) + 1)}-${pad(Number(monthFirst[2]))}` });
  candidates.sort((a, b) => a.at - b.at);
  for (const c of candidates) {
    try {
      return assertDate(c.date);
    } catch {
      // A date-shaped string that is no real day; look further.
    }
  }
  return undefined;
}

interface Page {
  source: Source;
  parsed: ParsedPage;
  anchors: Map<number, Anchor>;
  order: PageOrder;
}

function readPage(input: SourceInput, warnings: Warning[]): Page {
  if (!/^[a-z0-9][a-z0-9_-]{0,39}$/i.test(input.id)) {
    throw new InputError('bad-source', `invalid source id: "${input.id}" (letters, digits, - and _ only)`);
  }
  checkText(input.text, input.id);
  // A feed may come with an HTML type from a web server: it is told by its root element.
  const feed = input.format !== 'text' && looksLikeFeed(input.text) ? readFeed(input.text) : undefined;
  const asHtml = !feed && (input.format === 'html' || (input.format !== 'text' && looksLikeHtml(input.text)));
  const html = asHtml ? readHtml(input.text) : undefined;
  const parsed = parseEntries(feed ? feed.text : html ? html.text : input.text);
  const note = (w: Warning) => warnings.push({ ...w, source: input.id });
  parsed.warnings.forEach(note);
  if (parsed.entries.length === 0) {
    throw new InputError('no-entries', `${input.id}: no entries found in the text (is it a live blog?)`);
  }

  let timezone = input.timezone ? assertTimeZone(input.timezone) : parsed.statedZone;
  if (!timezone) {
    timezone = 'Etc/UTC';
    note({ code: 'no-timezone', message: 'no timezone given or stated on the page; clock times read as UTC', hint: 'Pass --tz or set "timezone" in the manifest.' });
  }
  const firstInstant = parsed.entries.find((e) => e.clock?.instant !== undefined)?.clock?.instant;
  let date = input.date ? assertDate(input.date) : undefined;
  if (!date && firstInstant !== undefined) date = utcToZoned(firstInstant, timezone).date;
  if (!date) {
    date = findDateInText(input.text);
    if (!date) throw new InputError('no-date', `${input.id}: no date given and none found in the text; pass --date YYYY-MM-DD`);
    note({ code: 'date-from-text', message: `no date given; using ${date}, the first date written in the page`, hint: 'Pass --date if that is wrong.' });
  }
  const page = { date, timezone };
  const { anchors, order, warnings: anchorWarnings } = readAnchors(parsed.entries, page);
  anchorWarnings.forEach(note);
  const source: Source = { id: input.id, publisher: input.publisher, timezone, date, order };
  if (input.title) source.title = input.title;
  if (input.url) source.url = input.url;
  return { source, parsed, anchors, order };
}

/**
 * Splits every source into entries with UTC times, merged in time order.
 * @example buildEntries([{ id: 'bbc', publisher: 'BBC News', date: '2014-06-13', timezone: 'UTC', text }]).entries[0].time
 */
export function buildEntries(inputs: SourceInput[]): { sources: Source[]; entries: Entry[]; warnings: Warning[] } {
  if (inputs.length === 0) throw new InputError('no-sources', 'a story needs at least one source');
  const ids = new Set<string>();
  for (const input of inputs) {
    if (ids.has(input.id)) throw new InputError('bad-source', `source id "${input.id}" is used twice`);
    ids.add(input.id);
  }
  const warnings: Warning[] = [];
  const pages = inputs.map((input) => readPage(input, warnings));

  const printed = pages.flatMap((p) => [...p.anchors.values()].map((a) => a.utc));
  const storySpan: [number, number] | undefined = printed.length ? [Math.min(...printed), Math.max(...printed)] : undefined;

  const keyed: Array<{ entry: Entry; key: number[] }> = [];
  pages.forEach((page, order) => {
    const { times, warnings: fillWarnings } = fillTimes(page.parsed.entries, page.anchors, page.order, page.source, storySpan);
    fillWarnings.forEach((w) => warnings.push({ ...w, source: page.source.id }));
    page.parsed.entries.forEach((raw, i) => {
      const t = times[i];
      const entry: Entry = {
        id: `${page.source.id}-${raw.index + 1}`,
        source: page.source.id,
        time: toIso(t.utc),
        timeEstimated: t.estimated,
        kind: raw.kind,
        text: raw.text,
        mentions: [],
      };
      if (t.bounds) entry.timeBounds = [toIso(t.bounds[0]), toIso(t.bounds[1])];
      if (raw.clock) entry.clock = raw.clock.raw;
      if (raw.clock?.ref) entry.updateId = raw.clock.ref;
      if (raw.author) entry.author = raw.author;
      keyed.push({ entry, key: [t.utc, order, raw.index] });
    });
  });
  keyed.sort((a, b) => compareKeys(a.key, b.key));
  const entries = keyed.map((k) => k.entry);
  return { sources: pages.map((p) => p.source), entries: linkDuplicates(entries), warnings };
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}
