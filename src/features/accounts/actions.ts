// Invitations span a token and an e-mail; used by the admin pages and by organization admins.
import type { WaslServices } from '../../core/services.js';
import type { InvitePayload } from './invitations/queries.js';
import { createAccountToken, normalizeEmail } from './queries.js';

const WEEK = 7 * 24 * 3600 * 1000;

/** Sends an invitation, in the inviter's language; returns the token (its link is in the message). */
export async function sendInvitation(
  wasl: WaslServices,
  invite: InvitePayload & { locale: string },
  now: Date,
): Promise<string> {
  const payload: InvitePayload = {
    email: normalizeEmail(invite.email),
    networkId: invite.networkId,
    organizationId: invite.organizationId,
    role: invite.role,
    invitedBy: invite.invitedBy,
  };
  const token = await createAccountToken(wasl.db, { purpose: 'invite', userId: null, payload, ttlMs: WEEK }, now);
  const tr = wasl.i18n.translator(invite.locale, { digits: 'latn' });
  await wasl.mailer.send(
    {
      to: payload.email,
      subject: tr.t('mail.invite.subject'),
      text: tr.t('mail.invite.body', { url: `${wasl.config.baseUrl}/invite/${token}` }),
    },
    now,
  );
  return token;
}
