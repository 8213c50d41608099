import { describe, expect, it } from 'vitest';
import { clockMinutes, findClockReferences, readLeadingClock } from './clock.ts';

function read(line: string) {
  const found = readLeadingClock(line);
  if (found?.kind !== 'clock') throw new Error(`no clock in ${line}`);
  return found;
}

describe('readLeadingClock', () => {
  it('reads colon and dot clocks with the rest of the line', () => {
    expect(read('17:55 Live coverage ends here.').clock).toMatchObject({ hour: 17, minute: 55, ambiguous: false });
    expect(read('16.10 Iraqi foreign minister').rest).toBe('Iraqi foreign minister');
  });

  it('flags a one-digit hour without a.m./p.m. as ambiguous', () => {
    expect(read('4:37 Grand Ayatollah').clock.ambiguous).toBe(true);
    expect(read('12.08 Iraq').clock.ambiguous).toBe(false);
  });

  it('reads a trailing colon after the clock', () => {
    const found = read('16:50: Richard Galpin BBC News, Baghdad');
    expect(found.clock.raw).toBe('16:50');
    expect(found.rest).toBe('Richard Galpin BBC News, Baghdad');
  });

  it('reads UPDATE hhmm with a timezone word', () => {
    const found = read('UPDATE 1725 GMT: Rebels enter the city.');
    expect(found.clock).toMatchObject({ hour: 17, minute: 25, zone: 'Etc/UTC' });
    expect(found.rest).toBe('Rebels enter the city.');
  });

  it('reads a.m./p.m. and US Eastern time', () => {
    const found = read('8:00 p.m. ET — Rebel commanders say');
    expect(found.clock).toMatchObject({ meridiem: 'pm', zone: 'America/New_York' });
    expect(clockMinutes(found.clock)).toBe(20 * 60);
    expect(clockMinutes(read('12.42 p.m. The army').clock)).toBe(12 * 60 + 42);
    expect(clockMinutes(read('12:05 a.m. Midnight').clock)).toBe(5);
  });

  it('does not take numbers in prose for clocks', () => {
    expect(readLeadingClock('10 Scan Eagle surveillance drones')).toBeUndefined();
    expect(readLeadingClock('3.50 million people fled')).toBeUndefined();
  });

  it('reports a clock-shaped token that is no time of day', () => {
    expect(readLeadingClock('25:99 Something happened')).toMatchObject({ kind: 'invalid', raw: '25:99' });
  });

  it('reads exact instants marked by the HTML reader', () => {
    expect(read('⟦2014-06-13T15:35:00Z⟧ Kurds retake town').clock.instant).toBe(Date.UTC(2014, 5, 13, 15, 35));
  });
});

describe('findClockReferences', () => {
  it('finds "see 12:17 entry" with the name before it', () => {
    const [ref] = findClockReferences('Mr Colville (see 12:17 entry) adds that');
    expect(ref.minutes).toBe(12 * 60 + 17);
    expect(ref.before).toContain('Colville');
  });
});
