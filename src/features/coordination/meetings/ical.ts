// iCalendar (RFC 5545), written by hand: CRLF line ends, lines folded at 75 octets without
// splitting a UTF-8 character, TEXT values escaped, times in UTC (…Z), so no VTIMEZONE is needed.
import crypto from 'node:crypto';

export type IcsEvent = {
  uid: string;
  /** last change of the meeting */
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  status?: 'CONFIRMED' | 'CANCELLED' | 'TENTATIVE';
  sequence?: number;
};

/** TEXT escaping: backslash, semicolon, comma, newline. */
export function escapeText(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line so no physical line exceeds 75 octets (continuations start with one space). */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  let limit = 75;
  for (const ch of line) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (bytes + n > limit) {
      out.push(current);
      current = ' ';
      bytes = 1;
      limit = 75;
    }
    current += ch;
    bytes += n;
  }
  out.push(current);
  return out.join('\r\n');
}

export function icsDate(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** Strips control characters that have no place in a calendar line (keeps newlines for escaping). */
function clean(s: string): string {
  return s.replace(/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

export function calendar(opts: { name: string; events: IcsEvent[]; method?: 'PUBLISH' }): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Wasl//Coordination//AR',
    'CALSCALE:GREGORIAN',
    `METHOD:${opts.method ?? 'PUBLISH'}`,
    `X-WR-CALNAME:${escapeText(clean(opts.name))}`,
    'X-WR-TIMEZONE:Asia/Damascus',
  ];
  for (const e of opts.events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `DTSTAMP:${icsDate(e.stamp)}`,
      `DTSTART:${icsDate(e.start)}`,
      `DTEND:${icsDate(e.end)}`,
      `SUMMARY:${escapeText(clean(e.summary))}`,
    );
    if (e.description) lines.push(`DESCRIPTION:${escapeText(clean(e.description))}`);
    if (e.location) lines.push(`LOCATION:${escapeText(clean(e.location))}`);
    if (e.url) lines.push(`URL:${e.url}`);
    if (e.status) lines.push(`STATUS:${e.status}`);
    lines.push(`SEQUENCE:${e.sequence ?? 0}`, 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** A stable, host-qualified UID for a meeting. */
export function meetingUid(id: number, baseUrl: string): string {
  const host = new URL(baseUrl).hostname || 'wasl.local';
  return `meeting-${id}@${host}`;
}

// ——— the private feed token: HMAC over (user, nonce) with the app's secret ———

export function feedToken(secret: string, userId: number, nonce: string): string {
  const mac = crypto.createHmac('sha256', secret).update(`coord-feed:${userId}:${nonce}`).digest('base64url');
  return `${userId}-${mac}`;
}

export function parseFeedToken(token: string): { userId: number; mac: string } | null {
  const m = /^(\d{1,10})-([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return null;
  return { userId: Number(m[1]), mac: m[2]! };
}

export function feedTokenMatches(secret: string, token: string, nonce: string): boolean {
  const parsed = parseFeedToken(token);
  if (!parsed) return false;
  const expected = Buffer.from(feedToken(secret, parsed.userId, nonce));
  const given = Buffer.from(token);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}
