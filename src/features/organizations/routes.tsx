// Organizations: the public list and profiles (other features add sections to a profile), and the
// profile's editing by the organization's admin or the network admin. Staff: staff/routes.tsx.
import { form, FormErrors, notFound, page, type AnyCtx } from '../../core/http/route.js';
import { localized } from '../../core/i18n/localized.js';
import { uploadErrorMessage, type UploadedFile } from '../../core/media/index.js';
import type { FormState } from '../../core/views/forms.js';
import { loadSections } from '../../core/views/sections.js';
import { checkOrganization } from './form.js';
import { asResource, organization } from './permissions.js';
import {
  getDefaultNetwork,
  listOrganizations,
  mediaVariants,
  organizationTowns,
  saveOrganization,
  setOrganizationLogo,
  townsByOrganization,
  type OrganizationRow,
} from './queries.js';
import { organizationForm } from './schemas.js';
import { OrganizationEditPage, OrganizationPage, OrganizationsPage, orgPath } from './views/pages.js';

/** The path as requested, decoded (an Arabic slug arrives percent-encoded). */
function requestedPath(c: AnyCtx): string {
  const path = c.req.url.split('?')[0]!;
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

const profile = page('/organizations/:id', {
  access: 'public',
  load: organization('view'),
  async render(c, org) {
    const canonical = orgPath(org);
    if (requestedPath(c) !== canonical) return c.redirect(canonical, 301);
    const [towns, logo, sections] = await Promise.all([
      organizationTowns(c.db, org.id),
      mediaVariants(c.db, org.logo_media_id),
      loadSections('organization', c.req, String(org.id)),
    ]);
    const res = asResource(org);
    return (
      <OrganizationPage
        org={org}
        towns={towns}
        logoUrl={logo?.['320'] ? `/media/${org.logo_media_id}/${logo['320']}` : null}
        canEdit={c.can('edit', res)}
        canSeeStaff={c.can('viewStaff', res)}
        sections={sections}
      />
    );
  },
});

async function editPage(c: AnyCtx, org: NonNullable<OrganizationRow>, state: FormState | null) {
  const towns = await organizationTowns(c.db, org.id);
  const values = { ...org, towns: towns.map((t) => t.pcode) };
  return (
    <OrganizationEditPage
      action={`/organizations/${org.id}/edit`}
      values={values}
      towns={towns}
      state={state}
      isNew={false}
    />
  );
}

export const organizationRoutes = [
  page('/organizations', {
    access: 'public',
    async render({ db, locale }) {
      const network = (await getDefaultNetwork(db)) ?? notFound();
      const orgs = await listOrganizations(db, network.id);
      const towns = await townsByOrganization(
        db,
        orgs.map((o) => o.id),
      );
      return (
        <OrganizationsPage
          orgs={orgs.map((o) => ({ ...o, towns: towns.get(o.id) ?? [] }))}
          networkName={localized(network, 'name', locale)}
        />
      );
    },
  }),

  // The bare id and any other slug answer 301 to the canonical address.
  profile,
  { ...profile, path: '/organizations/:id/:slug' },

  form('/organizations/:id/edit', {
    access: 'member',
    get: true,
    load: organization('edit'),
    schema: organizationForm,
    show: editPage,
    check: (c, _org, data) => checkOrganization(c, data),
    async save(c, org, data) {
      const logo = data.logo as UploadedFile | null | undefined;
      let logoId: string | null = null;
      if (logo && logo.data) {
        const saved = await c.wasl.media.save(
          c.db,
          logo,
          { userId: c.user.id, organizationId: org.id, isPublic: true, imagesOnly: true },
          c.now,
        );
        if (!saved.ok) throw new FormErrors({ logo: uploadErrorMessage(c.i18n, saved.error) });
        logoId = saved.media.id;
      }
      await saveOrganization(c.db, org.id, org.network_id, data, c.now);
      if (logoId) await setOrganizationLogo(c.db, org.id, logoId);
      await c.audit('organization.edited', { targetType: 'organization', targetId: org.id, organizationId: org.id });
      return orgPath({ id: org.id, name_ar: data.name_ar, name_en: data.name_en });
    },
  }),
];
