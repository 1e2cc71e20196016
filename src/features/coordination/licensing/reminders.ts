// Licence-expiry reminders (run by the coordination job): an organization's admins are told once
// per expiry date that a licence expires within the reminder window; the row shows "renewal due".
import type { Translator } from '../../../core/i18n/index.js';
import type { WaslServices } from '../../../core/services.js';
import { localized } from '../../../core/i18n/localized.js';
import { addDays, damascusDay, dayAsDate } from '../../../core/time.js';
import { mailPerson, recipientColumns } from '../mail.js';
import { EXPIRY_REMINDER_DAYS } from './queries.js';

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
    .where('coord_licences.archived_at', 'is', null)
    .execute();
  let sent = 0;
  for (const l of due) {
    if (l.reminded_for === l.expires_on) continue;
    const admins = await db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select(recipientColumns)
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
      const write = (tr: Translator) => {
        const council = localized(l, 'name', tr.locale);
        return {
          subject: tr.t('coordination.mail.licence.subject', { council }),
          text: tr.t('coordination.mail.licence.body', {
            council,
            date: tr.date(dayAsDate(l.expires_on!)),
            url: `${wasl.config.baseUrl}/licensing/${l.id}`,
          }),
        };
      };
      if (await mailPerson(wasl, a, write, now)) sent++;
    }
  }
  return sent;
}
