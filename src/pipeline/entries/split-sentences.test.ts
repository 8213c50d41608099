import { describe, expect, it } from 'vitest';
import { quoteMask, quoteSpans, quotedShare, splitSentences } from './split-sentences.ts';

describe('splitSentences', () => {
  it('splits at full stops followed by a capital and keeps offsets', () => {
    const text = 'Isis took Mosul. Kurds took Kirkuk.';
    const s = splitSentences(text);
    expect(s.map((x) => x.text)).toEqual(['Isis took Mosul.', 'Kurds took Kirkuk.']);
    expect(text.slice(s[1].start, s[1].end)).toBe('Kurds took Kirkuk.');
  });

  it('keeps abbreviations, initials and decimals whole', () => {
    expect(splitSentences('Mr. Obama met U.S. officials. Prices rose 2.5 times.').map((x) => x.text)).toEqual([
      'Mr. Obama met U.S. officials.',
      'Prices rose 2.5 times.',
    ]);
  });

  it('splits at line breaks and bullets', () => {
    expect(splitSentences('• First point\n  • Second point').map((x) => x.text)).toEqual(['First point', 'Second point']);
  });
});

describe('quoteSpans', () => {
  it('finds curly and straight quotes', () => {
    const text = 'He said: "We took it." Then “they left”.';
    expect(quoteSpans(text).map(([s, e]) => text.slice(s, e))).toEqual(['"We took it."', '“they left”']);
  });

  it('quotes from the paragraph start when the opening mark is missing', () => {
    const text = 'The number killed may run into the hundreds," Pillay says.';
    const [[s, e]] = quoteSpans(text);
    expect(text.slice(s, e)).toBe('The number killed may run into the hundreds,"');
    expect(quotedShare(text, 0, text.length, quoteMask(text, quoteSpans(text)))).toBeGreaterThan(0.5);
  });
});
