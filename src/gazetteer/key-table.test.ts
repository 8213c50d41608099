import { describe, expect, it } from 'vitest';
import { KeyTable } from './key-table.ts';

describe('KeyTable', () => {
  it('numbers keys in the order they are first added, and finds each again', () => {
    const table = new KeyTable(4);
    expect(['mosul', 'kyiv', 'mosul', 'deir ez zor'].map((k) => table.add(k))).toEqual([0, 1, 0, 2]);
    expect(table.keys).toEqual(['mosul', 'kyiv', 'deir ez zor']);
    expect(table.idOf('kyiv')).toBe(1);
    expect(table.idOf('kiev')).toBe(-1);
    expect(table.idOf('')).toBe(-1);
  });

  it('keeps thousands of keys apart that share long prefixes', () => {
    const keys = Array.from({ length: 5000 }, (_, i) => `novoselivka ${i.toString(36)}`);
    const table = new KeyTable(keys.length);
    keys.forEach((k, i) => expect(table.add(k)).toBe(i));
    keys.forEach((k, i) => expect(table.idOf(k)).toBe(i));
  });

  it('refuses more keys than it was sized for, rather than looping for ever', () => {
    const table = new KeyTable(4);
    for (let i = 0; i < 8; i++) table.add(`k${i}`);
    expect(() => table.add('one too many')).toThrow(/KeyTable: more keys than 8/);
  });
});
