// Accounts: sign in (password, then TOTP when enabled), sign out, sign up, password reset,
// the account page (profile, password, e-mail, two-step, deletion) and invitations.
// Each handler: parse → load → authorize → act → render or 303.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { audit } from '../../core/audit/index.js';
import { holdsStaffRole } from '../../core/auth/actor.js';
import {
  checkPasswordPolicy,
  dummyPasswordHash,
  hashPassword,
  verifyPassword,
  type PasswordProblem,
} from '../../core/auth/passwords.js';
import {
  createSession,
  destroyOtherSessions,
  destroySession,
  findSession,
  hostCookieName,
  sessionCookieName,
} from '../../core/auth/sessions.js';
import { checkTotp, newTotpSecret, totpUri } from '../../core/auth/totp.js';
import { parseForm, safeLocalPath, seeOther } from '../../core/http/forms.js';
import { renderPage } from '../../core/http/render.js';
import type { Translator } from '../../core/i18n/index.js';
import {
  consumeAccountToken,
  createAccountToken,
  createUser,
  emailTaken,
  findUserByLogin,
  getUser,
  grantRole,
  normalizeEmail,
  peekAccountToken,
  remainingRecoveryCodes,
  replaceRecoveryCodes,
  useRecoveryCode,
  usernameTaken,
  type InvitePayload,
} from './queries.js';
import * as s from './schemas.js';
import { exportPersonalData } from './export.js';
import {
  AccountPage,
  InvitePage,
  LoginPage,
  RecoveryCodesPage,
  ResetRequestPage,
  ResetSetPage,
  SignupPage,
  TotpSetupPage,
  TwoFactorPage,
} from './views/pages.js';

const MIN = 60_000;
/** Limits: per IP and per account, so neither a botnet nor one address can guess freely. */
export const limits = {
  loginIp: { max: 30, windowMs: 15 * MIN },
  loginAccount: { max: 10, windowMs: 15 * MIN },
  twoFactor: { max: 5, windowMs: 5 * MIN },
  resetIp: { max: 10, windowMs: 60 * MIN },
  resetAccount: { max: 3, windowMs: 60 * MIN },
  signupIp: { max: 10, windowMs: 60 * MIN },
};

function passwordMessage(problem: PasswordProblem, t: Translator['t']): string {
  return problem === 'tooShort'
    ? t('auth.password.tooShort')
    : problem === 'tooLong'
      ? t('auth.password.tooLong')
      : t('auth.password.tooCommon');
}

function rateLimitedMessage(req: FastifyRequest, seconds: number) {
  return req.i18n.t('error.rateLimited.message', { seconds });
}

