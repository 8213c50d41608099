import { describe, expect, it } from 'vitest';
import type { Entry } from '../pipeline/types.ts';
import { entryDayRows, spansDays } from './entry-days.ts';

const entry = (id: string, time: string): Entry => ({ id, source: 's', time, timeEstimated: false, kind: 'report', text: id, mentions: [] });
const list = [entry('a', '2023-06-05T21:30:00Z'), entry('b', '2023-06-05T23:59:00Z'), entry('c', '2023-06-06T00:10:00Z')];
const rows = (entries: Entry[]) => entries.map((e, index) => ({ entry: e, index }));

describe('entryDayRows', () => {
  it('puts a heading with its count before each UTC day, entries pointing to it', () => {
    const { rows: out, at } = entryDayRows(rows(list), true);
    expect(out.map((r) => (r.kind === 'day' ? `${r.day}:${r.count}` : r.entry.id))).toEqual(['2023-06-05:2', 'a', 'b', '2023-06-06:1', 'c']);
    expect([...at]).toEqual([1, 2, 4]);
    expect(out[4]).toMatchObject({ kind: 'entry', heading: 3 });
  });

  it('follows the list order: newest first gives the latest day first', () => {
    const { rows: out } = entryDayRows(rows(list).reverse(), true);
    expect(out.map((r) => (r.kind === 'day' ? r.day : r.entry.id))).toEqual(['2023-06-06', 'c', '2023-06-05', 'b', 'a']);
  });

  it('counts only the entries it is given (the filtered ones)', () => {
    const { rows: out } = entryDayRows(rows([list[0], list[2]]), true);
    expect(out.filter((r) => r.kind === 'day').map((r) => (r.kind === 'day' ? r.count : 0))).toEqual([1, 1]);
  });

  it('has no headings when the story is of one day', () => {
    const { rows: out } = entryDayRows(rows(list), false);
    expect(out.map((r) => r.kind)).toEqual(['entry', 'entry', 'entry']);
    expect(out.every((r) => r.kind === 'entry' && r.heading === -1)).toBe(true);
  });
});

describe('spansDays', () => {
  it('tells a story of several UTC days from one of a single day', () => {
    expect(spansDays(list)).toBe(true);
    expect(spansDays(list.slice(0, 2))).toBe(false);
    expect(spansDays([])).toBe(false);
  });
});
