import { describe, expect, it } from 'vitest';
import { decodeText } from './decode-text.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeText', () => {
  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeText(utf8('\uFEFF17:55 Jalawla.'), 'a.txt')).toBe('17:55 Jalawla.');
    expect(decodeText(utf8('Saadiya – جلولاء'), 'a.txt')).toBe('Saadiya – جلولاء');
  });

  it('reads UTF-16 with a BOM', () => {
    const text = '16:35 Kurds retake the town.';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) bytes[2 + i * 2] = text.charCodeAt(i);
    expect(decodeText(bytes, 'a.txt')).toBe(text);
  });

  it('names the file when it is empty or only whitespace', () => {
    expect(() => decodeText(utf8(''), 'empty.txt')).toThrow('empty.txt: is empty (no text to read)');
    expect(() => decodeText(utf8(' \n\t\n'), 'blank.txt')).toThrow(/blank.txt: is empty/);
  });

  it('refuses binary data', () => {
    expect(() => decodeText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]), 'x.png')).toThrow(/x.png: looks like binary/);
  });

  it('refuses invalid UTF-8', () => {
    expect(() => decodeText(new Uint8Array([0x31, 0x32, 0xc3, 0x28, 0x41]), 'bad.txt')).toThrow(/bad.txt: not valid UTF-8/);
  });
});
