// Certificates: the staff page, the printable A4 certificate (a standalone document; its print
// rules are in programmes.css, merged into the site's stylesheet), and the public verification
// pages.
import type { Translator } from '../../../core/i18n/index.js';
import { localized } from '../../../core/i18n/localized.js';
import { Layout, TitledLayout } from '../../../core/views/Layout.js';
import { usePage } from '../../../core/views/context.js';
import { UserText } from '../../../core/views/components.js';
import { ButtonForm, Field, Form, type FormState } from '../../../core/views/forms.js';
import { formatCode } from '../rules.js';
import { DangerZone } from '../common/danger.js';
import { PrintDocument } from '../common/print.js';
import { DayText, day, named, type Named } from '../common/views.js';
import type { CertificateRow } from './queries.js';

type Replaced = { id: number; code: string; issued_on: string; revoked_at: string; reason: string | null };
type Request = { id: number; message: string; created_at: string; handled_at: string | null };

export function CertificateAdminPage(p: {
  cert: CertificateRow;
  verifyUrl: string;
  replaced: Replaced[];
  requests: Request[];
  state: FormState | null;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const c = p.cert;
  const base = `/programmes/certificates/${c.id}`;
  const open = p.requests.filter((r) => !r.handled_at);
  return (
    <Layout title={t('programmes.cert.title')}>
      <p class="meta">
        <a href={`/programmes/cohorts/${c.cohort_id}#trainees`}>{localized(c, 'title', i18n.locale)}</a>
      </p>
      <h1>
        {t('programmes.cert.title')} — <bdi>{c.name}</bdi>
      </h1>
      {c.revoked_at ? (
        <p class="notice--warn">
          {t('programmes.cert.revokedOn', { date: i18n.date(c.revoked_at) })}
          {c.revoke_reason ? (
            <>
              {' '}
              {t('programmes.cert.reason')}: <UserText text={c.revoke_reason} />
            </>
          ) : null}
        </p>
      ) : null}
      <dl class="facts">
        <dt>{t('programmes.cert.code')}</dt>
        <dd>
          <bdi dir="ltr" class="code">
            {formatCode(c.code)}
          </bdi>
        </dd>
        <dt>{t('programmes.cert.issuedOn')}</dt>
        <dd>
          <DayText value={c.issued_on} />
        </dd>
        <dt>{t('programmes.cert.verifyAt')}</dt>
        <dd>
          <a href={p.verifyUrl}>
            <bdi dir="ltr">{p.verifyUrl}</bdi>
          </a>
        </dd>
      </dl>
      <p>
        <a href={`/programmes/trainees/${c.trainee_id}/edit`}>{t('programmes.cert.correctName')}</a>
      </p>
      {open.length ? (
        <section class="notice" id="requests">
          <h2>{t('programmes.correction.open', { count: open.length })}</h2>
          <ul>
            {open.map((r) => (
              <li>
                <UserText text={r.message} /> <span class="meta">{i18n.date(r.created_at)}</span>
              </li>
            ))}
          </ul>
          <ButtonForm action={`${base}/requests`} label={t('programmes.correction.markHandled')} class="secondary" />
        </section>
      ) : null}
      {c.revoked_at ? (
        <>
          <h2>{t('programmes.cert.reissueTitle')}</h2>
          <Form action={`${base}/reissue`} state={p.state} values={{ issued_on: c.issued_on }}>
            <p class="small">{t('programmes.cert.reissueExplain')}</p>
            <Field name="issued_on" type="date" label={t('programmes.cert.issuedOn')} required />
            <button type="submit">{t('programmes.cert.reissue')}</button>
          </Form>
        </>
      ) : (
        <>
          <p class="actions">
            <a class="button" href={`${base}/print`}>
              {t('programmes.cert.printAr')}
            </a>
            {c.name_en ? (
              <a class="button secondary" href={`${base}/print?version=en`}>
                {t('programmes.cert.printEn')}
              </a>
            ) : null}
          </p>
          <h2>{t('programmes.cert.englishTitle')}</h2>
          <p class="small">{t('programmes.cert.englishHint')}</p>
          <Form action={`${base}/english`} state={p.state} values={c}>
            <Field name="name_en" label={t('programmes.cert.nameEn')} />
            <button type="submit" class="secondary">
              {t('common.save')}
            </button>
          </Form>
          <DangerZone
            title={t('programmes.cert.revokeTitle')}
            action={`${base}/revoke`}
            what={c.name}
            explain={t('programmes.cert.revokeExplain')}
            label={t('programmes.cert.revoke')}
            question={t('programmes.cert.revokeQuestion', { name: c.name })}
            confirm={t('programmes.cert.revokeConfirm')}
            state={p.state}
          >
            <Field name="reason" label={t('programmes.cert.reason')} hint={t('common.optional')} />
          </DangerZone>
        </>
      )}
      {p.replaced.length ? (
        <>
          <h2>{t('programmes.cert.replacedTitle')}</h2>
          <ul>
            {p.replaced.map((r) => (
              <li>
                <bdi dir="ltr" class="code">
                  {formatCode(r.code)}
                </bdi>{' '}
                —{' '}
                {t('programmes.cert.replacedLine', {
                  issued: day(i18n, r.issued_on),
                  revoked: i18n.date(r.revoked_at),
                })}
                {r.reason ? (
                  <>
                    {' '}
                    (<UserText text={r.reason} />)
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Layout>
  );
}

/**
 * The printable certificate: its own small document (no site chrome), in the certificate's
 * language (ct), with @page A4 rules in the site's stylesheet. The page chrome around it
 * (instructions, back link) is hidden when printing.
 */
export function CertificatePrintPage(p: {
  cert: CertificateRow;
  ct: Translator;
  networkName: Named;
  orgName: Named | undefined;
  townName: Named | undefined;
  projectName: Named | undefined;
  verifyUrl: string;
}) {
  const { i18n } = usePage();
  const ct = p.ct;
  const c = p.cert;
  const english = ct.locale === 'en';
  const name = english && c.name_en ? c.name_en : c.name;
  const course = localized(c, 'title', ct.locale);
  const g = c.gender === 'f' ? 'f' : 'm';
  return (
    <PrintDocument
      title={`${ct.t('programmes.cert.title')} — ${name}`}
      lang={ct}
      back={`/programmes/certificates/${c.id}`}
      hint={i18n.t('programmes.cert.printHint')}
      class="certificate-page"
    >
      <article class="certificate" id="certificate">
        <header class="cert-head">
          <p class="cert-network">{named(ct.locale, p.networkName)}</p>
          {p.projectName ? <p class="cert-project">{named(ct.locale, p.projectName)}</p> : null}
        </header>
        <h1 class="cert-title">{ct.t('programmes.cert.heading')}</h1>
        <p class="cert-line">{ct.t('programmes.cert.certifies', { network: named(ct.locale, p.networkName) })}</p>
        <p class="cert-name">
          <bdi>{name}</bdi>
        </p>
        <p class="cert-line">{ct.t('programmes.cert.completed', { tg: g })}</p>
        <p class="cert-course">{ct.t('programmes.cert.courseQuoted', { course })}</p>
        <p class="cert-line">
          {ct.t('programmes.cert.details', {
            hours: c.hours,
            town: named(ct.locale, p.townName, c.town_pcode),
            from: day(ct, c.start_date),
            to: day(ct, c.end_date),
          })}
        </p>
        <footer class="cert-foot">
          <div>
            <p class="cert-small">{ct.t('programmes.cert.issuedBy')}</p>
            <p>{named(ct.locale, p.orgName)}</p>
          </div>
          <div>
            <p class="cert-small">{ct.t('programmes.cert.issued')}</p>
            <p>{day(ct, c.issued_on)}</p>
          </div>
          <div>
            <p class="cert-small">{ct.t('programmes.cert.code')}</p>
            <p>
              <bdi dir="ltr" class="cert-code">
                {formatCode(c.code)}
              </bdi>
            </p>
          </div>
        </footer>
        <p class="cert-verify">
          {ct.t('programmes.cert.verifyLine')} <bdi dir="ltr">{p.verifyUrl}</bdi>
        </p>
      </article>
    </PrintDocument>
  );
}

export function CertificateLookupPage(p: { code: string; error?: string }) {
  const { t } = usePage().i18n;
  return (
    <TitledLayout title={t('programmes.cert.verifyTitle')}>
      <p>{t('programmes.cert.verifyIntro')}</p>
      <Form method="get" action="/certificates" values={{ code: p.code }} errors={{ code: p.error }}>
        <Field name="code" label={t('programmes.cert.code')} autocomplete="off" />
        <button type="submit">{t('programmes.cert.verify')}</button>
      </Form>
    </TitledLayout>
  );
}

export function CertificateVerifyPage(p: {
  found: { name: string; course: string; date: string } | null;
  code: string;
}) {
  const { t } = usePage().i18n;
  return (
    <Layout title={t('programmes.cert.verifyTitle')} head={<meta name="robots" content="noindex" />}>
      <h1>{t('programmes.cert.verifyTitle')}</h1>
      {p.found ? (
        <section class="verify verify--ok" aria-live="polite">
          <p class="verify-status">{t('programmes.cert.genuine')}</p>
          <dl class="facts">
            <dt>{t('programmes.trainee.name')}</dt>
            <dd>
              <bdi>{p.found.name}</bdi>
            </dd>
            <dt>{t('programmes.cert.course')}</dt>
            <dd>
              <bdi>{p.found.course}</bdi>
            </dd>
            <dt>{t('programmes.cert.issued')}</dt>
            <dd>
              <DayText value={p.found.date} />
            </dd>
          </dl>
          <p class="small">
            <a href={`/certificates/${p.code}/correction`}>{t('programmes.correction.ask')}</a>
          </p>
        </section>
      ) : (
        <section class="verify verify--none">
          <p class="verify-status">{t('programmes.cert.notFound')}</p>
          <p>{t('programmes.cert.notFoundHint')}</p>
        </section>
      )}
      <p>
        <a href="/certificates">{t('programmes.cert.verifyAnother')}</a>
      </p>
    </Layout>
  );
}

/** The holder asks the member that issued the certificate to correct it. */
export function CorrectionPage(p: { code: string; state: FormState | null }) {
  const { t } = usePage().i18n;
  return (
    <Layout title={t('programmes.correction.title')} head={<meta name="robots" content="noindex" />}>
      <h1>{t('programmes.correction.title')}</h1>
      <p>{t('programmes.correction.intro')}</p>
      <Form action={`/certificates/${p.code}/correction`} state={p.state}>
        <Field name="message" label={t('programmes.correction.message')} multiline rows={4} required />
        <p class="small">{t('programmes.correction.privacy')}</p>
        <button type="submit">{t('common.send')}</button>
      </Form>
      <p>
        <a href={`/certificates/${p.code}`}>{t('common.back')}</a>
      </p>
    </Layout>
  );
}
