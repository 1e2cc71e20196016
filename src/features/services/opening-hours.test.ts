// "Open now" and "opens next" with an injected clock: a Saturday-to-Thursday week with Friday off,
// Ramadan hours, holidays and temporary closures, overnight shifts, and Damascus's clock changes
// (summer time until 2022, UTC+3 all year since).
import { describe, expect, it } from 'vitest';
import {
  combineStates,
  localParts,
  openingState,
  parseByday,
  zonedInstant,
  type ScheduleRule,
} from './opening-hours.js';

const weekdays = parseByday('SA,SU,MO,TU,WE,TH');
const regular: ScheduleRule = {
  byday: weekdays,
  opensAt: '08:00',
  closesAt: '14:00',
  validFrom: null,
  validTo: null,
  closed: false,
};
// Ramadan 1447 is expected from about 18 February to 19 March 2026.
const ramadan: ScheduleRule = {
  byday: weekdays,
  opensAt: '09:00:00',
  closesAt: '13:00:00',
  validFrom: '2026-02-18',
  validTo: '2026-03-19',
  closed: false,
};
const eid: ScheduleRule = {
  byday: [],
  opensAt: null,
  closesAt: null,
  validFrom: '2026-03-20',
  validTo: '2026-03-22',
  closed: true,
};

describe('a regular week (Saturday to Thursday, 08:00–14:00 Damascus time)', () => {
  it('is open on a Monday morning and says until when', () => {
    // 2026-06-29 is a Monday; 06:30 UTC is 09:30 in Damascus (UTC+3).
    const s = openingState([regular], new Date('2026-06-29T06:30:00Z'));
    expect(s).toEqual({ open: true, until: new Date('2026-06-29T11:00:00Z'), kind: 'regular' });
  });

  it('is closed before opening and opens at 08:00 the same day', () => {
    const s = openingState([regular], new Date('2026-06-29T04:00:00Z'));
    expect(s).toMatchObject({ open: false, opensNext: new Date('2026-06-29T05:00:00Z') });
  });

  it('closes at 14:00 sharp (the closing minute is closed)', () => {
    expect(openingState([regular], new Date('2026-06-29T10:59:59Z')).open).toBe(true);
    expect(openingState([regular], new Date('2026-06-29T11:00:00Z')).open).toBe(false);
  });

  it('is closed on Friday and opens next on Saturday at 08:00', () => {
    // 2026-07-03 is a Friday.
    expect(localParts(new Date('2026-07-03T08:00:00Z')).weekday).toBe('FR');
    const s = openingState([regular], new Date('2026-07-03T08:00:00Z'));
    expect(s).toEqual({ open: false, opensNext: new Date('2026-07-04T05:00:00Z'), closure: null });
  });

  it('after Thursday closing, skips Friday', () => {
    const s = openingState([regular], new Date('2026-07-02T12:00:00Z'));
    expect(s).toMatchObject({ open: false, opensNext: new Date('2026-07-04T05:00:00Z') });
  });
});

describe('Ramadan hours and holidays', () => {
  const rules = [regular, ramadan, eid];

  it('uses the Ramadan hours inside Ramadan (09:00–13:00)', () => {
    // Monday 2 March 2026, 08:30 Damascus: open on a normal day, not yet in Ramadan.
    expect(openingState(rules, new Date('2026-03-02T05:30:00Z'))).toMatchObject({
      open: false,
      opensNext: new Date('2026-03-02T06:00:00Z'),
    });
    expect(openingState(rules, new Date('2026-03-02T09:30:00Z'))).toEqual({
      open: true,
      until: new Date('2026-03-02T10:00:00Z'),
      kind: 'seasonal',
    });
    // 13:30 is within regular hours but after Ramadan closing.
    expect(openingState(rules, new Date('2026-03-02T10:30:00Z')).open).toBe(false);
  });

  it('is closed for Eid and names the closure, then reopens with regular hours', () => {
    // Saturday 21 March 2026 would be a working day.
    const s = openingState(rules, new Date('2026-03-21T07:00:00Z'));
    expect(s.open).toBe(false);
    if (s.open) return;
    expect(s.closure).toBe(eid);
    // 22 March (Sunday) is still Eid; Monday 23 March at 08:00 regular hours resume.
    expect(s.opensNext).toEqual(new Date('2026-03-23T05:00:00Z'));
  });

  it('before Ramadan, the next opening after Thursday is the first Ramadan Saturday hours', () => {
    // Thursday 19 Feb 2026 16:00 Damascus (in Ramadan) → Saturday 21 Feb at 09:00.
    const s = openingState(rules, new Date('2026-02-19T13:00:00Z'));
    expect(s).toMatchObject({ open: false, opensNext: new Date('2026-02-21T06:00:00Z') });
  });
});

