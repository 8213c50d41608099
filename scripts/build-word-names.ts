/**
 * Writes the `wordNames` of `data/gazetteer/name-rules.json`: names of small towns that are also
 * English words ("University", "Congress", "More", "Defence", "Star"). Capitalised in a headline or
 * at a sentence start, such a word is far more often the word than the town, so the resolver wants a
 * place cue ("in More") before it takes a town under 50,000 of that name (`geocode.ts`).
 *
 * The words are the `word-list` package's (sindresorhus/word-list, MIT; the Letterpress English word
 * list, with no proper nouns). It is not a dependency of the project. Get it, then run the script:
 *
 *     npm install --no-save --prefix /tmp/word-list word-list@4.1.0
 *     npx tsx scripts/build-word-names.ts /tmp/word-list/node_modules/word-list/words.txt
 *
 * Only one-word names of towns the gazetteer holds (built here from its sources) are kept (a few thousand of the 274,000
 * words), so the file stays small. The output is deterministic: the same word list and gazetteer
 * give the same file. Other keys of name-rules.json are kept as they are.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readGazetteerSources } from '../src/cli/gazetteer-file.ts';
import { buildGazetteer } from '../src/gazetteer/build.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'data/gazetteer/name-rules.json');

/** Towns at least this populous keep their name whatever it means ("Reading", "Bath", "Nice"). */
export const MAX_POPULATION = 50_000;

const COMMENT =
  'wordNames: one-word names of towns under 50,000 that are also English words ("University", "Congress", "More", ' +
  '"Star"). Written alone with no place cue before it, such a word is the word: the resolver takes the town only after ' +
  'a cue ("in More"), and never for a bigger place of that name ("Reading", "Bath" are towns of over 50,000). Generated ' +
  'by scripts/build-word-names.ts from the word-list package (sindresorhus/word-list, MIT: the Letterpress English ' +
  'word list) and the built gazetteer; regenerate, do not edit.';

async function main(): Promise<void> {
  const wordsPath = process.argv[2];
  if (!wordsPath || !existsSync(wordsPath)) {
    console.error('usage: npx tsx scripts/build-word-names.ts path/to/word-list/words.txt (see the comment at the top)');
    process.exit(2);
  }
  const words = new Set(readFileSync(wordsPath, 'utf8').split('\n').map((w) => w.trim()).filter((w) => /^[a-z]{3,}$/.test(w)));
  const gazetteer = buildGazetteer(await readGazetteerSources());
  const names = new Set<string>();
  for (const row of gazetteer.places) {
    const [, name, , , , , population, code] = row;
    if (code === 'PCLI' || code === 'ADM1' || population >= MAX_POPULATION) continue;
    const word = name.toLowerCase();
    if (words.has(word)) names.add(name.charAt(0).toUpperCase() + word.slice(1));
  }
  const rules = JSON.parse(readFileSync(OUT, 'utf8')) as Record<string, unknown>;
  rules.$wordNames = COMMENT;
  rules.wordNames = [...names].sort();
  writeFileSync(OUT, `${JSON.stringify(rules, null, 2)}\n`);
  console.log(`wordNames: ${names.size} town names that are English words → ${OUT}`);
}

await main();
