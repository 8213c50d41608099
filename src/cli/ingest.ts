/**
 * `npm run --silent ingest -- <story.json | file…> [--date YYYY-MM-DD] [--tz IANA] [--publisher NAME]
 *  [--actors FILE] [--corrections FILE] [--format story|geojson] [--out FILE]`
 * Prints the story JSON (or its events as GeoJSON) to stdout, or writes it atomically with --out.
 * Progress and warnings go to stderr. Exit 0 on success, 2 with one line on bad input.
 *
 * `npm run --silent ingest -- --watch <url | file…> --out FILE [--every SECONDS]` follows live
 * blogs while they are live (see watch.ts) until SIGINT or SIGTERM.
 */
import { parseArgs } from 'node:util';
import { assertDate, assertTimeZone, InputError, isInputError } from '../pipeline/index.ts';
import { readActorFile } from './actor-file.ts';
import { loadFiles, loadManifest, readCorrectionsFile } from './load-story-input.ts';
import { runIngest } from './run-ingest.ts';
import { watchSources } from './watch.ts';
import { writeAtomic } from './write-atomic.ts';

const USAGE =
  'usage: npm run --silent ingest -- <story.json | file…> [--date YYYY-MM-DD] [--tz IANA] [--publisher NAME] [--actors FILE] [--corrections FILE] [--format story|geojson] [--out FILE]\n' +
  '       npm run --silent ingest -- --watch <url | file…> --out FILE [--every SECONDS] [--date YYYY-MM-DD] [--tz IANA] [--publisher NAME] [--id ID] [--title TITLE]';

/** The shortest interval between two reads of a page: once every 10 s is already a lot for a news site. */
const MIN_EVERY_SECONDS = 10;

/** `--every` in milliseconds. `INGEST_WATCH_MIN_EVERY` (seconds) lowers the floor, for tests against a local server. */
function everyMs(value: string | undefined): number {
  if (value === undefined) return 60_000;
  const seconds = Number(value);
  const floor = Number(process.env.INGEST_WATCH_MIN_EVERY ?? MIN_EVERY_SECONDS);
  if (!Number.isFinite(seconds) || seconds < floor) throw new InputError('usage', `--every must be a number of seconds, at least ${floor}, not "${value}"`);
  return seconds * 1000;
}

async function watch(locations: string[], values: { out?: string; every?: string; date?: string; tz?: string; publisher?: string; id?: string; title?: string }): Promise<void> {
  if (!values.out) throw new InputError('usage', `--watch needs --out FILE, where the story is kept\n${USAGE}`);
  const every = everyMs(values.every);
  for (const [flag, value, check] of [['--date', values.date, assertDate], ['--tz', values.tz, assertTimeZone]] as const) {
    if (value === undefined) continue;
    try {
      check(value);
    } catch (error) {
      if (isInputError(error)) throw new InputError(error.code, `${flag}: ${error.message}`);
      throw error;
    }
  }
  const stop = new AbortController();
  const onSignal = (name: string) => () => {
    process.stderr.write(`watch: ${name}, stopping after the current read; ${values.out} keeps the last good story\n`);
    stop.abort();
  };
  process.once('SIGINT', onSignal('SIGINT'));
  process.once('SIGTERM', onSignal('SIGTERM'));
  process.stderr.write(`watch: following ${locations.length} source(s) every ${every / 1000} s into ${values.out}; Ctrl-C stops\n`);
  const { out, date, tz, publisher, id, title } = values;
  await watchSources(locations, { out, everyMs: every, date, tz, publisher, id, title, signal: stop.signal, now: () => new Date(), log: (line) => process.stderr.write(`${line}\n`) });
}

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
        watch: { type: 'boolean' },
        every: { type: 'string' },
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
  if (values.watch) return watch(positionals, values);
  if (values.every !== undefined) throw new InputError('usage', `--every only goes with --watch\n${USAGE}`);
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
