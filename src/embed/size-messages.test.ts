import { describe, expect, it } from 'vitest';
import { readEmbedParams } from './embed-params.ts';
import { ampMessage, datawrapperMessage, heightFromMessage, parsePymMessage, pymMessage } from './size-messages.ts';

describe('height messages', () => {
  it('writes the pym.js format', () => {
    expect(pymMessage('map-1', 'height', 640)).toBe('pymxPYMxmap-1xPYMxheightxPYMx640');
  });
  it('reads back each format to the same height', () => {
    expect(heightFromMessage(pymMessage('a', 'height', 480))).toBe(480);
    expect(heightFromMessage(datawrapperMessage('a', 481))).toBe(481);
    expect(heightFromMessage(ampMessage(482))).toBe(482);
  });
  it('refuses shapes and sizes that are not height messages', () => {
    for (const bad of [null, 42, 'pymxPYMxaxPYMxheight', pymMessage('a', 'width', 500), pymMessage('a', 'height', 'NaN'), { sentinel: 'amp', type: 'embed-size', height: 1e9 }, { 'datawrapper-height': { a: 10, b: 600 } }, { 'datawrapper-height': 'x' }, { type: 'embed-size', height: 300 }]) {
      expect(heightFromMessage(bad)).toBeNull();
    }
  });
  it('parses pym messages only for its own child id', () => {
    expect(parsePymMessage(pymMessage('a', 'width', 600), 'a')).toEqual({ childId: 'a', type: 'width', payload: '600' });
    expect(parsePymMessage(pymMessage('b', 'width', 600), 'a')).toBeNull();
  });
});

describe('readEmbedParams', () => {
  it('reads pym’s query parameters', () => {
    const p = readEmbedParams('?embed&childId=map1&initialWidth=600&parentUrl=https%3A%2F%2Fnews.example%2Fa%3Fb', 'iraq');
    expect(p).toEqual({ childId: 'map1', initialWidth: 600, parentOrigin: 'https://news.example' });
  });
  it('falls back to the story id and ignores non-http parent URLs', () => {
    expect(readEmbedParams('?embed&childId=%3Cscript%3E&parentUrl=javascript:alert(1)', 'iraq')).toEqual({ childId: 'iraq', initialWidth: null, parentOrigin: null });
  });
});
