// Meetings in calendars: one iCalendar file per meeting, and a private feed per person whose
// address carries an HMAC token (app secret, per-person nonce). The feed works from the start with
// the empty nonce — so opening the page writes nothing — and a reset gives a fresh nonce, which
// revokes every address given out before. A calendar says when and where: only meetings the person
// takes part in are in it.
import { action, endpoint, notFound, page, parseId } from '../../../core/http/route.js';
import { loadActor } from '../../../core/auth/actor.js';
import { localized } from '../../../core/i18n/localized.js';
import type { WaslServices } from '../../../core/services.js';
import { DAY } from '../../../core/time.js';
import { loadCoordContext, viewerOf } from '../context.js';
import { emptyForm } from '../schemas.js';
import { calendar, feedToken, feedTokenMatches, meetingUid, parseFeedToken, type IcsEvent } from './ical.js';
import { feedNonce, listMeetingsFor, meetingResource, type Meeting } from './queries.js';
import { resetFeedNonce } from './actions.js';
import { loadMeeting } from './loaders.js';
import { CalendarPage } from './views/attendance.js';

let secret: string | null = null;
/** The application's secret (the configured session secret, else the stored cookie secret). */
async function feedSecret(wasl: WaslServices): Promise<string> {
  if (secret) return secret;
  if (wasl.config.sessionSecret) return (secret = wasl.config.sessionSecret);
  const row = await wasl.db.selectFrom('kv').select('value').where('key', '=', 'cookie_secret').executeTakeFirst();
  if (!row) throw new Error('no application secret');
  return (secret = row.value);
}

type EventMeeting = Omit<Meeting, 'place_name_ar' | 'place_name_en'> & {
  place_name_ar?: string | null;
  place_name_en?: string | null;
};

/** A meeting as a calendar event, for someone taking part in it. */
function eventOf(baseUrl: string, m: EventMeeting, locale: string): IcsEvent {
  const place =
    m.place_kind === 'online'
      ? (m.online_url ?? '')
      : [
          m.place_kind === 'office' ? localized(m, 'place_name', locale) : '',
          localized(m, 'town_name', locale),
          m.place_detail,
        ]
          .filter(Boolean)
          .join(', ');
  return {
    uid: meetingUid(m.id, baseUrl),
    stamp: new Date(m.updated_at),
    start: new Date(m.starts_at),
    end: new Date(m.ends_at),
    summary: m.title,
    description: m.description,
    location: place || undefined,
    url: `${baseUrl}/meetings/${m.id}`,
    status: m.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    sequence: Math.floor((new Date(m.updated_at).getTime() - new Date(m.created_at).getTime()) / 1000) % 2_000_000_000,
  };
}

export const calendarRoutes = [
  page('/meetings/calendar', {
    access: 'member',
    async render(c) {
      const token = feedToken(await feedSecret(c.wasl), c.user.id, await feedNonce(c.db, c.user.id));
      return <CalendarPage feedUrl={`${c.wasl.config.baseUrl}/meetings/feed/${token}.ics`} />;
    },
  }),

  action('/meetings/calendar/reset', {
    access: 'member',
    schema: emptyForm,
    async run(c) {
      await resetFeedNonce(c.db, c.user.id, c.now);
      await c.audit('coordination.calendar.reset', { targetType: 'user', targetId: c.user.id });
      return { to: '/meetings/calendar', flash: 'coordination.calendar.wasReset' };
    },
  }),

  endpoint('GET', '/meetings/feed/:token.ics', {
    access: 'public',
    async handle(c) {
      const token = (c.req.params as { token?: string }).token ?? '';
      const parsed = parseFeedToken(token) ?? notFound();
      const nonce = await feedNonce(c.db, parsed.userId);
      if (!feedTokenMatches(await feedSecret(c.wasl), token, nonce)) notFound();
      const actor = (await loadActor(c.db, parsed.userId, '')) ?? notFound();
      // The feed sees what the person would see when signed in (memberships of departed organizations excluded).
      const ctx = (await loadCoordContext(c.db, actor)) ?? notFound();
      const from = new Date(c.now.getTime() - 60 * DAY).toISOString();
      const rows = await listMeetingsFor(c.db, ctx.network.id, viewerOf(ctx), { from, limit: 500 });
      const locale = actor.user?.locale === 'en' ? 'en' : 'ar';
      const events = rows
        .filter((m) => ctx.can('attend', meetingResource(m, c.now)))
        .map((m) => eventOf(c.wasl.config.baseUrl, m, locale));
      const name = locale === 'ar' ? `اجتماعات ${ctx.network.name_ar}` : `${ctx.network.name_en} meetings`;
      return c.reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, no-store')
        .header('x-robots-tag', 'noindex')
        .send(calendar({ name, events }));
    },
  }),

  endpoint('GET', '/meetings/:id.ics', {
    access: 'public',
    async handle(c) {
      const l = await loadMeeting(c, parseId((c.req.params as { id?: string }).id) ?? notFound());
      if (!l.attends) notFound();
      const body = calendar({ name: l.m.title, events: [eventOf(c.wasl.config.baseUrl, l.m, c.locale)] });
      return c.reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="meeting-${l.m.id}.ics"`)
        .send(body);
    },
  }),
];
