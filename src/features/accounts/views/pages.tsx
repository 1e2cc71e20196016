// Account pages: sign in (with its second step), sign up, password reset, the account page.
import { Layout } from '../../../core/views/Layout.js';
import { usePage } from '../../../core/views/context.js';
import { Field, Form, FormErrorSummary, Select, type FieldErrors } from '../../../core/views/forms.js';

export function LoginPage(p: { identifier?: string; next?: string; error?: string | null }) {
  const { t } = usePage().i18n;
  return (
    <Layout title={t('auth.login.title')}>
      <h1>{t('auth.login.title')}</h1>
      <FormErrorSummary message={p.error} />
      <Form action="/login">
        <input type="hidden" name="next" value={p.next ?? ''} />
        <Field
          name="identifier"
          label={t('auth.login.identifier')}
          value={p.identifier}
          required
          autocomplete="username"
        />
        <Field
          name="password"
          type="password"
          label={t('auth.login.password')}
          required
          autocomplete="current-password"
        />
        <div class="actions">
          <button type="submit">{t('auth.login.submit')}</button>
          <a href="/password-reset">{t('auth.login.forgot')}</a>
        </div>
      </Form>
      <p>
        {t('auth.login.noAccount')} <a href="/signup">{t('nav.signUp')}</a>
      </p>
    </Layout>
  );
}

export function TwoFactorPage(p: { next?: string; error?: string | null }) {
  const { t } = usePage().i18n;
  return (
    <Layout title={t('auth.twoFactor.title')}>
      <h1>{t('auth.twoFactor.title')}</h1>
      <FormErrorSummary message={p.error} />
      <Form action="/login/2fa">
        <input type="hidden" name="next" value={p.next ?? ''} />
        <Field
          name="code"
          label={t('auth.twoFactor.code')}
          autocomplete="one-time-code"
          inputmode="numeric"
          maxLength={8}
        />
        <details>
          <summary>{t('auth.twoFactor.useRecovery')}</summary>
          <Field name="recovery" label={t('auth.twoFactor.recoveryCode')} autocomplete="off" />
        </details>
        <button type="submit">{t('auth.twoFactor.submit')}</button>
      </Form>
    </Layout>
  );
}

export function SignupPage(p: { values?: Record<string, unknown>; errors?: FieldErrors; formError?: string | null }) {
  const { t } = usePage().i18n;
  const v = p.values ?? {};
  const e = p.errors ?? {};
  return (
    <Layout title={t('auth.signup.title')}>
      <h1>{t('auth.signup.title')}</h1>
      <p>{t('auth.signup.intro')}</p>
      <FormErrorSummary message={p.formError ?? e._form} />
      <Form action="/signup">
        <Field
          name="username"
          label={t('auth.signup.username')}
          hint={t('auth.signup.usernameHint')}
          value={String(v.username ?? '')}
          error={e.username}
          required
          autocomplete="username"
        />
        <Field
          name="display_name"
          label={t('auth.signup.displayName')}
          hint={t('auth.signup.displayNameHint')}
          value={String(v.display_name ?? '')}
          error={e.display_name}
          required
        />
        <Field
          name="email"
          type="email"
          label={t('auth.signup.email')}
          hint={t('auth.signup.emailHint')}
          value={String(v.email ?? '')}
          error={e.email}
          autocomplete="email"
        />
        <Field
          name="password"
          type="password"
          label={t('auth.login.password')}
          hint={t('auth.password.rules')}
          error={e.password}
          required
          autocomplete="new-password"
        />
        <Field
          name="password_confirm"
          type="password"
          label={t('auth.password.confirm')}
          error={e.password_confirm}
          required
          autocomplete="new-password"
        />
        <button type="submit">{t('auth.signup.submit')}</button>
      </Form>
    </Layout>
  );
}

export function ResetRequestPage(p: { sent?: boolean; error?: string | null; errors?: FieldErrors }) {
  const { t } = usePage().i18n;
  return (
    <Layout title={t('auth.reset.title')}>
      <h1>{t('auth.reset.title')}</h1>
      {p.sent ? (
        <p role="status">{t('auth.reset.sent')}</p>
      ) : (
        <>
          <p>{t('auth.reset.intro')}</p>
          <FormErrorSummary message={p.error} />
          <Form action="/password-reset">
            <Field
              name="email"
              type="email"
              label={t('auth.signup.email')}
              error={p.errors?.email}
              required
              autocomplete="email"
            />
            <button type="submit">{t('auth.reset.submit')}</button>
          </Form>
        </>
      )}
    </Layout>
  );
}

