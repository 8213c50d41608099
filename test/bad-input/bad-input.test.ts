// Every kind of bad input a user can give the pipeline or the CLI gets one clear message naming
// the problem (InputError), or a warning when the text itself is odd but usable; never a crash.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFiles, loadManifest } from '../../src/cli/load-story-input.ts';
import { buildEntries, type SourceInput } from '../../src/pipeline/entries/build-entries.ts';
import { decodeText } from '../../src/pipeline/entries/decode-text.ts';
import { InputError } from '../../src/pipeline/errors.ts';
import { readStory } from '../../src/pipeline/story-schema.ts';

const source = (text: string, extra: Partial<SourceInput> = {}): SourceInput => ({ id: 'blog', publisher: 'Blog', date: '2022-04-02', timezone: 'Europe/Kyiv', text, ...extra });
const bytes = (text: string) => new TextEncoder().encode(text);

function refusal(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

async function refusalAsync(run: () => Promise<unknown>): Promise<InputError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

function folder(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'bad-input-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

describe('bad text', () => {
  it('empty or whitespace-only text', () => {
    expect(refusal(() => buildEntries([source('')])).message).toBe('blog: is empty (no text to read)');
    expect(refusal(() => decodeText(bytes('\n \t \r\n'), 'blank.txt')).message).toMatch(/blank.txt: is empty/);
  });

  it('binary data', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(refusal(() => decodeText(png, 'photo.png')).message).toMatch(/photo.png: looks like binary data/);
    expect(refusal(() => buildEntries([source('\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000e\u000f abc')])).message).toMatch(/binary/);
  });

  it('invalid UTF-8, and UTF-16 with a BOM read correctly', () => {
    expect(refusal(() => decodeText(new Uint8Array([0x31, 0x30, 0x3a, 0x30, 0x30, 0x20, 0xff, 0xfe, 0xfd, 0x41]), 'latin.txt')).message).toMatch(/latin.txt: not valid UTF-8/);
    const text = '10:00 Ukrainian forces retake Hostomel.';
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xfe, 0xff]);
    for (let i = 0; i < text.length; i++) utf16[3 + i * 2] = text.charCodeAt(i);
    expect(decodeText(utf16, 'be.txt')).toBe(text);
    expect(refusal(() => decodeText(new Uint8Array([0xff, 0xfe, 0x00, 0xd8, 0x41]), 'odd.txt')).message).toMatch(/odd.txt: not valid UTF-16/);
  });

  it('a 20 MB text is refused with its size, not ground through', () => {
    const big = new Uint8Array(20 * 1024 * 1024).fill(0x61);
    expect(refusal(() => decodeText(big, 'huge.txt')).message).toBe('huge.txt: is 20.0 MB; one live blog may be at most 16 MB');
  });

  it('a single 1 MB line becomes one entry, quickly', () => {
    const line = `10:00 ${'Shelling was reported near the town again today and '.repeat(20000)}`;
    expect(line.length).toBeGreaterThan(1_000_000);
    const { entries } = buildEntries([source(line)]);
    expect(entries).toHaveLength(1);
    expect(entries[0].time).toBe('2022-04-02T07:00:00Z');
  });

  it('HTML full of scripts and styles keeps none of them', () => {
    const html = `<!doctype html><html><head><style>body{color:red}</style><script>window.evil=1</script></head><body>
      <script>document.write("<p>injected</p>")</script><noscript>enable js</noscript>
      <article><p>10:00 Ukrainian forces retake Hostomel.</p><style>.x{}</style></article>
      <article><p onclick="alert(1)">11:00 Shelling in Chernihiv.</p><iframe src="https://evil.example"></iframe></article></body></html>`;
    const { entries } = buildEntries([source(html)]);
    expect(entries.map((e) => e.text)).toEqual(['Ukrainian forces retake Hostomel.', 'Shelling in Chernihiv.']);
  });

  it('a live blog with no timestamps at all is read, with a warning', () => {
    const { entries, warnings } = buildEntries([source('Russian forces withdraw from Bucha.\n\nShelling continues in Chernihiv.')]);
    expect(entries).toHaveLength(2);
    expect(warnings.map((w) => w.code)).toContain('no-timestamps');
  });

  it('a time such as 25:99 is named in a warning and the entry kept', () => {
    const { entries, warnings } = buildEntries([source('10:00 First.\n\n25:99 Second.\n\n12:00 Third.')]);
    expect(entries.map((e) => e.text)).toEqual(['First.', 'Second.', 'Third.']);
    expect(warnings[0].message).toMatch(/"25:99" is not a time of day/);
  });
});

describe('bad dates and timezones', () => {
  it('a date that does not exist', () => {
    expect(refusal(() => buildEntries([source('10:00 x.', { date: '2022-02-29' })])).message).toBe('invalid date: 2022-02-29 (expected an existing day as YYYY-MM-DD)');
  });

  it('an unknown timezone', () => {
    expect(refusal(() => buildEntries([source('10:00 x.', { timezone: 'Kyiv' })])).message).toMatch(/^unknown timezone: Kyiv/);
  });
});

describe('bad manifests', () => {
  it('not JSON', async () => {
    const dir = folder({ 'story.json': '{"id": "x",' });
    expect((await refusalAsync(() => loadManifest(join(dir, 'story.json')))).message).toMatch(/story.json: not valid JSON/);
  });

  it('lacking fields', async () => {
    const dir = folder({ 'story.json': JSON.stringify({ id: 'x', sources: [{ id: 'a', publisher: 'A', file: 'a.txt' }] }) });
    expect((await refusalAsync(() => loadManifest(join(dir, 'story.json')))).message).toMatch(/story.json.title is missing/);
  });

  it('naming a missing file', async () => {
    const dir = folder({ 'story.json': JSON.stringify({ id: 'x', title: 'X', sources: [{ id: 'a', publisher: 'A', file: 'gone.txt' }] }) });
    expect((await refusalAsync(() => loadManifest(join(dir, 'story.json')))).message).toBe('gone.txt: file not found');
  });

  it('naming a path outside its folder', async () => {
    const dir = folder({ 'story.json': JSON.stringify({ id: 'x', title: 'X', sources: [{ id: 'a', publisher: 'A', file: '../../etc/passwd' }] }) });
    expect((await refusalAsync(() => loadManifest(join(dir, 'story.json')))).message).toMatch(/outside the story's folder/);
  });

  it('loose files that are missing', async () => {
    expect((await refusalAsync(() => loadFiles(['no/such/file.txt'], {}))).message).toBe('no/such/file.txt: file not found');
  });
});

describe('bad story JSON', () => {
  it('an unknown version', () => {
    expect(refusal(() => readStory('{"version": 7, "id": "x"}', 'old.json')).message).toBe('old.json: story format version 7 is not supported (this build reads version 1)');
  });

  it('not JSON, or not a story', () => {
    expect(refusal(() => readStory('<html>', 'page.json')).message).toMatch(/page.json: not valid JSON/);
    expect(refusal(() => readStory('{"version": 1, "id": "x"}', 'half.json')).message).toMatch(/half.json: not a valid story/);
  });
});
