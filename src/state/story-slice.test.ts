import { describe, expect, it } from 'vitest';
import { storyUrl } from './story-slice.ts';

const BASE = 'https://map.example.org/app/';

describe('storyUrl', () => {
  it('reads a listed story from stories/<id>.json', () => {
    expect(storyUrl({ id: 'iraq', title: 'Iraq' }, BASE, [])).toBe('stories/iraq.json');
  });
  it('follows an index url on the same site or an allowed origin', () => {
    expect(storyUrl({ id: 'x', title: 'X', url: 'data/x.json' }, BASE, [])).toBe('https://map.example.org/app/data/x.json');
    expect(storyUrl({ id: 'x', title: 'X', url: 'https://data.example.org/x.json' }, BASE, ['https://data.example.org'])).toBe(
      'https://data.example.org/x.json',
    );
  });
  it('refuses any other origin', () => {
    expect(() => storyUrl({ id: 'x', title: 'X', url: 'https://evil.example/x.json' }, BASE, [])).toThrow(
      'story origin not allowed: https://evil.example',
    );
    expect(() => storyUrl({ id: 'x', title: 'X', url: '//evil.example/x.json' }, BASE, ['https://data.example.org'])).toThrow('not allowed');
  });
});
