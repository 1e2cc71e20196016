// Re-authentication: the password, or a code from the app, before a sensitive change.
import { usePage } from '../../../core/views/context.js';
import { Form, Hidden, type FormState } from '../../../core/views/forms.js';
import { TitledLayout } from '../../../core/views/Layout.js';
import { CodeField, PasswordField } from '../views.js';

export function ConfirmPage(p: { next: string; withCode: boolean; state: FormState | null }) {
  const { t } = usePage().i18n;
  return (
    <TitledLayout title={t('accounts.confirm.title')}>
      <p>{t('accounts.confirm.intro')}</p>
      <Form action="/account/confirm" state={p.state}>
        <Hidden name="next" value={p.next} />
        <PasswordField
          name="password"
          label={t('auth.login.password')}
          autocomplete="current-password"
          required={!p.withCode}
        />
        {p.withCode ? <CodeField label={t('accounts.confirm.orCode')} maxLength={8} /> : null}
        <div class="actions">
          <button type="submit">{t('accounts.confirm.submit')}</button>
          <a href={p.next}>{t('common.cancel')}</a>
        </div>
      </Form>
    </TitledLayout>
  );
}
