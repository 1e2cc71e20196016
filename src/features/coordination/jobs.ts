// Work a scheduler runs (the lead wires `runCoordinationJobs(wasl, now)` to a timer or cron):
// meeting reminders a day ahead, licence-expiry reminders, and departures whose confirmation
// period has ended. Each is idempotent: running it twice sends nothing twice.
import fs from 'node:fs/promises';
import type { WaslServices } from '../../core/services.js';
import type { Db } from '../../core/db/index.js';
import { audit } from '../../core/audit/index.js';
import { fromJson } from '../../core/db/helpers.js';
import { expectedPeople, getMeeting } from './meetings.js';
import { EXPIRY_REMINDER_DAYS } from './licensing.js';
import { addDays, damascusDay, DAY } from '../../core/time.js';

function translatorFor(
  wasl: WaslServices,
  user: { locale: string; digits: 'latn' | 'arab'; address_as: 'f' | 'm' | 'x' },
) {
  const locale = wasl.i18n.locales.includes(user.locale) ? user.locale : 'ar';
  return wasl.i18n.translator(locale, { digits: user.digits, addressAs: user.address_as });
}

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
        .select(['id', 'email', 'locale', 'digits', 'address_as'])
        .where('id', 'in', ids)
        .where('email', 'is not', null)
        .execute(),
      db
        .selectFrom('coord_rsvps')
        .select('user_id')
        .where('meeting_id', '=', m.id)
        .where('response', '=', 'no')
        .execute(),
      db
        .selectFrom('coord_reminders')
        .select('user_id')
        .where('meeting_id', '=', m.id)
        .where('kind', '=', 'day')
        .execute(),
    ]);
    const skip = new Set([...declined.map((d) => d.user_id), ...done.map((d) => d.user_id)]);
    for (const u of users) {
      if (skip.has(u.id) || !u.email) continue;
      const tr = translatorFor(wasl, u);
      const place =
        m.place_kind === 'online'
          ? (m.online_url ?? '')
          : [
              m.place_kind === 'office' ? (tr.locale === 'ar' ? m.place_name_ar : m.place_name_en) : null,
              tr.locale === 'ar' ? m.town_name_ar : m.town_name_en,
              m.place_detail,
            ]
              .filter(Boolean)
              .join('، ');
      await db
        .insertInto('coord_reminders')
        .values({ meeting_id: m.id, user_id: u.id, kind: 'day', sent_at: now.toISOString() })
        .onConflict((oc) => oc.doNothing())
        .execute();
      await wasl.mailer.send(
        {
          to: u.email,
          subject: tr.t('coordination.mail.reminder.subject', { title: m.title }),
          text: tr.t('coordination.mail.reminder.body', {
            title: m.title,
            when: tr.dateTime(m.starts_at),
            place,
            url: `${wasl.config.baseUrl}/meetings/${m.id}`,
          }),
        },
        now,
      );
      sent++;
    }
  }
  return sent;
}

/** Reminds an organization's admins once per expiry date that a licence expires within the reminder window. */
export async function sendLicenceReminders(wasl: WaslServices, now: Date): Promise<number> {
  const { db } = wasl;
  const today = damascusDay(now);
  const horizon = addDays(today, EXPIRY_REMINDER_DAYS);
  const due = await db
    .selectFrom('coord_licences')
    .innerJoin('coord_councils', 'coord_councils.id', 'coord_licences.council_id')
    .innerJoin('organizations', 'organizations.id', 'coord_licences.organization_id')
    .select([
      'coord_licences.id',
      'coord_licences.organization_id',
      'coord_licences.expires_on',
      'coord_licences.status',
      'coord_licences.reminded_for',
      'coord_councils.name_ar',
      'coord_councils.name_en',
    ])
    .where('organizations.status', '=', 'active')
    .where('coord_licences.status', 'in', ['licensed', 'renewal_due'])
    .where('coord_licences.expires_on', 'is not', null)
    .where('coord_licences.expires_on', '<=', horizon)
    .execute();
  let sent = 0;
  for (const l of due) {
    if (l.reminded_for === l.expires_on) continue;
    const admins = await db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select(['users.id', 'users.email', 'users.locale', 'users.digits', 'users.address_as'])
      .where('memberships.organization_id', '=', l.organization_id)
      .where('memberships.role', '=', 'orgAdmin')
      .where('users.email', 'is not', null)
      .execute();
    await db
      .updateTable('coord_licences')
      .set({ reminded_for: l.expires_on, status: 'renewal_due', updated_at: now.toISOString() })
      .where('id', '=', l.id)
      .execute();
    for (const a of admins) {
      const tr = translatorFor(wasl, a);
      await wasl.mailer.send(
        {
          to: a.email!,
          subject: tr.t('coordination.mail.licence.subject', { council: tr.locale === 'ar' ? l.name_ar : l.name_en }),
          text: tr.t('coordination.mail.licence.body', {
            council: tr.locale === 'ar' ? l.name_ar : l.name_en,
            date: tr.date(`${l.expires_on!}T09:00:00Z`),
            url: `${wasl.config.baseUrl}/licensing/${l.id}`,
          }),
        },
        now,
      );
      sent++;
    }
  }
  return sent;
}

