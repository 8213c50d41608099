// Property tests: random and adversarial text thrown at every parser. They may refuse input with
// an InputError, never with anything else, and whatever they return is a valid story.
// `npm test` runs them with a fixed seed; `npm run fuzz` runs many more (FUZZ_RUNS, FUZZ_SEED).
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { readWorldActors } from '../../src/cli/actor-file.ts';
import { readGazetteer } from '../../src/cli/gazetteer-file.ts';
import type { WorldActorsJson } from '../../src/pipeline/events/world-actors.ts';
import { buildEntries } from '../../src/pipeline/entries/build-entries.ts';
import { decodeText } from '../../src/pipeline/entries/decode-text.ts';
import { isInputError } from '../../src/pipeline/errors.ts';
import { ingestStory } from '../../src/pipeline/ingest.ts';
import { parseManifest } from '../../src/pipeline/manifest.ts';
import { parseEntries } from '../../src/pipeline/entries/parse-entries.ts';
import { readHtml } from '../../src/pipeline/entries/read-html.ts';
import { readStory, storyProblems } from '../../src/pipeline/story-schema.ts';
import type { Gazetteer } from '../../src/gazetteer/types.ts';

const seed = Number(process.env.FUZZ_SEED ?? 20140613);
const scale = Number(process.env.FUZZ_RUNS ?? 1);
const runs = (n: number) => ({ seed, numRuns: Math.max(1, Math.round(n * scale)) });

/** Pieces live blogs are made of, so random text often looks like one. */
const fragment = fc.oneof(
  fc.constantFrom(
    '17:55 ', '16.10 ', '4:37 ', '16:50: ', 'UPDATE 1725 GMT: ', '12.42 p.m. ', '8:00 p.m. ET — ', '25:99 ', '00:00 ', '23:59 ',
    'All times GMT\n', 'Key Points\n', '• ', '\n', '\n\n', '\n\n\n', 'says: ', 'emails: ', 'tweets: ', '"', '“', '”', '(see 12:17 entry) ',
    'Photo: 13 June 2014 ', 'Reuters\n', 'Isis took Mosul. ', 'Kurdish forces retake Jalawla from ISIS. ', 'overnight ', 'late Thursday ',
    'Ukrainian forces retook Hostomel. ', 'rebels say they have fully liberated Saraqeb. ', 'Russian shelling hit Chernihiv. ', 'earlier this week ',
    'Jalawla is 125 kilometres northeast of Baghdad. ', 'Udhaim, 60 miles north of Baghdad ', '<script>alert(1)</script>', '<p>', '</p>',
    '<time datetime="2014-06-13T15:35:00Z">', '</time>', '⟦', '⟧', '⟦2014-13-45T99:99⟧ ', '\u0000', '\uFEFF', '\u202E', 'جلولاء ', '\uD800',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);
const blogText = fc.array(fragment, { maxLength: 40 }).map((parts) => parts.join(''));

/** Runs `f`; an InputError is an allowed answer, anything else thrown fails the property. */
function allowRefusal<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch (error) {
    if (isInputError(error)) return undefined;
    throw error;
  }
}

let gazetteer: Gazetteer;
let world: WorldActorsJson;
beforeAll(async () => {
  [gazetteer, world] = await Promise.all([readGazetteer(), readWorldActors()]);
}, 30000);

describe('fuzz', () => {
  it('parseEntries and readHtml never throw, and keep entries non-empty', () => {
    fc.assert(
      fc.property(blogText, (text) => {
        for (const entry of parseEntries(text).entries) expect(entry.text.trim()).not.toBe('');
        expect(typeof readHtml(text).text).toBe('string');
      }),
      runs(400),
    );
  });

  it('decodeText refuses or decodes any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const text = allowRefusal(() => decodeText(bytes, 'x.txt'));
        if (text !== undefined) expect(text.trim()).not.toBe('');
      }),
      runs(400),
    );
  });

  it('parseManifest and readStory only ever refuse with an InputError', () => {
    const jsonish = fc.oneof(fc.json(), fc.string(), fc.constant('{"id":"x","title":"X","sources":[{"id":"a","publisher":"A","file":"../a"}]}'));
    fc.assert(
      fc.property(jsonish, (text) => {
        allowRefusal(() => parseManifest(text, 'story.json'));
        allowRefusal(() => readStory(text, 'story.json'));
      }),
      runs(300),
    );
  });

  it('buildEntries gives every entry a valid UTC time, whatever the date and timezone', () => {
    const date = fc.constantFrom('2014-06-13', '2022-02-29', '2024-02-29', '2022-04-02', 'yesterday', '2022-13-01');
    const timezone = fc.constantFrom('Europe/London', 'America/New_York', 'Asia/Baghdad', 'Pacific/Kiritimati', 'Mars/Base', 'UTC');
    fc.assert(
      fc.property(blogText, date, timezone, (text, d, tz) => {
        const built = allowRefusal(() => buildEntries([{ id: 'a', publisher: 'A', date: d, timezone: tz, text }]));
        for (const entry of built?.entries ?? []) expect(entry.time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      }),
      runs(300),
    );
  });

  it('ingestStory returns a story that validates against the schema', () => {
    fc.assert(
      fc.property(blogText, blogText, (a, b) => {
        const result = allowRefusal(() =>
          ingestStory(
            {
              id: 'fuzz',
              title: 'Fuzz',
              sources: [
                { id: 'a', publisher: 'A', date: '2014-06-13', timezone: 'Europe/London', text: a },
                { id: 'b', publisher: 'B', date: '2014-06-13', text: b },
              ],
            },
            gazetteer,
            { world },
          ),
        );
        if (result) expect(storyProblems(JSON.parse(JSON.stringify(result.story)))).toEqual([]);
      }),
      runs(150),
    );
  });
});
