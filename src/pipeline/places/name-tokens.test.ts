import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { atSentenceStart, placeCueBefore, previousWord, tokenize } from './name-tokens.ts';

// What the backward scans must agree with: the patterns they replaced, anchored at the end of a
// 40-character window.
const previousWordByPattern = (text: string, start: number) => {
  const before = text.slice(Math.max(0, start - 40), start);
  const m = /([\p{L}]+)([^\p{L}]*)$/u.exec(before);
  return m ? { word: m[1]!, gap: m[2]! } : { word: '', gap: before };
};
const atSentenceStartByPattern = (text: string, start: number) => {
  const before = /(\p{L}|\p{N})?([^\p{L}\p{N}]*)$/u.exec(text.slice(Math.max(0, start - 40), start))!;
  return !before[1] || /[.!?:;"“•\n]/.test(before[2]!);
};

const WORD = /[\p{L}\p{M}][\p{L}\p{M}\p{Pd}'’ʿʾ.]*[\p{L}\p{M}]|[\p{L}\p{M}]/gu;
const tokenizeByPatterns = (text: string) =>
  [...text.matchAll(WORD)].flatMap((m) => {
    const word = m[0].replace(/['’]s$/u, '').replace(/[.\p{Pd}'’]+$/u, '');
    const cap = /^\p{Lu}/u.test(word) || /^(al|el|ad|ar|as|an|at|az|ash|ez|es|ed|ul)[\p{Pd}’']\p{Lu}/u.test(word);
    return word ? [{ start: m.index!, end: m.index! + word.length, text: word, cap }] : [];
  });

// letters of several scripts, digits, punctuation, spaces, and both halves of a surrogate pair
const pieces = ['a', 'Z', 'é', 'ж', 'ب', '𝐀', '𐐀', '\ud835', '\udc00', '7', '٣', ' ', '.', ',', '\n', '"', '“', '•', '-', "'", '’', ':', ')'];
const texts = fc.array(fc.constantFrom(...pieces), { maxLength: 70 }).map((a) => a.join(''));

describe('previousWord', () => {
  it('gives the word before a position and what stands between', () => {
    const text = 'Shelling hit the town of Vuhledar.';
    expect(previousWord(text, text.indexOf('Vuhledar'))).toEqual({ word: 'of', gap: ' ' });
    expect(previousWord('Fighting, in Kherson', 13)).toEqual({ word: 'in', gap: ' ' });
    expect(previousWord('Troops left. Then', 13)).toEqual({ word: 'left', gap: '. ' });
  });

  it('gives no word at the start of a text, or when only numbers and punctuation are within 40 characters', () => {
    expect(previousWord('Goma', 0)).toEqual({ word: '', gap: '' });
    expect(previousWord('12:45 - Goma', 8)).toEqual({ word: '', gap: '12:45 - ' });
    const far = `word${' '.repeat(45)}Goma`;
    expect(previousWord(far, far.indexOf('Goma'))).toEqual({ word: '', gap: ' '.repeat(40) });
  });

  it('reads letters of any script, and cuts a word at the 40-character window', () => {
    expect(previousWord('بلدة حلب', 5)).toEqual({ word: 'بلدة', gap: ' ' });
    expect(previousWord('село Бахмут', 5)).toEqual({ word: 'село', gap: ' ' });
    const long = `${'a'.repeat(50)} X`;
    expect(previousWord(long, 51)).toEqual({ word: 'a'.repeat(39), gap: ' ' });
  });

  it('agrees with the end-anchored pattern on any text and position', () => {
    fc.assert(
      fc.property(texts, fc.nat(), (text, n) => {
        const start = n % (text.length + 1);
        expect(previousWord(text, start)).toEqual(previousWordByPattern(text, start));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('tokenize', () => {
  it('drops a possessive and trailing punctuation, and marks capitals and Arabic articles', () => {
    expect(tokenize("Bakhmut's al-Raqqa as-Suwayda es-Sham St. Goma-").map((t) => [t.text, t.cap])).toEqual([
      ['Bakhmut', true], ['al-Raqqa', true], ['as-Suwayda', true], ['es-Sham', true], ['St', true], ['Goma', true],
    ]);
    expect(tokenize('uS ulcer Élan ёлка').map((t) => [t.text, t.cap])).toEqual([['uS', false], ['ulcer', false], ['Élan', true], ['ёлка', false]]);
  });

  it('agrees with the patterns it skips for plain words, on any text', () => {
    const wordy = fc.array(fc.constantFrom('a', 'e', 'u', 'l', 's', 'S', 'R', 'É', 'ж', "'", '’', '-', '.', ' ', ',', 'al-', 'es-', "'s"), { maxLength: 40 }).map((a) => a.join(''));
    fc.assert(
      fc.property(wordy, (text) => {
        expect(tokenize(text)).toEqual(tokenizeByPatterns(text));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('atSentenceStart', () => {
  it('is true after a sentence ends, a line break or nothing, false inside a sentence', () => {
    expect(atSentenceStart('Kelly left. Kerry stayed', 12)).toBe(true);
    expect(atSentenceStart('— Kerry stayed', 2)).toBe(true);
    expect(atSentenceStart('Kerry', 0)).toBe(true);
    expect(atSentenceStart('line one\nKerry', 9)).toBe(true);
    expect(atSentenceStart('said Kerry', 5)).toBe(false);
    expect(atSentenceStart('on 12 Kerry', 6)).toBe(false);
  });

  it('agrees with the end-anchored pattern on any text and position', () => {
    fc.assert(
      fc.property(texts, fc.nat(), (text, n) => {
        const start = n % (text.length + 1);
        expect(atSentenceStart(text, start)).toBe(atSentenceStartByPattern(text, start));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('placeCueBefore', () => {
  it('is strong after "in" and "the town of", weak after "to", none after a comma or another word', () => {
    expect(placeCueBefore('fighting in Bakhmut', 12)).toBe('strong');
    expect(placeCueBefore('the town of Soledar', 12)).toBe('strong');
    expect(placeCueBefore('a road to Izium', 10)).toBe('weak');
    expect(placeCueBefore('in, Izium', 4)).toBeUndefined();
    expect(placeCueBefore('Minister Kim', 9)).toBeUndefined();
  });
});
