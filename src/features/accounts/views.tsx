// Fields every accounts form shares. A password field never shows a value: not the stored one, and
// not what was typed before a refusal (the form scope would otherwise put it back into the page).
import { usePage } from '../../core/views/context.js';
import { Field, Radios } from '../../core/views/forms.js';

export function PasswordField(p: {
  name: string;
  label: string;
  autocomplete: string;
  hint?: string;
  id?: string;
  required?: boolean;
}) {
  return <Field type="password" value={null} required {...p} />;
}

/** The current password, asked before anything that changes the account. */
export function CurrentPassword() {
  const { t } = usePage().i18n;
  return (
    <PasswordField name="current_password" label={t('account.password.current')} autocomplete="current-password" />
  );
}

/** A new password and its confirmation, with the policy as the hint. */
export function NewPasswordFields(p: { names?: [string, string]; label?: string }) {
  const { t } = usePage().i18n;
  const [password, confirm] = p.names ?? ['password', 'password_confirm'];
  return (
    <>
      <PasswordField
        name={password}
        label={p.label ?? t('auth.login.password')}
        hint={t('auth.password.rules')}
        autocomplete="new-password"
      />
      <PasswordField name={confirm} label={t('auth.password.confirm')} autocomplete="new-password" />
    </>
  );
}

/** A code from the authenticator app (8 characters at most where a recovery code may do). */
export function CodeField(p: { label?: string; required?: boolean; maxLength?: number }) {
  const { t } = usePage().i18n;
  return (
    <Field
      name="code"
      label={p.label ?? t('auth.twoFactor.code')}
      inputmode="numeric"
      required={p.required}
      autocomplete="one-time-code"
      maxLength={p.maxLength}
    />
  );
}

/** How the Arabic interface addresses the person: on sign-up, and on the account page. */
export function AddressAsChoice(p: { legend?: string }) {
  const { t } = usePage().i18n;
  return (
    <Radios
      name="address_as"
      legend={p.legend ?? t('auth.signup.addressAs')}
      hint={t('accounts.addressAs.hint')}
      options={[
        { value: 'f', label: t('account.profile.addressFeminine') },
        { value: 'm', label: t('account.profile.addressMasculine') },
        { value: 'x', label: t('account.profile.addressUnknown') },
      ]}
    />
  );
}
