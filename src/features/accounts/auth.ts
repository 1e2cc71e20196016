// What signing in, signing up and accepting an invitation share: the rate limits, the session
// cookie, the new-password rules and their messages, and audit entries about a person who is not
// (or not yet) the one asking.
import { audit, type AuditEntry } from '../../core/audit/index.js';
import { checkPasswordPolicy, type PasswordProblem } from '../../core/auth/passwords.js';
import { createSession, findSession, sessionCookieName } from '../../core/auth/sessions.js';
import { checkTotp } from '../../core/auth/totp.js';
import type { Db } from '../../core/db/index.js';
import { notFound, type AnyCtx, type MemberCtx } from '../../core/http/route.js';
import { getUser } from './queries.js';
import { acceptTotpStep } from './signin/queries.js';

const MIN = 60_000;
/** Limits: per IP and per account, so neither a botnet nor one address can guess freely. */
export const limits = {
  loginIp: { max: 30, windowMs: 15 * MIN },
  loginAccount: { max: 10, windowMs: 15 * MIN },
  twoFactor: { max: 5, windowMs: 5 * MIN },
  resetIp: { max: 10, windowMs: 60 * MIN },
  resetAccount: { max: 3, windowMs: 60 * MIN },
  signupIp: { max: 10, windowMs: 60 * MIN },
  confirm: { max: 10, windowMs: 15 * MIN },
};

/** Counts one attempt against a limit. */
export function hit(c: AnyCtx, key: string, limit: { max: number; windowMs: number }) {
  return c.wasl.limiter.hit(key, limit.max, limit.windowMs, c.now);
}

export function rateLimitedMessage(c: AnyCtx, seconds: number): string {
  return c.t('error.rateLimited.message', { seconds });
}

function passwordMessage(c: AnyCtx, problem: PasswordProblem): string {
  return problem === 'tooShort'
    ? c.t('auth.password.tooShort')
    : problem === 'tooLong'
      ? c.t('auth.password.tooLong')
      : c.t('auth.password.tooCommon');
}

/**
 * A new password against the policy (not close to `context`: the user name…) and its confirmation;
 * messages under the names of the two fields.
 */
export function newPasswordErrors(
  c: AnyCtx,
  password: string,
  confirm: string,
  context: string[],
  names: [string, string] = ['password', 'password_confirm'],
): Record<string, string> {
  const errors: Record<string, string> = {};
  const problem = checkPasswordPolicy(password, context);
  if (problem) errors[names[0]] = passwordMessage(c, problem);
  if (password !== confirm) errors[names[1]] = c.t('auth.password.mismatch');
  return errors;
}

export function sessionCookie(c: AnyCtx) {
  const secure = c.wasl.config.secureCookies;
  return {
    name: sessionCookieName(secure),
    options: { path: '/', httpOnly: true, sameSite: 'lax' as const, secure },
  };
}

/** A new session and its cookie (a fresh token: never the one the browser came with). */
export async function startSession(c: AnyCtx, userId: number, kind: 'member' | 'staff' | 'pending2fa') {
  const { token } = await createSession(c.db, userId, c.now, kind);
  const cookie = sessionCookie(c);
  c.reply.setCookie(cookie.name, token, cookie.options);
}

/** The session the request's cookie names, live or not yet past its second step. */
export async function cookieSession(c: AnyCtx) {
  const token = c.req.cookies[sessionCookie(c).name];
  return token ? findSession(c.db, token, c.now, async () => false) : null;
}

/** The session of someone who gave the right password and still owes the second step. */
export async function pendingSession(c: AnyCtx) {
  const session = await cookieSession(c);
  return session?.pending2fa ? session : null;
}

/** Holds a role in an organization or the network: a staff session, and the second step required. */
export async function isStaffUser(db: Db, userId: number): Promise<boolean> {
  const [m, n] = await Promise.all([
    db.selectFrom('memberships').select('user_id').where('user_id', '=', userId).executeTakeFirst(),
    db.selectFrom('network_roles').select('user_id').where('user_id', '=', userId).executeTakeFirst(),
  ]);
  return !!(m || n);
}

/** An audit entry whose actor is not the one the request carries (signing in, failed attempts, deletion). */
export function auditAs(
  c: AnyCtx,
  actorUserId: number | null,
  action: string,
  rest: Omit<AuditEntry, 'action' | 'actorUserId' | 'ip'> = {},
) {
  return audit(c.db, c.now, { ...rest, action, actorUserId, ip: c.ip });
}

/** Loader: the signed-in person's own row (with the columns the actor does not carry). */
export async function me(c: MemberCtx) {
  return (await getUser(c.db, c.user.id)) ?? notFound();
}

/**
 * A code from the person's authenticator app, accepted once: its time step must be newer than the
 * last one accepted, and two requests racing with the same code cannot both win.
 */
export async function acceptCode(
  db: Db,
  user: { id: number; totp_secret: string | null; totp_last_step: number | null },
  code: string,
  now: Date,
): Promise<boolean> {
  if (!user.totp_secret) return false;
  const step = await checkTotp(user.totp_secret, code, now, user.totp_last_step);
  return step !== null && (await acceptTotpStep(db, user.id, step));
}
