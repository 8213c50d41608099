import { describe, expect, it } from 'vitest';
import { makePlaces } from '../../../test/fixtures/events/helpers.ts';
import { compileControl, controlAt } from './control-at.ts';

function story() {
  const places = makePlaces([['jalawla', 'Jalawla', 45.17, 34.27], ['london', 'London', -0.13, 51.51]]);
  places.features[0].properties.timeline = [
    { actor: 'iraqi-government', events: ['ev-jalawla-control-1'] },
    { actor: 'isis', start: '2014-06-12T22:00:00Z', events: ['ev-jalawla-control-1'] },
    { actor: 'contested', claimants: ['kurdish-forces', 'isis'], start: '2014-06-13T15:35:00Z', events: ['ev-jalawla-control-2', 'ev-jalawla-control-1'] },
  ];
  return { places };
}

describe('controlAt', () => {
  it('gives the holder before the story, after each change, and contested spans', () => {
    const s = story();
    expect(controlAt(s, '2014-06-01T00:00:00Z').get('jalawla')).toMatchObject({ actor: 'iraqi-government', since: null, contested: false });
    expect(controlAt(s, '2014-06-12T22:00:00Z').get('jalawla')).toMatchObject({ actor: 'isis', since: Date.parse('2014-06-12T22:00:00Z') });
    expect(controlAt(s, Date.parse('2014-06-13T18:00:00Z')).get('jalawla')).toMatchObject({
      actor: 'contested', contested: true, claimants: ['kurdish-forces', 'isis'], events: ['ev-jalawla-control-2', 'ev-jalawla-control-1'],
    });
  });

  it('leaves out places without a timeline; placeAt answers unknown for them', () => {
    const compiled = compileControl(story());
    expect(compiled.at('2014-06-13T00:00:00Z').has('london')).toBe(false);
    expect(compiled.placeAt('london', '2014-06-13T00:00:00Z').actor).toBe('unknown');
  });

  it('a place whose timeline starts with a change is unknown before it', () => {
    const s = story();
    s.places.features[0].properties.timeline!.shift();
    expect(compileControl(s).placeAt('jalawla', '2014-06-01T00:00:00Z').actor).toBe('unknown');
  });

  it('a place with only a baseline has its holder all along, with the basis', () => {
    const s = story();
    s.places.features[1].properties.baseline = { actor: 'uk', basis: 'assumed', rule: 'capital' };
    const compiled = compileControl(s);
    expect(compiled.at('2014-06-13T00:00:00Z').get('london')).toMatchObject({ actor: 'uk', basis: 'assumed', since: null });
    expect(compiled.placeAt('london', '2030-01-01T00:00:00Z').basis).toBe('assumed');
  });

  it('the baseline is the holder before the first change; a reported change has no basis', () => {
    const s = story();
    s.places.features[0].properties.baseline = { actor: 'kurdish-forces', basis: 'stated', rule: 'stated', entries: ['bbc-1'], quotes: ['Jalawla remains under Kurdish control.'] };
    const compiled = compileControl(s);
    expect(compiled.placeAt('jalawla', '2014-06-01T00:00:00Z')).toMatchObject({ actor: 'kurdish-forces', basis: 'stated', events: ['ev-jalawla-control-1'] });
    expect(compiled.placeAt('jalawla', '2014-06-13T00:00:00Z')).toMatchObject({ actor: 'isis', basis: null });
  });

  it('a baseline goes before a timeline that starts with a change', () => {
    const s = story();
    s.places.features[0].properties.timeline!.shift();
    s.places.features[0].properties.baseline = { actor: 'iraqi-government', basis: 'file', rule: 'file', source: 'ISW map', time: '2014-06-10T00:00:00Z' };
    const compiled = compileControl(s);
    expect(compiled.placeAt('jalawla', '2014-06-01T00:00:00Z')).toMatchObject({ actor: 'iraqi-government', basis: 'file' });
    expect(compiled.placeAt('jalawla', '2014-06-12T23:00:00Z')).toMatchObject({ actor: 'isis', basis: null });
  });

  it('fails loudly on an invalid time', () => {
    expect(() => controlAt(story(), 'yesterday')).toThrow(/invalid time: yesterday/);
  });
});
