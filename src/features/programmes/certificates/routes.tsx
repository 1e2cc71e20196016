// Certificates: issued by the cohort's member to those who completed; its staff print them (Arabic,
// or English when a Latin name was entered) and revoke them; anyone verifies a code in public
// (name, course and date only; revoked or removed → not found).
import { localized } from '../../../core/i18n/localized.js';
import { form, notFound, page, redirectTo, type AnyCtx } from '../../../core/http/route.js';
import type { FormState } from '../../../core/views/forms.js';
import { getDefaultNetwork } from '../../organizations/queries.js';
import { ownCertificate, ownCohort } from '../permissions.js';
import { getProject } from '../projects/queries.js';
import { normalizeCode } from '../rules.js';
import { certificateNameForm, emptyForm, lookupQuery } from '../schemas.js';
import { organizationNames, townNames } from '../shared/queries.js';
import { cohortPage } from '../training/routes.js';
import {
  findValidCertificate,
  issueCertificates,
  revokeCertificate,
  setCertificateNameEn,
  type CertificateRow,
} from './queries.js';
import { CertificateAdminPage, CertificateLookupPage, CertificatePrintPage, CertificateVerifyPage } from './views.js';

const verifyUrl = (c: AnyCtx, code: string) => `${c.wasl.config.baseUrl.replace(/\/$/, '')}/certificates/${code}`;

const adminPage = (c: AnyCtx, cert: CertificateRow, state: FormState | null) => (
  <CertificateAdminPage cert={cert} verifyUrl={verifyUrl(c, cert.code)} state={state} />
);

/** A certificate that still stands (not revoked), for its member's staff. */
async function validCertificate(c: AnyCtx) {
  const cert = await ownCertificate(c);
  return cert.revoked_at ? notFound() : cert;
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
            date: c.i18n.date(cert.issued_at),
          }}
        />
      );
    },
  }),

  form('/programmes/cohorts/:id/certificates', {
    access: 'orgStaff',
    load: ownCohort,
    schema: emptyForm,
    show: (c, cohort, state) => cohortPage(c, cohort, state),
    async save(c, cohort) {
      const count = await issueCertificates(c.db, cohort, c.now);
      await c.audit('programmes.certificates.issued', {
        targetType: 'programme_cohort',
        targetId: cohort.id,
        organizationId: cohort.organization_id,
        details: { count },
      });
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
      const [network, project, orgs, towns] = await Promise.all([
        getDefaultNetwork(c.db),
        getProject(c.db, cert.project_id),
        organizationNames(c.db, [cert.organization_id]),
        townNames(c.db, [cert.town_pcode]),
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
      return `/programmes/certificates/${cert.id}`;
    },
  }),

  form('/programmes/certificates/:id/revoke', {
    access: 'orgStaff',
    load: ownCertificate,
    schema: emptyForm,
    show: adminPage,
    async save(c, cert) {
      await revokeCertificate(c.db, cert.id, c.now);
      await c.audit('programmes.certificate.revoked', {
        targetType: 'programme_certificate',
        targetId: cert.id,
        organizationId: cert.organization_id,
      });
      return { to: `/programmes/certificates/${cert.id}`, flash: 'programmes.cert.revokedFlash' };
    },
  }),
];
