// Services directory: public search and pages, the map and leaflets, feedback; organizations'
// staff manage their services, places and hours; moderators moderate feedback; network
// coordinators see coverage; network admins import and export HSDS. The HSDS API is in api.ts.
// See README.md for URLs and permissions.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { strFromU8, unzipSync, zipSync, strToU8 } from 'fflate';
import { audit } from '../../core/audit/index.js';
import { authorize } from '../../core/auth/authorize.js';
import { parseForm, seeOther } from '../../core/http/forms.js';
import { renderPage } from '../../core/http/render.js';
import { registerSection } from '../../core/views/sections.js';
import { findTowns, getTown } from '../../core/towns/queries.js';
import { normalizeArabic } from '../../core/text/normalize.js';
import { getDefaultNetwork, getOrganization } from '../organizations/queries.js';
import { locationResource, serviceResource } from './permissions.js';
import {
  addHours,
  confirmService,
  ensureMemberOrganization,
  moderateFeedback,
  removeHours,
  resolveReport,
  saveLocation,
  saveService,
  submitFeedback,
} from './actions.js';
import {
  PAGE_SIZE,
  approvedFeedbackForOrganization,
  coverage,
  getLocation,
  getService,
  getServiceOrganization,
  indexServices,
  isStale,
  organizationLocations,
  organizationServiceRows,
  pendingFeedback,
  rulesForPlace,
  schedulesFor,
  searchServices,
  serviceCards,
  serviceDetail,
  servicePath,
  servicePlaces,
  serviceTags,
  svcOrganizationForMember,
  townServiceCards,
} from './queries.js';
import {
  deleteForm,
  feedbackForm,
  hoursForm,
  locationForm,
  moderateForm,
  reportForm,
  resolveForm,
  searchQuery,
  serviceForm,
} from './schemas.js';
import { hsdsApiRoutes } from './api.js';
import { exportAllServices } from './hsds/export.js';
import { collectJson, importCollected, type ImportResult } from './hsds/import.js';
import { collectTabular, exportTabular } from './hsds/tabular.js';
import { MAP_PROJECTION } from './map/districts.generated.js';
import { setServicesStylesheet } from './views/components.js';
import {
  LeafletPage,
  MapPage,
  OrganizationSection,
  SearchPage,
  ServicePage,
  TownSection,
  TownServicesPage,
  type ServicePageProps,
} from './views/public.js';
import { HoursPage, LocationFormPage, ManagePage, ServiceFormPage } from './views/manage.js';
import { CoveragePage, ImportExportPage, ModerationPage } from './views/admin.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const css = fs.readFileSync(path.join(here, 'assets', 'services.css'), 'utf8');
const cssHash = crypto.createHash('sha256').update(css).digest('hex').slice(0, 10);
const CSS_HREF = `/services/assets/services.${cssHash}.css`;
setServicesStylesheet(CSS_HREF);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HOUR_MS = 3_600_000;

type IdParams = { Params: { id: string } };

