import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import schema from '../../../docs/corrections.schema.json';
import { parseCorrections } from './corrections.ts';

const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
const key = { source: 'wire', time: '2023-10-27T06:10:00Z', sentence: '1a2b3c4d', place: 'chinshwehaw', kind: 'control' };
const by = { by: 'Thandar', at: '2025-03-02T09:00:00Z' };
const file = {
  version: 1,
  story: 'myanmar-2023-10-27',
  decisions: [
    { action: 'accept', event: key, ...by },
    { action: 'reject', event: { ...key, sentence: '0badcafe' }, reason: 'other', note: 'a rumour the outlet withdrew', ...by },
    { action: 'edit', event: { ...key, sentence: 'deadbeef' }, set: { actor: { name: 'Three Brotherhood Alliance', color: '#3366aa' }, status: 'claimed', time: { start: '2023-10-26T18:00:00Z', end: '2023-10-27T06:00:00Z', precision: 'day' } }, ...by },
    { action: 'edit', event: { ...key, sentence: 'feedface' }, set: { place: 'geonames:1311874' }, ...by },
    { action: 'add', kind: 'control', evidence: { source: 'wire', time: '2023-10-27T06:10:00Z', sentence: '00c0ffee', text: 'seized the border gate' }, place: 'chinshwehaw', actor: 'mndaa', from: 'myanmar-army', ...by },
  ],
};
const text = (value: unknown) => JSON.stringify(value);
const withDecision = (i: number, change: Record<string, unknown>) => ({ ...file, decisions: file.decisions.map((d, k) => (k === i ? { ...d, ...change } : d)) });

describe('corrections file', () => {
  it('reads a file with every kind of decision, and the schema agrees', () => {
    const parsed = parseCorrections(text(file), 'corrections.json', 'myanmar-2023-10-27');
    expect(parsed.decisions.map((d) => d.action)).toEqual(['accept', 'reject', 'edit', 'edit', 'add']);
    expect(parsed.decisions[4]).toMatchObject({ action: 'add', place: 'chinshwehaw', actor: 'mndaa', by: 'Thandar' });
    expect(validate(file), JSON.stringify(validate.errors)).toBe(true);
  });

  // Each bad file: what the message must say, and the schema must refuse it too.
  const bad: [string, unknown, RegExp][] = [
    ['an unknown version', { ...file, version: 2 }, /corrections format version 2 is not supported/],
    ['no decisions list', { version: 1 }, /decisions must be a list/],
    ['an unknown action', withDecision(0, { action: 'approve' }), /decisions\[0\]: action must be one of accept, reject, edit, add, not "approve"/],
    ['no editor name', withDecision(0, { by: ' ' }), /decisions\[0\] \(accept\): by must be a non-empty string/],
    ['a bad time', withDecision(0, { at: '2 March' }), /decisions\[0\] \(accept\): at must be an ISO time/],
    ['an array index as key', withDecision(0, { event: { source: 'wire', time: key.time, sentence: '3' } }), /decisions\[0\] \(accept\): event\.sentence must be the sentence's 8-hex-digit hash/],
    ['a reason outside the list', withDecision(1, { reason: 'biased' }), /decisions\[1\] \(reject\): reason must be one of not-a-change, wrong-place/],
    ['reason other without a note', withDecision(1, { note: undefined }), /decisions\[1\] \(reject\): a rejection for reason "other" needs a note/],
    ['an edit that sets nothing', withDecision(2, { set: {} }), /decisions\[2\] \(edit\): set must change at least one of/],
    ['a status outside the list', withDecision(2, { set: { status: 'likely' } }), /decisions\[2\] \(edit\): set\.status must be one of claimed, confirmed, contested/],
    ['a window that ends before it starts', withDecision(2, { set: { time: { start: '2023-10-27T06:00:00Z', end: '2023-10-26T06:00:00Z' } } }), /set\.time\.start must not be after end/],
    ['a bad colour', withDecision(2, { set: { actor: { name: 'MNDAA', color: 'red' } } }), /set\.actor\.color must be a colour/],
    ['an add without evidence text', withDecision(4, { evidence: { source: 'wire', time: key.time, sentence: '00c0ffee' } }), /decisions\[4\] \(add\): evidence\.text must be a non-empty string/],
  ];
  for (const [what, value, message] of bad) {
    it(`refuses ${what}, naming the decision and field`, () => {
      expect(() => parseCorrections(text(value), 'corrections.json')).toThrow(message);
      // The schema cannot check that start is before end; everything else it refuses too.
      if (what !== 'a window that ends before it starts') expect(validate(value)).toBe(false);
    });
  }

  it('refuses text that is not JSON, and a file made for another story', () => {
    expect(() => parseCorrections('{"version":1,', 'corrections.json')).toThrow(/corrections\.json: not valid JSON/);
    expect(() => parseCorrections(text(file), 'corrections.json', 'sudan-2023-04-15')).toThrow(/for story "myanmar-2023-10-27", not "sudan-2023-04-15"/);
  });
});
