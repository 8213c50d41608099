import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildEntries, findDateInText, type SourceInput } from './build-entries.ts';
import { InputError } from '../errors.ts';

const story = 'data/stories/iraq-2014-06-13';
const fixtures = 'test/fixtures/entries';
const read = (path: string) => readFileSync(path, 'utf8');

function defaultStory() {
  return buildEntries([
    { id: 'ibtimes', publisher: 'IBTimes UK', date: '2014-06-13', timezone: 'Europe/London', text: read(`${story}/ibtimes-2014-06-13.txt`) },
    { id: 'bbc', publisher: 'BBC News', date: '2014-06-13', text: read(`${story}/bbc-2014-06-13.txt`) },
  ]);
}

const find = (entries: ReturnType<typeof defaultStory>['entries'], words: string) => {
  const entry = entries.find((e) => e.text.includes(words));
  if (!entry) throw new Error(`no entry with "${words}"`);
  return entry;
};

describe('buildEntries on the default story', () => {
  const { sources, entries, warnings } = defaultStory();

  it('gives every entry of both seeds a UTC time', () => {
    expect(entries.length).toBeGreaterThan(140);
    for (const entry of entries) expect(entry.time).toMatch(/^2014-06-13T\d{2}:\d{2}:\d{2}Z$/);
    expect(warnings.filter((w) => w.code === 'no-timestamps')).toEqual([]);
  });

  it('reads IBTimes clocks as British Summer Time, newest first', () => {
    expect(sources[0]).toMatchObject({ timezone: 'Europe/London', order: 'newest-first' });
    const retake = find(entries, 'Kurdish Peshmerga fighters retake Jalawla');
    expect(retake).toMatchObject({ time: '2014-06-13T15:35:00Z', timeEstimated: false, clock: '16:35' });
    expect(find(entries, 'Iraqi foreign minister Hoshyar Zebari').time).toBe('2014-06-13T15:10:00Z');
  });

  it('reads the 12-hour entries appended out of order as afternoon times', () => {
    expect(find(entries, 'have taken over Saadiyah and Jalawla').time).toBe('2014-06-13T15:35:00Z');
    expect(find(entries, 'has urged followers to take up arms').time).toBe('2014-06-13T15:37:00Z');
    expect(find(entries, 'Overnight jihadist fighters').time).toBe('2014-06-13T07:30:00Z');
  });

  it('finds the timezone the BBC page states and its oldest-first order', () => {
    expect(sources[1]).toMatchObject({ timezone: 'Etc/UTC', order: 'oldest-first' });
    expect(find(entries, 'Karbala alone')).toMatchObject({ time: '2014-06-13T16:50:00Z', timeEstimated: false });
  });

  it('estimates the BBC untimed entries between their timed neighbours, with bounds', () => {
    const reclaim = find(entries, 'have reclaimed the town of Jalawla');
    expect(reclaim.timeEstimated).toBe(true);
    const [low, high] = reclaim.timeBounds!;
    expect(low).toBe('2014-06-13T12:17:00Z');
    expect(high).toBe('2014-06-13T16:50:00Z');
    expect(reclaim.time > low && reclaim.time < high).toBe(true);
  });

  it('keeps a timed tweet whose byline sits on the clock line', () => {
    expect(find(entries, 'all internet')).toMatchObject({ time: '2014-06-13T17:39:00Z', kind: 'social', author: 'Matt Bradley Middle East correspondent for The Wall Street Journal' });
  });

  it('times the entry another one cites ("see 12:17 entry")', () => {
    expect(find(entries, 'Rupert Colville tells the BBC')).toMatchObject({ time: '2014-06-13T12:17:00Z', timeEstimated: false });
  });

  it('keeps reader comments, tweets, captions and key points as their own kinds', () => {
    expect(find(entries, 'This is a conspiracy to divide Iraq')).toMatchObject({ kind: 'comment', author: 'Hashim in Baghdad' });
    expect(find(entries, 'So if Iraq troops refuse to fight')).toMatchObject({ kind: 'social', author: 'Ray Lawson from Kenosha, Wyoming' });
    expect(find(entries, 'Kurdish security forces patrol Kirkuk. Photo').kind).toBe('caption');
    expect(find(entries, 'issues call to arms against Sunni insurgents').kind).toBe('summary');
    expect(find(entries, 'Indications are that ISIS took control of Mosul')).toMatchObject({ kind: 'report', author: 'Frank Gardner BBC security correspondent' });
  });

  it('keeps bullet points without full stops inside their entry', () => {
    const facts = find(entries, 'Here are some key facts about the US military');
    expect(facts.kind).toBe('report');
    expect(facts.text).toContain('• Earlier this year, after ISIS took over Fallujah');
  });

  it('drops page furniture', () => {
    for (const furniture of ['Send us an SMS', 'Terms and conditions', 'Copyright', 'best viewed in', 'Join the discussion', 'All times GMT']) {
      expect(entries.some((e) => e.text.includes(furniture))).toBe(false);
    }
  });

  it('links the reposted IBTimes entry to the original instead of counting it twice', () => {
    const copies = entries.filter((e) => e.source === 'ibtimes' && e.text.startsWith("More on Iraq's most senior Shia cleric"));
    expect(copies).toHaveLength(2);
    const original = copies.find((e) => !e.duplicateOf)!;
    expect(original.clock).toBe('13.56');
    expect(copies.find((e) => e.duplicateOf)!.duplicateOf).toBe(original.id);
  });

  it('sorts the merged entries by time', () => {
    const times = entries.map((e) => e.time);
    expect([...times].sort()).toEqual(times);
  });
});