export const servicesRoutes: FastifyPluginAsync = async (app) => {
  const { db, dialect } = app.wasl;

  await app.register(hsdsApiRoutes);

  app.get(CSS_HREF, { config: { access: 'public' } }, async (_req, reply) =>
    reply.header('cache-control', 'public, max-age=31536000, immutable').type('text/css; charset=utf-8').send(css),
  );

  // ——— helpers ———

  /** Towns that have services, for the town field's suggestions and the map. */
  async function townsWithServices() {
    const rows = await db
      .selectFrom('svc_locations as l')
      .innerJoin('svc_service_at_locations as sal', 'sal.location_id', 'l.id')
      .innerJoin('svc_services as s', 's.id', 'sal.service_id')
      .select(['l.town_pcode as pcode', 's.id'])
      .where('l.town_pcode', 'is not', null)
      .where('s.status', 'in', ['active', 'temporarily closed'])
      .unionAll(
        db
          .selectFrom('svc_service_areas as a')
          .innerJoin('svc_services as s', 's.id', 'a.service_id')
          .select(['a.town_pcode as pcode', 's.id'])
          .where('a.town_pcode', 'is not', null)
          .where('s.status', 'in', ['active', 'temporarily closed']),
      )
      .execute();
    const counts = new Map<string, Set<string>>();
    for (const r of rows) {
      if (!r.pcode) continue;
      counts.set(r.pcode, (counts.get(r.pcode) ?? new Set()).add(r.id));
    }
    if (!counts.size) return [];
    const towns = await db
      .selectFrom('towns')
      .select(['pcode', 'name_ar', 'name_en', 'lat', 'lon'])
      .where('pcode', 'in', [...counts.keys()])
      .execute();
    return towns.map((t) => ({ ...t, count: counts.get(t.pcode)!.size }));
  }

  /** Names of the towns where services are, for the town field's suggestions (cheap: distinct P-codes). */
  async function suggestedTowns() {
    const rows = await db
      .selectFrom('svc_locations')
      .select('town_pcode as pcode')
      .where('town_pcode', 'is not', null)
      .union(db.selectFrom('svc_service_areas').select('town_pcode as pcode').where('town_pcode', 'is not', null))
      .execute();
    const pcodes = rows.map((r) => r.pcode!).filter(Boolean);
    if (!pcodes.length) return [];
    const out = [];
    for (let i = 0; i < pcodes.length; i += 400)
      out.push(
        ...(await db
          .selectFrom('towns')
          .select(['pcode', 'name_ar', 'name_en'])
          .where('pcode', 'in', pcodes.slice(i, i + 400))
          .execute()),
      );
    return out;
  }

  async function resolveTown(text: string | undefined, known: { pcode: string; name_ar: string; name_en: string }[]) {
    if (!text) return { pcode: undefined, notFound: false };
    if (/^c\d{4,6}$/i.test(text)) return { pcode: text.toUpperCase(), notFound: false };
    const n = normalizeArabic(text);
    const exact = known.find((k) => normalizeArabic(k.name_ar) === n || normalizeArabic(k.name_en) === n);
    if (exact) return { pcode: exact.pcode, notFound: false };
    const found = await findTowns(db, text, { limit: 5, adm1: 'SY02' });
    return found[0] ? { pcode: found[0].pcode, notFound: false } : { pcode: undefined, notFound: true };
  }

  async function loadManaged(req: FastifyRequest, id: string) {
    const service = await getService(db, id);
    if (!service) return null;
    const org = await getServiceOrganization(db, service.organization_id);
    if (!org || !authorize(req.actor, 'manage', serviceResource(org.member_org_id))) return null;
    return { service, org };
  }

  /** The member organization a staff page is about: ?org= if the person works there, else their first. */
  function pickOrg(req: FastifyRequest): number | null {
    const q = (req.query ?? {}) as Record<string, unknown>;
    const mine = [...req.actor.orgRoles.keys()].sort((a, b) => a - b);
    if (q.org !== undefined) {
      const n = Number(q.org);
      return mine.includes(n) ? n : null;
    }
    return mine[0] ?? null;
  }

  // ——— public: search ———

  app.get('/services', { config: { access: 'public' } }, async (req, reply) => {
    const query = searchQuery.parse(req.query ?? {});
    const known = await suggestedTowns();
    const town = await resolveTown(query.town, known);
    const result = await searchServices(
      db,
      dialect,
      {
        q: query.q,
        town: town.pcode,
        category: query.category,
        group: query.group,
        openNow: query.open_now,
        free: query.free,
        page: query.page,
      },
      req.now,
    );
    const pageCount = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
    const hrefFor = (page: number) => {
      const u = new URLSearchParams();
      if (query.q) u.set('q', query.q);
      if (query.town) u.set('town', query.town);
      if (query.category) u.set('category', query.category);
      if (query.group) u.set('group', query.group);
      if (query.open_now) u.set('open_now', '1');
      if (query.free) u.set('free', '1');
      if (page > 1) u.set('page', String(page));
      const s = u.toString();
      return s ? `/services?${s}` : '/services';
    };
    const L = req.i18n.locale;
    return renderPage(
      req,
      reply,
      <SearchPage
        values={query}
        townOptions={known
          .map((k) => ({ pcode: k.pcode, name: L === 'ar' ? k.name_ar : k.name_en }))
          .sort((a, b) => a.name.localeCompare(b.name, L))}
        items={result.items}
        total={result.total}
        page={query.page}
        pageCount={pageCount}
        hrefFor={hrefFor}
        town={result.town}
        townNotFound={town.notFound}
        nearbyCount={result.nearby.length}
        now={req.now}
      />,
    );
  });

  app.get('/services/map', { config: { access: 'public' } }, async (req, reply) => {
    const towns = await townsWithServices();
    const { minLon, maxLat, kx, scale } = MAP_PROJECTION;
    const L = req.i18n.locale;
    const points = towns
      .filter((t) => t.lat !== null && t.lon !== null)
      .map((t) => ({
        pcode: t.pcode,
        name: L === 'ar' ? t.name_ar : t.name_en,
        x: Math.round((t.lon! - minLon) * kx * scale * 10) / 10,
        y: Math.round((maxLat - t.lat!) * scale * 10) / 10,
        count: t.count,
      }));
    return renderPage(req, reply, <MapPage towns={points} />);
  });

  // ——— public: a service ———

  async function servicePageProps(
    req: FastifyRequest,
    service: NonNullable<Awaited<ReturnType<typeof getService>>>,
  ): Promise<ServicePageProps> {
    const org = await getServiceOrganization(db, service.organization_id);
    const d = await serviceDetail(db, service, req.now);
    return {
      service: service as unknown as ServicePageProps['service'],
      card: d.card,
      org: org ? { name_ar: org.name_ar, name_en: org.name_en, memberOrgId: org.member_org_id } : null,
      placeHours: d.placeHours,
      places: d.places,
      phones: d.phones,
      languages: d.languages,
      documents: d.documents,
      costs: d.costs,
      areas: d.areas,
      canManage: !!org && authorize(req.actor, 'manage', serviceResource(org.member_org_id)),
      now: req.now,
    };
  }

  async function publicService(id: string) {
    const s = await getService(db, id);
    return s && (s.status === 'active' || s.status === 'temporarily closed') ? s : null;
  }

  app.get<IdParams>('/services/:id', { config: { access: 'public' } }, async (req, reply) => {
    const s = await publicService(req.params.id);
    if (!s) return reply.callNotFound();
    return reply.redirect(servicePath(s), 301);
  });

  app.get<{ Params: { id: string; slug: string } }>(
    '/services/:id/:slug',
    { config: { access: 'public' } },
    async (req, reply) => {
      const s = await publicService(req.params.id);
      if (!s) return reply.callNotFound();
      const canonical = servicePath(s);
      if (decodeURIComponent(req.url.split('?')[0]!) !== decodeURIComponent(canonical))
        return reply.redirect(canonical, 301);
      return renderPage(req, reply, <ServicePage {...await servicePageProps(req, s)} />);
    },
  );

  /** Counts feedback per visitor without storing who: a daily hash of the address, never the address. */
  async function withinFeedbackLimit(req: FastifyRequest, serviceId: string) {
    const day = req.now.toISOString().slice(0, 10);
    const key = crypto.createHash('sha256').update(`${req.ip}|${day}|svc-feedback`).digest('hex').slice(0, 32);
    const perVisitor = await app.wasl.limiter.hit(`svcfb:${key}`, 10, 24 * HOUR_MS, req.now);
    const perService = await app.wasl.limiter.hit(`svcfb-s:${serviceId}`, 200, 24 * HOUR_MS, req.now);
    return perVisitor.allowed && perService.allowed;
  }

  app.post<IdParams>('/services/:id/feedback', { config: { access: 'public' } }, async (req, reply) => {
    const s = await publicService(req.params.id);
    if (!s) return reply.callNotFound();
    const form = parseForm(feedbackForm, req.body, req.i18n);
    const values = form.raw;
    let errors: Record<string, string> | null = form.ok ? null : form.errors;
    if (form.ok && !form.data.got_service && form.data.rating === null && !form.data.comment)
      errors = { _form: req.i18n.t('services.feedback.empty') };
    if (errors) {
      const props = await servicePageProps(req, s);
      return renderPage(req, reply, <ServicePage {...props} feedback={{ values, errors }} />, 400);
    }
    if (form.ok && form.data.website) return seeOther(reply, `${servicePath(s)}#feedback`);
    if (!(await withinFeedbackLimit(req, s.id))) {
      const props = await servicePageProps(req, s);
      return renderPage(
        req,
        reply,
        <ServicePage {...props} feedback={{ values, errors: { _form: req.i18n.t('services.feedback.tooMany') } }} />,
        429,
      );
    }
    const d = form.ok ? form.data : null;
    await submitFeedback(
      db,
      s.id,
      { kind: 'feedback', got_service: d!.got_service ?? null, rating: d!.rating, comment: d!.comment },
      req.now,
    );
    reply.flashNext('services.feedback.thanks');
    return seeOther(reply, `${servicePath(s)}#feedback`);
  });

  app.post<IdParams>('/services/:id/report', { config: { access: 'public' } }, async (req, reply) => {
    const s = await publicService(req.params.id);
    if (!s) return reply.callNotFound();
    const form = parseForm(reportForm, req.body, req.i18n);
    if (!form.ok) {
      const props = await servicePageProps(req, s);
      return renderPage(req, reply, <ServicePage {...props} report={{ values: form.raw, errors: form.errors }} />, 400);
    }
    if (form.data.website) return seeOther(reply, `${servicePath(s)}#feedback`);
    if (!(await withinFeedbackLimit(req, s.id))) {
      const props = await servicePageProps(req, s);
      return renderPage(
        req,
        reply,
        <ServicePage
          {...props}
          report={{ values: form.raw, errors: { _form: req.i18n.t('services.feedback.tooMany') } }}
        />,
        429,
      );
    }
    await submitFeedback(
      db,
      s.id,
      { kind: 'report', wrong_field: form.data.wrong_field, comment: form.data.comment },
      req.now,
    );
    reply.flashNext('services.report.thanks');
    return seeOther(reply, `${servicePath(s)}#feedback`);
  });

  // ——— public: a town ———

  async function loadTown(req: FastifyRequest<{ Params: { pcode: string } }>, reply: FastifyReply, suffix: string) {
    const pcode = req.params.pcode.toUpperCase();
    if (!/^C\d{4,6}$/.test(pcode)) return null;
    const town = await getTown(db, pcode);
    if (!town) return null;
    if (req.params.pcode !== pcode) {
      reply.redirect(`/towns/${pcode}${suffix}`, 301);
      return 'redirected' as const;
    }
    return town;
  }

  app.get<{ Params: { pcode: string } }>(
    '/towns/:pcode/services',
    { config: { access: 'public' } },
    async (req, reply) => {
      const town = await loadTown(req, reply, '/services');
      if (town === 'redirected') return reply;
      if (!town) return reply.callNotFound();
      const cards = await townServiceCards(db, town.pcode, req.now);
      return renderPage(req, reply, <TownServicesPage town={town} cards={cards} now={req.now} townOptions={[]} />);
    },
  );

  app.get<{ Params: { pcode: string } }>(
    '/towns/:pcode/services/leaflet',
    { config: { access: 'public' } },
    async (req, reply) => {
      const town = await loadTown(req, reply, '/services/leaflet');
      if (town === 'redirected') return reply;
      if (!town) return reply.callNotFound();
      const cards = await townServiceCards(db, town.pcode, req.now);
      return renderPage(req, reply, <LeafletPage town={town} cards={cards} now={req.now} />);
    },
  );

  registerSection({
    slot: 'town',
    order: 30,
    load: async (req, pcode) => {
      const cards = await townServiceCards(req.server.wasl.db, pcode, req.now);
      return <TownSection pcode={pcode} cards={cards} now={req.now} />;
    },
  });

  registerSection({
    slot: 'organization',
    order: 30,
    load: async (req, key) => {
      const svcOrg = await svcOrganizationForMember(req.server.wasl.db, Number(key));
      if (!svcOrg) return null;
      const rows = (await organizationServiceRows(req.server.wasl.db, svcOrg.id)).filter(
        (s) => s.status === 'active' || s.status === 'temporarily closed',
      );
      const cards = await serviceCards(req.server.wasl.db, rows, req.now);
      return <OrganizationSection cards={cards} now={req.now} />;
    },
  });

  // ——— organization staff ———

  app.get('/services/manage', { config: { access: 'orgStaff' } }, async (req, reply) => {
    const orgId = pickOrg(req);
    if (orgId === null) return reply.callNotFound();
    const svcOrg = await svcOrganizationForMember(db, orgId);
    const orgs = await Promise.all(
      [...req.actor.orgRoles.keys()]
        .sort((a, b) => a - b)
        .map(async (id) => {
          const o = await getOrganization(db, id);
          return { id, name: o ? (req.i18n.locale === 'ar' ? o.name_ar : o.name_en) : String(id) };
        }),
    );
    const services = svcOrg ? await organizationServiceRows(db, svcOrg.id) : [];
    const locations = svcOrg ? await organizationLocations(db, svcOrg.id) : [];
    const feedback = svcOrg ? await approvedFeedbackForOrganization(db, svcOrg.id) : [];
    return renderPage(
      req,
      reply,
      <ManagePage
        orgs={orgs}
        orgId={orgId}
        services={services.map((s) => ({
          id: s.id,
          href: servicePath(s),
          name_ar: s.name_ar,
          name_en: s.name_en,
          status: s.status,
          verifiedAt: s.verified_at ?? (s.assured_date ? `${s.assured_date}T00:00:00.000Z` : null),
          stale: isStale(s, req.now),
        }))}
        locations={locations}
        feedback={feedback}
      />,
    );
  });

  app.post('/services/manage/reports/resolve', { config: { access: 'orgStaff' } }, async (req, reply) => {
    const orgId = pickOrg(req);
    if (orgId === null) return reply.callNotFound();
    const svcOrg = await svcOrganizationForMember(db, orgId);
    const form = parseForm(resolveForm, req.body, req.i18n);
    if (!svcOrg || !form.ok) return reply.callNotFound();
    if (!(await resolveReport(db, form.data.id, svcOrg.id, req.now))) return reply.callNotFound();
    return seeOther(reply, `/services/manage?org=${orgId}`);
  });

  async function serviceFormValues(serviceId: string) {
    const s = (await getService(db, serviceId))!;
    const [tags, langs, docs, phone, cost, sals, areas] = await Promise.all([
      serviceTags(db, [serviceId]),
      db
        .selectFrom('svc_languages')
        .select('code')
        .where('service_id', '=', serviceId)
        .where('phone_id', 'is', null)
        .execute(),
      db.selectFrom('svc_required_documents').selectAll().where('service_id', '=', serviceId).orderBy('id').execute(),
      db
        .selectFrom('svc_phones')
        .select('number')
        .where('service_id', '=', serviceId)
        .where('service_at_location_id', 'is', null)
        .where('location_id', 'is', null)
        .orderBy('id')
        .executeTakeFirst(),
      db
        .selectFrom('svc_cost_options')
        .selectAll()
        .where('service_id', '=', serviceId)
        .orderBy('id')
        .executeTakeFirst(),
      db.selectFrom('svc_service_at_locations').select('location_id').where('service_id', '=', serviceId).execute(),
      db.selectFrom('svc_service_areas').select('town_pcode').where('service_id', '=', serviceId).execute(),
    ]);
    const t = tags.get(serviceId)!;
    return {
      name_ar: s.name_ar,
      name_en: s.name_en,
      description_ar: s.description_ar,
      description_en: s.description_en,
      eligibility_ar: s.eligibility_description_ar,
      eligibility_en: s.eligibility_description_en,
      application_ar: s.application_process_ar,
      application_en: s.application_process_en,
      alert_ar: s.alert_ar,
      alert_en: s.alert_en,
      status: s.status,
      categories: t.categories,
      groups: t.groups,
      languages: langs.map((l) => l.code).filter(Boolean),
      cost: s.is_free ? 'free' : 'fee',
      fee_amount: cost && cost.amount ? cost.amount : '',
      fee_currency: cost?.currency ?? 'SYP',
      fees_ar: s.fees_description_ar,
      fees_en: s.fees_description_en,
      documents_ar: docs.map((d) => d.document_ar ?? '').join('\n'),
      documents_en: docs.map((d) => d.document_en ?? '').join('\n'),
      phone: phone?.number ?? '',
      email: s.email,
      url: s.url,
      min_age: s.minimum_age ?? '',
      max_age: s.maximum_age ?? '',
      locations: sals.map((x) => x.location_id),
      area: areas.map((a) => a.town_pcode).filter(Boolean),
    };
  }

  async function unknownTowns(pcodes: string[]): Promise<string[]> {
    if (!pcodes.length) return [];
    const rows = await db.selectFrom('towns').select('pcode').where('pcode', 'in', pcodes).execute();
    const known = new Set(rows.map((r) => r.pcode));
    return pcodes.filter((p) => !known.has(p));
  }

  app.get('/services/new', { config: { access: 'orgStaff' } }, async (req, reply) => {
    const orgId = pickOrg(req);
    if (orgId === null) return reply.callNotFound();
    const svcOrg = await svcOrganizationForMember(db, orgId);
    const locations = svcOrg ? await organizationLocations(db, svcOrg.id) : [];
    return renderPage(
      req,
      reply,
      <ServiceFormPage
        action={`/services/new?org=${orgId}`}
        isNew
        values={{ status: 'active', cost: 'free', languages: ['ar'] }}
        locations={locations}
      />,
    );
  });

  app.post('/services/new', { config: { access: 'orgStaff' } }, async (req, reply) => {
    const orgId = pickOrg(req);
    if (orgId === null) return reply.callNotFound();
    // The directory's record of the organization is made only once the form is valid: a refused
    // form writes nothing.
    const existing = await db
      .selectFrom('svc_organizations')
      .select('id')
      .where('member_org_id', '=', orgId)
      .executeTakeFirst();
    const locations = existing ? await organizationLocations(db, existing.id) : [];
    const action = `/services/new?org=${orgId}`;
    const form = parseForm(serviceForm, req.body, req.i18n);
    const bad = form.ok ? await unknownTowns(form.data.area) : [];
    if (!form.ok || bad.length) {
      const errors = form.ok
        ? { area: req.i18n.t('services.form.unknownTowns', { codes: bad.join(', ') }) }
        : form.errors;
      return renderPage(
        req,
        reply,
        <ServiceFormPage action={action} isNew values={form.raw} errors={errors} locations={locations} />,
        400,
      );
    }
    const svcOrgId = await ensureMemberOrganization(db, orgId, req.now);
    const id = await saveService(db, { id: null, organizationId: svcOrgId, input: form.data, now: req.now });
    await audit(db, req.now, {
      actorUserId: req.actor.user!.id,
      action: 'services.service.created',
      targetType: 'service',
      targetId: id,
      organizationId: orgId,
      ip: req.ip,
    });
    reply.flashNext('common.saved');
    return seeOther(reply, `/services/${id}/hours`);
  });

  app.get<IdParams>('/services/:id/edit', { config: { access: 'orgStaff' } }, async (req, reply) => {
    const m = await loadManaged(req, req.params.id);
    if (!m) return reply.callNotFound();
    const locations = await organizationLocations(db, m.org.id);
    return renderPage(
      req,
      reply,
      <ServiceFormPage
        action={`/services/${m.service.id}/edit`}
        isNew={false}
        values={await serviceFormValues(m.service.id)}
        locations={locations}
      />,
    );
  });

  app.post<IdParams>('/services/:id/edit', { config: { access: 'orgStaff' } }, async (req, reply) => {
    const m = await loadManaged(req, req.params.id);
    if (!m) return reply.callNotFound();
    const locations = await organizationLocations(db, m.org.id);
    const action = `/services/${m.service.id}/edit`;
    const form = parseForm(serviceForm, req.body, req.i18n);
    const bad = form.ok ? await unknownTowns(form.data.area) : [];
    if (!form.ok || bad.length) {
      const errors = form.ok
        ? { area: req.i18n.t('services.form.unknownTowns', { codes: bad.join(', ') }) }
        : form.errors;
      return renderPage(
        req,
        reply,
        <ServiceFormPage action={action} isNew={false} values={form.raw} errors={errors} locations={locations} />,
        400,
      );
    }
    await saveService(db, { id: m.service.id, organizationId: m.org.id, input: form.data, now: req.now });
    await audit(db, req.now, {
      actorUserId: req.actor.user!.id,
      action: 'services.service.edited',
      targetType: 'service',
      targetId: m.service.id,
      organizationId: m.org.member_org_id,
      ip: req.ip,
    });
    reply.flashNext('common.saved');
    const fresh = (await getService(db, m.service.id))!;
    return seeOther(
      reply,
      fresh.status === 'active' || fresh.status === 'temporarily closed' ? servicePath(fresh) : '/services/manage',
    );
  });

  app.post<IdParams>('/services/:id/confirm', { config: { access: 'orgStaff' } }, async (req, reply) => {
    const m = await loadManaged(req, req.params.id);
    if (!m) return reply.callNotFound();
    const form = parseForm(resolveForm.pick({}), req.body, req.i18n);
    if (!form.ok) return reply.callNotFound();
    await confirmService(db, m.service.id, req.now, req.actor.user!.email);
    await audit(db, req.now, {
      actorUserId: req.actor.user!.id,
      action: 'services.service.confirmed',
      targetType: 'service',
      targetId: m.service.id,
      organizationId: m.org.member_org_id,
      ip: req.ip,
    });
    reply.flashNext('services.manage.confirmedFlash');
    return seeOther(reply, `/services/manage?org=${m.org.member_org_id}`);
  });

  async function hoursProps(serviceId: string) {
    const s = (await getService(db, serviceId))!;
    const places = (await servicePlaces(db, [serviceId])).get(serviceId) ?? [];
    const schedules = await schedulesFor(db, [serviceId], new Map([[serviceId, places]]));
    const groups = [
      { place: null, schedules: rulesForPlace(serviceId, null, schedules) },
      ...places.map((p) => ({ place: p, schedules: schedules.bySal.get(p.salId) ?? [] })),
    ].filter((g, i) => i === 0 || g.schedules.length);
    return {
      service: { id: s.id, name_ar: s.name_ar, name_en: s.name_en, href: servicePath(s) },
      groups,
      places,
    };
  }

  app.get<IdParams>('/services/:id/hours', { config: { access: 'orgStaff' } }, async (req, reply) => {
    const m = await loadManaged(req, req.params.id);
    if (!m) return reply.callNotFound();
    return renderPage(
      req,
      reply,
      <HoursPage {...await hoursProps(m.service.id)} values={{ kind: 'weekly' }} now={req.now} />,
    );
  });

  app.post<IdParams>('/services/:id/hours', { config: { access: 'orgStaff' } }, async (req, reply) => {
    const m = await loadManaged(req, req.params.id);
    if (!m) return reply.callNotFound();
    const form = parseForm(hoursForm, req.body, req.i18n);
    const props = await hoursProps(m.service.id);
    let errors = form.ok ? null : form.errors;
    if (form.ok && form.data.place && !props.places.some((p) => p.salId === form.data.place))
      errors = { place: req.i18n.t('form.invalidChoice') };
    if (!form.ok || errors)
      return renderPage(req, reply, <HoursPage {...props} values={form.raw} errors={errors!} now={req.now} />, 400);
    await addHours(db, { serviceId: m.service.id, salId: form.data.place, input: form.data, now: req.now });
    await audit(db, req.now, {
      actorUserId: req.actor.user!.id,
      action: 'services.hours.added',
      targetType: 'service',
      targetId: m.service.id,
      organizationId: m.org.member_org_id,
      ip: req.ip,
    });
    reply.flashNext('common.saved');
    return seeOther(reply, `/services/${m.service.id}/hours`);
  });

  app.post<IdParams>('/services/:id/hours/delete', { config: { access: 'orgStaff' } }, async (req, reply) => {
    const m = await loadManaged(req, req.params.id);
    if (!m) return reply.callNotFound();
    const form = parseForm(deleteForm, req.body, req.i18n);
    if (!form.ok || !(await removeHours(db, m.service.id, form.data.id.toLowerCase(), req.now)))
      return reply.callNotFound();
    reply.flashNext('common.deleted');
    return seeOther(reply, `/services/${m.service.id}/hours`);
  });

  app.get('/services/locations/new', { config: { access: 'orgStaff' } }, async (req, reply) => {
    const orgId = pickOrg(req);
    if (orgId === null) return reply.callNotFound();
    return renderPage(
      req,
      reply,
      <LocationFormPage action={`/services/locations/new?org=${orgId}`} isNew values={{}} />,
    );
  });

  async function locationErrors(req: FastifyRequest, town: string) {
    return (await getTown(db, town)) ? null : { town: req.i18n.t('services.form.unknownTowns', { codes: town }) };
  }

  app.post('/services/locations/new', { config: { access: 'orgStaff' } }, async (req, reply) => {
    const orgId = pickOrg(req);
    if (orgId === null) return reply.callNotFound();
    const action = `/services/locations/new?org=${orgId}`;
    const form = parseForm(locationForm, req.body, req.i18n);
    const errors = form.ok ? await locationErrors(req, form.data.town) : form.errors;
    if (!form.ok || errors)
      return renderPage(req, reply, <LocationFormPage action={action} isNew values={form.raw} errors={errors!} />, 400);
    const svcOrgId = await ensureMemberOrganization(db, orgId, req.now);
    await saveLocation(db, { id: null, organizationId: svcOrgId, input: form.data, now: req.now });
    reply.flashNext('common.saved');
    return seeOther(reply, `/services/manage?org=${orgId}`);
  });

  async function loadManagedLocation(req: FastifyRequest, id: string) {
    const loc = await getLocation(db, id);
    if (!loc || !loc.organization_id) return null;
    const org = await getServiceOrganization(db, loc.organization_id);
    if (!org || !authorize(req.actor, 'manage', locationResource(org.member_org_id))) return null;
    return { loc, org };
  }

  app.get<IdParams>('/services/locations/:id/edit', { config: { access: 'orgStaff' } }, async (req, reply) => {
    const m = await loadManagedLocation(req, req.params.id);
    if (!m) return reply.callNotFound();
    const l = m.loc;
    return renderPage(
      req,
      reply,
      <LocationFormPage
        action={`/services/locations/${l.id}/edit`}
        isNew={false}
        values={{ ...l, town: l.town_pcode, latitude: l.latitude ?? '', longitude: l.longitude ?? '' }}
      />,
    );
  });

  app.post<IdParams>('/services/locations/:id/edit', { config: { access: 'orgStaff' } }, async (req, reply) => {
    const m = await loadManagedLocation(req, req.params.id);
    if (!m) return reply.callNotFound();
    const action = `/services/locations/${m.loc.id}/edit`;
    const form = parseForm(locationForm, req.body, req.i18n);
    const errors = form.ok ? await locationErrors(req, form.data.town) : form.errors;
    if (!form.ok || errors)
      return renderPage(
        req,
        reply,
        <LocationFormPage action={action} isNew={false} values={form.raw} errors={errors!} />,
        400,
      );
    await saveLocation(db, { id: m.loc.id, organizationId: m.org.id, input: form.data, now: req.now });
    reply.flashNext('common.saved');
    return seeOther(reply, `/services/manage?org=${m.org.member_org_id}`);
  });

  // ——— moderators ———

  app.get('/services/moderation', { config: { access: 'moderator' } }, async (req, reply) => {
    return renderPage(req, reply, <ModerationPage items={await pendingFeedback(db)} />);
  });

  app.post('/services/moderation', { config: { access: 'moderator' } }, async (req, reply) => {
    const form = parseForm(moderateForm, req.body, req.i18n);
    if (!form.ok) return renderPage(req, reply, <ModerationPage items={await pendingFeedback(db)} />, 400);
    if (!(await moderateFeedback(db, form.data.id, form.data.decision, req.actor.user!.id, req.now)))
      return reply.callNotFound();
    await audit(db, req.now, {
      actorUserId: req.actor.user!.id,
      action: `services.feedback.${form.data.decision === 'approve' ? 'approved' : 'rejected'}`,
      targetType: 'service_feedback',
      targetId: form.data.id,
      ip: req.ip,
    });
    return seeOther(reply, '/services/moderation');
  });

  // ——— network coordinators ———

  app.get('/services/coverage', { config: { access: 'networkEditor' } }, async (req, reply) => {
    return renderPage(req, reply, <CoveragePage coverage={await coverage(db)} />);
  });

  // ——— network admins: import and export ———

  /** What an uploaded HSDS zip may unpack to: a data package is a few CSV files of a few MB. */
  const MAX_UNZIPPED_BYTES = 50 * 1024 * 1024;
  const MAX_ZIP_ENTRIES = 200;

  app.get('/services/admin', { config: { access: 'networkAdmin' } }, async (req, reply) =>
    renderPage(req, reply, <ImportExportPage />),
  );

  app.post('/services/admin/import', { config: { access: 'networkAdmin' } }, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const file = body.file as { filename: string; mimetype: string; data: Buffer } | null | undefined;
    const unknown = Object.keys(body).filter((k) => k !== 'file' && k !== '_csrf');
    if (!file || !file.data || unknown.length)
      return renderPage(req, reply, <ImportExportPage error={req.i18n.t('services.admin.noFile')} />, 400);
    let result: ImportResult;
    const network = await getDefaultNetwork(db);
    const opts = { now: req.now, networkId: network?.id ?? null, reindex: indexServices };
    try {
      if (file.data[0] === 0x50 && file.data[1] === 0x4b) {
        // A zip bomb is refused from its directory, before anything is inflated (fflate never
        // writes past the size an entry declares).
        let unpacked = 0;
        let count = 0;
        const entries = unzipSync(new Uint8Array(file.data), {
          filter: (f) => {
            unpacked += f.originalSize;
            if (++count > MAX_ZIP_ENTRIES || unpacked > MAX_UNZIPPED_BYTES) throw new Error('zip too large');
            return true;
          },
        });
        const files = new Map<string, string>();
        for (const [name, bytes] of Object.entries(entries)) {
          if (name.endsWith('/')) continue;
          files.set(name.split('/').pop()!, strFromU8(bytes));
        }
        result = await importCollected(db, collectTabular(files), opts);
      } else {
        result = await importCollected(db, collectJson(JSON.parse(file.data.toString('utf8'))), opts);
      }
    } catch {
      return renderPage(req, reply, <ImportExportPage error={req.i18n.t('services.admin.unreadable')} />, 400);
    }
    await audit(db, req.now, {
      actorUserId: req.actor.user!.id,
      action: result.ok ? 'services.import.done' : 'services.import.rejected',
      targetType: 'services',
      details: result.ok ? { counts: result.counts } : { rejected: result.rejected.length },
      ip: req.ip,
    });
    if (!result.ok) return renderPage(req, reply, <ImportExportPage result={result} />, 400);
    const summary = req.i18n.t('services.admin.imported', {
      services: result.counts.service ? result.counts.service.inserted + result.counts.service.updated : 0,
      organizations: result.counts.organization
        ? result.counts.organization.inserted + result.counts.organization.updated
        : 0,
    });
    return renderPage(req, reply, <ImportExportPage result={{ ok: true, summary }} />);
  });

  app.get('/services/admin/export.json', { config: { access: 'networkAdmin' } }, async (req, reply) => {
    const services = await exportAllServices(db);
    await audit(db, req.now, {
      actorUserId: req.actor.user!.id,
      action: 'services.export.json',
      targetType: 'services',
      ip: req.ip,
    });
    return reply
      .header(
        'content-disposition',
        `attachment; filename="wasl-services-hsds-${req.now.toISOString().slice(0, 10)}.json"`,
      )
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(services, null, 2));
  });

  app.get('/services/admin/export.zip', { config: { access: 'networkAdmin' } }, async (req, reply) => {
    const files = await exportTabular(db);
    const zip = zipSync(Object.fromEntries([...files].map(([name, text]) => [name, strToU8(text)])));
    await audit(db, req.now, {
      actorUserId: req.actor.user!.id,
      action: 'services.export.tabular',
      targetType: 'services',
      ip: req.ip,
    });
    return reply
      .header(
        'content-disposition',
        `attachment; filename="wasl-services-hsds-${req.now.toISOString().slice(0, 10)}.zip"`,
      )
      .type('application/zip')
      .send(Buffer.from(zip));
  });

  void UUID;
};