describe('temporary closure', () => {
  it('an open-ended closure keeps the service closed with no next opening', () => {
    const closedUntilFurtherNotice: ScheduleRule = { ...eid, validFrom: '2026-06-01', validTo: null };
    const s = openingState([regular, closedUntilFurtherNotice], new Date('2026-06-29T06:30:00Z'));
    expect(s).toEqual({ open: false, opensNext: null, closure: closedUntilFurtherNotice });
  });

  it('a dated closure ends and the next opening follows it', () => {
    const works: ScheduleRule = { ...eid, validFrom: '2026-06-29', validTo: '2026-07-05' };
    const s = openingState([regular, works], new Date('2026-06-29T06:30:00Z'));
    // Monday 6 July 2026 at 08:00.
    expect(s).toMatchObject({ open: false, opensNext: new Date('2026-07-06T05:00:00Z'), closure: works });
  });
});

describe('overnight shifts and several places', () => {
  it('a night shift 20:00–02:00 is open after midnight', () => {
    const night: ScheduleRule = { ...regular, opensAt: '20:00', closesAt: '02:00' };
    // Tuesday 30 June 2026 01:00 Damascus (shift started Monday evening).
    const s = openingState([night], new Date('2026-06-29T22:00:00Z'));
    expect(s).toEqual({ open: true, until: new Date('2026-06-29T23:00:00Z'), kind: 'regular' });
  });

  it('combines places: open if any is open, otherwise the soonest opening', () => {
    const a = openingState([regular], new Date('2026-07-03T08:00:00Z'));
    const fridayToo: ScheduleRule = { ...regular, byday: ['FR'], opensAt: '16:00', closesAt: '18:00' };
    const b = openingState([fridayToo], new Date('2026-07-03T08:00:00Z'));
    expect(combineStates([a, b])).toMatchObject({ open: false, opensNext: new Date('2026-07-03T13:00:00Z') });
    expect(combineStates([])).toBeNull();
  });
});

describe("Damascus's clock changes (read from the time-zone database, not hard-coded)", () => {
  it('in winter 2021 Damascus was UTC+2: 06:30 UTC is 08:30 local, so open', () => {
    // Sunday 10 January 2021.
    expect(localParts(new Date('2021-01-10T06:30:00Z')).minutes).toBe(8 * 60 + 30);
    expect(openingState([regular], new Date('2021-01-10T06:30:00Z')).open).toBe(true);
    expect(openingState([regular], new Date('2021-01-10T05:30:00Z')).open).toBe(false);
  });

  it('across the spring-forward night of 26 March 2021, the next opening is 08:00 at UTC+3', () => {
    // Thursday 25 March 2021 22:00 local (UTC+2) → Saturday 27 March 08:00 local (UTC+3) = 05:00 UTC.
    const s = openingState([regular], new Date('2021-03-25T20:00:00Z'));
    expect(s).toMatchObject({ open: false, opensNext: new Date('2021-03-27T05:00:00Z') });
  });

  it('across the fall-back night of 29 October 2021, opening moves to 06:00 UTC', () => {
    // Thursday 28 October 2021 20:00 local (UTC+3) → Saturday 30 October 08:00 local (UTC+2).
    const s = openingState([regular], new Date('2021-10-28T17:00:00Z'));
    expect(s).toMatchObject({ open: false, opensNext: new Date('2021-10-30T06:00:00Z') });
  });

  it('since 2022 there is no autumn change: winter mornings follow UTC+3', () => {
    expect(zonedInstant('2023-01-10', '08:00')).toEqual(new Date('2023-01-10T05:00:00Z'));
    expect(openingState([regular], new Date('2023-01-10T05:30:00Z')).open).toBe(true);
    expect(zonedInstant('2022-11-05', '08:00')).toEqual(new Date('2022-11-05T05:00:00Z'));
  });

  it('a local time that the clock skipped lands just after the change', () => {
    // At 00:00 on 26 March 2021 clocks jumped to 01:00.
    expect(zonedInstant('2021-03-26', '00:30')).toEqual(new Date('2021-03-25T22:30:00Z'));
  });
});
