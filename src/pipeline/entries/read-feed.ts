/**
 * Turns an RSS 2.0 or Atom feed of a live blog into the plain text the entry parser reads: each
 * item (or entry) becomes an entry starting with its exact instant (`pubDate`, `published`,
 * `updated`, `dc:date`) and its `guid` or `id`, then its title and its text with markup stripped.
 */
import { Parser } from 'htmlparser2';
import { instantMarker } from './clock.ts';
import { readHtml } from './read-html.ts';

export interface FeedReading {
  text: string;
  /** The feed's own title. */
  title?: string;
  items: number;
}

/** True when the text is an RSS or Atom document rather than a web page or plain text. */
export function looksLikeFeed(text: string): boolean {
  return /^\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*<(rss|feed|rdf:RDF)[\s>]/i.test(text);
}

const ITEMS = new Set(['item', 'entry']);
const TIMES = ['pubdate', 'published', 'dc:date', 'updated'];
const BODIES = ['content:encoded', 'content', 'description', 'summary'];

/**
 * Reads a feed's items into text with entry boundaries and time markers.
 * @example readFeed('<rss><channel><item><pubDate>Fri, 09 Oct 2020 14:20:00 GMT</pubDate><title>Town taken</title></item></channel></rss>').text
 * // '⟦2020-10-09T14:20:00.000Z⟧ Town taken'
 */
export function readFeed(xml: string): FeedReading {
  const items: Array<Map<string, string>> = [];
  let feedTitle = '';
  let item: Map<string, string> | undefined;
  let field: string | undefined;
  const parser = new Parser(
    {
      onopentag(name) {
        if (ITEMS.has(name)) {
          item = new Map();
          field = undefined;
        } else if (item && !field) field = name;
        else if (!item && name === 'title' && !feedTitle) field = 'feed-title';
      },
      ontext(text) {
        if (!field) return;
        if (field === 'feed-title') feedTitle += text;
        else if (item) item.set(field, (item.get(field) ?? '') + text);
      },
      onclosetag(name) {
        if (ITEMS.has(name) && item) {
          items.push(item);
          item = undefined;
          field = undefined;
        } else if (field && (name === field || (field === 'feed-title' && name === 'title'))) field = undefined;
      },
    },
    { xmlMode: true, decodeEntities: true, lowerCaseTags: true, recognizeCDATA: true },
  );
  parser.write(xml);
  parser.end();

  const parts = items.map((fields) => {
    const stamp = TIMES.map((t) => fields.get(t)?.trim()).find((t) => t && !Number.isNaN(Date.parse(t)));
    const ref = [fields.get('guid'), fields.get('id')].find((s) => s && s.trim() !== '')?.trim();
    const when = stamp ? `${instantMarker(new Date(Date.parse(stamp)).toISOString(), ref)} ` : '';
    const body = BODIES.map((b) => fields.get(b)).find((b) => b && b.trim() !== '');
    const text = [fields.get('title'), body]
      .filter((s): s is string => typeof s === 'string' && s.trim() !== '')
      .map((s) => (s.includes('<') ? readHtml(s).text : s.replace(/\s+/g, ' ')).trim())
      .join('\n\n');
    return `${when}${text}`;
  });
  return { text: parts.join('\n\n\n'), title: feedTitle.trim() || undefined, items: items.length };
}
