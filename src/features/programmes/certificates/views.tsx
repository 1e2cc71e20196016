// Certificates: the staff page, the printable A4 certificate (a standalone document; its print
// rules are in programmes.css, merged into the site's stylesheet), and the public verification
// pages.
import type { Translator } from '../../../core/i18n/index.js';
import { localized } from '../../../core/i18n/localized.js';
import { Layout } from '../../../core/views/Layout.js';
import { usePage } from '../../../core/views/context.js';
import { Field, Form, type FormState } from '../../../core/views/forms.js';
import { formatCode } from '../rules.js';
import { day, named, type Named } from '../shared/views.js';
import type { CertificateRow } from './queries.js';

export function CertificateAdminPage(p: { cert: CertificateRow; verifyUrl: string; state: FormState | null }) {
  const { i18n } = usePage();
  const { t } = i18n;
  const c = p.cert;
  return (
    <Layout title={t('programmes.cert.title')}>
      <p class="meta">
        <a href={`/programmes/cohorts/${c.cohort_id}`}>{localized(c, 'title', i18n.locale)}</a>
      </p>
      <h1>
        {t('programmes.cert.title')} — <bdi>{c.name}</bdi>
      </h1>
      {c.revoked_at ? (
        <p class="notice--warn">{t('programmes.cert.revokedOn', { date: i18n.date(c.revoked_at) })}</p>
      ) : null}
      <dl class="facts">
        <dt>{t('programmes.cert.code')}</dt>
        <dd>
          <bdi dir="ltr" class="code">
            {formatCode(c.code)}
          </bdi>
        </dd>
        <dt>{t('programmes.cert.issued')}</dt>
        <dd>{i18n.date(c.issued_at)}</dd>
        <dt>{t('programmes.cert.verifyAt')}</dt>
        <dd>
          <a href={p.verifyUrl}>
            <bdi dir="ltr">{p.verifyUrl}</bdi>
          </a>
        </dd>
      </dl>
      {c.revoked_at ? null : (
        <>
          <p class="actions">
            <a class="button" href={`/programmes/certificates/${c.id}/print`}>
              {t('programmes.cert.printAr')}
            </a>
            {c.name_en ? (
              <a class="button secondary" href={`/programmes/certificates/${c.id}/print?version=en`}>
                {t('programmes.cert.printEn')}
              </a>
            ) : null}
          </p>
          <h2>{t('programmes.cert.englishTitle')}</h2>
          <p class="small">{t('programmes.cert.englishHint')}</p>
          <Form action={`/programmes/certificates/${c.id}/english`} state={p.state} values={c}>
            <Field name="name_en" label={t('programmes.cert.nameEn')} />
            <button type="submit" class="secondary">
              {t('common.save')}
            </button>
          </Form>
          <h2>{t('programmes.cert.revokeTitle')}</h2>
          <Form action={`/programmes/certificates/${c.id}/revoke`} state={p.state}>
            <p class="small">{t('programmes.cert.revokeExplain')}</p>
            <button type="submit" class="danger">
              {t('programmes.cert.revoke')}
            </button>
          </Form>
        </>
      )}
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
  const { i18n, stylesheet } = usePage();
  const ct = p.ct;
  const c = p.cert;
  const english = ct.locale === 'en';
  const name = english && c.name_en ? c.name_en : c.name;
  const course = localized(c, 'title', ct.locale);
  const g = c.gender === 'f' ? 'f' : 'm';
  return (
    <html lang={ct.lang} dir={ct.dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${ct.t('programmes.cert.title')} — ${name}`}</title>
        <link rel="stylesheet" href={stylesheet} />
        <link rel="icon" href="data:," />
      </head>
      <body class="certificate-page">
        <nav class="cert-toolbar no-print" lang={i18n.lang} dir={i18n.dir}>
          <a href={`/programmes/certificates/${c.id}`}>{i18n.t('common.back')}</a>
          <span>{i18n.t('programmes.cert.printHint')}</span>
        </nav>
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
              <p>{ct.date(c.issued_at)}</p>
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
      </body>
    </html>
  );
}

export function CertificateLookupPage(p: { code: string; error?: string }) {
  const { t } = usePage().i18n;
  return (
    <Layout title={t('programmes.cert.verifyTitle')}>
      <h1>{t('programmes.cert.verifyTitle')}</h1>
      <p>{t('programmes.cert.verifyIntro')}</p>
      <Form method="get" action="/certificates" values={{ code: p.code }} errors={{ code: p.error }}>
        <Field name="code" label={t('programmes.cert.code')} autocomplete="off" />
        <button type="submit">{t('programmes.cert.verify')}</button>
      </Form>
    </Layout>
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
            <dd>{p.found.date}</dd>
          </dl>
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
