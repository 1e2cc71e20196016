// An organization's staff manage their own services in the directory: the list (with what needs
// confirming and the feedback let through), a service's form, its hours, "confirm details", and
// the places services are given at. Anything of another organization is a 404.
import { z } from 'zod';
import { action, form, notFound, page, type AnyCtx } from '../../../core/http/route.js';
import { localized } from '../../../core/i18n/localized.js';
import { getTown } from '../../../core/towns/queries.js';
import { getOrganization } from '../../organizations/queries.js';
import { approvedFeedbackForOrganization } from '../feedback/queries.js';
import { managedLocation, managedService, memberOrg, type ManagedService } from '../permissions.js';
import {
  getService,
  isPublic,
  isStale,
  organizationServiceRows,
  servicePath,
  svcOrganizationForMember,
  verifiedAt,
} from '../queries.js';
import { deleteForm, hoursForm, locationForm, serviceForm } from '../schemas.js';
import {
  addHours,
  confirmService,
  ensureMemberOrganization,
  removeHours,
  saveLocation,
  saveService,
} from './actions.js';
import { organizationLocations, serviceFormValues, serviceHours, unknownTowns } from './queries.js';
import { HoursPage } from './views/hours.js';
import { LocationFormPage, ServiceFormPage } from './views/forms.js';
import { ManagePage } from './views/manage.js';

const access = 'orgStaff' as const;

/** The places the organization's services may be given at (none before its first place). */
async function placesOf(c: AnyCtx, memberOrgId: number) {
  const svcOrg = await svcOrganizationForMember(c.db, memberOrgId);
  return svcOrg ? organizationLocations(c.db, svcOrg.id) : [];
}

async function areaErrors(c: AnyCtx, area: string[]) {
  const bad = await unknownTowns(c.db, area);
  if (bad.length) return { area: c.t('services.form.unknownTowns', { codes: bad.join(', ') }) };
}

async function townErrors(c: AnyCtx, town: string) {
  if (!(await getTown(c.db, town))) return { town: c.t('services.form.unknownTowns', { codes: town }) };
}

/** Audits a change to a service by its organization's staff. */
const audited = (c: AnyCtx, what: string, m: ManagedService) =>
  c.audit(`services.${what}`, { targetType: 'service', targetId: m.service.id, organizationId: m.org.member_org_id });

