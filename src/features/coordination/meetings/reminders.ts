// Meeting reminders (run by the coordination job): an e-mail, or the outbox, to each expected
// person of a meeting in the next 24 hours — once, and not to those who declined.
import type { Translator } from '../../../core/i18n/index.js';
import type { WaslServices } from '../../../core/services.js';
import { localized } from '../../../core/i18n/localized.js';
import { DAY } from '../../../core/time.js';
import { mailPerson, recipientColumns } from '../mail.js';
import { expectedPeople, getMeeting } from './queries.js';
import { columnOf } from '../records.js';

/** E-mails (or writes to the outbox) a reminder to each expected person of meetings in the next 24 hours. */
export async function sendMeetingReminders(wasl: WaslServices, now: Date): Promise<number> {
  const { db } = wasl;
  const soon = await db
    .selectFrom('coord_meetings')
    .select(['id', 'network_id'])
    .where('status', '=', 'scheduled')
    .where('starts_at', '>', now.toISOString())
    .where('starts_at', '<=', new Date(now.getTime() + DAY).toISOString())
    .execute();
  let sent = 0;
  for (const s of soon) {
    const m = await getMeeting(db, s.network_id, s.id);
    if (!m) continue;
    const people = await expectedPeople(db, m);
    if (!people.length) continue;
    const ids = people.map((p) => p.user_id);
    const [users, declined, done] = await Promise.all([
      db
        .selectFrom('users')
        .select(recipientColumns)
        .where('users.id', 'in', ids)
        .where('users.email', 'is not', null)
        .execute(),
      columnOf(db, 'coord_rsvps', 'user_id', { meeting_id: m.id, response: 'no' }),
      columnOf(db, 'coord_reminders', 'user_id', { meeting_id: m.id, kind: 'day' }),
    ]);
    const skip = new Set([...declined, ...done]);
    // Where, in the reader's language: the host's office, the town, the room; or the link.
    const write = (tr: Translator) => {
      const place =
        m.place_kind === 'online'
          ? (m.online_url ?? '')
          : [
              m.place_kind === 'office' ? localized(m, 'place_name', tr.locale) : null,
              localized(m, 'town_name', tr.locale),
              m.place_detail,
            ]
              .filter(Boolean)
              .join('، ');
      return {
        subject: tr.t('coordination.mail.reminder.subject', { title: m.title }),
        text: tr.t('coordination.mail.reminder.body', {
          title: m.title,
          when: tr.dateTime(m.starts_at),
          place,
          url: `${wasl.config.baseUrl}/meetings/${m.id}`,
        }),
      };
    };
    for (const u of users) {
      if (skip.has(u.id) || !u.email) continue;
      await db
        .insertInto('coord_reminders')
        .values({ meeting_id: m.id, user_id: u.id, kind: 'day', sent_at: now.toISOString() })
        .onConflict((oc) => oc.doNothing())
        .execute();
      if (await mailPerson(wasl, u, write, now)) sent++;
    }
  }
  return sent;
}
