// Signing in: the password page and the second step's page.
import { usePage } from '../../../core/views/context.js';
import { Field, Form, FormErrorSummary, Hidden } from '../../../core/views/forms.js';
import { TitledLayout } from '../../../core/views/Layout.js';
import { CodeField, PasswordField } from '../views.js';

export function LoginPage(p: { identifier?: string; next?: string; error?: string | null }) {
  const { t } = usePage().i18n;
  return (
    <TitledLayout title={t('auth.login.title')}>
      <FormErrorSummary message={p.error} />
      <Form action="/login" values={{ identifier: p.identifier }}>
        <Hidden name="next" value={p.next ?? ''} />
        <Field name="identifier" label={t('auth.login.identifier')} required autocomplete="username" />
        <PasswordField name="password" label={t('auth.login.password')} autocomplete="current-password" />
        <div class="actions">
          <button type="submit">{t('auth.login.submit')}</button>
          <a href="/password-reset">{t('auth.login.forgot')}</a>
        </div>
      </Form>
      <p>
        {t('auth.login.noAccount')} <a href="/signup">{t('nav.signUp')}</a>
      </p>
    </TitledLayout>
  );
}

export function TwoFactorPage(p: { next?: string; error?: string | null }) {
  const { t } = usePage().i18n;
  return (
    <TitledLayout title={t('auth.twoFactor.title')}>
      <FormErrorSummary message={p.error} />
      <Form action="/login/2fa">
        <Hidden name="next" value={p.next ?? ''} />
        <CodeField maxLength={8} />
        <details>
          <summary>{t('auth.twoFactor.useRecovery')}</summary>
          <Field name="recovery" label={t('auth.twoFactor.recoveryCode')} autocomplete="off" />
        </details>
        <button type="submit">{t('auth.twoFactor.submit')}</button>
      </Form>
    </TitledLayout>
  );
}
