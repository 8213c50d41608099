import nlp from 'compromise';
import { describe, expect, it } from 'vitest';
import lexicon from '../../../data/lexicon/events.json';
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

describe('every verb of the control frames, checked against compromise', () => {
  // compromise (a maintained English tagger and conjugator) is the oracle here, at test time only:
  // in the pipeline it would add ~140 KB gzip to the import worker and run ~5x slower than the
  // lexicon lookup, for forms a lemma list and a few irregular entries already give.
  const frames = lexicon.frames as unknown as Record<string, { verbs: string[] } | string>;
  const entries = Object.values(frames).flatMap((f) => (typeof f === 'string' ? [] : f.verbs));

  it.each(entries)('%s', (entry) => {
    const ours = new Set(verbForms(entry).map((f) => f.split(' ')[0]));
    const lemma = entry.split(/[\s:]/)[0];
    const conjugated = nlp(`they ${lemma} it`).verbs().conjugate()[0] as Record<string, string> | undefined;
    expect(conjugated, `compromise does not read "${lemma}" as a verb`).toBeDefined();
    for (const key of ['Infinitive', 'PastTense', 'PresentTense', 'Gerund', 'Participle']) {
      if (conjugated![key]) expect(ours, `${key} of ${lemma}`).toContain(conjugated![key]);
    }
  });
});