export function ResetSetPage(p: { token: string; errors?: FieldErrors; invalid?: boolean }) {
  const { t } = usePage().i18n;
  return (
    <Layout title={t('auth.reset.setTitle')}>
      <h1>{t('auth.reset.setTitle')}</h1>
      {p.invalid ? (
        <p class="form-error">{t('auth.reset.invalidLink')}</p>
      ) : (
        <Form action={`/password-reset/${encodeURIComponent(p.token)}`}>
          <Field
            name="new_password"
            type="password"
            label={t('account.password.new')}
            hint={t('auth.password.rules')}
            error={p.errors?.new_password}
            required
            autocomplete="new-password"
          />
          <Field
            name="new_password_confirm"
            type="password"
            label={t('auth.password.confirm')}
            error={p.errors?.new_password_confirm}
            required
            autocomplete="new-password"
          />
          <button type="submit">{t('common.save')}</button>
        </Form>
      )}
    </Layout>
  );
}

export type AccountView = {
  username: string;
  displayName: string;
  email: string | null;
  locale: string;
  digits: string;
  addressAs: string;
  totpEnabled: boolean;
  recoveryLeft: number;
  mustEnable2fa: boolean;
};

export function AccountPage(p: { account: AccountView; errors?: FieldErrors; section?: string }) {
  const { t } = usePage().i18n;
  const a = p.account;
  const e = p.errors ?? {};
  return (
    <Layout title={t('account.title')}>
      <h1>{t('account.title')}</h1>
      <p>
        {t('account.signedInAs')} <bdi dir="ltr">{a.username}</bdi>
      </p>

      <section aria-labelledby="h-profile">
        <h2 id="h-profile">{t('account.profile.title')}</h2>
        <Form action="/account/profile">
          <Field
            name="display_name"
            label={t('auth.signup.displayName')}
            value={a.displayName}
            error={p.section === 'profile' ? e.display_name : undefined}
            required
          />
          <Select
            name="locale"
            label={t('account.profile.language')}
            value={a.locale}
            options={[
              { value: 'ar', label: 'العربية' },
              { value: 'en', label: 'English' },
            ]}
          />
          <Select
            name="digits"
            label={t('account.profile.digits')}
            value={a.digits}
            options={[
              { value: 'latn', label: '0123456789' },
              { value: 'arab', label: '٠١٢٣٤٥٦٧٨٩' },
            ]}
          />
          <Select
            name="address_as"
            label={t('account.profile.addressAs')}
            value={a.addressAs}
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
        <Form action="/account/password">
          <Field
            name="current_password"
            type="password"
            label={t('account.password.current')}
            error={p.section === 'password' ? e.current_password : undefined}
            required
            autocomplete="current-password"
          />
          <Field
            name="new_password"
            type="password"
            label={t('account.password.new')}
            hint={t('auth.password.rules')}
            error={p.section === 'password' ? e.new_password : undefined}
            required
            autocomplete="new-password"
          />
          <Field
            name="new_password_confirm"
            type="password"
            label={t('auth.password.confirm')}
            error={p.section === 'password' ? e.new_password_confirm : undefined}
            required
            autocomplete="new-password"
          />
          <button type="submit">{t('common.save')}</button>
        </Form>
      </section>

      <section aria-labelledby="h-email">
        <h2 id="h-email">{t('account.email.title')}</h2>
        <p>{a.email ? <bdi dir="ltr">{a.email}</bdi> : t('account.email.none')}</p>
        <Form action="/account/email">
          <Field
            name="email"
            type="email"
            label={t('account.email.new')}
            error={p.section === 'email' ? e.email : undefined}
            required
            autocomplete="email"
          />
          <Field
            name="current_password"
            type="password"
            label={t('account.password.current')}
            error={p.section === 'email' ? e.current_password : undefined}
            required
            autocomplete="current-password"
          />
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
        <Form action="/account/delete">
          <Field
            name="current_password"
            type="password"
            label={t('account.password.current')}
            error={p.section === 'delete' ? e.current_password : undefined}
            required
            autocomplete="current-password"
          />
          <label class="checkbox">
            <input type="checkbox" name="confirm" required /> {t('account.delete.confirm')}
          </label>
          {p.section === 'delete' && e.confirm ? <p class="error">{e.confirm}</p> : null}
          <button type="submit" class="danger">
            {t('account.delete.submit')}
          </button>
        </Form>
      </section>
    </Layout>
  );
}

