// Licensing with local councils: /licensing (a member's own rows, or the network view for
// coordinators), one member × council row at /licensing/:id with documents and the visit log.
import { action, form, FormErrors, notFound, page, type AnyCtx, type Ctx } from '../../../core/http/route.js';
import type { z } from 'zod';
import type { FormState } from '../../../core/views/forms.js';
import { addDays, damascusDay } from '../../../core/time.js';
import { coord, type CoordContext } from '../context.js';
import type { LicenceResource, LicensingResource } from '../permissions.js';
import {
  councilForm,
  emptyForm,
  licenceDocForm,
  licenceDocSubmitForm,
  licenceForm,
  licenceNewForm,
  visitForm,
} from '../schemas.js';
import { resolveTowns } from '../towns.js';
import { activeOrganizations, getActiveOrganization } from '../workspace/queries.js';
import {
  EXPIRY_REMINDER_DAYS,
  getCouncil,
  getLicence,
  listCouncils,
  listLicenceDocuments,
  listNetworkLicences,
  listOwnLicences,
  licensingHistory,
  listVisits,
  plannedVisits,
} from './queries.js';
import {
  addLicenceDocument,
  addVisit,
  createLicence,
  deleteLicenceDocument,
  deleteVisit,
  removeLicensingRecord,
  saveCouncil,
  setDocumentSubmitted,
  updateLicence,
  updateLicenceDocument,
  updateVisit,
} from './actions.js';
import { CouncilEditPage, LicencePage, LicensingPage, VisitEditPage } from './views.js';

const expiring = (expires: string | null, today: string) =>
  expires !== null && expires <= addDays(today, EXPIRY_REMINDER_DAYS);

const licensing = (ctx: CoordContext): LicensingResource => ({ type: 'coord.licensing', networkId: ctx.network.id });

/** People inside the network see licensing (their own rows, or all of them for coordinators). */
async function licensingContext(c: AnyCtx): Promise<CoordContext> {
  const ctx = await coord(c);
  return ctx.can('view', licensing(ctx)) ? ctx : notFound();
}

/** Coordinators, who keep the network's list of councils; anyone else gets a 404. */
async function councilsContext(c: AnyCtx): Promise<CoordContext> {
  const ctx = await licensingContext(c);
  return ctx.can('manageCouncils', licensing(ctx)) ? ctx : notFound();
}

/** A council of this network (not archived), for a coordinator. */
async function councilManager(c: AnyCtx) {
  const ctx = await councilsContext(c);
  return { ctx, council: (await getCouncil(c.db, ctx.network.id, c.id('id'))) ?? notFound() };
}

async function licensingPage(c: AnyCtx, ctx: CoordContext, state: FormState | null = null) {
  const network = ctx.can('viewNetwork', licensing(ctx));
  const today = damascusDay(c.now);
  const [councils, licences, planned, allOrgs] = await Promise.all([
    listCouncils(c.db, ctx.network.id),
    network ? listNetworkLicences(c.db, ctx.network.id) : listOwnLicences(c.db, ctx.orgIds),
    plannedVisits(c.db, network ? { networkId: ctx.network.id } : { orgIds: ctx.orgIds }, today),
    activeOrganizations(c.db, ctx.network.id),
  ]);
  return (
    <LicensingPage
      network={network}
      councils={councils}
      licences={licences.map((l) => ({ ...l, expiringSoon: expiring(l.expires_on, today) }))}
      planned={planned}
      orgs={network ? allOrgs : allOrgs.filter((o) => ctx.orgIds.includes(o.id))}
      canManageCouncils={ctx.can('manageCouncils', licensing(ctx))}
      state={state}
    />
  );
}

/** One licence file, for the organization's staff and the coordinators ('edit': the same people). */
const licence =
  (act: 'view' | 'edit') =>
  async (c: AnyCtx): Promise<LoadedLicence> => {
    const ctx = await coord(c);
    const l = (await getLicence(c.db, c.id('id'))) ?? notFound();
    if (l.network_id !== ctx.network.id) notFound();
    const res: LicenceResource = { type: 'coord.licence', orgId: l.organization_id, networkId: ctx.network.id };
    return ctx.can('view', res) && ctx.can(act, res) ? { ctx, l } : notFound();
  };
