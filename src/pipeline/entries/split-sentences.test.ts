import { describe, expect, it } from 'vitest';
import { isSpace, quoteMask, quoteSpans, quotedShare, splitSentences } from './split-sentences.ts';

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

  it('splits paragraphs a page glued together without a space', () => {
    const texts = (t: string) => splitSentences(t).map((x) => x.text);
    expect(texts('The line now runs along its eastern outskirts, the paper writes.At the same time, troops took the village.')).toEqual([
      'The line now runs along its eastern outskirts, the paper writes.',
      'At the same time, troops took the village.',
    ]);
    expect(texts('Rebels entered Goma in the morning.The army withdrew to the airport.')).toEqual(['Rebels entered Goma in the morning.', 'The army withdrew to the airport.']);
    expect(texts('"We hold the bridge," he said.”Government troops shelled Konna.')).toHaveLength(2);
    expect(texts('Troops crossed the Seim River.“Thus the border is closed,” the paper notes.')).toEqual([
      'Troops crossed the Seim River.',
      '“Thus the border is closed,” the paper notes.',
    ]);
  });

  it('keeps addresses, initials and decimals with no space after the dot whole', () => {
    const texts = (t: string) => splitSentences(t).map((x) => x.text);
    expect(texts('News.Az reports that Kharkiv was shelled.')).toHaveLength(1);
    expect(texts('See bbc.co.uk/news.Live for more on Aleppo.')).toHaveLength(1);
    expect(texts('The U.S.Army and the U.N.Mission left Gao.')).toHaveLength(1);
    expect(texts('Losses rose 2.5 times near Mekelle, e.g.The town.')).toHaveLength(1);
    expect(texts('Forces reached the outskirts of St.Petersburg and Mt.Kenya.')).toHaveLength(1);
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

describe('quotedShare', () => {
  it('counts the quoted share of non-space characters in a range, 0 for a range without quotes', () => {
    const text = 'He said "we hold Avdiivka" today. Troops left Marinka.';
    const mask = quoteMask(text, quoteSpans(text));
    const second = text.indexOf('Troops');
    expect(quotedShare(text, second, text.length, mask)).toBe(0);
    // "we hold Avdiivka" with its marks: 16 of the 28 non-space characters of the first sentence
    expect(quotedShare(text, 0, second - 1, mask)).toBeCloseTo(16 / 28);
    expect(quotedShare('   ', 0, 3, Uint8Array.of(1, 1, 1))).toBe(0);
  });

  it('skips every white space that /\\s/ matches, and nothing else', () => {
    const disagree: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (isSpace(c) !== /\s/.test(String.fromCharCode(c))) disagree.push(c);
    expect(disagree).toEqual([]);
  });
});