export const manageRoutes = [
  page('/services/manage', {
    access,
    load: memberOrg,
    async render(c, orgId) {
      const svcOrg = await svcOrganizationForMember(c.db, orgId);
      const orgs = await Promise.all(
        [...c.actor.orgRoles.keys()]
          .sort((a, b) => a - b)
          .map(async (id) => {
            const o = await getOrganization(c.db, id);
            return { id, name: o ? localized(o, 'name', c.locale) : String(id) };
          }),
      );
      const [services, locations, feedback] = svcOrg
        ? await Promise.all([
            organizationServiceRows(c.db, svcOrg.id),
            organizationLocations(c.db, svcOrg.id),
            approvedFeedbackForOrganization(c.db, svcOrg.id),
          ])
        : [[], [], []];
      return (
        <ManagePage
          orgs={orgs}
          orgId={orgId}
          services={services.map((s) => ({
            id: s.id,
            href: servicePath(s),
            name_ar: s.name_ar,
            name_en: s.name_en,
            status: s.status,
            verifiedAt: verifiedAt(s),
            stale: isStale(s, c.now),
          }))}
          locations={locations}
          feedback={feedback}
        />
      );
    },
  }),

  // The directory's record of the organization is made only once the form is valid: a refused
  // form writes nothing.
  form('/services/new', {
    access,
    get: true,
    load: async (c) => {
      const orgId = memberOrg(c);
      return { orgId, locations: await placesOf(c, orgId) };
    },
    schema: serviceForm,
    show: (_c, { orgId, locations }, state) => (
      <ServiceFormPage
        action={`/services/new?org=${orgId}`}
        isNew
        values={{ status: 'active', cost: 'free', languages: ['ar'] }}
        state={state}
        locations={locations}
      />
    ),
    check: (c, _l, data) => areaErrors(c, data.area),
    async save(c, { orgId }, data) {
      const svcOrgId = await ensureMemberOrganization(c.db, orgId, c.now);
      const id = await saveService(c.db, { id: null, organizationId: svcOrgId, input: data, now: c.now });
      await c.audit('services.service.created', { targetType: 'service', targetId: id, organizationId: orgId });
      return `/services/${id}/hours`;
    },
  }),

  form('/services/:id/edit', {
    access,
    get: true,
    load: managedService,
    schema: serviceForm,
    show: async (c, m, state) => (
      <ServiceFormPage
        action={`/services/${m.service.id}/edit`}
        isNew={false}
        values={state ? {} : await serviceFormValues(c.db, m.service)}
        state={state}
        locations={await organizationLocations(c.db, m.org.id)}
      />
    ),
    check: (c, _m, data) => areaErrors(c, data.area),
    async save(c, m, data) {
      await saveService(c.db, { id: m.service.id, organizationId: m.org.id, input: data, now: c.now });
      await audited(c, 'service.edited', m);
      const fresh = (await getService(c.db, m.service.id))!;
      return isPublic(fresh) ? servicePath(fresh) : '/services/manage';
    },
  }),

  action('/services/:id/confirm', {
    access,
    load: managedService,
    schema: z.object({}),
    async run(c, m) {
      await confirmService(c.db, m.service.id, c.now, c.user.email);
      await audited(c, 'service.confirmed', m);
      return { to: `/services/manage?org=${m.org.member_org_id}`, flash: 'services.manage.confirmedFlash' };
    },
  }),

  form('/services/:id/hours', {
    access,
    get: true,
    load: async (c) => {
      const m = await managedService(c);
      return { ...m, hours: await serviceHours(c.db, m.service) };
    },
    schema: hoursForm,
    show: (c, m, state) => <HoursPage {...m.hours} state={state} now={c.now} />,
    check(c, m, data) {
      if (data.place && !m.hours.places.some((p) => p.salId === data.place))
        return { place: c.t('form.invalidChoice') };
    },
    async save(c, m, data) {
      await addHours(c.db, { serviceId: m.service.id, salId: data.place, input: data, now: c.now });
      await audited(c, 'hours.added', m);
      return `/services/${m.service.id}/hours`;
    },
  }),

  action('/services/:id/hours/delete', {
    access,
    load: managedService,
    schema: deleteForm,
    async run(c, m, data) {
      if (!(await removeHours(c.db, m.service.id, data.id.toLowerCase(), c.now))) notFound();
      return { to: `/services/${m.service.id}/hours`, flash: 'common.deleted' };
    },
  }),

  form('/services/locations/new', {
    access,
    get: true,
    load: memberOrg,
    schema: locationForm,
    show: (_c, orgId, state) => (
      <LocationFormPage action={`/services/locations/new?org=${orgId}`} isNew values={{}} state={state} />
    ),
    check: (c, _o, data) => townErrors(c, data.town),
    async save(c, orgId, data) {
      const svcOrgId = await ensureMemberOrganization(c.db, orgId, c.now);
      await saveLocation(c.db, { id: null, organizationId: svcOrgId, input: data, now: c.now });
      return `/services/manage?org=${orgId}`;
    },
  }),

  form('/services/locations/:id/edit', {
    access,
    get: true,
    load: managedLocation,
    schema: locationForm,
    show: (_c, { loc }, state) => (
      <LocationFormPage
        action={`/services/locations/${loc.id}/edit`}
        isNew={false}
        values={{ ...loc, town: loc.town_pcode }}
        state={state}
      />
    ),
    check: (c, _m, data) => townErrors(c, data.town),
    async save(c, { loc, org }, data) {
      await saveLocation(c.db, { id: loc.id, organizationId: org.id, input: data, now: c.now });
      return `/services/manage?org=${org.member_org_id}`;
    },
  }),
];
