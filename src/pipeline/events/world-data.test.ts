import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import actorNouns from '../../../data/lexicon/actor-nouns.json';
import groupsFile from '../../../data/world/armed-groups.json';
import countriesFile from '../../../data/world/countries.json';
import type { WorldCountry } from './world-actors.ts';


interface Group {
  id: string;
  name: string;
  short: string;
  kind: string;
  aliases: string[];
  countries: string[];
  adversaries: string[];
  color: string;
  source: string;
  note?: string;
}

const countries: WorldCountry[] = countriesFile.countries;
const groups: Group[] = groupsFile.groups;
const byIso2 = new Map(countries.map((c) => [c.iso2, c]));
const byId = new Map(groups.map((g) => [g.id, g]));
const COUNTRY_FIELDS = ['names', 'demonyms', 'capitals', 'seats'] as const;

/** How the actor layer compares words: 3 letters or fewer case-sensitively (`US` is not `us`), longer ones ignoring case. */
function matchKey(word: string): string {
  return word.replace(/[^A-Za-z]/g, '').length <= 3 ? word : word.toLowerCase();
}

/** Words that name a role, not a group: they are bound per story and must never be a group's alias. */
const ROLE_WORDS = new Set(
  [
    'rebels', 'rebel', 'militants', 'militant', 'insurgents', 'insurgent', 'separatists', 'separatist',
    'jihadists', 'jihadist', 'militia', 'militias', 'paramilitaries', 'paramilitary', 'guerrillas', 'guerrilla',
    'fighters', 'gunmen', 'terrorists', 'extremists', 'Islamists', 'opposition', 'the opposition', 'mercenaries',
    'loyalists', 'government forces', 'armed groups', 'armed group',
    ...actorNouns.government, ...actorNouns.insurgent, ...actorNouns.unknown, ...actorNouns.groupNouns,
  ].map((w) => w.toLowerCase()),
);

const COLOR = /^#[0-9A-F]{6}$/i;
const RESERVED_GREY = '#999999';

function countryOf(field: (typeof COUNTRY_FIELDS)[number], word: string): string[] {
  return countries.filter((c) => c[field].some((w) => matchKey(w) === matchKey(word))).map((c) => c.iso2);
}

function groupsWithAlias(alias: string): string[] {
  return groups.filter((g) => g.aliases.some((a) => matchKey(a) === matchKey(alias))).map((g) => g.id);
}

function colorOf(code: string): string | undefined {
  return byIso2.get(code)?.color ?? byId.get(code)?.color;
}

