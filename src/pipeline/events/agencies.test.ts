import { describe, expect, it } from 'vitest';
import { agencyOf, countOrigins } from './agencies.ts';

describe('agencyOf', () => {
  it('finds the agency a sentence credits, in its usual wordings', () => {
    expect(agencyOf('Ukrainian forces retook Robotyne, Reuters reported.')).toBe('reuters');
    expect(agencyOf('A local official told AFP the town had fallen.')).toBe('afp');
    expect(agencyOf('According to the Associated Press, shelling continued.')).toBe('ap');
    expect(agencyOf('Interfax-Ukraine said the bridge was hit.')).toBe('interfax');
  });
  it('gives none for no agency, for two, and for lookalike words', () => {
    expect(agencyOf('Ukrainian forces retook Robotyne, the governor said.')).toBeUndefined();
    expect(agencyOf('Reuters and AFP both reported heavy fighting.')).toBeUndefined();
    expect(agencyOf('An app showed the map; a tapas bar was hit; Apache helicopters flew.')).toBeUndefined();
  });
});

describe('countOrigins', () => {
  it('counts two outlets repeating one agency once, and an outlet’s own report apart', () => {
    const viaReuters = [
      { sourceId: 'outlet-a', quote: 'Officials tell Reuters that helicopters fired rockets on Konna.' },
      { sourceId: 'outlet-b', quote: 'Helicopters fired rockets on Konna, officials are quoted as saying by Reuters.' },
    ];
    expect(countOrigins(viaReuters)).toBe(1);
    expect(countOrigins([...viaReuters, { sourceId: 'outlet-c', quote: 'Our correspondent saw smoke over Konna.' }])).toBe(2);
  });
});