describe('buildEntries on other formats', () => {
  it('reads "UPDATE hhmm GMT:" headers', () => {
    const { entries, sources } = buildEntries([{ id: 'wire', publisher: 'Wire', date: '2022-03-26', text: read(`${fixtures}/update-gmt-ukraine.txt`) }]);
    expect(sources[0].timezone).toBe('Etc/UTC');
    expect(entries.map((e) => e.time)).toEqual([
      '2022-03-26T06:05:00Z', '2022-03-26T08:40:00Z', '2022-03-26T11:30:00Z', '2022-03-26T14:15:00Z', '2022-03-26T17:50:00Z',
    ]);
    expect(entries[0].text).toMatch(/^Ukrainian forces say/);
  });

  it('reads a US Eastern clock with a.m./p.m., newest first, into UTC', () => {
    const { entries, sources } = buildEntries([{ id: 'us', publisher: 'US Daily', date: '2017-03-22', text: read(`${fixtures}/us-eastern-ampm.txt`) }]);
    expect(sources[0].order).toBe('newest-first');
    expect(entries[0]).toMatchObject({ time: '2017-03-22T13:30:00Z', clock: '9:30 a.m. ET' });
    expect(entries.at(-1)).toMatchObject({ time: '2017-03-23T00:00:00Z' });
    expect(entries.find((e) => e.clock === '12.42 p.m. ET')!.time).toBe('2017-03-22T16:42:00Z');
  });

  it('spreads a page with no timestamps across its day and says so', () => {
    const { entries, warnings } = buildEntries([
      { id: 'x', publisher: 'X', date: '2023-01-25', timezone: 'Europe/Kyiv', text: read(`${fixtures}/no-timestamps.txt`) },
    ]);
    expect(entries).toHaveLength(4);
    expect(entries.every((e) => e.timeEstimated && e.timeBounds)).toBe(true);
    expect(entries[0].text).toMatch(/^Ukrainian forces have withdrawn/);
    expect(warnings.map((w) => w.code)).toContain('no-timestamps');
  });

  it('reads stamps that write the date before the clock, and the day they give', () => {
    const text = [
      'May 17, 2022 07:19 AM IST',
      'Shelling was reported overnight in Kharkiv.',
      '',
      'Updated on May 16, 2022 11:05 PM IST',
      'Evacuations from the steel plant went on.',
      '',
      'Thursday 25 November 2021 - 08:33 Fighting continued near Dessie.',
    ].join('\n');
    const { entries } = buildEntries([{ id: 'p', publisher: 'P', date: '2022-05-17', timezone: 'Asia/Kolkata', text }]);
    expect(entries.map((e) => [e.time, e.text])).toEqual([
      ['2021-11-25T03:03:00Z', 'Fighting continued near Dessie.'],
      ['2022-05-16T17:35:00Z', 'Evacuations from the steel plant went on.'],
      ['2022-05-17T01:49:00Z', 'Shelling was reported overnight in Kharkiv.'],
    ]);
  });

  it('drops a news site\'s breadcrumbs, share and app buttons and glued bylines', () => {
    const text = 'Home / World News / War live: troops leave the port\nCopy Link\nByexamplenews.com\nOPEN APP\nFollow all the updates here:\n\n10:05 Shelling hit the port overnight.';
    const { entries } = buildEntries([{ id: 'p', publisher: 'P', date: '2022-05-17', timezone: 'UTC', text }]);
    expect(entries.map((e) => e.text)).toEqual(['Shelling hit the port overnight.']);
  });

  it('takes the long headline under a bare clock for its entry, not for a photo caption', () => {
    const headline = 'Troops push into the north of the city as thousands of residents flee south on foot along the coastal road with only what they can carry';
    const text = `08:47\n\n${headline}\n\nSoldiers were seen near the hospital.\n\n08:34\n\nWhat you need to know on day 33`;
    const { entries, warnings } = buildEntries([{ id: 'p', publisher: 'P', date: '2023-11-08', timezone: 'Asia/Jerusalem', text }]);
    expect(entries.map((e) => [e.time, e.kind, e.text.split('\n')[0]])).toEqual([
      ['2023-11-08T06:34:00Z', 'report', 'What you need to know on day 33'],
      ['2023-11-08T06:47:00Z', 'report', headline],
    ]);
    expect(entries[1].text).toContain('Soldiers were seen near the hospital.');
    expect(warnings.map((w) => w.code)).not.toContain('empty-entry');
  });

  it('reads a clock with a spaced full stop before its colon ("7:22 a.m .:")', () => {
    const { entries } = buildEntries([{ id: 'p', publisher: 'P', date: '2022-05-11', timezone: 'Europe/Berlin', text: '7:22 a.m .: Troops reported gains near Izium.\n\n6:05 a.m .: Sirens sounded in Lviv.' }]);
    expect(entries.map((e) => [e.time, e.text])).toEqual([
      ['2022-05-11T04:05:00Z', 'Sirens sounded in Lviv.'],
      ['2022-05-11T05:22:00Z', 'Troops reported gains near Izium.'],
    ]);
  });

  it('reads a live blog saved as HTML with LiveBlogPosting JSON-LD', () => {
    const html = `<!doctype html><html><head><script type="application/ld+json">${JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'LiveBlogPosting',
      headline: 'Syria live',
      liveBlogUpdate: [
        { '@type': 'BlogPosting', datePublished: '2020-02-27T22:10:00+02:00', articleBody: '<p>Rebels say they have entered <b>Saraqeb</b>.</p>' },
        { '@type': 'BlogPosting', datePublished: '2020-02-27T18:00:00+02:00', articleBody: 'Government forces withdraw from Saraqeb.' },
      ],
    })}</script></head><body><p>ignored</p></body></html>`;
    const { entries, sources } = buildEntries([{ id: 'web', publisher: 'Web', timezone: 'Asia/Damascus', text: html }]);
    expect(sources[0].date).toBe('2020-02-27');
    expect(entries.map((e) => [e.time, e.text])).toEqual([
      ['2020-02-27T16:00:00Z', 'Government forces withdraw from Saraqeb.'],
      ['2020-02-27T20:10:00Z', 'Rebels say they have entered Saraqeb.'],
    ]);
  });

  it('uses <time datetime> in HTML without JSON-LD and never keeps scripts', () => {
    const html = '<html><body><script>alert(1)</script><article><time datetime="2022-03-28T09:00:00Z">12:00</time><p>Ukrainian forces retake Irpin.</p></article>' +
      '<article><time datetime="2022-03-28T07:00:00Z">10:00</time><p>Shelling in Chernihiv.</p></article></body></html>';
    const { entries } = buildEntries([{ id: 'web', publisher: 'Web', timezone: 'Europe/Kyiv', text: html }]);
    expect(entries.map((e) => e.time)).toEqual(['2022-03-28T07:00:00Z', '2022-03-28T09:00:00Z']);
    expect(entries.some((e) => e.text.includes('alert'))).toBe(false);
  });
});