export function TotpSetupPage(p: {
  secret: string;
  qrDataUrl: string;
  error?: string | null;
  enabled: boolean;
  staff: boolean;
}) {
  const { t } = usePage().i18n;
  return (
    <Layout title={t('account.twoFactor.title')}>
      <h1>{t('account.twoFactor.title')}</h1>
      {p.enabled ? (
        <>
          <p>{t('account.twoFactor.on')}</p>
          <Form action="/account/2fa/recovery-codes">
            <button type="submit" class="secondary">
              {t('account.twoFactor.newRecoveryCodes')}
            </button>
          </Form>
          {p.staff ? (
            <p class="hint">{t('account.twoFactor.cannotDisable')}</p>
          ) : (
            <Form action="/account/2fa/disable">
              <FormErrorSummary message={p.error} />
              <Field
                name="current_password"
                type="password"
                label={t('account.password.current')}
                required
                autocomplete="current-password"
              />
              <Field
                name="code"
                label={t('auth.twoFactor.code')}
                inputmode="numeric"
                required
                autocomplete="one-time-code"
              />
              <button type="submit" class="danger">
                {t('account.twoFactor.disable')}
              </button>
            </Form>
          )}
        </>
      ) : (
        <>
          <ol>
            <li>{t('account.twoFactor.step1')}</li>
            <li>{t('account.twoFactor.step2')}</li>
          </ol>
          <img src={p.qrDataUrl} width={200} height={200} alt={t('account.twoFactor.qrAlt')} />
          <p>
            {t('account.twoFactor.secretLabel')} <code class="code">{p.secret.replace(/(.{4})/g, '$1 ').trim()}</code>
          </p>
          <FormErrorSummary message={p.error} />
          <Form action="/account/2fa/enable">
            <Field
              name="code"
              label={t('auth.twoFactor.code')}
              inputmode="numeric"
              required
              autocomplete="one-time-code"
              maxLength={8}
            />
            <button type="submit">{t('account.twoFactor.confirm')}</button>
          </Form>
        </>
      )}
    </Layout>
  );
}

export function RecoveryCodesPage(p: { codes: string[] }) {
  const { t } = usePage().i18n;
  return (
    <Layout title={t('account.recovery.title')}>
      <h1>{t('account.recovery.title')}</h1>
      <p>{t('account.recovery.explain')}</p>
      <ul class="code" dir="ltr">
        {p.codes.map((c) => (
          <li>{c}</li>
        ))}
      </ul>
      <a class="button" href="/account">
        {t('account.recovery.done')}
      </a>
    </Layout>
  );
}

export function InvitePage(p: {
  orgName: string | null;
  role: string;
  errors?: FieldErrors;
  values?: Record<string, unknown>;
  token: string;
  signedIn: boolean;
}) {
  const { t } = usePage().i18n;
  const e = p.errors ?? {};
  const v = p.values ?? {};
  return (
    <Layout title={t('auth.invite.title')}>
      <h1>{t('auth.invite.title')}</h1>
      <p>
        {p.orgName ? t('auth.invite.toOrg', { org: p.orgName }) : t('auth.invite.toNetwork')} ({p.role})
      </p>
      <FormErrorSummary message={e._form} />
      {p.signedIn ? (
        <Form action={`/invite/${encodeURIComponent(p.token)}`}>
          <button type="submit">{t('auth.invite.accept')}</button>
        </Form>
      ) : (
        <Form action={`/invite/${encodeURIComponent(p.token)}`}>
          <Field
            name="username"
            label={t('auth.signup.username')}
            value={String(v.username ?? '')}
            error={e.username}
            required
            autocomplete="username"
          />
          <Field
            name="display_name"
            label={t('auth.signup.displayName')}
            value={String(v.display_name ?? '')}
            error={e.display_name}
            required
          />
          <Field
            name="password"
            type="password"
            label={t('auth.login.password')}
            hint={t('auth.password.rules')}
            error={e.password}
            required
            autocomplete="new-password"
          />
          <Field
            name="password_confirm"
            type="password"
            label={t('auth.password.confirm')}
            error={e.password_confirm}
            required
            autocomplete="new-password"
          />
          <button type="submit">{t('auth.invite.accept')}</button>
        </Form>
      )}
    </Layout>
  );
}