type LoadedLicence = { ctx: CoordContext; l: NonNullable<Awaited<ReturnType<typeof getLicence>>> };

async function licencePage(c: AnyCtx, { l }: LoadedLicence, state: FormState | null = null) {
  const today = damascusDay(c.now);
  const [documents, visits] = await Promise.all([
    listLicenceDocuments(c.db, l.id, l.organization_id),
    listVisits(c.db, l.id, l.organization_id),
  ]);
  const row = { ...l, expiringSoon: expiring(l.expires_on, today) };
  const history = await licensingHistory(c.db, 'licence', l.id);
  return <LicencePage l={row} documents={documents} visits={visits} today={today} history={history} state={state} />;
}

const toLicence = ({ l }: LoadedLicence) => `/licensing/${l.id}`;

/** One visit of a licence file, for those who may change the file. */
async function visitOfLicence(c: AnyCtx) {
  const x = await licence('edit')(c);
  const visits = await listVisits(c.db, x.l.id, x.l.organization_id);
  return { ...x, visit: visits.find((v) => v.id === c.id('visit')) ?? notFound() };
}
const access = 'member' as const;

/**
 * A form on a licence file's page that changes the file, for whoever may change it: refused input
 * shows the page again, and it leads back to the page (`flash: null`: without the "saved" note).
 */
function licenceChange<const P extends string, S extends z.ZodObject>(
  path: P,
  schema: S,
  flash: null | undefined,
  change: (c: Ctx<typeof access>, l: LoadedLicence['l'], data: z.infer<S>) => Promise<unknown>,
) {
  return form(path, {
    access,
    load: licence('edit'),
    schema,
    show: licencePage,
    flash,
    async save(c, x, data) {
      await change(c, x.l, data);
      return toLicence(x);
    },
  });
}

