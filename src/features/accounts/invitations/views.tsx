// An invitation: what it is to, and the form that accepts it.
import { usePage } from '../../../core/views/context.js';
import { Field, Form, type FormState } from '../../../core/views/forms.js';
import { TitledLayout } from '../../../core/views/Layout.js';
import { NewPasswordFields } from '../views.js';

export function InvitePage(p: {
  orgName: string | null;
  role: string;
  token: string;
  signedIn: boolean;
  /** signed in with an account the invitation was not sent to */
  otherAccount: boolean;
  state?: FormState | null;
}) {
  const { t } = usePage().i18n;
  return (
    <TitledLayout title={t('auth.invite.title')}>
      <p>
        {p.orgName ? t('accounts.invite.toOrg', { org: p.orgName }) : t('accounts.invite.toNetwork')} ({p.role})
      </p>
      {p.otherAccount ? <p class="notice--warn">{t('accounts.invite.otherAccount')}</p> : null}
      <Form action={`/invite/${encodeURIComponent(p.token)}`} state={p.state}>
        {p.signedIn ? null : (
          <>
            <Field name="username" label={t('auth.signup.username')} required autocomplete="username" />
            <Field name="display_name" label={t('auth.signup.displayName')} required />
            <NewPasswordFields />
          </>
        )}
        {p.otherAccount ? null : <button type="submit">{t('auth.invite.accept')}</button>}
      </Form>
    </TitledLayout>
  );
}
