import { describe, expect, it } from 'vitest';
import { linkDuplicates } from './link-duplicates.ts';
import type { Entry } from '../types.ts';

const entry = (id: string, source: string, text: string, time: string, timeEstimated = false): Entry => ({ id, source, text, time, timeEstimated, kind: 'report', mentions: [] });
const long = 'More on the cleric issuing a call to arms: citizens who can carry weapons should volunteer and join the security forces.';

describe('linkDuplicates', () => {
  it('links an untimed repost to the timed original', () => {
    const linked = linkDuplicates([entry('a-1', 'a', long, '2014-06-13T12:56:00Z'), entry('a-2', 'a', `${long}`, '2014-06-13T10:00:00Z', true)]);
    expect(linked.map((e) => e.duplicateOf)).toEqual([undefined, 'a-1']);
  });

  it('links a repost that is the start of a longer entry, whatever its punctuation', () => {
    const linked = linkDuplicates([entry('a-1', 'a', `${long} More follows here.`, '2014-06-13T12:00:00Z'), entry('a-2', 'a', long.toUpperCase().replace(/:/g, ' -'), '2014-06-13T13:00:00Z')]);
    expect(linked[1].duplicateOf).toBe('a-1');
  });

  it('does not link two outlets carrying the same copy, nor short lines', () => {
    const linked = linkDuplicates([
      entry('a-1', 'a', long, '2014-06-13T12:00:00Z'),
      entry('b-1', 'b', long, '2014-06-13T12:05:00Z'),
      entry('a-2', 'a', 'Reuters reports.', '2014-06-13T12:10:00Z'),
      entry('a-3', 'a', 'Reuters reports.', '2014-06-13T12:20:00Z'),
    ]);
    expect(linked.every((e) => e.duplicateOf === undefined)).toBe(true);
  });
});