describe('quotation entries', () => {
  const kinds = (text: string) =>
    buildEntries([{ id: 'page', publisher: 'Page', date: '2019-04-10', timezone: 'UTC', text }]).entries.map((e) => e.kind);

  it('are entries that are mostly a quotation', () => {
    expect(kinds('10:05 "We will defend Tripoli to the last man," a spokesman for the government said.')).toEqual(['quote']);
    expect(kinds('10:05 “The city is calm,” said a resident of Mekelle.')).toEqual(['quote']);
  });

  it('are not paragraphs that open with a quote and go on to report', () => {
    const glued =
      '10:05 “The front line runs along the river,” the paper writes. At the same time, the army recently captured the village ' +
      'of Novoselivka south of the town, and militias withdrew from two more villages east of the river after heavy shelling overnight.';
    expect(kinds(glued)).toEqual(['report']);
    expect(kinds('10:05 "Victory," read the banner, as rebels entered Konna on Thursday and government troops fell back towards Mopti after a day of fighting.')).toEqual(['report']);
  });
});

describe('buildEntries on bad input', () => {
  const base: SourceInput = { id: 'a', publisher: 'A', date: '2014-06-13', timezone: 'UTC', text: '10:00 Something happened.' };

  it('names an unknown timezone', () => {
    expect(() => buildEntries([{ ...base, timezone: 'Nowhere/Else' }])).toThrow(/unknown timezone: Nowhere\/Else/);
  });

  it('names a date that does not exist', () => {
    expect(() => buildEntries([{ ...base, date: '2014-02-30' }])).toThrow(InputError);
  });

  it('asks for a date when none is given or written', () => {
    expect(() => buildEntries([{ ...base, date: undefined }])).toThrow(/--date/);
  });

  it('warns about a time that is no time of day and still places the entry', () => {
    const { entries, warnings } = buildEntries([{ ...base, text: '10:00 First.\n\n25:99 Second.\n\n11:00 Third.' }]);
    expect(entries).toHaveLength(3);
    expect(warnings[0]).toMatchObject({ code: 'invalid-time', source: 'a' });
    expect(entries[1].timeEstimated).toBe(true);
  });
});

