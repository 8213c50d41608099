import { describe, expect, it } from 'vitest';
import { buildEntries } from './build-entries.ts';
import { looksLikeFeed, readFeed } from './read-feed.ts';

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Sudan war live</title>
<item><guid>https://example.org/live#p2</guid><title>Shelling in Omdurman</title><pubDate>Sat, 15 Apr 2023 14:20:00 GMT</pubDate><description><![CDATA[<p>Residents report <b>heavy shelling</b> in Omdurman.</p>]]></description></item>
<item><title>Airport clashes</title><pubDate>Sat, 15 Apr 2023 11:05:00 +0200</pubDate><description>Clashes are reported near Khartoum airport &amp; the army headquarters.</description></item>
</channel></rss>`;

const ATOM = `<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Live: Sudan</title><link href="https://example.org/live"/>
<entry><title>Update</title><updated>2023-04-15T09:00:00Z</updated><content type="html">&lt;p&gt;The RSF says it holds the presidential palace.&lt;/p&gt;</content></entry>
</feed>`;

describe('readFeed', () => {
  it('reads RSS items with their instants, titles and stripped descriptions', () => {
    const feed = readFeed(RSS);
    expect(feed.title).toBe('Sudan war live');
    expect(feed.items).toBe(2);
    expect(feed.text).toBe(
      '⟦2023-04-15T14:20:00.000Z|https://example.org/live#p2⟧ Shelling in Omdurman\n\nResidents report heavy shelling in Omdurman.\n\n\n' +
        '⟦2023-04-15T09:05:00.000Z⟧ Airport clashes\n\nClashes are reported near Khartoum airport & the army headquarters.',
    );
  });

  it('reads Atom entries, their escaped HTML content stripped', () => {
    expect(readFeed(ATOM).text).toBe('⟦2023-04-15T09:00:00.000Z⟧ Update\n\nThe RSF says it holds the presidential palace.');
  });

  it('tells feeds from web pages and text', () => {
    expect(looksLikeFeed(RSS)).toBe(true);
    expect(looksLikeFeed(ATOM)).toBe(true);
    expect(looksLikeFeed('<!doctype html><html><body><p>rss</p></body></html>')).toBe(false);
    expect(looksLikeFeed('14:20 Shelling in <feed> of the city')).toBe(false);
  });

  it('gives buildEntries one timed entry per item, even when the server calls it HTML', () => {
    const { entries } = buildEntries([{ id: 'feed', publisher: 'Wire', text: RSS, format: 'html', timezone: 'UTC' }]);
    expect(entries.map((e) => e.time)).toEqual(['2023-04-15T09:05:00Z', '2023-04-15T14:20:00Z']);
    expect(entries[1].text).toMatch(/^Shelling in Omdurman/);
    expect(entries.map((e) => e.updateId)).toEqual([undefined, 'https://example.org/live#p2']);
  });
});
