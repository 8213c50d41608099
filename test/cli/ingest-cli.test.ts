// The ingest command as a user runs it: exit codes, one-line messages, nothing half-written.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function ingest(args: string[], nodeArgs: string[] = []) {
  const result = spawnSync(process.execPath, [...nodeArgs, '--import', 'tsx', 'src/cli/ingest.ts', ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * A `--require` preload that makes reading the gazetteer (the built index or anything it is built
 * from) throw a plain Error, which the CLI reports as an internal error with exit 70.
 */
function gazetteerTrap(): string {
  const path = join(scratch(), 'no-gazetteer.cjs');
  writeFileSync(
    path,
    `const fsp = require('node:fs/promises');
const gazetteer = /[\\\\/](public|data)[\\\\/]gazetteer[\\\\/]|cities500\\.txt$/;
const readFile = fsp.readFile;
fsp.readFile = function (path, ...rest) {
  if (gazetteer.test(String(path))) return Promise.reject(new Error('gazetteer read: ' + path));
  return readFile.call(this, path, ...rest);
};
require('node:module').syncBuiltinESMExports();
`,
  );
  return path;
}

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'ingest-'));
}

function expectRefusal(run: ReturnType<typeof ingest>, message: RegExp) {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr.trim().split('\n')[0]).toMatch(message);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

describe('ingest CLI', () => {
  it('prints the events of a loose file as a GeoJSON FeatureCollection', () => {
    const run = ingest(['test/fixtures/entries/update-gmt-ukraine.txt', '--date', '2022-03-26', '--tz', 'UTC', '--publisher', 'Wire', '--format', 'geojson']);
    expect(run.code).toBe(0);
    const events = JSON.parse(run.stdout);
    expect(events.type).toBe('FeatureCollection');
    expect(run.stderr).toMatch(/entries/);
  });

  it('writes --out atomically and prints nothing to stdout', () => {
    const dir = scratch();
    const out = join(dir, 'story.json');
    const run = ingest(['test/fixtures/entries/no-timestamps.txt', '--date', '2023-01-25', '--tz', 'Europe/Kyiv', '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(existsSync(out)).toBe(true);
  });

  it('refuses a missing file', () => {
    expectRefusal(ingest(['nowhere.txt', '--date', '2022-01-01']), /nowhere.txt: file not found/);
  });

  it('refuses an empty file and writes nothing', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'empty.txt'), '  \n');
    const out = join(dir, 'out.json');
    expectRefusal(ingest([join(dir, 'empty.txt'), '--date', '2022-01-01', '--out', out]), /empty.txt: is empty/);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses binary data', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'photo.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    expectRefusal(ingest([join(dir, 'photo.txt'), '--date', '2022-01-01']), /binary/);
  });

  it('refuses a date that does not exist and an unknown timezone', () => {
    expectRefusal(ingest(['test/fixtures/entries/no-timestamps.txt', '--date', '2022-02-30']), /invalid date: 2022-02-30/);
    expectRefusal(ingest(['test/fixtures/entries/no-timestamps.txt', '--date', '2022-02-01', '--tz', 'Europe/Atlantis']), /unknown timezone: Europe\/Atlantis/);
  });

  it('refuses a bad --tz or --date before loading the gazetteer', () => {
    const trap = ['--require', gazetteerTrap()];
    // The trap works: a valid run that reaches the gazetteer fails on it.
    const valid = ingest(['test/fixtures/entries/no-timestamps.txt', '--date', '2022-02-01', '--tz', 'UTC'], trap);
    expect(valid.code).toBe(70);
    expect(valid.stderr).toMatch(/gazetteer read/);
    // A bad option is refused before the gazetteer is touched: exit 2, one line naming the option.
    const started = performance.now();
    const badTz = ingest(['test/fixtures/entries/no-timestamps.txt', '--date', '2022-02-01', '--tz', 'Europe/Atlantis'], trap);
    expectRefusal(badTz, /^ingest: --tz: unknown timezone: Europe\/Atlantis/);
    expect(badTz.stderr.trim().split('\n')).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(10_000);
    const badDate = ingest(['test/fixtures/entries/no-timestamps.txt', '--date', '2022-13-01', '--tz', 'UTC'], trap);
    expectRefusal(badDate, /^ingest: --date: invalid date: 2022-13-01/);
    expect(badDate.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses a manifest that is not JSON, or names a file outside its folder', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'story.json'), '{ "id": ');
    expectRefusal(ingest([join(dir, 'story.json')]), /story.json: not valid JSON/);
    mkdirSync(join(dir, 'b'));
    writeFileSync(join(dir, 'b', 'story.json'), JSON.stringify({ id: 'x', title: 'X', sources: [{ id: 'a', publisher: 'A', file: '../secret.txt' }] }));
    expectRefusal(ingest([join(dir, 'b', 'story.json')]), /outside the story's folder/);
  });

  it('refuses an unknown option with the usage line', () => {
    expectRefusal(ingest(['x.txt', '--colour', 'red']), /Unknown option/);
  });
});
