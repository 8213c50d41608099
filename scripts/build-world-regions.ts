/**
 * Builds `data/world/admin1.json`, the first-level regions of every country (provinces, states,
 * governorates, oblasts, regions...) with their type, a representative point and their native
 * name, from the `@countrystatecity/countries` package (dr5hn/countries-states-cities-database,
 * ODbL-1.0).
 *
 * The package is not a dependency of the project (its cities make it 74 MB). Get it, then run:
 *
 *     npm install --no-save @countrystatecity/countries@1.0.9
 *     npx tsx scripts/build-world-regions.ts [path/to/package/dist/data]
 *
 * Countries whose regions `data/gazetteer/regions.csv` keeps by hand (with GeoNames admin1 codes and
 * the spellings live blogs use) are left out here. A row's `plain` says whether its bare name may
 * stand for it in text: not when the name is one ordinary word ("Central", "Northern", "Delta",
 * "Capital") or a people's adjective ("Somali", "Chechen"), which only the type after it makes a
 * region ("Delta State"). The output is deterministic: the same package gives the same file.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripRegionType, type Admin1Region } from '../src/gazetteer/build.ts';
import { parseCsv } from '../src/gazetteer/csv.ts';

/** The fields read from one row of the package's `<Country>-<ISO2>/states.json`. */
interface PackageState {
  name: string;
  country_code: string;
  iso3166_2: string | null;
  type: string | null;
  latitude: string | null;
  longitude: string | null;
  native: string | null;
}


/** Types that are towns or parts of towns, which the GeoNames towns already cover. */
const TOWN_TYPES = new Set(['city', 'autonomous city', 'city with county rights', 'urban municipality', 'village', 'quarter', 'commune', 'local council', 'london borough', 'metropolitan district', 'municipality', 'city municipality', 'town', 'town council', 'metropolitan city', 'capital city', 'borough', 'ward', 'special municipality', 'special city', 'metropolitan municipality']);

/**
 * Ordinary words that are also region names somewhere: directions, positions and landforms. A
 * region whose name is one of them alone, or a people's adjective, is found only with its type.
 */
const ORDINARY_WORDS = new Set(
  ('north northern south southern east eastern west western central centre center capital middle upper lower ' +
    'inner outer far greater coast coastal coastal delta lakes lake islands island highlands highland lowlands ' +
    'mountain mountains plateau plains savannah valley river rivers pool sea red free border frontier ' +
    'interior littoral maritime oriental occidental nord sud est ouest centre-est centre-nord centre-ouest centre-sud ' +
    'northeast northwest southeast southwest north-east north-west south-east south-west federal national ' +
    'metropolitan special autonomous united new old grand little great rose paul sal most bam ba lau cher mon chin ' +
    'east-end west-end orange banks gulf bay harbour harbor port cape peninsula desert oasis forest hills line ' +
    // directions in the languages region names keep
    'noord zuid oost norte sur este oeste centro nord-est nord-ouest sud-est sud-ouest nordeste noroeste sudeste').split(' '),
);

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');

function slug(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function isPlain(base: string, adjectives: Set<string>): boolean {
  const words = base.toLowerCase().split(/\s+/);
  if (words.every((w) => ORDINARY_WORDS.has(w) || w === 'and')) return false;
  if (words.length === 1 && adjectives.has(words[0]!)) return false;
  return base.length >= 4;
}

function main(): void {
  const dataDir = process.argv[2] ?? join(root, 'node_modules/@countrystatecity/countries/dist/data');
  if (!existsSync(dataDir)) {
    console.error(`build-world-regions: no package data at ${dataDir}\nnpm install --no-save @countrystatecity/countries@1.0.9 first`);
    process.exit(2);
  }
  const kept = new Set(parseCsv(readFileSync(join(root, 'data/gazetteer/regions.csv'), 'utf8')).map((r) => r.country!));
  const world = JSON.parse(readFileSync(join(root, 'data/world/countries.json'), 'utf8')) as { countries: { demonyms: string[] }[] };
  const adjectives = new Set(world.countries.flatMap((c) => c.demonyms.map((d) => d.toLowerCase())));
  const rows: Admin1Region[] = [];
  for (const dir of readdirSync(dataDir).sort()) {
    const file = join(dataDir, dir, 'states.json');
    if (!existsSync(file)) continue;
    for (const s of JSON.parse(readFileSync(file, 'utf8')) as PackageState[]) {
      const type = (s.type ?? 'region').trim().toLowerCase();
      const lat = Number(s.latitude);
      const lon = Number(s.longitude);
      if (kept.has(s.country_code) || TOWN_TYPES.has(type) || !s.latitude || !Number.isFinite(lat) || !Number.isFinite(lon)) continue;
      const name = s.name.trim();
      const base = stripRegionType(name, type);
      // a people's adjective as a region's name ("Somali", "Chechen") is not the place on its own
      const people = /(ish|ese|ian|ean|ic)$/i.test(base) && !base.includes(' ');
      rows.push({
        id: s.iso3166_2?.trim() || `${s.country_code}-${slug(name)}`,
        name,
        type,
        country: s.country_code,
        lat: Math.round(lat * 1e4) / 1e4,
        lon: Math.round(lon * 1e4) / 1e4,
        // the package's native names in Latin script are often machine translations ("Bien que")
        native: s.native && /[^\u0000-\u024f\s'’.-]/.test(s.native) ? s.native.trim() : '',
        plain: !people && isPlain(base, adjectives),
      });
    }
  }
  const seen = new Set<string>();
  const unique = rows.filter((r) => (seen.has(r.id) ? false : (seen.add(r.id), true)));
  unique.sort((a, b) => a.country.localeCompare(b.country) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const out = {
    $comment:
      'Generated by scripts/build-world-regions.ts from @countrystatecity/countries: regenerate, do not edit. First-level regions of every country except those data/gazetteer/regions.csv keeps by hand. plain: whether the bare name stands for the region in text (false for ordinary words and peoples, found only with their type: "Delta State").',
    source: '@countrystatecity/countries 1.0.9 (dr5hn/countries-states-cities-database)',
    license: 'ODbL-1.0 (Open Database License): attribution to dr5hn/countries-states-cities-database required.',
    regions: unique,
  };
  const target = join(root, 'data/world/admin1.json');
  writeFileSync(target, `${JSON.stringify(out, null, 0).replace(/\},\{/g, '},\n{')}\n`);
  console.log(`admin1: ${unique.length} regions of ${new Set(unique.map((r) => r.country)).size} countries (${unique.filter((r) => !r.plain).length} only with their type) → ${target}`);
}

main();
