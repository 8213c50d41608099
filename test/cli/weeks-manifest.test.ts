// A manifest of many daily pages, as a newsroom would list weeks of coverage: three outlets, a
// page a day each, in three timezones, run through the ingest command end to end.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Story } from '../../src/pipeline/types.ts';
import { buildStoryModel } from '../../src/state/story-model.ts';

const FIXTURE = 'test/fixtures/weeks';

function ingest(args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/ingest.ts', ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A copy of the fixture folder with its manifest changed by `edit`. */
function editedCopy(edit: (manifest: { sources: Record<string, unknown>[] }) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'weeks-'));
  cpSync(FIXTURE, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'story.json'), 'utf8'));
  edit(manifest);
  writeFileSync(join(dir, 'story.json'), JSON.stringify(manifest));
  return join(dir, 'story.json');
}

describe('ingest of a manifest of daily pages', () => {
  const run = ingest([`${FIXTURE}/story.json`, '--actors', 'data/actors/ukraine.json']);
  const story = JSON.parse(run.stdout || '{}') as Story;
  const entry = (source: string, words: string) => {
    const found = story.entries.find((e) => e.source === source && e.text.includes(words));
    if (!found) throw new Error(`no entry of ${source} with "${words}"`);
    return found;
  };

  it('reads every page, keeping each page its own source id', () => {
    expect(run.code).toBe(0);
    expect(story.sources).toHaveLength(12);
    expect(new Set(story.sources.map((s) => s.id)).size).toBe(12);
    expect(new Set(story.entries.map((e) => e.id)).size).toBe(story.entries.length);
    expect(story.span).toEqual({ start: '2023-06-05T06:10:00Z', end: '2023-06-09T14:00:00Z' });
  });

  it("reads each page's clock in its own timezone and date, across UTC days", () => {
    // Kyiv (UTC+3): 00:30 on 6 June is 21:30 UTC on 5 June.
    expect(entry('kmp-06-06', 'Air raid sirens').time).toBe('2023-06-05T21:30:00Z');
    // New York (UTC-4): 9:15 p.m. on 6 June is 01:15 UTC on 7 June.
    expect(entry('hudson-06-06', 'late in the evening').time).toBe('2023-06-07T01:15:00Z');
    expect(entry('channel-06-05', 'Avdiivka').time).toBe('2023-06-05T15:00:00Z');
  });

  it('honours the dates a page writes: its date line when the manifest gives none, and its day headings', () => {
    expect(story.sources.find((s) => s.id === 'channel-06-07')?.date).toBe('2023-06-07');
    expect(story.warnings.filter((w) => w.source === 'channel-06-07').map((w) => w.code)).toEqual(['date-from-text']);
    expect(entry('channel-06-08', 'Makarivka').time).toBe('2023-06-08T09:05:00Z');
    // Under "Friday 9 June", 15:00 BST is on the 9th although the page's date is the 8th.
    expect(entry('channel-06-08', 'Shelling was reported in Kherson').time).toBe('2023-06-09T14:00:00Z');
    // Headings and page titles are not entries.
    expect(story.entries.filter((e) => /June|as it happened|day by day/.test(e.text))).toEqual([]);
  });

  it("groups a publisher's daily pages into one outlet", () => {
    const model = buildStoryModel(story);
    expect(model.outlets.map((o) => [o.publisher, o.sources.length])).toEqual([
      ['Kyiv Morning Post', 4],
      ['Hudson Wire', 4],
      ['Channel Desk', 4],
    ]);
    expect(model.outletOf.get('hudson-06-08')).toBe(model.outletOf.get('hudson-06-05'));
  });

  it('refuses a page listed twice, a date that is not YYYY-MM-DD and an unknown timezone, naming the page', () => {
    const cases: [(m: { sources: Record<string, unknown>[] }) => void, RegExp][] = [
      [(m) => m.sources.push({ ...m.sources[0], id: 'kmp-again' }), /sources\[12\]\.file "kmp-2023-06-05\.txt" is already read by sources\[0\]/],
      [(m) => (m.sources[3].date = '08/06/2023'), /sources\[3\]\.date: invalid date: 08\/06\/2023/],
      [(m) => (m.sources[5].timezone = 'New York'), /sources\[5\]\.timezone: unknown timezone: New York/],
    ];
    for (const [edit, message] of cases) {
      const refused = ingest([editedCopy(edit)]);
      expect(refused.code).toBe(2);
      expect(refused.stdout).toBe('');
      expect(refused.stderr.trim()).toMatch(message);
      expect(refused.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
