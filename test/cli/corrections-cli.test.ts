// A newsroom's corrections file applied by `ingest`: a rejected change is gone, an edited actor
// holds the place, a missed change is added from its sentence, and all three still attach after
// the source text changes elsewhere; a decision whose sentence changed is a warning, not silence.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/pipeline/entries/split-sentences.ts';
import { eventKeys, sentenceHash } from '../../src/pipeline/review/event-key.ts';
import type { Corrections } from '../../src/pipeline/review/corrections.ts';
import type { EventProperties, Story } from '../../src/pipeline/types.ts';

const STORY = 'data/stories/iraq-2014-06-13';
const BBC = 'bbc-2014-06-13.txt';
/** The sentence the added change is read from, and the words the editor selects in it. */
const MISSED = 'ISIS militants swept into the city of Mosul';
/** An unrelated entry, inserted after the page's second paragraph. */
const INSERTED = '    A reporter in Kharkiv says the trams are running again and the market reopened this morning.\n\n\n';
const AFTER = "issued a call to arms to fight the militants.\n\n\n";

function ingest(args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/ingest.ts', ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A copy of the default story's folder to change freely. */
function copyStory(): string {
  const dir = mkdtempSync(join(tmpdir(), 'corrections-'));
  cpSync(STORY, dir, { recursive: true });
  return dir;
}

function ingestStory(manifest: string, extra: string[] = []): { story: Story; stderr: string } {
  const out = join(manifest, '..', 'out.json');
  const run = ingest([manifest, '--out', out, ...extra]);
  expect(run.code, run.stderr).toBe(0);
  return { story: JSON.parse(readFileSync(out, 'utf8')) as Story, stderr: run.stderr };
}

const eventAt = (story: Story, place: string, kind = 'control'): EventProperties[] =>
  story.events.features.map((f) => f.properties).filter((p) => p.placeId === place && p.kind === kind);

let base: Story;
let corrections: Corrections;

beforeAll(() => {
  const dir = copyStory();
  base = ingestStory(join(dir, 'story.json')).story;
  const entries = new Map(base.entries.map((e) => [e.id, e]));
  const keyOf = (p: EventProperties) => eventKeys(p, entries)[0];
  const [fallujah] = eventAt(base, 'fallujah');
  const [tikrit] = eventAt(base, 'tikrit');
  const entry = base.entries.find((e) => e.source === 'bbc' && e.text.includes(MISSED))!;
  const sentence = splitSentences(entry.text).find((s) => s.text.includes(MISSED))!.text;
  corrections = {
    version: 1,
    story: 'iraq-2014-06-13',
    decisions: [
      { action: 'reject', event: keyOf(fallujah), reason: 'not-a-change', note: 'background: earlier this year', by: 'Ana Ruiz', at: '2025-03-02T10:00:00Z' },
      { action: 'edit', event: keyOf(tikrit), set: { actor: { name: 'Naqshbandi Army', color: '#7a5c2e' } }, by: 'Ana Ruiz', at: '2025-03-02T10:01:00Z' },
      {
        action: 'add',
        kind: 'control',
        evidence: { source: 'bbc', time: entry.time, sentence: sentenceHash(sentence), text: MISSED },
        place: 'mosul',
        actor: 'isis',
        from: 'iraqi-government',
        time: { start: '2014-06-09T21:00:00Z', end: '2014-06-10T12:00:00Z' },
        by: 'Ana Ruiz',
        at: '2025-03-02T10:02:00Z',
      },
    ],
  };
}, 60_000);

/** The three decisions' outcomes, as a reader of the story would check them. */
function expectDecisionsApplied(story: Story) {
  expect(eventAt(story, 'fallujah')).toHaveLength(0);
  // A rejected change changes nobody's control.
  const fallujah = story.places.features.find((f) => f.properties.id === 'fallujah')!.properties;
  expect(fallujah.timeline ?? []).toHaveLength(0);

  const [tikrit] = eventAt(story, 'tikrit');
  expect(tikrit.actor).toBe('group-naqshbandi-army');
  expect(tikrit.review).toBe('edited');
  expect(tikrit.summary).toMatch(/^Naqshbandi Army took Tikrit/);
  expect(story.actors.find((a) => a.id === 'group-naqshbandi-army')).toMatchObject({ name: 'Naqshbandi Army', color: '#7a5c2e' });
  const tikritSpans = story.places.features.find((f) => f.properties.id === 'tikrit')!.properties.timeline!;
  expect(tikritSpans.at(-1)!.actor).toBe('group-naqshbandi-army');

  const added = eventAt(story, 'mosul').filter((p) => p.review === 'added');
  expect(added).toHaveLength(1);
  expect(added[0].actor).toBe('isis');
  expect(added[0].quotes[0]).toContain(MISSED);
  expect(story.entries.find((e) => e.id === added[0].entries[0])!.text).toContain(added[0].quotes[0]);
  expect(added[0].timeStart).toBe('2014-06-09T21:00:00Z');

  const others = story.events.features.map((f) => f.properties).filter((p) => p.placeId !== 'tikrit' && p.review !== 'added');
  expect(others.every((p) => p.review === 'unreviewed')).toBe(true);
  expect(story.warnings.filter((w) => w.code.startsWith('correction-'))).toEqual([]);
}

describe('ingest with a corrections file', () => {
  it('gives every event of a story without corrections the review state unreviewed', () => {
    expect(base.events.features.length).toBeGreaterThan(5);
    expect(base.events.features.every((f) => f.properties.review === 'unreviewed')).toBe(true);
  });

  it('removes the rejected event, edits the actor and adds the missed change (--corrections)', () => {
    const dir = copyStory();
    writeFileSync(join(dir, 'my-corrections.json'), JSON.stringify(corrections, null, 2));
    const { story } = ingestStory(join(dir, 'story.json'), ['--corrections', join(dir, 'my-corrections.json')]);
    expectDecisionsApplied(story);
  }, 30_000);

  it('keeps all three decisions after an unrelated entry is inserted in the source text (manifest field)', () => {
    const dir = copyStory();
    const text = readFileSync(join(dir, BBC), 'utf8');
    expect(text).toContain(AFTER);
    writeFileSync(join(dir, BBC), text.replace(AFTER, AFTER + INSERTED));
    writeFileSync(join(dir, 'corrections.json'), JSON.stringify(corrections, null, 2));
    const manifest = JSON.parse(readFileSync(join(dir, 'story.json'), 'utf8'));
    writeFileSync(join(dir, 'story.json'), JSON.stringify({ ...manifest, corrections: 'corrections.json' }));
    const { story } = ingestStory(join(dir, 'story.json'));
    expect(story.entries.some((e) => e.text.includes('Kharkiv says the trams'))).toBe(true);
    // The inserted entry moved the BBC's estimated entry times and ids; the keys did not care.
    const bbcTimes = (s: Story) => s.entries.filter((e) => e.source === 'bbc').map((e) => e.time);
    expect(bbcTimes(story)).not.toEqual(bbcTimes(base));
    expectDecisionsApplied(story);
  }, 30_000);

  it('warns, naming the decision, when the edited sentence changed, and leaves the event unreviewed', () => {
    const dir = copyStory();
    const text = readFileSync(join(dir, BBC), 'utf8');
    const changed = text.replace('which was seized earlier this week along with Tikrit', 'which fell earlier this week, as did Tikrit');
    expect(changed).not.toBe(text);
    writeFileSync(join(dir, BBC), changed);
    writeFileSync(join(dir, 'corrections.json'), JSON.stringify(corrections));
    const { story, stderr } = ingestStory(join(dir, 'story.json'), ['--corrections', join(dir, 'corrections.json')]);
    const unattached = story.warnings.filter((w) => w.code === 'correction-unattached');
    expect(unattached).toHaveLength(1);
    expect(unattached[0].message).toMatch(/decisions\[1\] \(edit by Ana Ruiz\)/);
    expect(unattached[0].hint).toMatch(/record a new decision/);
    expect(stderr).toMatch(/warning: bbc: corrections decisions\[1\]/);
    expect(story.actors.some((a) => a.id === 'group-naqshbandi-army')).toBe(false);
    // The other two still hold.
    expect(eventAt(story, 'fallujah')).toHaveLength(0);
    expect(eventAt(story, 'mosul').filter((p) => p.review === 'added')).toHaveLength(1);
  }, 30_000);

  it('refuses a bad corrections file with one line naming the decision and field, exit 2, nothing written', () => {
    const dir = copyStory();
    const bad = structuredClone(corrections) as unknown as { decisions: Record<string, unknown>[] };
    bad.decisions[1].set = { status: 'maybe' };
    writeFileSync(join(dir, 'corrections.json'), JSON.stringify(bad));
    const out = join(dir, 'out.json');
    const run = ingest([join(dir, 'story.json'), '--corrections', join(dir, 'corrections.json'), '--out', out]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/decisions\[1\] \(edit\): set\.status must be one of claimed, confirmed, contested/);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a corrections file made for another story', () => {
    const dir = copyStory();
    writeFileSync(join(dir, 'corrections.json'), JSON.stringify({ ...corrections, story: 'sudan-2023-04-15' }));
    const run = ingest([join(dir, 'story.json'), '--corrections', join(dir, 'corrections.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/for story "sudan-2023-04-15", not "iraq-2014-06-13"/);
    expect(run.stdout).toBe('');
  });
});
