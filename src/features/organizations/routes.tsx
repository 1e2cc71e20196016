// Organizations: the public list and profiles (other features add sections to a profile), and the
// profile's editing by the organization's admin or the network admin. Staff: staff/routes.tsx.
import { endpoint, form, FormErrors, notFound, page, redirectTo } from '../../core/http/route.js';
import { localized } from '../../core/i18n/localized.js';
import { uploadErrorMessage, type UploadedFile } from '../../core/media/index.js';
import { loadSections } from '../../core/views/sections.js';
import { asResource, organization } from './permissions.js';
import {
  existingTownCodes,
  getDefaultNetwork,
  listOrganizations,
  mediaVariants,
  organizationTowns,
  saveOrganization,
  setOrganizationLogo,
  townsByOrganization,
} from './queries.js';
import { organizationForm } from './schemas.js';
import { OrganizationEditPage, OrganizationPage, OrganizationsPage, orgPath } from './views/pages.js';

// An endpoint rather than page(): page() renders again after a returned redirect (see the accounts
// feature's kit.ts).
const profile = endpoint('GET', '/organizations/:id', {
  access: 'public',
  load: organization('view'),
  async handle(c, org) {
    const canonical = orgPath(org);
    if (c.req.url.split('?')[0] !== canonical) return redirectTo(c.reply, canonical, 301);
    const [towns, logo, sections] = await Promise.all([
      organizationTowns(c.db, org.id),
      mediaVariants(c.db, org.logo_media_id),
      loadSections('organization', c.req, String(org.id)),
    ]);
    const res = asResource(org);
    return c.render(
      <OrganizationPage
        org={org}
        towns={towns}
        logoUrl={logo?.['320'] ? `/media/${org.logo_media_id}/${logo['320']}` : null}
        canEdit={c.can('edit', res)}
        canSeeStaff={c.can('viewStaff', res)}
        sections={sections}
      />,
    );
  },
});

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
    async show(c, org, state) {
      const towns = state ? [] : await organizationTowns(c.db, org.id);
      const values = { ...org, towns: towns.map((t) => t.pcode).join(', ') };
      return (
        <OrganizationEditPage action={`/organizations/${org.id}/edit`} values={values} state={state} isNew={false} />
      );
    },
    async check(c, _org, data) {
      const known = await existingTownCodes(c.db, data.towns);
      const unknown = data.towns.filter((p) => !known.has(p));
      if (unknown.length) return { towns: c.t('organizations.form.unknownTowns', { codes: unknown.join(', ') }) };
    },
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
      return orgPath({ id: org.id, name_en: data.name_en });
    },
  }),
];
