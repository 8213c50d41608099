import { describe, expect, it } from 'vitest';
import { actorColor, theme } from './theme.ts';

describe('actorColor', () => {
  const actors = [
    { id: 'a', color: '#0072B2' },
    { id: 'b', color: 'rgb(0, 158, 115)' },
    { id: 'c', color: 'url(/x)' },
    { id: 'd', color: 'red; background-image: url(/x)' },
  ];
  it('uses plain colours as they are', () => {
    expect(actorColor(actors, 'a')).toBe('#0072B2');
    expect(actorColor(actors, 'b')).toBe('rgb(0, 158, 115)');
  });
  it('falls back to grey for anything that is not a plain colour', () => {
    expect(actorColor(actors, 'c')).toBe(theme.unknown);
    expect(actorColor(actors, 'd')).toBe(theme.unknown);
    expect(actorColor(actors, 'unknown')).toBe(theme.unknown);
  });
});
