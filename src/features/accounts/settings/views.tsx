// The account page (one form per section; a refused form shows its errors beside its own fields)
// and the page an e-mail confirmation link opens.
import { usePage } from '../../../core/views/context.js';
import { Checkbox, Field, Form, Select, type FormState } from '../../../core/views/forms.js';
import { localized } from '../../../core/i18n/localized.js';
import { TitledLayout } from '../../../core/views/Layout.js';
import { AddressAsChoice, CurrentPassword, NewPasswordFields } from '../views.js';
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
    <TitledLayout title={t('account.title')}>
      <p>
        {t('account.signedInAs')} <bdi dir="ltr">{a.username}</bdi>
      </p>

      <section aria-labelledby="h-profile">
        <h2 id="h-profile">{t('account.profile.title')}</h2>
        <Form action="/account/profile" state={p.state} values={profile}>
          <Field name="display_name" label={t('auth.signup.displayName')} required />
          <Select name="locale" label={t('account.profile.language')} options={languages} />
          <Select name="digits" label={t('account.profile.digits')} options={digits} />
          <AddressAsChoice legend={t('account.profile.addressAs')} />
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
        {a.fresh ? (
          <Form action="/account/email" state={p.state} idPrefix="email">
            <Field name="email" type="email" label={t('account.email.new')} required autocomplete="email" />
            <button type="submit">{t('account.email.submit')}</button>
          </Form>
        ) : (
          <p>
            {t('accounts.email.confirmFirst')}{' '}
            <a href={`/account/confirm?next=${encodeURIComponent('/account#h-email')}`}>{t('accounts.confirm.link')}</a>
          </p>
        )}
      </section>

      <section aria-labelledby="h-export">
        <h2 id="h-export">{t('account.export.title')}</h2>
        <p>{t('accounts.export.explain')}</p>
        <a class="button secondary" href="/account/export" download>
          {t('account.export.download')}
        </a>
      </section>

      <section aria-labelledby="h-delete">
        <h2 id="h-delete">{t('account.delete.title')}</h2>
        <p>{t('account.delete.explain')}</p>
        <Form action="/account/delete" state={p.state} idPrefix="delete">
          <Handovers account={a} />
          <CurrentPassword />
          <Checkbox name="confirm" label={t('account.delete.confirm')} />
          <button type="submit" class="danger">
            {t('account.delete.submit')}
          </button>
        </Form>
      </section>
    </TitledLayout>
  );
}

export function EmailConfirmPage(p: { token: string; email: string }) {
  const { t } = usePage().i18n;
  return (
    <TitledLayout title={t('accounts.email.confirmTitle')}>
      <p>
        {t('accounts.email.confirmText')} <bdi dir="ltr">{p.email}</bdi>
      </p>
      <Form action={`/account/email/${encodeURIComponent(p.token)}`}>
        <button type="submit">{t('accounts.email.confirmSubmit')}</button>
      </Form>
    </TitledLayout>
  );
}

/**
 * Said before deleting, not after: each organization the person is the only admin of needs another
 * named (or, with nobody else on its staff, someone invited first); an organization whose vote they
 * cast will have its admins asked to name another.
 */
function Handovers(p: { account: AccountView }) {
  const { t, locale } = usePage().i18n;
  const a = p.account;
  return (
    <>
      {a.represents.map((o) => (
        <p class="notice--warn">{t('accounts.delete.represents', { org: localized(o, 'name', locale) })}</p>
      ))}
      {a.handovers.map((h) => {
        const org = localized(h, 'name', locale);
        return h.candidates.length ? (
          <Select
            name={`successor_${h.id}`}
            label={t('accounts.delete.successor', { org })}
            hint={t('accounts.delete.successorHint')}
            includeEmpty={t('accounts.delete.choosePerson')}
            required
            options={h.candidates.map((s) => ({ value: String(s.id), label: s.display_name }))}
          />
        ) : (
          <p class="notice--warn">{t('accounts.delete.inviteFirst', { org })}</p>
        );
      })}
    </>
  );
}
