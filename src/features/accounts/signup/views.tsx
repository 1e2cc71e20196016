// Signing up.
import { usePage } from '../../../core/views/context.js';
import { Field, Form, type FieldErrors } from '../../../core/views/forms.js';
import { TitledLayout } from '../../../core/views/Layout.js';
import { AddressAsChoice, NewPasswordFields } from '../views.js';

export function SignupPage(p: { values?: Record<string, unknown>; errors?: FieldErrors }) {
  const { t } = usePage().i18n;
  return (
    <TitledLayout title={t('auth.signup.title')}>
      <p>{t('auth.signup.intro')}</p>
      <Form action="/signup" values={{ address_as: 'x', ...p.values }} errors={p.errors}>
        <Field
          name="username"
          label={t('auth.signup.username')}
          hint={t('auth.signup.usernameHint')}
          required
          autocomplete="username"
        />
        <Field
          name="display_name"
          label={t('auth.signup.displayName')}
          hint={t('auth.signup.displayNameHint')}
          required
        />
        <Field
          name="email"
          type="email"
          label={t('auth.signup.email')}
          hint={t('auth.signup.emailHint')}
          autocomplete="email"
        />
        <NewPasswordFields />
        <AddressAsChoice />
        <button type="submit">{t('auth.signup.submit')}</button>
      </Form>
    </TitledLayout>
  );
}
