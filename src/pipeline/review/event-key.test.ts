import { describe, expect, it } from 'vitest';
import { eventKeys, fnv1a, formatKey, normaliseSentence, sentenceHash } from './event-key.ts';

describe('event keys', () => {
  it('hashes with 32-bit FNV-1a', () => {
    expect(fnv1a('')).toBe('811c9dc5');
    expect(fnv1a('a')).toBe('e40c292c');
    expect(fnv1a('foobar')).toBe('bf9cf968');
  });

  it('gives a re-typeset sentence the same hash, and a reworded one another', () => {
    const a = 'RSF fighters said they had taken the army’s base in Nyala.';
    expect(sentenceHash(a)).toBe(sentenceHash("  RSF fighters said they had\u00a0taken the army's base in Nyala. "));
    expect(sentenceHash(a)).not.toBe(sentenceHash('RSF fighters said they had taken the army’s base near Nyala.'));
    expect(normaliseSentence('Marawi — “cleared”')).toBe('marawi - "cleared"');
  });

  it('keys an event by each evidence sentence, with its place and kind', () => {
    const entries = new Map([
      ['a-3', { source: 'a', time: '2023-10-27T06:10:00Z' }],
      ['b-1', { source: 'b', time: '2023-10-27T07:00:00Z' }],
    ]);
    const quotes = ['Rebels of the MNDAA said they had seized Chinshwehaw.', 'The border town of Chinshwehaw fell to the alliance.'];
    const keys = eventKeys({ entries: ['a-3', 'b-1'], quotes, placeId: 'chinshwehaw', kind: 'control' }, entries);
    expect(keys).toEqual([
      { source: 'a', time: '2023-10-27T06:10:00Z', sentence: sentenceHash(quotes[0]), place: 'chinshwehaw', kind: 'control' },
      { source: 'b', time: '2023-10-27T07:00:00Z', sentence: sentenceHash(quotes[1]), place: 'chinshwehaw', kind: 'control' },
    ]);
    expect(formatKey(keys[0])).toBe(`a 2023-10-27T06:10:00Z #${keys[0].sentence} at chinshwehaw (control)`);
  });
});
