import { describe, expect, it } from 'vitest';
import { verbForms } from './verb-forms.ts';

describe('verbForms', () => {
  it('inflects regular verbs, dropping a final e and turning y into i', () => {
    expect(verbForms('seize')).toEqual(['seize', 'seizes', 'seized', 'seizing']);
    expect(verbForms('capture')).toEqual(['capture', 'captures', 'captured', 'capturing']);
    expect(verbForms('occupy')).toEqual(['occupy', 'occupies', 'occupied', 'occupying']);
    expect(verbForms('enter')).toEqual(['enter', 'enters', 'entered', 'entering']);
  });

  it('keeps the particle and uses the irregular forms the lexicon gives', () => {
    expect(verbForms('march into')).toEqual(['march into', 'marches into', 'marched into', 'marching into']);
    expect(verbForms('take:took:taken over')).toEqual(['take over', 'takes over', 'took over', 'taken over', 'taking over']);
    expect(verbForms('overrun:overran:overrun:overrunning')).toEqual(['overrun', 'overruns', 'overran', 'overrunning']);
  });

  it('refuses an entry that is not a word', () => {
    expect(() => verbForms('  ')).toThrow(/bad verb entry/);
  });
});
