// Signing in: the password, then the second step (a TOTP code or a recovery code) when it is on;
// signing out. Unknown accounts cost the same work and get the same answer as wrong passwords.
// Signed in, a person lands on their start page (/start: what waits for them) unless `next` names
// the page they were sent from.
import { z } from 'zod';
import { dummyPasswordHash, verifyPassword } from '../../../core/auth/passwords.js';
import { destroySession } from '../../../core/auth/sessions.js';
import { safeLocalPath } from '../../../core/http/forms.js';
import { action, page } from '../../../core/http/route.js';
import { isSet } from '../../../core/db/helpers.js';
import {
  acceptCode,
  auditAs,
  cookieSession,
  hit,
  isStaffUser,
  limits,
  pendingSession,
  rateLimitedMessage,
  sessionCookie,
  startSession,
} from '../auth.js';
import { post } from '../kit.js';
import { findUserByLogin, getUser, useRecoveryCode } from '../queries.js';
import { loginForm, twoFactorForm } from '../schemas.js';
import { ensureTotpSecret } from '../two-step/queries.js';
import { LoginPage, TwoFactorPage } from './views.js';

/**
 * Where to go once signed in (made a same-site path by the redirect). A control character (a line
 * break to split the Location header) is refused outright: 400, no redirect.
 */
const nextQuery = z.object({
  next: z
    .string()
    .refine((s) => ![...s].some((ch) => ch < ' ' || ch === '\u007f'))
    .optional(),
});

/** Where a person goes once signed in: the page they came from, else their start page. */
export const START = '/start';
const afterSignIn = (next: string | undefined) => safeLocalPath(next, START);

export const signinRoutes = [
  page('/login', {
    access: 'public',
    query: nextQuery,
    render: (c) =>
      c.user ? c.redirect(afterSignIn(c.query.next)) : <LoginPage next={safeLocalPath(c.query.next, '')} />,
  }),

  post('/login', {
    access: 'public',
    schema: loginForm,
    async answer(c, _l, form) {
      if (!form.ok) return c.render(<LoginPage error={c.t('auth.login.failed')} />, 400);
      const { identifier, password } = form.data;
      const next = afterSignIn(form.data.next);
      const refused = (status: number, error: string) =>
        c.render(<LoginPage identifier={identifier} next={next} error={error} />, status);
      const ipHit = await hit(c, `login:ip:${c.ip}`, limits.loginIp);
      const acctHit = await hit(c, `login:acct:${identifier.toLowerCase()}`, limits.loginAccount);
      if (!ipHit.allowed || !acctHit.allowed) {
        await auditAs(c, null, 'auth.login.rateLimited');
        const wait = Math.max(
          ipHit.allowed ? 0 : ipHit.retryAfterSeconds,
          acctHit.allowed ? 0 : acctHit.retryAfterSeconds,
        );
        c.reply.header('retry-after', String(wait));
        return refused(429, rateLimitedMessage(c, wait));
      }
      const user = await findUserByLogin(c.db, identifier);
      // Unknown accounts cost the same hash check, and get the same answer.
      const ok = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), password);
      if (!user || !ok) {
        await auditAs(c, user?.id ?? null, 'auth.login.failed');
        return refused(401, c.t('auth.login.failed'));
      }
      if (isSet(user.totp_enabled)) {
        await startSession(c, user.id, 'pending2fa');
        return c.redirect(`/login/2fa?next=${encodeURIComponent(next)}`);
      }
      const staff = await isStaffUser(c.db, user.id);
      await startSession(c, user.id, staff ? 'staff' : 'member');
      await auditAs(c, user.id, 'auth.login');
      if (!staff) return c.redirect(next);
      // Staff who have not set up the second step are sent there first (the preHandler insists),
      // with the secret to set it up with ready.
      await ensureTotpSecret(c.db, user.id);
      return c.redirect('/account/2fa');
    },
  }),

  page('/login/2fa', {
    access: 'public',
    query: nextQuery,
    async render(c) {
      if (!(await pendingSession(c))) return c.redirect('/login');
      return <TwoFactorPage next={safeLocalPath(c.query.next, '')} />;
    },
  }),

  // A malformed submission counts against the limit and is audited like a wrong code.
  post('/login/2fa', {
    access: 'public',
    load: pendingSession,
    schema: twoFactorForm,
    async answer(c, pending, form) {
      if (!pending) return c.redirect('/login');
      const next = afterSignIn(form.ok ? form.data.next : undefined);
      const limited = await hit(c, `2fa:${pending.userId}`, limits.twoFactor);
      if (!limited.allowed) {
        c.reply.header('retry-after', String(limited.retryAfterSeconds));
        return c.render(<TwoFactorPage next={next} error={rateLimitedMessage(c, limited.retryAfterSeconds)} />, 429);
      }
      const user = await getUser(c.db, pending.userId);
      let accepted = false;
      if (form.ok && user?.totp_secret) {
        if (form.data.code) accepted = await acceptCode(c.db, user, form.data.code, c.now);
        else if (form.data.recovery) {
          accepted = await useRecoveryCode(c.db, user.id, form.data.recovery, c.now);
        }
      }
      if (!accepted || !user) {
        await auditAs(c, pending.userId, 'auth.2fa.failed');
        return c.render(<TwoFactorPage next={next} error={c.t('auth.twoFactor.failed')} />, 401);
      }
      await destroySession(c.db, pending.id);
      await startSession(c, user.id, (await isStaffUser(c.db, user.id)) ? 'staff' : 'member');
      await auditAs(c, user.id, 'auth.login', { details: { twoFactor: true } });
      return c.redirect(next);
    },
  }),

  action('/logout', {
    access: 'public',
    allowWithout2fa: true,
    async run(c) {
      const session = await cookieSession(c);
      if (session) await destroySession(c.db, session.id);
      if (c.user) await c.audit('auth.logout');
      const cookie = sessionCookie(c);
      c.reply.clearCookie(cookie.name, cookie.options);
      return '/';
    },
  }),
];
