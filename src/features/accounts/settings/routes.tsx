// The account page: profile, password, e-mail address (changed once the new address confirms, and
// only after the password again — `fresh`), a copy of everything held about the person, and
// deleting the account: the last admin of an organization names another first (the page says so
// before), and an organization whose vote the person cast has its admins told. Reachable before
// two-step is set up, so a new staff member can still manage their own account.
import { hashPassword, verifyPassword } from '../../../core/auth/passwords.js';
import { destroyOtherSessions, hostCookieName } from '../../../core/auth/sessions.js';
import { fields } from '../../../core/http/forms.js';
import { action, endpoint, form, isFresh, notFound, page, type MemberCtx } from '../../../core/http/route.js';
import { localized } from '../../../core/i18n/localized.js';
import { damascusDay, DAY } from '../../../core/time.js';
import type { FormState } from '../../../core/views/forms.js';
import { auditAs, me, newPasswordErrors, sessionCookie } from '../auth.js';
import {
  consumeAccountToken,
  createAccountToken,
  emailTaken,
  normalizeEmail,
  peekAccountToken,
  setPassword,
} from '../queries.js';
import { deleteForm, emailChangeForm, passwordChangeForm, profileForm } from '../schemas.js';
import { nameAdmin, representativeLeft } from '../../organizations/staff/actions.js';
import { exportPersonalData } from './export.js';
import { accountView, deleteUser, departure, setEmail, updateProfile, type Departure } from './queries.js';
import { AccountPage, EmailConfirmPage } from './views.js';

const memberOnly = { access: 'member', allowWithout2fa: true } as const;

type Me = Awaited<ReturnType<typeof me>>;

/** The account page, with a refused form's state beside that form. */
async function accountPage(c: MemberCtx, state: FormState | null) {
  return <AccountPage account={await accountView(c.db, c.actor, isFresh(c.req))} state={state} />;
}

async function checkCurrentPassword(c: MemberCtx, user: Me, password: string) {
  if (!(await verifyPassword(user.password_hash, password))) return { current_password: c.t('account.password.wrong') };
}

/** Loader: a pending change of the person's own e-mail address, by its link's token. */
async function emailChange(c: MemberCtx) {
  const row = await peekAccountToken(c.db, c.params.token!, 'email', c.now);
  if (!row || row.user_id !== c.user.id) notFound();
  return { row, email: (JSON.parse(row.payload) as { email: string }).email };
}

/** A form of the account page that changes something only with the current password. */
const withPassword = {
  ...memberOnly,
  load: me,
  show: (c: MemberCtx, _user: Me, state: FormState | null) => accountPage(c, state),
  check: (c: MemberCtx, user: Me, d: { current_password: string }) => checkCurrentPassword(c, user, d.current_password),
};

/** The field naming who takes over an organization the person is the only admin of. */
const successorField = (orgId: number) => `successor_${orgId}`;

/** Loader of the deletion: the person's row, and what their leaving would leave behind. */
async function leaving(c: MemberCtx): Promise<{ user: Me; departure: Departure }> {
  return { user: await me(c), departure: await departure(c.db, c.user.id) };
}

