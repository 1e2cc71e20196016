// Certificates: issued by the cohort's member to those who completed, dated as its staff choose (by
// default the cohort's last day); printed (Arabic, or English when a Latin name was entered);
// revoked (asked twice, with a reason) and reissued with a new code; verified in public by their
// code (name, course and date only; revoked or removed → not found), where the holder may ask
// for a correction. The member's staff are told of revocations, reissues and requests.
import { localized } from '../../../core/i18n/localized.js';
import { form, FormErrors, notFound, page, redirectTo, type AnyCtx } from '../../../core/http/route.js';
import type { FormState } from '../../../core/views/forms.js';
import { getDefaultNetwork } from '../../organizations/queries.js';
import { ownCertificate, ownCohort } from '../permissions.js';
import { getProject } from '../projects/queries.js';
import { normalizeCode } from '../rules.js';
import { certificateNameForm, correctionForm, emptyForm, issueForm, lookupQuery, revokeForm } from '../schemas.js';
import { recordNames } from '../common/queries.js';
import { target, tellStaff } from '../common/routes.js';
import { cohortPage, cohortTarget } from '../training/cohort-routes.js';
import {
  addCorrectionRequest,
  correctionRequests,
  findValidCertificate,
  handleCorrectionRequests,
  issueCertificates,
  reissueCertificate,
  replacedCodes,
  revokeCertificate,
  setCertificateNameEn,
  type CertificateRow,
} from './queries.js';
import {
  CertificateAdminPage,
  CertificateLookupPage,
  CertificatePrintPage,
  CertificateVerifyPage,
  CorrectionPage,
} from './views.js';

const verifyUrl = (c: AnyCtx, code: string) => `${c.wasl.config.baseUrl.replace(/\/$/, '')}/certificates/${code}`;

async function adminPage(c: AnyCtx, cert: CertificateRow, state: FormState | null) {
  const [replaced, requests] = await Promise.all([replacedCodes(c.db, cert.id), correctionRequests(c.db, cert.id)]);
  return (
    <CertificateAdminPage
      cert={cert}
      verifyUrl={verifyUrl(c, cert.code)}
      replaced={replaced}
      requests={requests}
      state={state}
    />
  );
}

/** A certificate that still stands (not revoked), for its member's staff. */
async function validCertificate(c: AnyCtx) {
  const cert = await ownCertificate(c);
  return cert.revoked_at ? notFound() : cert;
}

/** A revoked certificate, for its member's staff (to reissue it). */
async function revokedCertificate(c: AnyCtx) {
  const cert = await ownCertificate(c);
  return cert.revoked_at ? cert : notFound();
}

/** The certificate at a public code, if it stands. */
async function byCode(c: AnyCtx) {
  const code = normalizeCode(c.params.code ?? '');
  return (code && (await findValidCertificate(c.db, code))) || notFound();
}

const certTarget = (cert: CertificateRow) => target('certificate', cert.id, cert.organization_id);

/** The member's staff are told what happened to one of its certificates. */
const tell = (c: AnyCtx, type: `programmes.${string}`, cert: CertificateRow) =>
  tellStaff(c, type, [cert.organization_id], { course: cert.title_ar }, `/programmes/certificates/${cert.id}`);

/** Holders' requests: a few per address an hour, a few per certificate a day. */
async function withinLimits(c: AnyCtx, cert: CertificateRow) {
  const hour = 3_600_000;
  const [ip, one] = await Promise.all([
    c.wasl.limiter.hit(`programmes:correction:ip:${c.ip}`, 5, hour, c.now),
    c.wasl.limiter.hit(`programmes:correction:cert:${cert.id}`, 3, 24 * hour, c.now),
  ]);
  if (!ip.allowed || !one.allowed)
    throw new FormErrors(
      { _form: c.t('programmes.correction.tooMany') },
      { status: 429, headers: { 'retry-after': String(Math.max(ip.retryAfterSeconds, one.retryAfterSeconds)) } },
    );
}

