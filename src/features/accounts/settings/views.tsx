// The account page (one form per section; a refused form shows its errors beside its own fields)
// and the page an e-mail confirmation link opens.
import { Layout } from '../../../core/views/Layout.js';
import { usePage } from '../../../core/views/context.js';
import { Checkbox, Field, Form, Select, type FormState } from '../../../core/views/forms.js';
import { CurrentPassword, NewPasswordFields } from '../views.js';
import type { AccountView } from './queries.js';

const languages = [
  { value: 'ar', label: 'العربية' },
  { value: 'en', label: 'English' },
];
const digits = [
  { value: 'latn', label: '0123456789' },
  { value: 'arab', label: '٠١٢٣٤٥٦٧٨٩' },
];

export function AccountPage(p: { account: AccountView; state?: FormState | null }) {
  const { t } = usePage().i18n;
  const a = p.account;
  const profile = { display_name: a.displayName, locale: a.locale, digits: a.digits, address_as: a.addressAs };
  return (
    <Layout title={t('account.title')}>
      <h1>{t('account.title')}</h1>
      <p>
        {t('account.signedInAs')} <bdi dir="ltr">{a.username}</bdi>
      </p>

      <section aria-labelledby="h-profile">
        <h2 id="h-profile">{t('account.profile.title')}</h2>
        <Form action="/account/profile" state={p.state} values={profile}>
          <Field name="display_name" label={t('auth.signup.displayName')} required />
          <Select name="locale" label={t('account.profile.language')} options={languages} />
          <Select name="digits" label={t('account.profile.digits')} options={digits} />
          <Select
            name="address_as"
            label={t('account.profile.addressAs')}
            options={[
              { value: 'x', label: t('account.profile.addressUnknown') },
              { value: 'f', label: t('account.profile.addressFeminine') },
              { value: 'm', label: t('account.profile.addressMasculine') },
            ]}
          />
          <button type="submit">{t('common.save')}</button>
        </Form>
      </section>

      <section aria-labelledby="h-2fa">
        <h2 id="h-2fa">{t('account.twoFactor.title')}</h2>
        {a.mustEnable2fa && !a.totpEnabled ? <p class="notice--warn">{t('account.twoFactor.required')}</p> : null}
        {a.totpEnabled ? (
          <p>
            {t('account.twoFactor.on')} {t('account.twoFactor.recoveryLeft', { count: a.recoveryLeft })}
          </p>
        ) : (
          <p>{t('account.twoFactor.off')}</p>
        )}
        <a class="button secondary" href="/account/2fa">
          {a.totpEnabled ? t('account.twoFactor.manage') : t('account.twoFactor.enable')}
        </a>
      </section>

      <section aria-labelledby="h-password">
        <h2 id="h-password">{t('account.password.title')}</h2>
        <Form action="/account/password" state={p.state} idPrefix="password">
          <CurrentPassword />
          <NewPasswordFields names={['new_password', 'new_password_confirm']} label={t('account.password.new')} />
          <button type="submit">{t('common.save')}</button>
        </Form>
      </section>

      <section aria-labelledby="h-email">
        <h2 id="h-email">{t('account.email.title')}</h2>
        <p>{a.email ? <bdi dir="ltr">{a.email}</bdi> : t('account.email.none')}</p>
        <Form action="/account/email" state={p.state} idPrefix="email">
          <Field name="email" type="email" label={t('account.email.new')} required autocomplete="email" />
          <CurrentPassword />
          <button type="submit">{t('account.email.submit')}</button>
        </Form>
      </section>

      <section aria-labelledby="h-export">
        <h2 id="h-export">{t('account.export.title')}</h2>
        <p>{t('account.export.explain')}</p>
        <a class="button secondary" href="/account/export" download>
          {t('account.export.download')}
        </a>
      </section>

      <section aria-labelledby="h-delete">
        <h2 id="h-delete">{t('account.delete.title')}</h2>
        <p>{t('account.delete.explain')}</p>
        <Form action="/account/delete" state={p.state} idPrefix="delete">
          <CurrentPassword />
          <Checkbox name="confirm" label={t('account.delete.confirm')} />
          <button type="submit" class="danger">
            {t('account.delete.submit')}
          </button>
        </Form>
      </section>
    </Layout>
  );
}

export function EmailConfirmPage(p: { token: string; email: string }) {
  const { t } = usePage().i18n;
  return (
    <Layout title={t('accounts.email.confirmTitle')}>
      <h1>{t('accounts.email.confirmTitle')}</h1>
      <p>
        {t('accounts.email.confirmText')} <bdi dir="ltr">{p.email}</bdi>
      </p>
      <Form action={`/account/email/${encodeURIComponent(p.token)}`}>
        <button type="submit">{t('accounts.email.confirmSubmit')}</button>
      </Form>
    </Layout>
  );
}
