// Accounts that cannot be lost: a person who lost their phone and their recovery codes asks an
// admin — the network admin, or their organization's admin for its own staff — who resets their
// two-step verification with a stated reason. The reset is audited, ends every session of the
// person, and tells them in the app and by e-mail (always, whatever their e-mail choices: it is
// about their account's safety). Signing in again with the password leads to a new set-up.
// Also `npm run wasl -- reset-2fa USER` (../cli.ts) for when no admin can sign in.
import { loadActor, type Actor } from '../../../core/auth/actor.js';
import { destroyOtherSessions } from '../../../core/auth/sessions.js';
import { audit } from '../../../core/audit/index.js';
import type { Db } from '../../../core/db/index.js';
import type { NotificationType } from '../../../core/notify/index.js';
import { channelSettings, notify } from '../../../core/notify/index.js';
import type { WaslServices } from '../../../core/services.js';
import { getUser } from '../queries.js';
import { disableTotp } from './queries.js';

export const TWO_STEP_RESET = 'accounts.twoStepReset';

/** The kind of notice the reset sends (the manifest's `notifications`). */
export const accountNotifications: NotificationType[] = [
  {
    type: TWO_STEP_RESET,
    message: 'accounts.notify.twoStepReset',
    label: 'accounts.notify.twoStepResetLabel',
    channel: 'off', // the e-mail is sent whatever the choice; the list keeps the notice
  },
];

/**
 * May `actor` reset `targetId`'s two-step? A network admin: anyone whose roles are all in networks
 * they administer (members without a role too). An organization's admin: someone whose every role
 * is staff of organizations they administer — never a holder of a network role. Never oneself.
 */
export async function mayResetTwoStep(db: Db, actor: Actor, targetId: number): Promise<boolean> {
  if (!actor.user || actor.user.id === targetId) return false;
  const target = await loadActor(db, targetId, '');
  if (!target) return false;
  const adminOf = new Set([...actor.networkRoles].filter(([, r]) => r.has('networkAdmin')).map(([id]) => id));
  const orgIds = [...target.orgRoles.keys()];
  const orgNetworks = orgIds.length
    ? await db.selectFrom('organizations').select('network_id').where('id', 'in', orgIds).execute()
    : [];
  const targetNetworks = [...target.networkRoles].filter(([, r]) => r.size).map(([id]) => id);
  if (adminOf.size && [...targetNetworks, ...orgNetworks.map((o) => o.network_id)].every((n) => adminOf.has(n)))
    return true;
  return !targetNetworks.length && orgIds.length > 0 && orgIds.every((o) => actor.orgRoles.get(o) === 'orgAdmin');
}

export async function resetTwoStep(
  wasl: WaslServices,
  r: {
    userId: number;
    byUserId: number | null;
    reason: string;
    now: Date;
    ip?: string | null;
    organizationId?: number;
  },
): Promise<boolean> {
  const user = await getUser(wasl.db, r.userId);
  if (!user) return false;
  await disableTotp(wasl.db, user.id);
  await destroyOtherSessions(wasl.db, user.id, null);
  await audit(wasl.db, r.now, {
    actorUserId: r.byUserId,
    action: 'account.2fa.reset',
    targetType: 'user',
    targetId: user.id,
    organizationId: r.organizationId ?? null,
    ip: r.ip,
    details: { reason: r.reason },
  });
  const chosen = (await channelSettings(wasl.db, user.id)).get(TWO_STEP_RESET);
  await notify(wasl, {
    users: [user.id],
    type: TWO_STEP_RESET,
    params: { reason: r.reason },
    url: '/account/2fa',
    now: r.now,
    actorId: r.byUserId,
  });
  // notify() e-mails only those who chose "at once"; everyone else gets the same message here.
  if (user.email && chosen !== 'now') {
    const tr = wasl.i18n.translator(user.locale, { digits: user.digits, addressAs: user.address_as });
    await wasl.mailer.send(
      {
        to: user.email,
        subject: tr.t('accounts.mail.twoStepResetSubject'),
        text: tr.t('accounts.mail.twoStepReset', { reason: r.reason, url: `${wasl.config.baseUrl}/login` }),
      },
      r.now,
    );
  }
  return true;
}