export const certificateRoutes = [
  page('/certificates', {
    access: 'public',
    query: lookupQuery,
    render(c) {
      const raw = c.query.code ?? '';
      if (!raw.trim()) return <CertificateLookupPage code="" />;
      const code = normalizeCode(raw);
      if (code) return c.redirect(`/certificates/${code}`);
      return c.render(<CertificateLookupPage code={raw} error={c.t('programmes.cert.badCode')} />, 400);
    },
  }),

  page('/certificates/:code', {
    access: 'public',
    async render(c) {
      const code = normalizeCode(c.params.code);
      const cert = code ? await findValidCertificate(c.db, code) : null;
      if (!cert) return c.render(<CertificateVerifyPage found={null} code={c.params.code} />, 404);
      if (c.params.code !== code) return redirectTo(c.reply, `/certificates/${code}`, 301);
      const english = c.locale === 'en';
      return (
        <CertificateVerifyPage
          code={cert.code}
          found={{
            name: english && cert.name_en ? cert.name_en : cert.name,
            course: localized(cert, 'title', c.locale),
            date: cert.issued_on,
          }}
        />
      );
    },
  }),

  // The holder asks the member to correct the certificate (a misspelt name, a wrong date).
  form('/certificates/:code/correction', {
    access: 'public',
    get: true,
    load: byCode,
    schema: correctionForm,
    show: (_c, cert, state) => <CorrectionPage code={cert.code} state={state} />,
    check: (c, cert) => withinLimits(c, cert),
    async save(c, cert, data) {
      await addCorrectionRequest(c.db, cert.id, data.message, c.now);
      await tell(c, 'programmes.correctionRequested', cert);
      return { to: `/certificates/${cert.code}`, flash: 'programmes.correction.sent' };
    },
  }),

  form('/programmes/cohorts/:id/certificates', {
    access: 'orgStaff',
    load: ownCohort,
    schema: issueForm,
    show: cohortPage,
    async save(c, cohort, data) {
      const issuedOn = data.issued_on ?? cohort.end_date;
      const count = await issueCertificates(c.db, cohort, issuedOn, c.now);
      await c.audit('programmes.certificates.issued', cohortTarget(cohort, { count, issued_on: issuedOn }));
      return { to: `/programmes/cohorts/${cohort.id}#trainees`, flash: 'programmes.cert.issuedFlash' };
    },
  }),

  page('/programmes/certificates/:id', {
    access: 'orgStaff',
    load: ownCertificate,
    render: (c, cert) => adminPage(c, cert, null),
  }),

  page('/programmes/certificates/:id/print', {
    access: 'orgStaff',
    load: validCertificate,
    async render(c, cert) {
      const version = c.query.version === 'en' ? 'en' : 'ar';
      if (version === 'en' && !cert.name_en) notFound();
      const [network, project, [orgs, towns]] = await Promise.all([
        getDefaultNetwork(c.db),
        getProject(c.db, cert.project_id),
        recordNames(c.db, cert),
      ]);
      return (
        <CertificatePrintPage
          cert={cert}
          ct={c.wasl.i18n.translator(version, { digits: c.i18n.digits })}
          networkName={network ?? { name_ar: '', name_en: '' }}
          orgName={orgs.get(cert.organization_id)}
          townName={towns.get(cert.town_pcode)}
          projectName={project ?? undefined}
          verifyUrl={verifyUrl(c, cert.code)}
        />
      );
    },
  }),

  form('/programmes/certificates/:id/english', {
    access: 'orgStaff',
    load: validCertificate,
    schema: certificateNameForm,
    show: adminPage,
    async save(c, cert, data) {
      await setCertificateNameEn(c.db, cert.id, data.name_en);
      await c.audit('programmes.certificate.edited', certTarget(cert));
      return `/programmes/certificates/${cert.id}`;
    },
  }),

  form('/programmes/certificates/:id/revoke', {
    access: 'orgStaff',
    load: validCertificate,
    schema: revokeForm,
    show: adminPage,
    async save(c, cert, data) {
      await revokeCertificate(c.db, cert.id, data.reason, c.now);
      await c.audit('programmes.certificate.revoked', certTarget(cert));
      await tell(c, 'programmes.certificateRevoked', cert);
      return { to: `/programmes/certificates/${cert.id}`, flash: 'programmes.cert.revokedFlash' };
    },
  }),

  form('/programmes/certificates/:id/reissue', {
    access: 'orgStaff',
    load: revokedCertificate,
    schema: issueForm,
    show: adminPage,
    async save(c, cert, data) {
      await reissueCertificate(c.db, cert, data.issued_on ?? cert.issued_on, c.now);
      await c.audit('programmes.certificate.reissued', certTarget(cert));
      await tell(c, 'programmes.certificateReissued', cert);
      return { to: `/programmes/certificates/${cert.id}`, flash: 'programmes.cert.reissuedFlash' };
    },
  }),

  form('/programmes/certificates/:id/requests', {
    access: 'orgStaff',
    load: ownCertificate,
    schema: emptyForm,
    show: adminPage,
    async save(c, cert) {
      await handleCorrectionRequests(c.db, cert.id, c.user.id, c.now);
      await c.audit('programmes.correction.handled', certTarget(cert));
      return `/programmes/certificates/${cert.id}`;
    },
  }),
];