export const accountRoutes: FastifyPluginAsync = async (app) => {
  const { db, config, limiter, mailer } = app.wasl;
  const cookieName = sessionCookieName(config.secureCookies);
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: config.secureCookies };

  async function startSession(reply: FastifyReply, userId: number, now: Date, kind: 'member' | 'staff' | 'pending2fa') {
    const { token } = await createSession(db, userId, now, kind);
    reply.setCookie(cookieName, token, cookieOptions);
  }

  async function isStaffUser(userId: number) {
    const [m, n] = await Promise.all([
      db.selectFrom('memberships').select('user_id').where('user_id', '=', userId).executeTakeFirst(),
      db.selectFrom('network_roles').select('user_id').where('user_id', '=', userId).executeTakeFirst(),
    ]);
    return !!(m || n);
  }

  // ——— sign in ———
  app.get<{ Querystring: { next?: string } }>('/login', { config: { access: 'public' } }, async (req, reply) => {
    if (req.actor.user) return seeOther(reply, safeLocalPath(req.query.next));
    return renderPage(req, reply, <LoginPage next={safeLocalPath(req.query.next, '')} />);
  });

  app.post('/login', { config: { access: 'public' } }, async (req, reply) => {
    const { t } = req.i18n;
    const form = parseForm(s.loginForm, req.body, req.i18n);
    if (!form.ok) return renderPage(req, reply, <LoginPage error={t('auth.login.failed')} />, 400);
    const { identifier, password } = form.data;
    const next = safeLocalPath(form.data.next, '/');
    const ipHit = await limiter.hit(`login:ip:${req.ip}`, limits.loginIp.max, limits.loginIp.windowMs, req.now);
    const acctHit = await limiter.hit(
      `login:acct:${identifier.toLowerCase()}`,
      limits.loginAccount.max,
      limits.loginAccount.windowMs,
      req.now,
    );
    if (!ipHit.allowed || !acctHit.allowed) {
      await audit(db, req.now, { actorUserId: null, action: 'auth.login.rateLimited', ip: req.ip });
      const wait = Math.max(
        ipHit.allowed ? 0 : ipHit.retryAfterSeconds,
        acctHit.allowed ? 0 : acctHit.retryAfterSeconds,
      );
      reply.header('retry-after', String(wait));
      return renderPage(
        req,
        reply,
        <LoginPage identifier={identifier} next={next} error={rateLimitedMessage(req, wait)} />,
        429,
      );
    }
    const user = await findUserByLogin(db, identifier);
    // Unknown accounts cost the same hash check, and get the same answer.
    const ok = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), password);
    if (!user || !ok) {
      await audit(db, req.now, { actorUserId: user?.id ?? null, action: 'auth.login.failed', ip: req.ip });
      return renderPage(
        req,
        reply,
        <LoginPage identifier={identifier} next={next} error={t('auth.login.failed')} />,
        401,
      );
    }
    if (user.totp_enabled === 1) {
      await startSession(reply, user.id, req.now, 'pending2fa');
      return seeOther(reply, `/login/2fa?next=${encodeURIComponent(next)}`);
    }
    const staff = await isStaffUser(user.id);
    await startSession(reply, user.id, req.now, staff ? 'staff' : 'member');
    await audit(db, req.now, { actorUserId: user.id, action: 'auth.login', ip: req.ip });
    // Staff who have not set up the second step are sent there first (the preHandler insists).
    return seeOther(reply, staff ? '/account/2fa' : next);
  });

  async function pendingSession(req: FastifyRequest) {
    const token = req.cookies[cookieName];
    if (!token) return null;
    const session = await findSession(db, token, req.now, async () => false);
    return session?.pending2fa ? session : null;
  }

  app.get<{ Querystring: { next?: string } }>('/login/2fa', { config: { access: 'public' } }, async (req, reply) => {
    if (!(await pendingSession(req))) return seeOther(reply, '/login');
    return renderPage(req, reply, <TwoFactorPage next={safeLocalPath(req.query.next, '')} />);
  });

  app.post('/login/2fa', { config: { access: 'public' } }, async (req, reply) => {
    const { t } = req.i18n;
    const pending = await pendingSession(req);
    if (!pending) return seeOther(reply, '/login');
    const form = parseForm(s.twoFactorForm, req.body, req.i18n);
    const next = safeLocalPath(form.ok ? form.data.next : undefined, '/');
    const hit = await limiter.hit(`2fa:${pending.userId}`, limits.twoFactor.max, limits.twoFactor.windowMs, req.now);
    if (!hit.allowed) {
      reply.header('retry-after', String(hit.retryAfterSeconds));
      return renderPage(
        req,
        reply,
        <TwoFactorPage next={next} error={rateLimitedMessage(req, hit.retryAfterSeconds)} />,
        429,
      );
    }
    const user = await getUser(db, pending.userId);
    let accepted = false;
    if (form.ok && user?.totp_secret) {
      if (form.data.code) {
        const step = await checkTotp(user.totp_secret, form.data.code, req.now, user.totp_last_step);
        if (step !== null) {
          // Store the step first: a code is accepted once, even by two requests racing.
          const res = await db
            .updateTable('users')
            .set({ totp_last_step: step })
            .where('id', '=', user.id)
            .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
            .executeTakeFirst();
          accepted = Number(res.numUpdatedRows) === 1;
        }
      } else if (form.data.recovery) {
        accepted = await useRecoveryCode(db, user.id, form.data.recovery, req.now);
      }
    }
    if (!accepted || !user) {
      await audit(db, req.now, { actorUserId: pending.userId, action: 'auth.2fa.failed', ip: req.ip });
      return renderPage(req, reply, <TwoFactorPage next={next} error={t('auth.twoFactor.failed')} />, 401);
    }
    await destroySession(db, pending.id);
    await startSession(reply, user.id, req.now, (await isStaffUser(user.id)) ? 'staff' : 'member');
    await audit(db, req.now, { actorUserId: user.id, action: 'auth.login', ip: req.ip, details: { twoFactor: true } });
    return seeOther(reply, next);
  });

  app.post('/logout', { config: { access: 'public', allowWithout2fa: true } }, async (req, reply) => {
    const token = req.cookies[cookieName];
    if (token) {
      const session = await findSession(db, token, req.now, async () => false);
      if (session) await destroySession(db, session.id);
    }
    if (req.actor.user) await audit(db, req.now, { actorUserId: req.actor.user.id, action: 'auth.logout', ip: req.ip });
    reply.clearCookie(cookieName, cookieOptions);
    return seeOther(reply, '/');
  });

  // ——— sign up ———
  app.get('/signup', { config: { access: 'public' } }, async (req, reply) => {
    if (req.actor.user) return seeOther(reply, '/account');
    return renderPage(req, reply, <SignupPage />);
  });

  app.post('/signup', { config: { access: 'public' } }, async (req, reply) => {
    const { t } = req.i18n;
    const form = parseForm(s.signupForm, req.body, req.i18n);
    if (!form.ok) return renderPage(req, reply, <SignupPage values={form.raw} errors={form.errors} />, 400);
    const d = form.data;
    const hit = await limiter.hit(`signup:ip:${req.ip}`, limits.signupIp.max, limits.signupIp.windowMs, req.now);
    if (!hit.allowed) {
      reply.header('retry-after', String(hit.retryAfterSeconds));
      return renderPage(
        req,
        reply,
        <SignupPage values={form.raw} formError={rateLimitedMessage(req, hit.retryAfterSeconds)} />,
        429,
      );
    }
    const errors: Record<string, string> = {};
    const problem = checkPasswordPolicy(d.password, [d.username, d.display_name]);
    if (problem) errors.password = passwordMessage(problem, t);
    if (d.password !== d.password_confirm) errors.password_confirm = t('auth.password.mismatch');
    if (await usernameTaken(db, d.username)) errors.username = t('auth.signup.usernameTaken');
    if (Object.keys(errors).length)
      return renderPage(req, reply, <SignupPage values={form.raw} errors={errors} />, 400);
    // An e-mail already in use is not revealed: the account is made without it and the owner of
    // the address is told instead.
    const emailInUse = d.email ? await emailTaken(db, d.email) : false;
    const userId = await createUser(
      db,
      {
        username: d.username,
        email: emailInUse ? null : d.email,
        displayName: d.display_name,
        passwordHash: await hashPassword(d.password),
        locale: req.i18n.locale,
      },
      req.now,
    );
    if (emailInUse && d.email) {
      await mailer.send(
        {
          to: normalizeEmail(d.email),
          subject: t('mail.signupExisting.subject'),
          text: t('mail.signupExisting.body', { url: `${config.baseUrl}/password-reset` }),
        },
        req.now,
      );
    }
    await audit(db, req.now, { actorUserId: userId, action: 'auth.signup', ip: req.ip });
    await startSession(reply, userId, req.now, 'member');
    reply.flashNext('auth.signup.welcome');
    return seeOther(reply, '/account');
  });

  // ——— password reset (same answer whether or not the address is known) ———
  app.get('/password-reset', { config: { access: 'public' } }, async (req, reply) =>
    renderPage(req, reply, <ResetRequestPage />),
  );

  app.post('/password-reset', { config: { access: 'public' } }, async (req, reply) => {
    const form = parseForm(s.resetRequestForm, req.body, req.i18n);
    if (!form.ok) return renderPage(req, reply, <ResetRequestPage errors={form.errors} />, 400);
    const email = normalizeEmail(form.data.email);
    const ipHit = await limiter.hit(`reset:ip:${req.ip}`, limits.resetIp.max, limits.resetIp.windowMs, req.now);
    const acctHit = await limiter.hit(
      `reset:acct:${email}`,
      limits.resetAccount.max,
      limits.resetAccount.windowMs,
      req.now,
    );
    if (!ipHit.allowed) {
      reply.header('retry-after', String(ipHit.retryAfterSeconds));
      return renderPage(req, reply, <ResetRequestPage error={rateLimitedMessage(req, ipHit.retryAfterSeconds)} />, 429);
    }
    if (acctHit.allowed) {
      // Whether the address has an account must not show in the time taken: the token, the message
      // and the audit entry are written after the answer.
      const now = req.now;
      const ip = req.ip;
      mailer.later(async () => {
        const user = await findUserByLogin(db, email);
        if (user?.email) {
          const token = await createAccountToken(
            db,
            { purpose: 'reset', userId: user.id, payload: {}, ttlMs: 60 * MIN },
            now,
          );
          const tr = app.wasl.i18n.translator(user.locale, { digits: user.digits });
          await mailer.send(
            {
              to: user.email,
              subject: tr.t('mail.reset.subject'),
              text: tr.t('mail.reset.body', { url: `${config.baseUrl}/password-reset/${token}` }),
            },
            now,
          );
        }
        await audit(db, now, { actorUserId: user?.id ?? null, action: 'auth.reset.requested', ip });
      });
    }
    return renderPage(req, reply, <ResetRequestPage sent />);
  });

  app.get<{ Params: { token: string } }>(
    '/password-reset/:token',
    { config: { access: 'public' } },
    async (req, reply) => {
      const row = await peekAccountToken(db, req.params.token, 'reset', req.now);
      reply.header('referrer-policy', 'no-referrer');
      return renderPage(req, reply, <ResetSetPage token={req.params.token} invalid={!row} />, row ? 200 : 404);
    },
  );

  app.post<{ Params: { token: string } }>(
    '/password-reset/:token',
    { config: { access: 'public' } },
    async (req, reply) => {
      const { t } = req.i18n;
      const row = await peekAccountToken(db, req.params.token, 'reset', req.now);
      if (!row || !row.user_id) return renderPage(req, reply, <ResetSetPage token={req.params.token} invalid />, 404);
      const form = parseForm(s.resetSetForm, req.body, req.i18n);
      if (!form.ok) return renderPage(req, reply, <ResetSetPage token={req.params.token} errors={form.errors} />, 400);
      const user = await getUser(db, row.user_id);
      const problem = checkPasswordPolicy(form.data.new_password, user ? [user.username] : []);
      const errors: Record<string, string> = {};
      if (problem) errors.new_password = passwordMessage(problem, t);
      if (form.data.new_password !== form.data.new_password_confirm)
        errors.new_password_confirm = t('auth.password.mismatch');
      if (Object.keys(errors).length)
        return renderPage(req, reply, <ResetSetPage token={req.params.token} errors={errors} />, 400);
      if (!(await consumeAccountToken(db, row.token_hash, req.now)))
        return renderPage(req, reply, <ResetSetPage token={req.params.token} invalid />, 404);
      await db
        .updateTable('users')
        .set({
          password_hash: await hashPassword(form.data.new_password),
          password_changed_at: req.now.toISOString(),
          updated_at: req.now.toISOString(),
        })
        .where('id', '=', row.user_id)
        .execute();
      await destroyOtherSessions(db, row.user_id, null);
      await audit(db, req.now, { actorUserId: row.user_id, action: 'auth.reset.done', ip: req.ip });
      reply.flashNext('auth.reset.done');
      return seeOther(reply, '/login');
    },
  );

  // ——— the account page ———
  async function accountView(req: FastifyRequest) {
    const user = (await getUser(db, req.actor.user!.id))!;
    return {
      username: user.username,
      displayName: user.display_name,
      email: user.email,
      locale: user.locale,
      digits: user.digits,
      addressAs: user.address_as,
      totpEnabled: user.totp_enabled === 1,
      recoveryLeft: await remainingRecoveryCodes(db, user.id),
      mustEnable2fa: holdsStaffRole(req.actor),
    };
  }
  const memberOnly = { access: 'member' as const, allowWithout2fa: true };

  app.get('/account', { config: memberOnly }, async (req, reply) =>
    renderPage(req, reply, <AccountPage account={await accountView(req)} />),
  );

  app.post('/account/profile', { config: memberOnly }, async (req, reply) => {
    const form = parseForm(s.profileForm, req.body, req.i18n);
    if (!form.ok)
      return renderPage(
        req,
        reply,
        <AccountPage account={await accountView(req)} errors={form.errors} section="profile" />,
        400,
      );
    const d = form.data;
    await db
      .updateTable('users')
      .set({
        display_name: d.display_name,
        locale: d.locale,
        digits: d.digits,
        address_as: d.address_as,
        updated_at: req.now.toISOString(),
      })
      .where('id', '=', req.actor.user!.id)
      .execute();
    reply.setCookie(hostCookieName('wasl_lang', config.secureCookies), d.locale, {
      ...cookieOptions,
      maxAge: 365 * 86400,
    });
    reply.flashNext('common.saved');
    return seeOther(reply, '/account');
  });

  app.post('/account/password', { config: memberOnly }, async (req, reply) => {
    const { t } = req.i18n;
    const form = parseForm(s.passwordChangeForm, req.body, req.i18n);
    const fail = async (errors: Record<string, string>) =>
      renderPage(req, reply, <AccountPage account={await accountView(req)} errors={errors} section="password" />, 400);
    if (!form.ok) return fail(form.errors);
    const user = (await getUser(db, req.actor.user!.id))!;
    if (!(await verifyPassword(user.password_hash, form.data.current_password)))
      return fail({ current_password: t('account.password.wrong') });
    const problem = checkPasswordPolicy(form.data.new_password, [user.username, user.display_name]);
    if (problem) return fail({ new_password: passwordMessage(problem, t) });
    if (form.data.new_password !== form.data.new_password_confirm)
      return fail({ new_password_confirm: t('auth.password.mismatch') });
    await db
      .updateTable('users')
      .set({
        password_hash: await hashPassword(form.data.new_password),
        password_changed_at: req.now.toISOString(),
        updated_at: req.now.toISOString(),
      })
      .where('id', '=', user.id)
      .execute();
    await destroyOtherSessions(db, user.id, req.actor.sessionId);
    await audit(db, req.now, { actorUserId: user.id, action: 'account.password.changed', ip: req.ip });
    reply.flashNext('account.password.changed');
    return seeOther(reply, '/account');
  });

  app.post('/account/email', { config: memberOnly }, async (req, reply) => {
    const { t } = req.i18n;
    const form = parseForm(s.emailChangeForm, req.body, req.i18n);
    const fail = async (errors: Record<string, string>) =>
      renderPage(req, reply, <AccountPage account={await accountView(req)} errors={errors} section="email" />, 400);
    if (!form.ok) return fail(form.errors);
    const user = (await getUser(db, req.actor.user!.id))!;
    if (!(await verifyPassword(user.password_hash, form.data.current_password)))
      return fail({ current_password: t('account.password.wrong') });
    const email = normalizeEmail(form.data.email);
    // The new address must prove it is reachable; whether it is taken is only checked on confirmation.
    const token = await createAccountToken(
      db,
      { purpose: 'email', userId: user.id, payload: { email }, ttlMs: 24 * 60 * MIN },
      req.now,
    );
    await mailer.send(
      {
        to: email,
        subject: t('mail.emailChange.subject'),
        text: t('mail.emailChange.body', { url: `${config.baseUrl}/account/email/${token}` }),
      },
      req.now,
    );
    reply.flashNext('account.email.sent');
    return seeOther(reply, '/account');
  });

  app.get<{ Params: { token: string } }>('/account/email/:token', { config: memberOnly }, async (req, reply) => {
    const row = await peekAccountToken(db, req.params.token, 'email', req.now);
    if (!row || row.user_id !== req.actor.user!.id) return reply.callNotFound();
    const { email } = JSON.parse(row.payload) as { email: string };
    if ((await emailTaken(db, email)) || !(await consumeAccountToken(db, row.token_hash, req.now))) {
      reply.flashNext('account.email.failed');
      return seeOther(reply, '/account');
    }
    await db
      .updateTable('users')
      .set({ email, updated_at: req.now.toISOString() })
      .where('id', '=', row.user_id)
      .execute();
    await audit(db, req.now, { actorUserId: row.user_id, action: 'account.email.changed', ip: req.ip });
    reply.flashNext('account.email.changed');
    return seeOther(reply, '/account');
  });

  // ——— two-step verification ———
  app.get('/account/2fa', { config: memberOnly }, async (req, reply) => {
    const user = (await getUser(db, req.actor.user!.id))!;
    let secret = user.totp_secret;
    if (user.totp_enabled !== 1 && !secret) {
      secret = newTotpSecret();
      await db.updateTable('users').set({ totp_secret: secret }).where('id', '=', user.id).execute();
    }
    const qr =
      user.totp_enabled === 1 ? '' : await QRCode.toDataURL(totpUri(secret!, user.username), { margin: 1, width: 200 });
    return renderPage(
      req,
      reply,
      <TotpSetupPage
        secret={user.totp_enabled === 1 ? '' : secret!}
        qrDataUrl={qr}
        enabled={user.totp_enabled === 1}
        staff={holdsStaffRole(req.actor)}
      />,
    );
  });

  app.post('/account/2fa/enable', { config: memberOnly }, async (req, reply) => {
    const { t } = req.i18n;
    const user = (await getUser(db, req.actor.user!.id))!;
    if (user.totp_enabled === 1 || !user.totp_secret) return seeOther(reply, '/account/2fa');
    const form = parseForm(s.totpEnableForm, req.body, req.i18n);
    const hit = await limiter.hit(`2fa:${user.id}`, limits.twoFactor.max, limits.twoFactor.windowMs, req.now);
    const step = form.ok && hit.allowed ? await checkTotp(user.totp_secret, form.data.code, req.now, null) : null;
    if (step === null) {
      const qr = await QRCode.toDataURL(totpUri(user.totp_secret, user.username), { margin: 1, width: 200 });
      const error = hit.allowed ? t('auth.twoFactor.failed') : rateLimitedMessage(req, hit.retryAfterSeconds);
      return renderPage(
        req,
        reply,
        <TotpSetupPage
          secret={user.totp_secret}
          qrDataUrl={qr}
          enabled={false}
          staff={holdsStaffRole(req.actor)}
          error={error}
        />,
        hit.allowed ? 400 : 429,
      );
    }
    await db
      .updateTable('users')
      .set({ totp_enabled: 1, totp_last_step: step, updated_at: req.now.toISOString() })
      .where('id', '=', user.id)
      .execute();
    const codes = await replaceRecoveryCodes(db, user.id);
    await destroyOtherSessions(db, user.id, req.actor.sessionId);
    await audit(db, req.now, { actorUserId: user.id, action: 'account.2fa.enabled', ip: req.ip });
    return renderPage(req, reply, <RecoveryCodesPage codes={codes} />);
  });

  app.post('/account/2fa/recovery-codes', { config: { access: 'member' } }, async (req, reply) => {
    const user = (await getUser(db, req.actor.user!.id))!;
    if (user.totp_enabled !== 1) return seeOther(reply, '/account/2fa');
    const codes = await replaceRecoveryCodes(db, user.id);
    await audit(db, req.now, { actorUserId: user.id, action: 'account.2fa.recoveryCodes', ip: req.ip });
    return renderPage(req, reply, <RecoveryCodesPage codes={codes} />);
  });

  app.post('/account/2fa/disable', { config: { access: 'member' } }, async (req, reply) => {
    const { t } = req.i18n;
    const user = (await getUser(db, req.actor.user!.id))!;
    if (holdsStaffRole(req.actor) || user.totp_enabled !== 1 || !user.totp_secret)
      return seeOther(reply, '/account/2fa');
    const form = parseForm(s.totpDisableForm, req.body, req.i18n);
    const ok =
      form.ok &&
      (await verifyPassword(user.password_hash, form.data.current_password)) &&
      (await checkTotp(user.totp_secret, form.data.code, req.now, user.totp_last_step)) !== null;
    if (!ok)
      return renderPage(
        req,
        reply,
        <TotpSetupPage secret="" qrDataUrl="" enabled staff={false} error={t('auth.twoFactor.failed')} />,
        400,
      );
    await db
      .updateTable('users')
      .set({ totp_enabled: 0, totp_secret: null, totp_last_step: null })
      .where('id', '=', user.id)
      .execute();
    await db.deleteFrom('recovery_codes').where('user_id', '=', user.id).execute();
    await destroyOtherSessions(db, user.id, req.actor.sessionId);
    await audit(db, req.now, { actorUserId: user.id, action: 'account.2fa.disabled', ip: req.ip });
    reply.flashNext('account.twoFactor.disabled');
    return seeOther(reply, '/account');
  });

  // ——— a copy of everything held about me ———
  app.get('/account/export', { config: memberOnly }, async (req, reply) => {
    const data = await exportPersonalData(db, app.wasl.dialect, req.actor.user!.id, req.now);
    await audit(db, req.now, { actorUserId: req.actor.user!.id, action: 'account.exported', ip: req.ip });
    return reply
      .header('content-disposition', `attachment; filename="wasl-my-data-${req.now.toISOString().slice(0, 10)}.json"`)
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(data, null, 2));
  });

  // ——— deletion ———
  app.post('/account/delete', { config: memberOnly }, async (req, reply) => {
    const { t } = req.i18n;
    const form = parseForm(s.deleteForm, req.body, req.i18n);
    const fail = async (errors: Record<string, string>) =>
      renderPage(req, reply, <AccountPage account={await accountView(req)} errors={errors} section="delete" />, 400);
    if (!form.ok) return fail(form.errors);
    const user = (await getUser(db, req.actor.user!.id))!;
    if (!(await verifyPassword(user.password_hash, form.data.current_password)))
      return fail({ current_password: t('account.password.wrong') });
    await audit(db, req.now, {
      actorUserId: null,
      action: 'account.deleted',
      targetType: 'user',
      targetId: user.id,
      ip: req.ip,
    });
    // Sessions, memberships, roles and recovery codes go with the row (ON DELETE CASCADE);
    // features keep what a person published under "deleted member" (their FKs SET NULL).
    await db.deleteFrom('users').where('id', '=', user.id).execute();
    reply.clearCookie(cookieName, cookieOptions);
    reply.flashNext('account.delete.done');
    return seeOther(reply, '/');
  });

  // ——— invitations ———
  async function loadInvite(token: string, now: Date) {
    const row = await peekAccountToken(db, token, 'invite', now);
    if (!row) return null;
    const invite = JSON.parse(row.payload) as InvitePayload;
    const org = invite.organizationId
      ? await db
          .selectFrom('organizations')
          .select(['name_ar', 'name_en'])
          .where('id', '=', invite.organizationId)
          .executeTakeFirst()
      : null;
    return { row, invite, org };
  }

  app.get<{ Params: { token: string } }>(
    '/invite/:token',
    { config: { access: 'public', allowWithout2fa: true } },
    async (req, reply) => {
      const found = await loadInvite(req.params.token, req.now);
      if (!found) return reply.callNotFound();
      reply.header('referrer-policy', 'no-referrer');
      const orgName = found.org ? (req.i18n.locale === 'ar' ? found.org.name_ar : found.org.name_en) : null;
      return renderPage(
        req,
        reply,
        <InvitePage
          token={req.params.token}
          orgName={orgName}
          role={req.i18n.t(`role.${found.invite.role}` as never)}
          signedIn={!!req.actor.user}
        />,
      );
    },
  );

  app.post<{ Params: { token: string } }>(
    '/invite/:token',
    { config: { access: 'public', allowWithout2fa: true } },
    async (req, reply) => {
      const { t } = req.i18n;
      const found = await loadInvite(req.params.token, req.now);
      if (!found) return reply.callNotFound();
      const orgName = found.org ? (req.i18n.locale === 'ar' ? found.org.name_ar : found.org.name_en) : null;
      const role = t(`role.${found.invite.role}` as never);
      let userId = req.actor.user?.id ?? null;
      if (!userId) {
        const form = parseForm(s.inviteAcceptForm, req.body, req.i18n);
        const show = (errors: Record<string, string>, values: Record<string, unknown>) =>
          renderPage(
            req,
            reply,
            <InvitePage
              token={req.params.token}
              orgName={orgName}
              role={role}
              signedIn={false}
              errors={errors}
              values={values}
            />,
            400,
          );
        if (!form.ok) return show(form.errors, form.raw);
        const d = form.data;
        const errors: Record<string, string> = {};
        const problem = checkPasswordPolicy(d.password, [d.username]);
        if (problem) errors.password = passwordMessage(problem, t);
        if (d.password !== d.password_confirm) errors.password_confirm = t('auth.password.mismatch');
        if (await usernameTaken(db, d.username)) errors.username = t('auth.signup.usernameTaken');
        if (Object.keys(errors).length) return show(errors, form.raw);
        const emailFree = !(await emailTaken(db, found.invite.email));
        userId = await createUser(
          db,
          {
            username: d.username,
            email: emailFree ? found.invite.email : null,
            displayName: d.display_name,
            passwordHash: await hashPassword(d.password),
            locale: req.i18n.locale,
          },
          req.now,
        );
      }
      if (!(await consumeAccountToken(db, found.row.token_hash, req.now))) return reply.callNotFound();
      await grantRole(db, userId, found.invite);
      await audit(db, req.now, {
        actorUserId: userId,
        action: 'auth.invite.accepted',
        organizationId: found.invite.organizationId,
        details: { role: found.invite.role, invitedBy: found.invite.invitedBy },
        ip: req.ip,
      });
      if (!req.actor.user) await startSession(reply, userId, req.now, 'staff');
      // Every staff role needs the second step before anything else.
      return seeOther(reply, '/account/2fa');
    },
  );
};
