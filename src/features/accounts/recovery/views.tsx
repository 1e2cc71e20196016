// A forgotten password: asking for the link, and setting the new password.
import { usePage } from '../../../core/views/context.js';
import { Field, Form, FormErrorSummary, type FieldErrors } from '../../../core/views/forms.js';
import { TitledLayout } from '../../../core/views/Layout.js';
import { NewPasswordFields } from '../views.js';

export function ResetRequestPage(p: {
  sent?: boolean;
  error?: string | null;
  values?: Record<string, unknown>;
  errors?: FieldErrors;
}) {
  const { t } = usePage().i18n;
  return (
    <TitledLayout title={t('auth.reset.title')}>
      {p.sent ? (
        <p role="status">{t('auth.reset.sent')}</p>
      ) : (
        <>
          <p>{t('auth.reset.intro')}</p>
          <FormErrorSummary message={p.error} />
          <Form action="/password-reset" values={p.values} errors={p.errors}>
            <Field name="email" type="email" label={t('auth.signup.email')} required autocomplete="email" />
            <button type="submit">{t('auth.reset.submit')}</button>
          </Form>
        </>
      )}
    </TitledLayout>
  );
}

export function ResetSetPage(p: { token: string; errors?: FieldErrors; invalid?: boolean }) {
  const { t } = usePage().i18n;
  return (
    <TitledLayout title={t('auth.reset.setTitle')}>
      {p.invalid ? (
        <p class="form-error">{t('auth.reset.invalidLink')}</p>
      ) : (
        <Form action={`/password-reset/${encodeURIComponent(p.token)}`} errors={p.errors}>
          <NewPasswordFields names={['new_password', 'new_password_confirm']} label={t('account.password.new')} />
          <button type="submit">{t('common.save')}</button>
        </Form>
      )}
    </TitledLayout>
  );
}
