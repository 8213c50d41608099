import { describe, expect, it } from 'vitest';
import base from '../../../data/stories/iraq-2014-06-13/actors.json';
import syria from '../../../data/actors/syria.json';
import ukraine from '../../../data/actors/ukraine.json';
import { findActors, loadActorRegistry, resolveActor } from './actors.ts';

const iraq = loadActorRegistry(base);
const ukr = loadActorRegistry(base, ukraine);
const syr = loadActorRegistry(base, syria);
const id = (registry: typeof iraq, phrase: string) => resolveActor(registry, phrase)?.actor.id;

describe('loadActorRegistry', () => {
  it('loads the default registry with colours and short labels', () => {
    for (const a of iraq.actors) {
      expect(a.color).toMatch(/^#[0-9A-F]{6}$/);
      expect(a.short.length).toBeGreaterThan(0);
    }
    expect(iraq.get('isis')?.short).toBe('ISIS');
  });

  it('fails loudly on a registry without colours', () => {
    expect(() => loadActorRegistry({ actors: [{ id: 'x', name: 'X', short: 'X', color: 'red', aliases: [] }] })).toThrow(/invalid color for x: red/);
  });

  it('every story registry loads as an extra on top of the default', () => {
    expect(ukr.get('russia')?.name).toBe('Russian forces');
    expect(syr.get('hts')?.short).toBe('HTS');
  });
});

describe('resolveActor', () => {
  it('knows the names of the default story', () => {
    expect(id(iraq, 'Militants from the Islamic State of Iraq and the Levant (Isis)')).toBe('isis');
    expect(id(iraq, 'jihadist fighters')).toBe('isis');
    expect(id(iraq, 'Kurdish Peshmerga fighters')).toBe('kurdish-forces');
    expect(id(iraq, 'Iraqi Kurds')).toBe('kurdish-forces');
    expect(id(iraq, 'Kurdish Iraqi security forces')).toBe('kurdish-forces');
    expect(id(iraq, 'Iraqi Shia militia')).toBe('shia-militias');
    expect(id(iraq, 'its elite Revolutionary Guards')).toBe('iran-irgc');
  });

  it('prefers the longest alias: Kurdish security forces are not the Iraqi security forces', () => {
    expect(id(iraq, 'Kurdish security forces')).toBe('kurdish-forces');
    expect(id(iraq, 'Iraqi security forces')).toBe('iraqi-government');
  });

  it('reads generic nouns through the story: the army is Iraqi in Iraq, Ukrainian in Ukraine, Syrian in Syria', () => {
    expect(id(iraq, 'government troops')).toBe('iraqi-government');
    expect(id(ukr, 'the army')).toBe('ukraine');
    expect(id(syr, 'government forces')).toBe('syrian-government');
    expect(id(iraq, 'militants')).toBe('isis');
    expect(id(syr, 'rebels')).toBe('hts');
  });

  it('lets a country qualifier override the story default', () => {
    expect(id(ukr, 'Russian troops')).toBe('russia');
    expect(id(ukr, 'Ukrainian soldiers')).toBe('ukraine');
    expect(id(iraq, "Iraq's army helicopters")).toBe('iraqi-government');
  });

  it('matches short aliases case-sensitively', () => {
    expect(findActors(iraq, 'let us go').length).toBe(0);
    expect(id(iraq, 'the US')).toBe('us');
  });

  it('derives a neutral actor for an armed group the registry lacks, and an unknown one for gunmen', () => {
    const wagner = resolveActor(iraq, 'the Wagner group')!;
    expect(wagner.actor).toMatchObject({ id: 'group-wagner-group', name: 'Wagner group', color: '#999999', derived: true });
    expect(id(iraq, 'unidentified gunmen')).toBe('unknown');
  });
});
