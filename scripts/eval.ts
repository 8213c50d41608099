/**
 * `npm run eval [-- --verbose] [--case SUBSTR] [--json FILE] [--gold FILE]`
 * Runs what `npm run ingest` runs on every case of the development corpus (test/corpus), in one
 * process, and scores it as the corpus's score.py does; the last line is the same as its own.
 * Exit 0 whatever the score; a case whose ingest throws is reported as failed, not a crash.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadFiles } from '../src/cli/load-story-input.ts';
import { readIngestResources, runIngest, type IngestResources } from '../src/cli/run-ingest.ts';
import {
  type CaseResult,
  type EventView,
  type Gold,
  failedCase,
  finalLine,
  formatCaseLine,
  formatFixed2,
  scoreCase,
  totalize,
} from './eval-score.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = 'usage: npm run eval -- [--verbose] [--case SUBSTR] [--json FILE] [--gold FILE]';

const show = (e: EventView) => `${e.place} -> ${e.actor} [${e.window[0]}..${e.window[1]}] ${e.km} km`;

function printDetails(r: CaseResult): void {
  for (const m of r.misses) {
    const near = m.nearby.length ? `; nearby: ${m.nearby.map(show).join('; ')}` : '; no control event within 25 km';
    console.log(`    miss ${m.place} -> ${m.to}${m.from ? ` (from ${m.from})` : ''}${near}`);
  }
  for (const f of r.falsePositives) {
    console.log(`    false control near ${f.near}: ${show(f)}`);
    if (f.evidence) console.log(`      « ${f.evidence} »`);
  }
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        verbose: { type: 'boolean', short: 'v', default: false },
        case: { type: 'string', default: '' },
        json: { type: 'string' },
        gold: { type: 'string', default: join(ROOT, 'test/corpus/gold.json') },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    console.error(`eval: ${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const goldPath = resolve(values.gold);
  const gold = JSON.parse(await readFile(goldPath, 'utf8')) as Gold;
  const tmp = await mkdtemp(join(tmpdir(), 'devcorpus-'));
  const results: (CaseResult & { ms: number })[] = [];
  const started = performance.now();
  try {
    let resources: IngestResources | undefined;
    for (const goldCase of gold.cases) {
      if (!goldCase.file.includes(values.case)) continue;
      const caseStarted = performance.now();
      let result: CaseResult;
      try {
        // as score.py: universal newlines, then drop line 1 (SOURCE | TITLE | DATE)
        const text = (await readFile(join(dirname(goldPath), goldCase.file), 'utf8')).replace(/\r\n?/g, '\n');
        const cut = text.indexOf('\n');
        if (cut < 0) throw new Error('no text after the SOURCE line');
        // same basename as the case: the CLI derives the source id from the file name
        const path = join(tmp, basename(goldCase.file));
        await writeFile(path, text.slice(cut + 1));
        const loaded = await loadFiles([path], { date: goldCase.date, tz: goldCase.tz, publisher: goldCase.publisher });
        // The gazetteer and the world's actors are read once: the same files the CLI reads each run.
        resources ??= await readIngestResources();
        const { story } = await runIngest(loaded, resources);
        // score what the CLI prints, not the in-memory object
        result = scoreCase(gold, goldCase, JSON.parse(JSON.stringify(story)));
      } catch (error) {
        result = failedCase(goldCase, ((error as Error)?.message ?? String(error)).slice(0, 300));
      }
      const ms = Math.round(performance.now() - caseStarted);
      results.push({ ...result, ms });
      console.log(formatCaseLine(result) + (values.verbose ? `, ${result.events} control events, ${ms} ms` : ''));
      if (values.verbose) printDetails(result);
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  const totals = totalize(results);
  if (values.json) {
    const report = { gold: goldPath, totals, ms: Math.round(performance.now() - started), cases: results };
    await writeFile(values.json, `${JSON.stringify(report, null, 2)}\n`);
  }
  if (totals.failed) console.log(`failed inputs: ${totals.failed}`);
  console.log(
    `precision=${formatFixed2(totals.precision)} (${totals.found}/${totals.found + totals.false}) recall=${formatFixed2(totals.recall)} in ${Math.round((performance.now() - started) / 100) / 10} s`,
  );
  console.log(finalLine(totals));
}

main().catch((error: unknown) => {
  console.error(`eval: ${(error as Error)?.stack ?? error}`);
  process.exit(1);
});
