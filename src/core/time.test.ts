// Network time: the fast path (one offset per UTC hour) must say exactly what the time-zone data
// says, across Syria's summer-time years and the 2022 change to UTC+3 all year.
import { describe, expect, it } from 'vitest';
import { damascusDay, damascusLocalToDate, damascusOffsetMinutes, dateToDamascusLocal, wallPartsIntl } from './time.js';

// The reference: the time-zone data asked directly, for every instant (no per-hour cache).
const pad = (n: number) => String(n).padStart(2, '0');
const wall = (d: Date) => {
  const w = wallPartsIntl(d);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
};

describe('Damascus wall time', () => {
  it('agrees with the time-zone data at every instant sampled from 1975 to 2030', () => {
    const wrong: string[] = [];
    for (let t = Date.UTC(1975, 0, 1); t < Date.UTC(2030, 0, 1); t += 91 * 60_000 + 17_000) {
      const d = new Date(t);
      if (dateToDamascusLocal(d) !== wall(d)) wrong.push(d.toISOString());
    }
    expect(wrong).toEqual([]);
  });

  it('knows summer and winter before 2022 and UTC+3 all year after', () => {
    expect(damascusOffsetMinutes(new Date('2021-01-15T12:00:00Z'))).toBe(120);
    expect(damascusOffsetMinutes(new Date('2021-07-15T12:00:00Z'))).toBe(180);
    expect(damascusOffsetMinutes(new Date('2023-01-15T12:00:00Z'))).toBe(180);
    expect(damascusLocalToDate('2021-01-05T10:00')?.toISOString()).toBe('2021-01-05T08:00:00.000Z');
    expect(damascusLocalToDate('2024-01-05T10:00')?.toISOString()).toBe('2024-01-05T07:00:00.000Z');
    expect(damascusDay('2024-01-04T22:30:00Z')).toBe('2024-01-05');
    expect(damascusLocalToDate('2024-02-30T10:00')).toBeNull();
  });

  it('still answers for instants before 1970 (through the time-zone data directly)', () => {
    expect(dateToDamascusLocal(new Date('1960-06-01T10:00:00Z'))).toBe(wall(new Date('1960-06-01T10:00:00Z')));
  });
});