export const settingsRoutes = [
  page('/account', { ...memberOnly, render: (c) => accountPage(c, null) }),

  form('/account/profile', {
    ...memberOnly,
    schema: profileForm,
    show: (c, _l, state) => accountPage(c, state),
    async save(c, _l, profile) {
      await updateProfile(c.db, c.user.id, profile, c.now);
      c.reply.setCookie(hostCookieName('wasl_lang', c.wasl.config.secureCookies), profile.locale, {
        ...sessionCookie(c).options,
        maxAge: 365 * 86400,
      });
      return '/account';
    },
  }),

  form('/account/password', {
    ...withPassword,
    schema: passwordChangeForm,
    async check(c, user, d) {
      const wrong = await withPassword.check(c, user, d);
      if (wrong) return wrong;
      const names: [string, string] = ['new_password', 'new_password_confirm'];
      const errors = newPasswordErrors(
        c,
        d.new_password,
        d.new_password_confirm,
        [user.username, user.display_name],
        names,
      );
      // One message at a time, the policy's first.
      return errors.new_password ? { new_password: errors.new_password } : errors;
    },
    async save(c, user, d) {
      await setPassword(c.db, user.id, await hashPassword(d.new_password), c.now);
      await destroyOtherSessions(c.db, user.id, c.actor.sessionId);
      await c.audit('account.password.changed');
      return { to: '/account', flash: 'account.password.changed' };
    },
  }),

  form('/account/email', {
    ...memberOnly,
    fresh: true,
    load: me,
    show: (c, _user, state) => accountPage(c, state),
    schema: emailChangeForm,
    async save(c, user, d) {
      const email = normalizeEmail(d.email);
      // The new address must prove it is reachable; whether it is taken is checked on confirmation.
      const token = await createAccountToken(
        c.db,
        { purpose: 'email', userId: user.id, payload: { email }, ttlMs: DAY },
        c.now,
      );
      await c.wasl.mailer.send(
        {
          to: email,
          subject: c.t('mail.emailChange.subject'),
          text: c.t('mail.emailChange.body', { url: `${c.wasl.config.baseUrl}/account/email/${token}` }),
        },
        c.now,
      );
      return { to: '/account', flash: 'account.email.sent' };
    },
  }),

  // The link in the message opens a page that asks; the change is its POST (a link checker or a
  // mail client fetching the link changes nothing).
  page('/account/email/:token', {
    ...memberOnly,
    load: emailChange,
    render(c, { email }) {
      c.reply.header('referrer-policy', 'no-referrer');
      return <EmailConfirmPage token={c.params.token} email={email} />;
    },
  }),

  action('/account/email/:token', {
    ...memberOnly,
    load: emailChange,
    async run(c, { row, email }) {
      if ((await emailTaken(c.db, email)) || !(await consumeAccountToken(c.db, row.token_hash, c.now)))
        return { to: '/account', flash: 'account.email.failed' };
      await setEmail(c.db, c.user.id, email, c.now);
      await c.audit('account.email.changed');
      return { to: '/account', flash: 'account.email.changed' };
    },
  }),

  // A copy of everything held about me; reading it is audited.
  endpoint('GET', '/account/export', {
    ...memberOnly,
    async handle(c) {
      const data = await exportPersonalData(c.db, c.wasl.dialect, c.user.id, c.now);
      await c.audit('account.exported');
      return c.reply
        .header('content-disposition', `attachment; filename="wasl-my-data-${damascusDay(c.now)}.json"`)
        .type('application/json; charset=utf-8')
        .send(JSON.stringify(data, null, 2));
    },
  }),

  form('/account/delete', {
    ...memberOnly,
    load: leaving,
    show: (c, _l, state) => accountPage(c, state),
    // one more field per organization to hand over (read below as `successor_<id>`)
    schema: (_c, l) =>
      deleteForm.extend(
        Object.fromEntries(l.departure.handovers.map((h) => [successorField(h.id), fields.blankOr(fields.id())])),
      ) as unknown as typeof deleteForm,
    async check(c, { user, departure }, d) {
      const wrong = await checkCurrentPassword(c, user, d.current_password);
      if (wrong) return wrong;
      const errors: Record<string, string> = {};
      for (const h of departure.handovers) {
        const org = localized(h, 'name', c.locale);
        const chosen = (d as Record<string, unknown>)[successorField(h.id)];
        if (!h.candidates.length) errors._form = c.t('accounts.delete.inviteFirst', { org });
        else if (!h.candidates.some((s) => s.id === chosen))
          errors[successorField(h.id)] = c.t('accounts.delete.nameSuccessor', { org });
      }
      return errors;
    },
    async save(c, { user, departure }, d) {
      for (const h of departure.handovers)
        await nameAdmin(c, h, (d as Record<string, unknown>)[successorField(h.id)] as number);
      await auditAs(c, null, 'account.deleted', { targetType: 'user', targetId: user.id });
      await deleteUser(c.db, user.id);
      for (const org of departure.represents) await representativeLeft(c, org);
      const cookie = sessionCookie(c);
      c.reply.clearCookie(cookie.name, cookie.options);
      return { to: '/', flash: 'account.delete.done' };
    },
  }),
];
