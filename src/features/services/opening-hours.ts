// Opening hours: is a service open at a given instant, and when does it open next?
//
// Pure functions over schedule rules; the clock is always passed in (req.now in handlers, an
// injected date in tests). Hours are local wall-clock times in the network's time zone
// (Asia/Damascus), converted by core/time.ts so that the zone's history is honoured: Syria kept
// summer time until 2022 (UTC+2 in winter, UTC+3 in summer) and has used UTC+3 all year since;
// nothing here assumes a fixed offset.
//
// Which rules apply on a local date D:
//   1. a closure covering D (holiday, temporary closure) → closed all day;
//   2. otherwise, if any dated rule (valid_from/valid_to, e.g. Ramadan hours) covers D, only the
//      dated rules covering D apply (a weekday they leave out, like Friday, is closed);
//   3. otherwise the regular weekly rules apply.
// A rule whose closing time is not after its opening time runs past midnight into D + 1.
import { addDays, damascusOffsetMinutes } from '../../core/time.js';

export type Weekday = 'SA' | 'SU' | 'MO' | 'TU' | 'WE' | 'TH' | 'FR';
/** The week as the network counts it: Saturday first, Friday (the weekly day off) last. */
export const WEEK: readonly Weekday[] = ['SA', 'SU', 'MO', 'TU', 'WE', 'TH', 'FR'];
const JS_DAY: readonly Weekday[] = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

export type ScheduleRule = {
  /** Weekdays the rule applies on; empty means every day. */
  byday: readonly Weekday[];
  /** Local time 'HH:MM' or 'HH:MM:SS'; null on closures. */
  opensAt: string | null;
  closesAt: string | null;
  /** Local dates 'YYYY-MM-DD', inclusive; null = open-ended. */
  validFrom: string | null;
  validTo: string | null;
  /** A closure: closed on every day of its window (no window: until further notice). */
  closed: boolean;
};

export type Interval = { start: Date; end: Date };

export type OpeningState =
  | { open: true; until: Date; kind: 'regular' | 'seasonal' }
  | { open: false; opensNext: Date | null; closure: ScheduleRule | null };

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;

// Offsets change at most every quarter hour (clock changes happen on the hour or half hour), so
// they are cached per quarter hour: "open now" over thousands of services stays cheap.
const QUARTER_HOUR_MS = 900_000;
const offsetCache = new Map<number, number>();

/** Damascus's offset from UTC at an instant, in milliseconds (+2 h or +3 h). */
function offsetMs(at: Date): number {
  const bucket = Math.floor(at.getTime() / QUARTER_HOUR_MS);
  const cached = offsetCache.get(bucket);
  if (cached !== undefined) return cached;
  const offset = damascusOffsetMinutes(new Date(bucket * QUARTER_HOUR_MS)) * 60_000;
  if (offsetCache.size > 50_000) offsetCache.clear();
  offsetCache.set(bucket, offset);
  return offset;
}

/** Local calendar date, weekday and minutes since midnight of an instant. */
export function localParts(at: Date): { date: string; weekday: Weekday; minutes: number } {
  const local = new Date(at.getTime() + offsetMs(at));
  return {
    date: local.toISOString().slice(0, 10),
    weekday: JS_DAY[local.getUTCDay()]!,
    minutes: local.getUTCHours() * 60 + local.getUTCMinutes(),
  };
}

/** The instant of a local wall-clock time; a time skipped by a clock change lands just after it. */
export function zonedInstant(date: string, time: string): Date {
  const d = DATE_RE.exec(date);
  const t = TIME_RE.exec(time) ?? (time === '24:00' || time === '24:00:00' ? ['', '24', '00', '00'] : null);
  if (!d || !t) throw new Error(`opening-hours: bad local date/time ${date} ${time}`);
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]), Number(t[3] ?? 0));
  const first = offsetMs(new Date(wall));
  const second = offsetMs(new Date(wall - first));
  return new Date(wall - (first === second ? first : second));
}

export function weekdayOf(date: string): Weekday {
  const m = DATE_RE.exec(date)!;
  return JS_DAY[new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).getUTCDay()]!;
}

const covers = (r: ScheduleRule, date: string) =>
  (r.validFrom === null || r.validFrom <= date) && (r.validTo === null || date <= r.validTo);
const isDated = (r: ScheduleRule) => r.validFrom !== null || r.validTo !== null;