describe('findDateInText', () => {
  it('finds day-first, month-first and ISO dates', () => {
    expect(findDateInText('Photo: 13 June 2014 Kurdish forces')).toBe('2014-06-13');
    expect(findDateInText('Updated February 27, 2020 at 10pm')).toBe('2020-02-27');
    expect(findDateInText('nothing here')).toBeUndefined();
  });
});

describe('buildEntries on a page that writes its days', () => {
  const page = (text: string, extra: Partial<SourceInput> = {}): SourceInput => ({ id: 'desk', publisher: 'Desk', date: '2023-06-08', timezone: 'Europe/London', text, ...extra });

  it('puts the entries under a day heading on that day, though the clock never wraps', () => {
    const text = 'Thursday 8 June\n\n10:05 BST Troops withdrew from the village.\n\nFriday 9 June\n\n15:00 BST Shelling was reported in the town.\n';
    const { entries } = buildEntries([page(text)]);
    expect(entries.map((e) => e.time)).toEqual(['2023-06-08T09:05:00Z', '2023-06-09T14:00:00Z']);
    expect(entries.some((e) => /June/.test(e.text))).toBe(false);
  });

  it('reads headings on a newest-first page, and the year from the page date', () => {
    const text = 'Monday 1 January\n\n09:30 A strike hit the port.\n\n08:10 Sirens sounded.\n\nSunday 31 December\n\n23:40 Fireworks were cancelled.\n';
    const { entries } = buildEntries([page(text, { date: '2023-12-31', timezone: 'UTC' })]);
    expect(entries.map((e) => e.time)).toEqual(['2023-12-31T23:40:00Z', '2024-01-01T08:10:00Z', '2024-01-01T09:30:00Z']);
  });
});
