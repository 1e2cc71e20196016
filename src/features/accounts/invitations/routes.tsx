// Invitations: a link by e-mail (sent by the network admin or an organization's admin, see
// actions.ts) that gives a role — to a new account made here, or to the person signed in if the
// invitation was sent to their own address (an admin who came by the link cannot take a place in a
// member's team with their account). Every staff role needs two-step verification, so acceptance
// leads to its set-up.
import { z } from 'zod';
import { hashPassword } from '../../../core/auth/passwords.js';
import { form, FormErrors, notFound, page, type AnyCtx } from '../../../core/http/route.js';
import { localized } from '../../../core/i18n/localized.js';
import type { FormState } from '../../../core/views/forms.js';
import { auditAs, newPasswordErrors, startSession } from '../auth.js';
import { consumeAccountToken, createUser, emailTaken, normalizeEmail, usernameTaken } from '../queries.js';
import { inviteAcceptForm } from '../schemas.js';
import { ensureTotpSecret } from '../two-step/queries.js';
import { findInvitation, grantRole } from './queries.js';
import { InvitePage } from './views.js';

const access = { access: 'public', allowWithout2fa: true } as const;

/** Loader: the live invitation the link names, or a 404. */
async function invitation(c: AnyCtx) {
  return (await findInvitation(c.db, c.params.token!, c.now)) ?? notFound();
}

/** Someone signed in accepts with the button alone. */
const signedIn = z.object({});
type NewAccount = z.infer<typeof inviteAcceptForm>;
const isNewAccount = (d: object): d is NewAccount => 'username' in d;

type Invitation = Awaited<ReturnType<typeof invitation>>;

/** Signed in with an account whose address is not the invited one: this invitation is not theirs. */
const notForMe = (c: AnyCtx, found: Invitation) =>
  !!c.user && normalizeEmail(c.user.email ?? '') !== normalizeEmail(found.invite.email);

function invitePage(c: AnyCtx, found: Invitation, state: FormState | null) {
  return (
    <InvitePage
      token={c.params.token!}
      orgName={found.org ? localized(found.org, 'name', c.locale) : null}
      role={c.t(`role.${found.invite.role}` as never)}
      signedIn={!!c.user}
      otherAccount={notForMe(c, found)}
      state={state}
    />
  );
}

/** The account an invitation's form makes; the invited address is kept unless another account has it. */
async function createInvited(c: AnyCtx, email: string, d: NewAccount) {
  const emailFree = !(await emailTaken(c.db, email));
  return createUser(
    c.db,
    {
      username: d.username,
      email: emailFree ? email : null,
      displayName: d.display_name,
      passwordHash: await hashPassword(d.password),
      locale: c.locale,
    },
    c.now,
  );
}

export const invitationRoutes = [
  page('/invite/:token', {
    ...access,
    load: invitation,
    render(c, found) {
      c.reply.header('referrer-policy', 'no-referrer');
      return invitePage(c, found, null);
    },
  }),

  form('/invite/:token', {
    ...access,
    load: invitation,
    // Someone signed in accepts with the button; anyone else makes an account here.
    schema: (c) => (c.user ? signedIn : inviteAcceptForm) as typeof signedIn | typeof inviteAcceptForm,
    show: (c, found, state) => invitePage(c, found, state),
    async check(c, found, data) {
      if (notForMe(c, found)) throw new FormErrors({ _form: c.t('accounts.invite.otherAccount') }, { status: 403 });
      if (!isNewAccount(data)) return;
      const errors = newPasswordErrors(c, data.password, data.password_confirm, [data.username]);
      if (await usernameTaken(c.db, data.username)) errors.username = c.t('auth.signup.usernameTaken');
      return errors;
    },
    async save(c, found, data) {
      // Signed in: the form was the button alone (its schema has no fields).
      const userId = isNewAccount(data) ? await createInvited(c, found.invite.email, data) : c.user!.id;
      if (!(await consumeAccountToken(c.db, found.row.token_hash, c.now))) notFound();
      await grantRole(c.db, userId, found.invite);
      await auditAs(c, userId, 'auth.invite.accepted', {
        organizationId: found.invite.organizationId,
        details: { role: found.invite.role, invitedBy: found.invite.invitedBy },
      });
      if (!c.user) await startSession(c, userId, 'staff');
      // Every staff role needs the second step before anything else: its set-up comes next.
      await ensureTotpSecret(c.db, userId);
      return { to: '/account/2fa' };
    },
  }),
];