function minutesOf(time: string): number | null {
  const m = TIME_RE.exec(time);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** The rules in force on a local date, and why. */
export function rulesOn(
  rules: readonly ScheduleRule[],
  date: string,
): { kind: 'closure'; closure: ScheduleRule } | { kind: 'regular' | 'seasonal'; rules: ScheduleRule[] } {
  const closure = rules.find((r) => r.closed && covers(r, date));
  if (closure) return { kind: 'closure', closure };
  const seasonal = rules.filter((r) => !r.closed && isDated(r) && covers(r, date));
  if (seasonal.length) return { kind: 'seasonal', rules: seasonal };
  return { kind: 'regular', rules: rules.filter((r) => !r.closed && !isDated(r)) };
}

/** Opening intervals that start on a local date (an overnight one ends the next day). */
export function intervalsStartingOn(
  rules: readonly ScheduleRule[],
  date: string,
): (Interval & { kind: 'regular' | 'seasonal' })[] {
  const applying = rulesOn(rules, date);
  if (applying.kind === 'closure') return [];
  const weekday = weekdayOf(date);
  const out: (Interval & { kind: 'regular' | 'seasonal' })[] = [];
  for (const r of applying.rules) {
    if (r.byday.length && !r.byday.includes(weekday)) continue;
    if (!r.opensAt || !r.closesAt) continue;
    const open = minutesOf(r.opensAt);
    const close = minutesOf(r.closesAt);
    if (open === null || close === null) continue;
    const start = zonedInstant(date, r.opensAt);
    const end = close > open ? zonedInstant(date, r.closesAt) : zonedInstant(addDays(date, 1), r.closesAt);
    out.push({ start, end, kind: applying.kind });
  }
  return out.sort((a, b) => a.start.getTime() - b.start.getTime());
}

/**
 * Open now? If so until when (touching intervals are joined); if not, when it opens next (within
 * `horizonDays`, default a year) and which closure, if any, is the reason.
 */
export function openingState(
  rules: readonly ScheduleRule[],
  at: Date,
  opts: { horizonDays?: number } = {},
): OpeningState {
  const horizon = opts.horizonDays ?? 370;
  const today = localParts(at).date;
  const t = at.getTime();
  const intervals: (Interval & { kind: 'regular' | 'seasonal' })[] = [];
  for (let i = -1; i <= 1; i++) intervals.push(...intervalsStartingOn(rules, addDays(today, i)));
  const current = intervals.find((iv) => iv.start.getTime() <= t && t < iv.end.getTime());
  if (current) {
    let until = current.end;
    // Join intervals that continue without a gap (e.g. a late shift that starts as one ends).
    for (let day = 0, grew = true; grew && day < 7; day++) {
      grew = false;
      const more = [...intervals, ...intervalsStartingOn(rules, addDays(today, day + 2))].filter(
        (iv) => iv.start.getTime() <= until.getTime() && iv.end.getTime() > until.getTime(),
      );
      for (const iv of more) {
        until = iv.end;
        grew = true;
      }
    }
    return { open: true, until, kind: current.kind };
  }
  const applying = rulesOn(rules, today);
  const closure = applying.kind === 'closure' ? applying.closure : null;
  for (let i = 0; i <= horizon; i++) {
    const next = intervalsStartingOn(rules, addDays(today, i)).find((iv) => iv.start.getTime() > t);
    if (next) return { open: false, opensNext: next.start, closure };
  }
  return { open: false, opensNext: null, closure };
}

/** Just "open at this instant?" — cheaper than openingState (no search for the next opening). */
export function isOpenAt(rules: readonly ScheduleRule[], at: Date): boolean {
  const today = localParts(at).date;
  const t = at.getTime();
  for (const date of [today, addDays(today, -1)]) {
    for (const iv of intervalsStartingOn(rules, date)) if (iv.start.getTime() <= t && t < iv.end.getTime()) return true;
  }
  return false;
}

/** Combines several places (a service at several locations): open if any is, else the soonest. */
export function combineStates(states: OpeningState[]): OpeningState | null {
  if (!states.length) return null;
  const open = states.filter((s): s is Extract<OpeningState, { open: true }> => s.open);
  if (open.length) return open.reduce((a, b) => (b.until > a.until ? b : a));
  const closed = states as Extract<OpeningState, { open: false }>[];
  const withNext = closed.filter((s) => s.opensNext);
  if (!withNext.length) return closed[0]!;
  return withNext.reduce((a, b) => (b.opensNext! < a.opensNext! ? b : a));
}

/** Parses HSDS `byday` ("SA,SU,MO") into weekdays; unknown tokens are dropped. */
export function parseByday(byday: string | null | undefined): Weekday[] {
  if (!byday) return [];
  return byday
    .split(',')
    .map((s) =>
      s
        .trim()
        .toUpperCase()
        .replace(/^[+-]?\d+/, ''),
    )
    .filter((s): s is Weekday => (WEEK as readonly string[]).includes(s));
}

export function formatByday(days: readonly Weekday[]): string {
  return WEEK.filter((d) => days.includes(d)).join(',');
}