export const licensingRoutes = [
  page('/licensing', { access, load: licensingContext, render: (c, ctx) => licensingPage(c, ctx) }),

  form('/licensing/licences', {
    access,
    load: licensingContext,
    schema: licenceNewForm,
    show: licensingPage,
    flash: null,
    async save(c, ctx, data) {
      const org = await getActiveOrganization(c.db, ctx.network.id, data.org_id);
      if (!org || !ctx.can('edit', { type: 'coord.licence', orgId: data.org_id, networkId: ctx.network.id }))
        throw new FormErrors({ org_id: c.t('form.invalidChoice') });
      const council = await getCouncil(c.db, ctx.network.id, data.council_id);
      if (!council) throw new FormErrors({ council_id: c.t('form.invalidChoice') });
      const docs = data.documents
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean)
        .slice(0, 30)
        .map((s) => s.slice(0, 200));
      const id = await createLicence(c.db, org.id, council.id, docs, c.user.id, c.now);
      await c.audit('coordination.licence.created', { targetType: 'licence', targetId: id });
      return `/licensing/${id}`;
    },
  }),

  form('/licensing/councils', {
    access: 'networkEditor',
    load: councilsContext,
    schema: councilForm,
    show: licensingPage,
    flash: null,
    async check(c, _ctx, data) {
      await resolveTowns(c, data, { single: ['town_pcode'] });
    },
    async save(c, ctx, data) {
      const id = await saveCouncil(c.db, ctx.network.id, null, data, c.now);
      await c.audit('coordination.council.created', { targetType: 'council', targetId: id });
      return `/licensing#council-${id}`;
    },
  }),

  // Editing and removing a council (issue 16): coordinators, as adding one; audited the same way.
  form('/licensing/councils/:id/edit', {
    access: 'networkEditor',
    get: true,
    load: councilManager,
    schema: councilForm,
    show: async (c, x, state) => (
      <CouncilEditPage
        council={x.council}
        history={await licensingHistory(c.db, 'council', x.council.id)}
        state={state}
      />
    ),
    async check(c, _x, data) {
      await resolveTowns(c, data, { single: ['town_pcode'] });
    },
    async save(c, { ctx, council }, data) {
      await saveCouncil(c.db, ctx.network.id, council.id, data, c.now);
      await c.audit('coordination.council.updated', { targetType: 'council', targetId: council.id });
      return `/licensing#council-${council.id}`;
    },
  }),

  action('/licensing/councils/:id/delete', {
    access: 'networkEditor',
    load: councilManager,
    schema: emptyForm,
    async run(c, { ctx, council }) {
      const done = await removeLicensingRecord(c.db, 'council', council.id, { network_id: ctx.network.id }, c.now);
      const target = { targetType: 'council', targetId: council.id };
      await c.audit(done === 'archived' ? 'coordination.council.archived' : 'coordination.council.deleted', target);
      return { to: '/licensing', flash: `coordination.record.${done}` };
    },
  }),

  page('/licensing/:id', { access, load: licence('view'), render: (c, x) => licencePage(c, x) }),

  // Removing a licence file: whoever may change it (the organization's staff, coordinators).
  action('/licensing/:id/delete', {
    access,
    load: licence('edit'),
    schema: emptyForm,
    async run(c, { l }) {
      const owner = { organization_id: l.organization_id };
      const done = await removeLicensingRecord(c.db, 'licence', l.id, owner, c.now);
      const target = { targetType: 'licence', targetId: l.id };
      await c.audit(done === 'archived' ? 'coordination.licence.archived' : 'coordination.licence.deleted', target);
      return { to: '/licensing', flash: `coordination.record.${done}` };
    },
  }),

  licenceChange('/licensing/:id', licenceForm, undefined, (c, l, data) =>
    updateLicence(c.db, l.id, l.organization_id, data, c.user.id, c.now, l.expires_on),
  ),
  licenceChange('/licensing/:id/documents', licenceDocForm, null, (c, l, data) =>
    addLicenceDocument(c.db, l.id, l.organization_id, data.name, data.submitted_on),
  ),
  // a document of another file answers 404, as correcting or removing one does
  licenceChange('/licensing/:id/documents/submitted', licenceDocSubmitForm, null, async (c, l, data) => {
    if (!(await setDocumentSubmitted(c.db, l.id, l.organization_id, data.doc_id, data.submitted_on))) notFound();
  }),
  // Correcting a document (its name, the day it was handed in) or taking it off the list.
  licenceChange('/licensing/:id/documents/:doc', licenceDocForm, undefined, async (c, l, data) => {
    if (!(await updateLicenceDocument(c.db, l.id, l.organization_id, c.id('doc'), data))) notFound();
  }),

  action('/licensing/:id/documents/:doc/delete', {
    access,
    load: licence('edit'),
    schema: emptyForm,
    async run(c, x) {
      if (!(await deleteLicenceDocument(c.db, x.l.id, x.l.organization_id, c.id('doc')))) notFound();
      return { to: toLicence(x), flash: 'coordination.record.deleted' };
    },
  }),

  form('/licensing/:id/visits/:visit/edit', {
    access,
    get: true,
    load: visitOfLicence,
    schema: visitForm,
    show: (_c, x, state) => <VisitEditPage licenceId={x.l.id} visit={x.visit} state={state} />,
    async save(c, x, data) {
      await updateVisit(c.db, x.l.id, x.l.organization_id, x.visit.id, data);
      return `${toLicence(x)}#visit-${x.visit.id}`;
    },
  }),

  action('/licensing/:id/visits/:visit/delete', {
    access,
    load: visitOfLicence,
    schema: emptyForm,
    async run(c, x) {
      await deleteVisit(c.db, x.l.id, x.l.organization_id, x.visit.id);
      return { to: toLicence(x), flash: 'coordination.record.deleted' };
    },
  }),

  form('/licensing/:id/visits', {
    access,
    load: licence('edit'),
    schema: visitForm,
    show: licencePage,
    flash: null,
    async save(c, x, data) {
      const id = await addVisit(c.db, x.l.id, x.l.organization_id, data, c.user.id, c.now);
      return `${toLicence(x)}#visit-${id}`;
    },
  }),
];
