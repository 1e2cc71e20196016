// Network time (Asia/Damascus), the one place it is computed: a `datetime-local` value typed by a
// person in Syria becomes a UTC instant, and back; calendar days are Damascus days. The offset
// comes from the runtime's time-zone data — Syria kept summer time (UTC+2 in winter, UTC+3 in
// summer) until 2022 and UTC+3 all year since — so dates before the change stay right. Never
// hard-code +03:00.
export const NETWORK_TZ = 'Asia/Damascus';

const partsFmt = new Intl.DateTimeFormat('en-US', {
  timeZone: NETWORK_TZ,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Damascus wall time straight from the time-zone data (slow); the fast path below must agree with it. */
export function wallPartsIntl(d: Date) {
  const p: Record<string, string> = {};
  for (const part of partsFmt.formatToParts(d)) p[part.type] = part.value;
  return {
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    hour: Number(p.hour) % 24,
    minute: Number(p.minute),
    second: Number(p.second),
  };
}

// Pages format many instants, and Intl's formatToParts is slow; the offset is the same through any
// UTC hour since 1970 (Damascus changed it only on the hour), so it is asked once per hour seen.
const offsetByHour = new Map<number, number>();
function offsetMsAt(t: number): number | null {
  if (!Number.isFinite(t) || t < 0) return null;
  const hour = Math.floor(t / 3600_000);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    const start = hour * 3600_000;
    const w = wallPartsIntl(new Date(start));
    offset = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - start;
    if (offsetByHour.size >= 10_000) offsetByHour.clear();
    offsetByHour.set(hour, offset);
  }
  return offset;
}

function wallParts(d: Date) {
  const offset = offsetMsAt(d.getTime());
  if (offset === null) return wallPartsIntl(d);
  const w = new Date(d.getTime() + offset);
  return {
    year: w.getUTCFullYear(),
    month: w.getUTCMonth() + 1,
    day: w.getUTCDate(),
    hour: w.getUTCHours(),
    minute: w.getUTCMinutes(),
    second: w.getUTCSeconds(),
  };
}

/** Offset of Damascus from UTC at an instant, in minutes. */
export function damascusOffsetMinutes(d: Date): number {
  const w = wallParts(d);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(d.getTime() / 1000) * 1000) / 60000);
}

/** '2026-07-01T10:30' (Damascus wall time) → Date, or null if malformed. */
export function damascusLocalToDate(local: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  // Two passes settle the offset even across a (historical) daylight-saving change.
  let t = guess - damascusOffsetMinutes(new Date(guess)) * 60000;
  t = guess - damascusOffsetMinutes(new Date(t)) * 60000;
  const check = wallParts(new Date(t));
  if (check.year !== y || check.month !== mo || check.day !== d) return null;
  return new Date(t);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Date → '2026-07-01T10:30' in Damascus wall time (for a datetime-local input). */
export function dateToDamascusLocal(d: Date | string): string {
  const w = wallParts(typeof d === 'string' ? new Date(d) : d);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/** The calendar day in Damascus: 'YYYY-MM-DD'. */
export function damascusDay(d: Date | string): string {
  return dateToDamascusLocal(d).slice(0, 10);
}

/** 'YYYY-MM-DD' plus n days. */
export function addDays(day: string, n: number): string {
  const t = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) + n * 86400000;
  return new Date(t).toISOString().slice(0, 10);
}

/** A calendar date (no time) as a Date at noon in Damascus, for the house-style formatter. */
export function dayAsDate(day: string): Date {
  return damascusLocalToDate(`${day}T12:00`) ?? new Date(`${day}T09:00:00Z`);
}

export const HOUR = 3600_000;
export const DAY = 24 * HOUR;
