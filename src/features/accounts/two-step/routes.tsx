// Two-step verification: setting it up (a secret, its QR code, a first code), recovery codes (how
// many are left; new ones only after the password or a code again: a seized phone's open session
// must not void the owner's codes), and switching it off (members only: a staff role needs it).
// Reachable before it is set up. An admin who resets someone's two-step: actions.ts.
import QRCode from 'qrcode';
import { holdsStaffRole } from '../../../core/auth/actor.js';
import { verifyPassword } from '../../../core/auth/passwords.js';
import { destroyOtherSessions } from '../../../core/auth/sessions.js';
import { checkTotp, totpUri } from '../../../core/auth/totp.js';
import { isSet } from '../../../core/db/helpers.js';
import { action, endpoint, page, type MemberCtx } from '../../../core/http/route.js';
import { acceptCode, hit, limits, me, rateLimitedMessage } from '../auth.js';
import { post } from '../kit.js';
import { remainingRecoveryCodes, replaceRecoveryCodes } from '../queries.js';
import { totpDisableForm, totpEnableForm } from '../schemas.js';
import { disableTotp, enableTotp, ensureTotpSecret } from './queries.js';
import { RecoveryCodesPage, TwoStepPage } from './views.js';

const memberOnly = { access: 'member', allowWithout2fa: true } as const;

const qrCode = (secret: string, username: string) =>
  QRCode.toDataURL(totpUri(secret, username), { margin: 1, width: 200 });

type Me = Awaited<ReturnType<typeof me>>;

/** The two-step page as the person's row stands, with a refused form's message. */
async function twoStepPage(c: MemberCtx, user: Me, error?: string) {
  const enabled = isSet(user.totp_enabled);
  const secret = enabled ? null : user.totp_secret;
  return (
    <TwoStepPage
      enabled={enabled}
      secret={secret}
      qrDataUrl={secret ? await qrCode(secret, user.username) : ''}
      staff={holdsStaffRole(c.actor)}
      recoveryLeft={enabled ? await remainingRecoveryCodes(c.db, user.id) : 0}
      error={error}
    />
  );
}

export const twoStepRoutes = [
  page('/account/2fa', {
    ...memberOnly,
    load: me,
    render: (c, user) => twoStepPage(c, user),
  }),

  // The set-up page only reads: a secret is made here (or by the POST that led to the page).
  action('/account/2fa/start', {
    ...memberOnly,
    async run(c) {
      await ensureTotpSecret(c.db, c.user.id);
      return { to: '/account/2fa' };
    },
  }),

  post('/account/2fa/enable', {
    ...memberOnly,
    load: me,
    schema: totpEnableForm,
    async answer(c, user, form) {
      if (isSet(user.totp_enabled) || !user.totp_secret) return c.redirect({ to: '/account/2fa' });
      const limited = await hit(c, `2fa:${user.id}`, limits.twoFactor);
      const step = form.ok && limited.allowed ? await checkTotp(user.totp_secret, form.data.code, c.now, null) : null;
      if (step === null) {
        const error = limited.allowed ? c.t('auth.twoFactor.failed') : rateLimitedMessage(c, limited.retryAfterSeconds);
        return c.render(await twoStepPage(c, user, error), limited.allowed ? 400 : 429);
      }
      await enableTotp(c.db, user.id, step, c.now);
      const codes = await replaceRecoveryCodes(c.db, user.id);
      await destroyOtherSessions(c.db, user.id, c.actor.sessionId);
      await c.audit('account.2fa.enabled');
      // Shown once, here: never behind a redirect.
      return <RecoveryCodesPage codes={codes} />;
    },
  }),

  // Asks for the password or a code first when the last proof is older than ten minutes.
  endpoint('POST', '/account/2fa/recovery-codes', {
    access: 'member',
    fresh: true,
    load: me,
    async handle(c, user) {
      if (!isSet(user.totp_enabled)) return c.redirect({ to: '/account/2fa' });
      const codes = await replaceRecoveryCodes(c.db, user.id);
      await c.audit('account.2fa.recoveryCodes');
      return c.render(<RecoveryCodesPage codes={codes} />);
    },
  }),

  post('/account/2fa/disable', {
    access: 'member',
    load: me,
    schema: totpDisableForm,
    async answer(c, user, form) {
      if (holdsStaffRole(c.actor) || !isSet(user.totp_enabled) || !user.totp_secret)
        return c.redirect({ to: '/account/2fa' });
      const ok =
        form.ok &&
        (await verifyPassword(user.password_hash, form.data.current_password)) &&
        (await acceptCode(c.db, user, form.data.code, c.now));
      if (!ok) return c.render(await twoStepPage(c, user, c.t('auth.twoFactor.failed')), 400);
      await disableTotp(c.db, user.id);
      await destroyOtherSessions(c.db, user.id, c.actor.sessionId);
      await c.audit('account.2fa.disabled');
      return c.redirect({ to: '/account', flash: 'account.twoFactor.disabled' });
    },
  }),
];
