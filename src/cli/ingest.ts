/**
 * `npm run --silent ingest -- <story.json | file…> [--date YYYY-MM-DD] [--tz IANA] [--publisher NAME]
 *  [--actors FILE] [--corrections FILE] [--format story|geojson] [--out FILE]`
 * Prints the story JSON (or its events as GeoJSON) to stdout, or writes it atomically with --out.
 * Progress and warnings go to stderr. Exit 0 on success, 2 with one line on bad input.
 */
import { parseArgs } from 'node:util';
import { InputError, isInputError } from '../pipeline/index.ts';
import { readActorFile } from './actor-file.ts';
import { loadFiles, loadManifest, readCorrectionsFile } from './load-story-input.ts';
import { runIngest } from './run-ingest.ts';
import { writeAtomic } from './write-atomic.ts';

const USAGE = 'usage: npm run --silent ingest -- <story.json | file…> [--date YYYY-MM-DD] [--tz IANA] [--publisher NAME] [--actors FILE] [--corrections FILE] [--format story|geojson] [--out FILE]';

async function main(argv: string[]): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        date: { type: 'string' },
        tz: { type: 'string' },
        publisher: { type: 'string' },
        id: { type: 'string' },
        title: { type: 'string' },
        format: { type: 'string', default: 'story' },
        out: { type: 'string' },
        actors: { type: 'string' },
        corrections: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new InputError('usage', `${(error as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (positionals.length === 0) throw new InputError('usage', `no input given\n${USAGE}`);
  if (values.format !== 'story' && values.format !== 'geojson') {
    throw new InputError('usage', `--format must be story or geojson, not "${values.format}"`);
  }
  const isManifest = positionals.length === 1 && /\.json$/i.test(positionals[0]);
  const loaded = isManifest ? await loadManifest(positionals[0]) : await loadFiles(positionals, values);
  // A registry given on the command line replaces the manifest's: one war's names and colours.
  if (values.actors) loaded.actors = await readActorFile(values.actors);
  // A corrections file on the command line replaces the manifest's; it must be for this story.
  if (values.corrections) loaded.corrections = await readCorrectionsFile(values.corrections, values.corrections, loaded.input.id);

  const started = performance.now();
  const { story, warnings } = await runIngest(loaded);
  for (const w of warnings) process.stderr.write(`warning: ${[w.source, w.entry].filter(Boolean).join(' ')}${w.source || w.entry ? ': ' : ''}${w.message}\n`);
  process.stderr.write(
    `${story.id}: ${story.entries.length} entries, ${story.places.features.length} places, ${story.events.features.length} events, ${warnings.length} warnings (${Math.round(performance.now() - started)} ms)\n`,
  );

  const output = values.format === 'geojson' ? story.events : story;
  const text = `${JSON.stringify(output, null, 2)}\n`;
  if (values.out) {
    await writeAtomic(values.out, text);
    process.stderr.write(`wrote ${values.out}\n`);
  } else {
    process.stdout.write(text);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (isInputError(error)) {
    process.stderr.write(`ingest: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`ingest: internal error, please report it: ${(error as Error)?.stack ?? error}\n`);
  process.exit(70);
});
