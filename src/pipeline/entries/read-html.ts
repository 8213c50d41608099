/**
 * Turns a saved live-blog web page into the plain text the entry parser reads.
 * Prefers schema.org `LiveBlogPosting` JSON-LD (each `liveBlogUpdate` becomes an entry with its
 * exact `datePublished`); otherwise keeps `<time datetime>` instants as markers and strips markup.
 * Scripts, styles and page chrome are dropped; nothing in the page is ever executed.
 */
import { Parser } from 'htmlparser2';
import { instantMarker } from './clock.ts';

export interface HtmlReading {
  text: string;
  /** The page's title or the LiveBlogPosting headline. */
  title?: string;
  /** How the entries were found. */
  method: 'json-ld' | 'time-elements' | 'stripped';
}

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'nav', 'footer', 'form', 'button', 'iframe', 'head', 'select', 'aside']);
const ENTRY_BLOCKS = new Set(['article']);
const BLOCKS = new Set([
  'p', 'div', 'section', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'figure', 'figcaption',
  'ul', 'ol', 'table', 'tr', 'header', 'main', 'pre', 'dl', 'dt', 'dd', 'hr',
]);

/** True when the text looks like an HTML document rather than plain text. */
export function looksLikeHtml(text: string): boolean {
  return /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(text) ||
    (/<\/(p|div|article|li|span)>/i.test(text) && /<(p|div|article)[\s>]/i.test(text));
}

interface LiveBlogUpdate {
  '@id'?: string;
  url?: string;
  datePublished?: string;
  headline?: string;
  articleBody?: string;
}

function findLiveBlog(node: unknown): { headline?: string; updates: LiveBlogUpdate[] } | undefined {
  if (Array.isArray(node)) {
    for (const item of node) {
      const found = findLiveBlog(item);
      if (found) return found;
    }
    return undefined;
  }
  if (!node || typeof node !== 'object') return undefined;
  const record = node as Record<string, unknown>;
  const type = record['@type'];
  const types = Array.isArray(type) ? type : [type];
  if (types.includes('LiveBlogPosting') && Array.isArray(record.liveBlogUpdate)) {
    const headline = typeof record.headline === 'string' ? record.headline : undefined;
    return { headline, updates: record.liveBlogUpdate as LiveBlogUpdate[] };
  }
  return findLiveBlog(record['@graph']);
}

function textFromJsonLd(blocks: string[]): HtmlReading | undefined {
  for (const block of blocks) {
    let data: unknown;
    try {
      data = JSON.parse(block);
    } catch {
      continue;
    }
    const blog = findLiveBlog(data);
    if (!blog || blog.updates.length === 0) continue;
    const parts = blog.updates.map((update) => {
      const ref = [update['@id'], update.url].find((s): s is string => typeof s === 'string' && s.trim() !== '');
      const when = typeof update.datePublished === 'string' ? `${instantMarker(update.datePublished, ref)} ` : '';
      const body = [update.headline, update.articleBody]
        .filter((s): s is string => typeof s === 'string' && s.trim() !== '')
        .map((s) => stripTags(s).trim())
        .join('\n\n');
      return `${when}${body}`;
    });
    return { text: parts.join('\n\n\n'), title: blog.headline, method: 'json-ld' };
  }
  return undefined;
}

/** Markup inside JSON-LD bodies is removed the same way as in the page. */
function stripTags(html: string): string {
  return html.includes('<') ? readHtml(html).text : html;
}

/**
 * Reads an HTML page into plain text with entry boundaries and time markers.
 * @example readHtml('<article><time datetime="2014-06-13T15:35Z">16:35</time><p>Kurds retake town</p></article>').text
 * // '⟦2014-06-13T15:35Z⟧ Kurds retake town'
 */
export function readHtml(html: string): HtmlReading {
  const out: string[] = [];
  const jsonLd: string[] = [];
  let skipDepth = 0;
  let inJsonLd = false;
  let inTitle = false;
  let title = '';
  let timeDepth = 0;
  let sawTime = false;
  // The id of the <article> being read, given to the first <time> in it only.
  let articleId: string | undefined;
  const stack: string[] = [];

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        stack.push(name);
        if (name === 'script' && /ld\+json/i.test(attrs.type ?? '')) {
          inJsonLd = true;
          jsonLd.push('');
        }
        if (name === 'title') inTitle = true;
        if (SKIP.has(name)) {
          skipDepth++;
          return;
        }
        if (skipDepth > 0) return;
        if (ENTRY_BLOCKS.has(name)) {
          out.push('\n\n\n');
          articleId = attrs.id || undefined;
        }
        else if (BLOCKS.has(name)) out.push('\n\n');
        else if (name === 'br') out.push('\n');
        else if (name === 'li') out.push('\n• ');
        if (name === 'time' && attrs.datetime && /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(attrs.datetime)) {
          out.push(`\n\n\n${instantMarker(attrs.datetime, articleId)} `);
          articleId = undefined;
          timeDepth = stack.length;
          sawTime = true;
        }
      },
      ontext(text) {
        if (inJsonLd) jsonLd[jsonLd.length - 1] += text;
        if (inTitle) title += text;
        if (skipDepth > 0 || timeDepth > 0) return;
        out.push(text.replace(/\s+/g, ' '));
      },
      onclosetag(name) {
        if (timeDepth === stack.length) timeDepth = 0;
        stack.pop();
        if (name === 'script') inJsonLd = false;
        if (name === 'title') inTitle = false;
        if (SKIP.has(name)) {
          skipDepth = Math.max(0, skipDepth - 1);
          return;
        }
        if (skipDepth === 0 && (BLOCKS.has(name) || ENTRY_BLOCKS.has(name))) out.push('\n\n');
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();

  const fromJsonLd = textFromJsonLd(jsonLd);
  if (fromJsonLd) return { ...fromJsonLd, title: fromJsonLd.title ?? (title.trim() || undefined) };

  const text = out
    .join('')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{4,}/g, '\n\n\n')
    .trim();
  return { text, title: title.trim() || undefined, method: sawTime ? 'time-elements' : 'stripped' };
}
