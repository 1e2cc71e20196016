// Re-authentication. A sensitive change (a route with `fresh: true`: new recovery codes, a new
// e-mail address, an organization's export, emergency access) sends a person here when they last
// proved who they are more than ten minutes ago. Their password — or a code from their app — proves
// it again, and they go back to the page they came from (a same-site path only).
import { z } from 'zod';
import { verifyPassword } from '../../../core/auth/passwords.js';
import { confirmSession } from '../../../core/auth/sessions.js';
import { isSet } from '../../../core/db/helpers.js';
import { safeLocalPath } from '../../../core/http/forms.js';
import { form, FormErrors } from '../../../core/http/route.js';
import { acceptCode, hit, limits, me, rateLimitedMessage } from '../auth.js';
import { ConfirmPage } from './views.js';

const confirmForm = z.object({
  password: z.string().max(512).optional(),
  code: z.string().trim().max(20).optional(),
  next: z.string().max(500).optional(),
});

/** Where a confirmed person goes: the path they came from, on this site, never this page again. */
export function confirmedNext(next: unknown): string {
  const to = safeLocalPath(typeof next === 'string' ? next : undefined, '/account');
  return to.startsWith('/account/confirm') ? '/account' : to;
}

export const confirmRoutes = [
  form('/account/confirm', {
    access: 'member',
    // reached from the e-mail change, which is open before two-step is set up
    allowWithout2fa: true,
    get: true,
    load: me,
    schema: confirmForm,
    show: (c, user, state) => (
      <ConfirmPage
        next={confirmedNext(state?.values.next ?? c.query.next)}
        withCode={isSet(user.totp_enabled)}
        state={state}
      />
    ),
    async save(c, user, d) {
      const limited = await hit(c, `confirm:${user.id}`, limits.confirm);
      if (!limited.allowed)
        throw new FormErrors(
          { _form: rateLimitedMessage(c, limited.retryAfterSeconds) },
          { status: 429, headers: { 'retry-after': String(limited.retryAfterSeconds) } },
        );
      if (!d.password && !d.code) throw new FormErrors({ password: c.t('accounts.confirm.empty') });
      const ok = d.code
        ? isSet(user.totp_enabled) && (await acceptCode(c.db, user, d.code, c.now))
        : await verifyPassword(user.password_hash, d.password!);
      if (!ok) {
        await c.audit('account.confirm.failed');
        throw new FormErrors({ _form: c.t('accounts.confirm.failed') }, { status: 401 });
      }
      await confirmSession(c.db, c.actor.sessionId!, c.now);
      await c.audit('account.confirmed');
      return { to: confirmedNext(d.next), flash: 'accounts.confirm.done' };
    },
  }),
];