describe('data/world/countries.json', () => {
  it('has about two hundred rows with unique ISO 3166 alpha-2 codes', () => {
    expect(countries.length).toBeGreaterThanOrEqual(195);
    for (const c of countries) expect(c.iso2, c.name).toMatch(/^[A-Z]{2}$/);
    expect(byIso2.size).toBe(countries.length);
  });

  it('gives every row a name among its names and lists of strings without blanks', () => {
    for (const c of countries) {
      expect(c.names, c.iso2).toContain(c.name);
      for (const field of COUNTRY_FIELDS) for (const w of c[field]) expect(w.trim(), `${c.iso2}.${field}`).toBe(w);
    }
  });

  it('holds every code that data/gazetteer/countries.csv uses', () => {
    const csv = readFileSync(new URL('../../../data/gazetteer/countries.csv', import.meta.url), 'utf8');
    const codes = csv.split('\n').slice(1).map((line) => line.split(',')[0]).filter(Boolean);
    expect(codes.filter((code) => !byIso2.has(code))).toEqual([]);
  });

  it('never gives one name, demonym, capital or seat to two countries', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const c of countries) {
      for (const w of new Set(COUNTRY_FIELDS.flatMap((f) => c[f]).map(matchKey))) {
        const other = owner.get(w);
        if (other) clashes.push(`${w}: ${other} and ${c.iso2}`);
        owner.set(w, c.iso2);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('colours every country #RRGGBB, never the grey reserved for unknown actors', () => {
    for (const c of countries) {
      expect(c.color, c.iso2).toMatch(COLOR);
      expect(c.color.toUpperCase(), c.iso2).not.toBe(RESERVED_GREY.toUpperCase());
    }
  });

  it.each([
    ['UA', 'RU'], ['AM', 'AZ'], ['IL', 'PS'], ['IL', 'LB'], ['IQ', 'SY'], ['ET', 'ER'],
    ['CD', 'RW'], ['ML', 'FR'], ['SD', 'SS'], ['IN', 'PK'], ['KP', 'KR'], ['CN', 'TW'], ['SO', 'XS'],
  ])('colours rivals %s and %s differently', (a, b) => {
    expect(byIso2.get(a)!.color).not.toBe(byIso2.get(b)!.color);
  });

  it.each([
    ['demonyms', 'Malian', 'ML'], ['demonyms', 'Congolese', 'CD'], ['demonyms', 'Emirati', 'AE'],
    ['demonyms', 'Azeri', 'AZ'], ['demonyms', 'Myanmar', 'MM'], ['demonyms', 'Saudi', 'SA'],
    ['demonyms', 'South Sudanese', 'SS'], ['capitals', 'Kiev', 'UA'], ['capitals', 'Sanaa', 'YE'],
    ['seats', 'Kremlin', 'RU'], ['seats', 'White House', 'US'], ['names', 'Burma', 'MM'],
    ['names', 'Turkey', 'TR'], ['names', 'Türkiye', 'TR'], ['names', 'DRC', 'CD'], ['names', 'Ivory Coast', 'CI'],
    ['names', 'US', 'US'], ['names', 'Somaliland', 'XS'],
  ] as const)('finds %s "%s" in %s', (field, word, iso2) => {
    expect(countryOf(field, word)).toEqual([iso2]);
  });
});

describe('data/world/armed-groups.json', () => {
  it('has at least 120 groups with unique kebab-case ids', () => {
    expect(groups.length).toBeGreaterThanOrEqual(120);
    for (const g of groups) expect(g.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(byId.size).toBe(groups.length);
  });

  it('gives every group a name, a short label, a kind, aliases and a named source', () => {
    for (const g of groups) {
      expect(g.name && g.short, g.id).toBeTruthy();
      expect(['non-state', 'sub-state'], g.id).toContain(g.kind);
      expect(g.aliases.length, g.id).toBeGreaterThan(0);
      expect(g.source, g.id).toMatch(/^(?:UCDP actor: [^;]+; )?Wikipedia: \S/);
    }
  });

  it('places every group in known countries and sets it against known states or groups', () => {
    for (const g of groups) {
      expect(g.countries.length, g.id).toBeGreaterThan(0);
      expect(g.countries.filter((c) => !byIso2.has(c)), g.id).toEqual([]);
      expect(g.adversaries.filter((a) => !byIso2.has(a) && !byId.has(a)), g.id).toEqual([]);
      expect(g.adversaries, g.id).not.toContain(g.id);
    }
  });

  it('colours every group #RRGGBB, never the reserved grey', () => {
    for (const g of groups) {
      expect(g.color, g.id).toMatch(COLOR);
      expect(g.color.toUpperCase(), g.id).not.toBe(RESERVED_GREY.toUpperCase());
    }
  });

  it('colours every group differently from each of its adversaries', () => {
    const same = groups.flatMap((g) => g.adversaries.filter((a) => colorOf(a) === g.color).map((a) => `${g.id} / ${a}`));
    expect(same).toEqual([]);
  });

  it('never shares an alias between two groups, nor with a country name, demonym, capital or seat', () => {
    const countryWords = new Map<string, string>();
    for (const c of countries) for (const f of COUNTRY_FIELDS) for (const w of c[f]) countryWords.set(matchKey(w), c.iso2);
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const g of groups) {
      for (const key of new Set(g.aliases.map(matchKey))) {
        const other = owner.get(key) ?? countryWords.get(key);
        if (other) clashes.push(`${key}: ${other} and ${g.id}`);
        owner.set(key, g.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('has no generic role word as an alias', () => {
    const generic = groups.flatMap((g) => g.aliases.filter((a) => ROLE_WORDS.has(a.toLowerCase())).map((a) => `${g.id}: ${a}`));
    expect(generic).toEqual([]);
  });

  it.each([
    ['Houthis', 'houthis'], ['Ansar Allah', 'houthis'], ["Tigray People's Liberation Front", 'tplf'],
    ['Janjaweed', 'rsf'], ['Hashd al-Shaabi', 'pmf'], ['Qassam Brigades', 'hamas'], ['Daesh', 'isis'],
    ['ISIS-K', 'is-k'], ['Hayat Tahrir al-Sham', 'hts'], ['Nusra Front', 'al-nusra'], ['Azov Regiment', 'azov'],
    ['AA', 'arakan-army'], ['JeM', 'jaish-e-mohammed'], ['JEM', 'jem'],
  ])('maps the alias "%s" to %s', (alias, id) => {
    expect(groupsWithAlias(alias)).toEqual([id]);
  });

  it('does not take "Azov" alone, the sea, as an alias; "IS" (BBC and AP style) only for the Islamic State', () => {
    expect(groupsWithAlias('Azov')).toEqual([]);
    expect(groupsWithAlias('IS')).toEqual(['isis']);
  });

  it('places M23 in DR Congo and sets it against the Congolese state', () => {
    expect(byId.get('m23')!.countries).toContain('CD');
    expect(byId.get('m23')!.adversaries).toContain('CD');
  });

  it.each([['peshmerga'], ['lna'], ['dpr'], ['pmf']])('marks %s as sub-state forces', (id) => {
    expect(byId.get(id)!.kind).toBe('sub-state');
  });
});
