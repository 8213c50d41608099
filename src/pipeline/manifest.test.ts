import { describe, expect, it } from 'vitest';
import { InputError } from './errors.ts';
import { parseManifest } from './manifest.ts';

const good = { id: 'kyiv-region-2022', title: 'Kyiv region', sources: [{ id: 'kyiv', publisher: 'Kyiv Daily', file: 'kyiv.txt', date: '2022-04-02', timezone: 'Europe/Kyiv' }] };
const parse = (value: unknown) => parseManifest(JSON.stringify(value), 'story.json');

describe('parseManifest', () => {
  it('reads a valid manifest', () => {
    expect(parse(good)).toEqual(good);
  });

  it('says when the text is not JSON', () => {
    expect(() => parseManifest('{ id: nope', 'story.json')).toThrow(/story.json: not valid JSON/);
  });

  it('names a missing field with its place', () => {
    expect(() => parse({ ...good, sources: [{ id: 'a', file: 'a.txt' }] })).toThrow('story.json: sources[0].publisher is missing');
    expect(() => parse({ title: 'x', sources: [] })).toThrow('story.json.id is missing');
  });

  it('refuses paths outside the story folder', () => {
    for (const file of ['../secret.txt', '/etc/passwd', 'a/../../b.txt', 'C:\\x.txt']) {
      expect(() => parse({ ...good, sources: [{ ...good.sources[0], file }] })).toThrow(/outside the story's folder/);
    }
  });

  it('checks dates and timezones', () => {
    expect(() => parse({ ...good, sources: [{ ...good.sources[0], date: '2022-02-30' }] })).toThrow(InputError);
    expect(() => parse({ ...good, sources: [{ ...good.sources[0], timezone: 'Europe/Atlantis' }] })).toThrow(/Europe\/Atlantis/);
  });

  it('names the page whose date or timezone is wrong', () => {
    const pages = [good.sources[0], { ...good.sources[0], id: 'kyiv-2', file: 'kyiv-2.txt', date: '3 April 2022' }];
    expect(() => parse({ ...good, sources: pages })).toThrow('story.json: sources[1].date: invalid date: 3 April 2022 (expected an existing day as YYYY-MM-DD)');
    pages[1] = { ...pages[1], date: '2022-04-03', timezone: 'Kyiv' };
    expect(() => parse({ ...good, sources: pages })).toThrow(/^story.json: sources\[1\].timezone: unknown timezone: Kyiv/);
  });

  it('refuses a page listed twice, by file or by id', () => {
    const page = good.sources[0];
    expect(() => parse({ ...good, sources: [page, { ...page, id: 'kyiv-again' }] })).toThrow(
      'story.json: sources[1].file "kyiv.txt" is already read by sources[0]; list each page once',
    );
    expect(() => parse({ ...good, sources: [page, { ...page, file: './kyiv.txt', id: 'other' }] })).toThrow(/already read by sources\[0\]/);
    expect(() => parse({ ...good, sources: [page, { ...page, file: 'kyiv-2.txt' }] })).toThrow(
      'story.json: sources[1].id "kyiv" is already the id of sources[0]; give each page its own id',
    );
  });

  it('accepts theatre countries only as two-letter codes', () => {
    expect(parse({ ...good, theatreCountries: ['UA'] }).theatreCountries).toEqual(['UA']);
    expect(() => parse({ ...good, theatreCountries: ['Ukraine'] })).toThrow(/two-letter/);
  });

  it('reads the corrections file path and reviewedOnly, refusing a path outside the folder', () => {
    expect(parse({ ...good, corrections: './corrections.json', reviewedOnly: true })).toMatchObject({ corrections: 'corrections.json', reviewedOnly: true });
    expect(() => parse({ ...good, corrections: '../other/corrections.json' })).toThrow(/corrections: "\.\.\/other\/corrections\.json" is outside the story's folder/);
    expect(() => parse({ ...good, reviewedOnly: 'yes' })).toThrow('story.json: reviewedOnly must be true or false');
  });
});