async function deleteMediaFiles(wasl: WaslServices, db: Db, ids: string[]) {
  if (!ids.length) return;
  const rows = await db.selectFrom('media').select(['id', 'variants']).where('id', 'in', ids).execute();
  for (const r of rows)
    for (const f of Object.values(fromJson<Record<string, string>>(r.variants, {}))) {
      const full = wasl.media.filePath(r.id, f);
      if (full) await fs.rm(full, { force: true });
    }
  await db.deleteFrom('media').where('id', 'in', ids).execute();
}

/** Deletes an organization's private coordination data and marks it as having left. */
export async function completeDeparture(wasl: WaslServices, orgId: number, now: Date) {
  const media = await wasl.db.transaction().execute(async (trx) => {
    const docMedia = await trx
      .selectFrom('coord_document_versions')
      .select('media_id')
      .where('organization_id', '=', orgId)
      .execute();
    const planMedia = await trx
      .selectFrom('coord_plan_versions')
      .select('media_id')
      .where('organization_id', '=', orgId)
      .where('media_id', 'is not', null)
      .execute();
    await trx.deleteFrom('coord_items').where('organization_id', '=', orgId).execute();
    await trx.deleteFrom('coord_item_shares').where('organization_id', '=', orgId).execute();
    await trx.deleteFrom('coord_plans').where('organization_id', '=', orgId).execute();
    await trx.deleteFrom('coord_licences').where('organization_id', '=', orgId).execute();
    await trx.deleteFrom('coord_lessons').where('organization_id', '=', orgId).execute();
    await trx.deleteFrom('coord_actions').where('owner_org_id', '=', orgId).execute();
    await trx.deleteFrom('coord_meetings').where('host_org_id', '=', orgId).execute();
    await trx.deleteFrom('coord_meeting_invitees').where('organization_id', '=', orgId).execute();
    await trx.deleteFrom('coord_member_roles').where('organization_id', '=', orgId).execute();
    await trx.deleteFrom('coord_emergency_access').where('organization_id', '=', orgId).execute();
    await trx
      .updateTable('organizations')
      .set({ status: 'left', updated_at: now.toISOString() })
      .where('id', '=', orgId)
      .execute();
    await trx
      .updateTable('coord_departures')
      .set({ completed_at: now.toISOString() })
      .where('organization_id', '=', orgId)
      .where('cancelled_at', 'is', null)
      .where('completed_at', 'is', null)
      .execute();
    return [...docMedia.map((m) => m.media_id), ...planMedia.map((m) => m.media_id!)];
  });
  await deleteMediaFiles(wasl, wasl.db, [...new Set(media)]);
  await audit(wasl.db, now, {
    actorUserId: null,
    action: 'coordination.departure.completed',
    targetType: 'organization',
    targetId: orgId,
    organizationId: orgId,
  });
}

export async function processDepartures(wasl: WaslServices, now: Date): Promise<number[]> {
  const due = await wasl.db
    .selectFrom('coord_departures')
    .select('organization_id')
    .where('cancelled_at', 'is', null)
    .where('completed_at', 'is', null)
    .where('effective_at', '<=', now.toISOString())
    .execute();
  const done: number[] = [];
  for (const d of due) {
    await completeDeparture(wasl, d.organization_id, now);
    done.push(d.organization_id);
  }
  return done;
}

export async function runCoordinationJobs(wasl: WaslServices, now: Date) {
  return {
    meetingReminders: await sendMeetingReminders(wasl, now),
    licenceReminders: await sendLicenceReminders(wasl, now),
    departures: await processDepartures(wasl, now),
  };
}

/** Deletes one workspace file's stored bytes and media row (after its item was deleted). */
export async function removeMedia(wasl: WaslServices, ids: string[]) {
  await deleteMediaFiles(wasl, wasl.db, ids);
}
