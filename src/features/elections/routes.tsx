// Elections: public pages (/elections, /elections/:id, /elections/:id/results), coordinator pages
// under /elections/:id/…, and the observer app (observe.tsx). See README.md for what this
// feature owns. Every coordinator route is `member` at the access layer and checks
// authorize(actor, 'coordinate' | 'change', election): anyone else gets 404.
import crypto from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { audit } from '../../core/audit/index.js';
import { authorize } from '../../core/auth/authorize.js';
import { hashPassword } from '../../core/auth/passwords.js';
import { fromJson, toJson } from '../../core/db/helpers.js';
import { parseForm, seeOther } from '../../core/http/forms.js';
import { renderPage } from '../../core/http/render.js';
import { registerSection } from '../../core/views/sections.js';
import { PUBLIC_THRESHOLD, suppressTable } from '../../core/stats/suppression.js';
import type { Translator } from '../../core/i18n/index.js';
import { existingTownCodes, getDefaultNetwork } from '../organizations/queries.js';
import { asResource, canCreateElection } from './permissions.js';
import {
  ingestSubmission,
  differingFields,
  importStations,
  parseStationsCsv,
  resolveSheet,
  type Flag,
  type IngestResult,
} from './actions.js';
import {
  addCentre,
  addOutreach,
  addStation,
  createObserver,
  deleteOutreach,
  electionCandidates,
  electionPartners,
  electionTowns,
  electionsInTown,
  formSlugs,
  getElection,
  getForm,
  getObserver,
  getSheet,
  getStatement,
  getSubmission,
  listCentres,
  listElections,
  listForms,
  listObservers,
  listOutreach,
  listStations,
  listStatements,
  listSubmissions,
  memberOrganizations,
  observerCodeTaken,
  observersAtStation,
  publishForm,
  publishedForms,
  publishedStatements,
  reissueObserverSecret,
  revokeObserver,
  saveElection,
  saveFormDraft,
  saveTextReport,
  setNoNetwork,
  sheetEntries,
  verifySubmission,
  type Election,
  type FormRow,
} from './queries.js';
import {
  centreForm,
  electionForm,
  emptyForm,
  importForm,
  newFormForm,
  observerForm,
  outreachForm,
  parseBuilder,
  relayForm,
  statementDraftForm,
  stationForm,
  verifyForm,
} from './schemas.js';
import { countQuestions, sheetFields, validateRules, COUNT_FIELDS, type Question } from './formdef.js';
import { computeResults, freezeFigures, statementText, type StatementFigures } from './results.js';
import { dashboard } from './dashboard.js';
import { parseTextReports, type TextError, type TextLine } from './textreport.js';
import { templateQuestions, templateRules } from './templates.js';
import { observeRoutes, normalizeSecret } from './observe.js';
import {
  ElectionPage,
  ElectionsListPage,
  ResultsPage,
  TownElectionsSection,
  type OutreachSummaryRow,
} from './views/public.js';
import {
  DashboardPage,
  ElectionEditPage,
  EntryPage,
  FormBuilderPage,
  FormsPage,
  ManagePage,
  ObserversPage,
  OutreachPage,
  RelayPage,
  SheetPage,
  StationsPage,
  StatementPage,
  SubmissionPage,
  type RelayReply,
} from './views/manage.js';
import type { ImportProblem } from './actions.js';
import type { UploadedFile } from '../../core/media/index.js';

type Req = FastifyRequest & { params: Record<string, string>; query: Record<string, string> };

const SECRET_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** 10 symbols from 32: 50 bits, shown once as XXXXX-XXXXX; only its argon2id hash is kept. */
export function newObserverSecret(): string {
  const s = Array.from({ length: 10 }, () => SECRET_ALPHABET[crypto.randomInt(SECRET_ALPHABET.length)]).join('');
  return `${s.slice(0, 5)}-${s.slice(5)}`;
}

/** Damascus is UTC+3 all year (since 2022): the network's wall clock. */
const DAMASCUS_OFFSET_MS = 3 * 3600_000;
export const damascusDay = (d: Date) => new Date(d.getTime() + DAMASCUS_OFFSET_MS).toISOString().slice(0, 10);
const damascusLocal = (d: Date) => new Date(d.getTime() + DAMASCUS_OFFSET_MS).toISOString().slice(0, 16);

const idOf = (s: string | undefined) => {
  const n = Number(s);
  return Number.isInteger(n) && n > 0 && n < 2 ** 31 ? n : null;
};

export const electionsRoutes: FastifyPluginAsync = async (app) => {
  const { db, dialect, i18n } = app.wasl;
  const trAr = i18n.translator('ar', { digits: 'latn' });
  const trEn = i18n.translator('en', { digits: 'latn' });

  await app.register(observeRoutes);

  registerSection({
    slot: 'town',
    order: 60,
    load: async (_req, pcode) => {
      const rows = await electionsInTown(db, pcode);
      return rows.length ? <TownElectionsSection elections={rows} /> : null;
    },
  });

  /** The election if the actor may do `action` with it; null answers 404. */
  async function load(
    req: FastifyRequest,
    id: string | undefined,
    action: 'view' | 'coordinate' | 'change',
  ): Promise<Election | null> {
    const n = idOf(id);
    if (!n) return null;
    const e = await getElection(db, n);
    if (!e || !authorize(req.actor, action, asResource(e))) return null;
    return e;
  }
  const canChange = (req: FastifyRequest, e: Election) => authorize(req.actor, 'change', asResource(e));
  const actorOrgs = (req: FastifyRequest) => [...req.actor.orgRoles.keys()];
  const isNetAdmin = (req: FastifyRequest, networkId: number) =>
    req.actor.networkRoles.get(networkId)?.has('networkAdmin') ?? false;

  // ——— public ———

  app.get('/elections', { config: { access: 'public' } }, async (req, reply) => {
    const netAdminOf = [...req.actor.networkRoles].filter(([, r]) => r.has('networkAdmin')).map(([id]) => id);
    const elections = await listElections(db, { includeDraftFor: actorOrgs(req), networkAdminOf: netAdminOf });
    const withTowns = await Promise.all(elections.map(async (e) => ({ ...e, towns: await electionTowns(db, e.id) })));
    return renderPage(req, reply, <ElectionsListPage elections={withTowns} canCreate={canCreateElection(req.actor)} />);
  });

  app.get('/elections/new', { config: { access: 'member' } }, async (req, reply) => {
    if (!canCreateElection(req.actor)) return reply.callNotFound();
    const network = await getDefaultNetwork(db);
    if (!network) return reply.callNotFound();
    const orgs = await memberOrganizations(db, network.id);
    const mine = orgs.filter((o) => req.actor.orgRoles.has(o.id)).map((o) => String(o.id));
    return renderPage(
      req,
      reply,
      <ElectionEditPage action="/elections/new" isNew orgs={orgs} values={{ status: 'draft', organizers: mine }} />,
    );
  });

  async function electionFormErrors(
    req: FastifyRequest,
    data: { towns: string[]; organizers: number[]; member_partners: number[] },
    networkId: number,
    orgIds: Set<number>,
  ) {
    const errors: Record<string, string> = {};
    const known = await existingTownCodes(db, data.towns);
    const unknown = data.towns.filter((p) => !known.has(p));
    if (unknown.length) errors.towns = req.i18n.t('elections.form.unknownTowns', { codes: unknown.join(', ') });
    if ([...data.organizers, ...data.member_partners].some((o) => !orgIds.has(o)))
      errors.organizers = req.i18n.t('form.invalidChoice');
    // Whoever saves must stay a coordinator (a network admin always is).
    else if (!isNetAdmin(req, networkId) && !data.organizers.some((o) => req.actor.orgRoles.has(o)))
      errors.organizers = req.i18n.t('elections.form.mustOrganize');
    return errors;
  }

  app.post('/elections/new', { config: { access: 'member' } }, async (req, reply) => {
    if (!canCreateElection(req.actor)) return reply.callNotFound();
    const network = await getDefaultNetwork(db);
    if (!network) return reply.callNotFound();
    const orgs = await memberOrganizations(db, network.id);
    const form = parseForm(electionForm, req.body, req.i18n);
    const page = (errors: Record<string, string>) =>
      renderPage(
        req,
        reply,
        <ElectionEditPage action="/elections/new" isNew orgs={orgs} values={form.raw} errors={errors} />,
        400,
      );
    if (!form.ok) return page(form.errors);
    const errors = await electionFormErrors(req, form.data, network.id, new Set(orgs.map((o) => o.id)));
    if (Object.keys(errors).length) return page(errors);
    const d = form.data;
    const id = await saveElection(
      db,
      null,
      network.id,
      { ...d, memberPartners: d.member_partners, otherPartners: d.other_partners, candidates: d.candidates },
      req.actor.user!.id,
      req.now,
    );
    await audit(db, req.now, {
      actorUserId: req.actor.user!.id,
      action: 'election.created',
      targetType: 'election',
      targetId: id,
      ip: req.ip,
    });
    reply.flashNext('common.saved');
    return seeOther(reply, `/elections/${id}/manage`);
  });

  app.get<{ Params: { id: string } }>('/elections/:id', { config: { access: 'public' } }, async (req, reply) => {
    const e = await load(req, req.params.id, 'view');
    if (!e) return reply.callNotFound();
    const [towns, candidates, partners, outreach, statements] = await Promise.all([
      electionTowns(db, e.id),
      electionCandidates(db, e.id),
      electionPartners(db, e.id),
      listOutreach(db, e.id),
      publishedStatements(db, e.id),
    ]);
    const kinds = ['voter-card', 'leaflets', 'women-participation', 'information'].filter((k) =>
      outreach.some((o) => o.kind === k),
    );
    const table = suppressTable(
      kinds.map((k) => {
        const rows = outreach.filter((o) => o.kind === k);
        return [rows.reduce((s, r) => s + r.reached_women, 0), rows.reduce((s, r) => s + r.reached_men, 0)];
      }),
      PUBLIC_THRESHOLD,
      { withTotals: true },
    );
    const summary: OutreachSummaryRow[] = kinds.map((k, i) => {
      const rows = outreach.filter((o) => o.kind === k);
      const leaflets = rows.filter((r) => r.leaflets !== null);
      return {
        kind: k,
        activities: rows.length,
        leaflets: leaflets.length ? leaflets.reduce((s, r) => s + (r.leaflets ?? 0), 0) : null,
        women: table.cells[i]![0] ?? null,
        men: table.cells[i]![1] ?? null,
        places: [],
      };
    });
    return renderPage(
      req,
      reply,
      <ElectionPage
        election={e}
        towns={towns}
        candidates={candidates}
        organizers={partners.filter((p) => p.role === 'organizer')}
        partners={partners.filter((p) => p.role === 'partner')}
        outreach={summary}
        hasStatement={statements.length > 0}
        canCoordinate={authorize(req.actor, 'coordinate', asResource(e))}
      />,
    );
  });

  app.get<{ Params: { id: string }; Querystring: { version?: string } }>(
    '/elections/:id/results',
    { config: { access: 'public' } },
    async (req, reply) => {
      const e = await load(req, req.params.id, 'view');
      if (!e) return reply.callNotFound();
      const published = await publishedStatements(db, e.id);
      const chosen =
        req.query.version !== undefined ? published.find((s) => String(s.version) === req.query.version) : published[0];
      if (req.query.version !== undefined && !chosen) return reply.callNotFound();
      return renderPage(
        req,
        reply,
        <ResultsPage
          election={e}
          statement={
            chosen
              ? {
                  ...chosen,
                  published_on: chosen.published_on ?? '',
                  figures: fromJson<StatementFigures>(chosen.figures, null as never),
                }
              : null
          }
          versions={published.map((s) => ({ ...s, published_on: s.published_on ?? '' }))}
          latestVersion={published[0]?.version ?? null}
        />,
      );
    },
  );

  // ——— settings ———

  app.get<{ Params: { id: string } }>('/elections/:id/edit', { config: { access: 'member' } }, async (req, reply) => {
    const e = await load(req, req.params.id, 'coordinate');
    if (!e) return reply.callNotFound();
    const [orgs, towns, partners, candidates] = await Promise.all([
      memberOrganizations(db, e.network_id),
      electionTowns(db, e.id),
      electionPartners(db, e.id),
      electionCandidates(db, e.id),
    ]);
    const values = {
      ...e,
      towns: towns.map((t) => t.pcode).join(', '),
      organizers: e.organizerOrgIds.map(String),
      member_partners: partners
        .filter((p) => p.role === 'partner' && p.organization_id)
        .map((p) => String(p.organization_id)),
      other_partners: partners
        .filter((p) => !p.organization_id)
        .map((p) => `${p.name_ar} | ${p.name_en}`)
        .join('\n'),
      candidates: candidates
        .map((c) => `${c.kind === 'candidate' ? 'candidate:' : ''}${c.code} | ${c.name_ar} | ${c.name_en}`)
        .join('\n'),
    };
    return renderPage(
      req,
      reply,
      <ElectionEditPage action={`/elections/${e.id}/edit`} isNew={false} orgs={orgs} values={values} />,
    );
  });

  app.post<{ Params: { id: string } }>('/elections/:id/edit', { config: { access: 'member' } }, async (req, reply) => {
    const e = await load(req, req.params.id, 'coordinate');
    if (!e) return reply.callNotFound();
    const orgs = await memberOrganizations(db, e.network_id);
    const form = parseForm(electionForm, req.body, req.i18n);
    const page = (errors: Record<string, string>) =>
      renderPage(
        req,
        reply,
        <ElectionEditPage
          action={`/elections/${e.id}/edit`}
          isNew={false}
          orgs={orgs}
          values={form.raw}
          errors={errors}
        />,
        400,
      );
    if (!form.ok) return page(form.errors);
    const errors = await electionFormErrors(req, form.data, e.network_id, new Set(orgs.map((o) => o.id)));
    if (Object.keys(errors).length) return page(errors);
    const d = form.data;
    await saveElection(
      db,
      e.id,
      e.network_id,
      { ...d, memberPartners: d.member_partners, otherPartners: d.other_partners },
      req.actor.user!.id,
      req.now,
    );
    await audit(db, req.now, {
      actorUserId: req.actor.user!.id,
      action: 'election.edited',
      targetType: 'election',
      targetId: e.id,
      details: { status: d.status },
      ip: req.ip,
    });
    reply.flashNext('common.saved');
    return seeOther(reply, `/elections/${e.id}/manage`);
  });

  app.get<{ Params: { id: string } }>('/elections/:id/manage', { config: { access: 'member' } }, async (req, reply) => {
    const e = await load(req, req.params.id, 'coordinate');
    if (!e) return reply.callNotFound();
    const [centres, stations, observers, forms, submissions, outreach] = await Promise.all([
      listCentres(db, e.id),
      listStations(db, e.id),
      listObservers(db, e.id),
      publishedForms(db, e.id),
      listSubmissions(db, e.id),
      listOutreach(db, e.id),
    ]);
    return renderPage(
      req,
      reply,
      <ManagePage
        e={e}
        counts={{
          centres: centres.length,
          stations: stations.length,
          observers: observers.filter((o) => o.status === 'active').length,
          forms: forms.length,
          submissions: submissions.length,
          outreach: outreach.length,
        }}
      />,
    );
  });

  // ——— outreach ———

  async function outreachPage(
    req: FastifyRequest,
    reply: FastifyReply,
    e: Election,
    values: Record<string, unknown> = {},
    errors?: Record<string, string>,
  ) {
    const [rows, orgs] = await Promise.all([listOutreach(db, e.id), memberOrganizations(db, e.network_id)]);
    return renderPage(
      req,
      reply,
      <OutreachPage e={e} rows={rows} orgs={orgs} values={values} errors={errors} canChange={canChange(req, e)} />,
      errors ? 400 : 200,
    );
  }

  app.get<{ Params: { id: string } }>(
    '/elections/:id/outreach',
    { config: { access: 'member' } },
    async (req, reply) => {
      const e = await load(req, req.params.id, 'coordinate');
      if (!e) return reply.callNotFound();
      return outreachPage(req, reply, e, { held_on: damascusDay(req.now) });
    },
  );

  app.post<{ Params: { id: string } }>(
    '/elections/:id/outreach',
    { config: { access: 'member' } },
    async (req, reply) => {
      const e = await load(req, req.params.id, 'change');
      if (!e) return reply.callNotFound();
      const form = parseForm(outreachForm, req.body, req.i18n);
      if (!form.ok) return outreachPage(req, reply, e, form.raw, form.errors);
      const d = form.data;
      const errors: Record<string, string> = {};
      if (!(await existingTownCodes(db, [d.town_pcode])).has(d.town_pcode))
        errors.town_pcode = req.i18n.t('elections.form.unknownTowns', { codes: d.town_pcode });
      const orgs = await memberOrganizations(db, e.network_id);
      const orgId = d.organization ? Number(d.organization) : null;
      if (orgId !== null && !orgs.some((o) => o.id === orgId)) errors.organization = req.i18n.t('form.invalidChoice');
      if (orgId === null && !d.organization_name) errors.organization_name = req.i18n.t('form.required');
      if (Object.keys(errors).length) return outreachPage(req, reply, e, form.raw, errors);
      await addOutreach(
        db,
        e.id,
        {
          kind: d.kind,
          held_on: d.held_on,
          town_pcode: d.town_pcode,
          organization_id: orgId,
          organization_name: orgId === null ? d.organization_name : null,
          leaflets: d.leaflets,
          places: d.places,
          reached_women: d.reached_women,
          reached_men: d.reached_men,
          notes: d.notes,
        },
        req.actor.user!.id,
        req.now,
      );
      reply.flashNext('common.saved');
      return seeOther(reply, `/elections/${e.id}/outreach`);
    },
  );

  app.post<{ Params: { id: string; oid: string } }>(
    '/elections/:id/outreach/:oid/delete',
    { config: { access: 'member' } },
    async (req, reply) => {
      const e = await load(req, req.params.id, 'change');
      const oid = idOf(req.params.oid);
      if (!e || !oid || !parseForm(emptyForm, req.body, req.i18n).ok) return reply.callNotFound();
      if (!(await deleteOutreach(db, e.id, oid))) return reply.callNotFound();
      reply.flashNext('common.deleted');
      return seeOther(reply, `/elections/${e.id}/outreach`);
    },
  );

  // ——— centres and stations ———

  async function stationsPage(
    req: FastifyRequest,
    reply: FastifyReply,
    e: Election,
    extra: {
      values?: Record<string, unknown>;
      errors?: Record<string, string>;
      which?: 'centre' | 'station' | 'import';
      problems?: ImportProblem[];
    } = {},
  ) {
    const [stations, centres] = await Promise.all([listStations(db, e.id), listCentres(db, e.id)]);
    const bad = !!(extra.errors || extra.problems?.length);
    return renderPage(
      req,
      reply,
      <StationsPage e={e} stations={stations} centres={centres} {...extra} canChange={canChange(req, e)} />,
      bad ? 400 : 200,
    );
  }

  app.get<{ Params: { id: string } }>(
    '/elections/:id/stations',
    { config: { access: 'member' } },
    async (req, reply) => {
      const e = await load(req, req.params.id, 'coordinate');
      if (!e) return reply.callNotFound();
      return stationsPage(req, reply, e);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/elections/:id/stations/centres',
    { config: { access: 'member' } },
    async (req, reply) => {
      const e = await load(req, req.params.id, 'change');
      if (!e) return reply.callNotFound();
      const form = parseForm(centreForm, req.body, req.i18n);
      if (!form.ok) return stationsPage(req, reply, e, { values: form.raw, errors: form.errors, which: 'centre' });
      const errors: Record<string, string> = {};
      if (!(await existingTownCodes(db, [form.data.town_pcode])).has(form.data.town_pcode))
        errors.town_pcode = req.i18n.t('elections.form.unknownTowns', { codes: form.data.town_pcode });
      if ((await listCentres(db, e.id)).some((c) => c.code === form.data.code))
        errors.code = req.i18n.t('elections.stations.codeTaken');
      if (Object.keys(errors).length) return stationsPage(req, reply, e, { values: form.raw, errors, which: 'centre' });
      await addCentre(db, e.id, form.data);
      reply.flashNext('common.saved');
      return seeOther(reply, `/elections/${e.id}/stations`);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/elections/:id/stations',
    { config: { access: 'member' } },
    async (req, reply) => {
      const e = await load(req, req.params.id, 'change');
      if (!e) return reply.callNotFound();
      const form = parseForm(stationForm, req.body, req.i18n);
      if (!form.ok) return stationsPage(req, reply, e, { values: form.raw, errors: form.errors, which: 'station' });
      const centres = await listCentres(db, e.id);
      const errors: Record<string, string> = {};
      if (!centres.some((c) => c.id === form.data.centre_id)) errors.centre_id = req.i18n.t('form.invalidChoice');
      else if (
        (await listStations(db, e.id)).some((s) => s.centre_id === form.data.centre_id && s.code === form.data.code)
      )
        errors.code = req.i18n.t('elections.stations.codeTaken');
      if (Object.keys(errors).length)
        return stationsPage(req, reply, e, { values: form.raw, errors, which: 'station' });
      await addStation(db, e.id, { ...form.data, women_only: form.data.women_only ? 1 : 0 });
      reply.flashNext('common.saved');
      return seeOther(reply, `/elections/${e.id}/stations`);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/elections/:id/stations/import',
    { config: { access: 'member' } },
    async (req, reply) => {
      const e = await load(req, req.params.id, 'change');
      if (!e) return reply.callNotFound();
      const form = parseForm(importForm, req.body, req.i18n);
      if (!form.ok) return stationsPage(req, reply, e, { values: form.raw, errors: form.errors, which: 'import' });
      const file = form.data.file as UploadedFile | null | undefined;
      const text = file?.data ? file.data.toString('utf8') : (form.data.csv ?? '');
      if (!text.trim())
        return stationsPage(req, reply, e, {
          values: form.raw,
          errors: { csv: req.i18n.t('form.required') },
          which: 'import',
        });
      const [stations, centres] = await Promise.all([listStations(db, e.id), listCentres(db, e.id)]);
      const towns = await existingTownCodes(
        db,
        [...new Set(text.match(/C\d{4,6}/gi) ?? [])].map((s) => s.toUpperCase()),
      );
      const parsed = parseStationsCsv(text, towns, {
        centres: new Map(centres.map((c) => [c.code, { town_pcode: c.town_pcode }])),
        stations: new Set(stations.map((s) => `${s.centre_code} ${s.code}`)),
      });
      if (!parsed.ok)
        return stationsPage(req, reply, e, { values: form.raw, problems: parsed.problems, which: 'import' });
      const n = await importStations(db, e.id, parsed.rows);
      await audit(db, req.now, {
        actorUserId: req.actor.user!.id,
        action: 'election.stations.imported',
        targetType: 'election',
        targetId: e.id,
        details: { stations: n },
        ip: req.ip,
      });
      reply.flashNext('elections.stations.imported');
      return seeOther(reply, `/elections/${e.id}/stations`);
    },
  );

  // ——— observers ———

  async function observersPage(
    req: FastifyRequest,
    reply: FastifyReply,
    e: Election,
    extra: {
      values?: Record<string, unknown>;
      errors?: Record<string, string>;
      issued?: { code: string; secret: string };
    } = {},
  ) {
    const [observers, stations, partners] = await Promise.all([
      listObservers(db, e.id),
      listStations(db, e.id),
      electionPartners(db, e.id),
    ]);
    const orgs = partners
      .filter((p) => p.organization_id)
      .map((p) => ({ id: p.organization_id!, name_ar: p.name_ar, name_en: p.name_en }));
    // Secrets are shown once: never cached.
    reply.header('cache-control', 'no-store');
    return renderPage(
      req,
      reply,
      <ObserversPage
        e={e}
        observers={observers}
        orgs={orgs}
        stations={stations.map((s) => ({ id: s.id, label: `${s.centre_code} ${s.code}` }))}
        canChange={canChange(req, e)}
        {...extra}
      />,
      extra.errors ? 400 : 200,
    );
  }

  app.get<{ Params: { id: string } }>(
    '/elections/:id/observers',
    { config: { access: 'member' } },
    async (req, reply) => {
      const e = await load(req, req.params.id, 'coordinate');
      if (!e) return reply.callNotFound();
      return observersPage(req, reply, e);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/elections/:id/observers',
    { config: { access: 'member' } },
    async (req, reply) => {
      const e = await load(req, req.params.id, 'change');
      if (!e) return reply.callNotFound();
      const form = parseForm(observerForm, req.body, req.i18n);
      if (!form.ok) return observersPage(req, reply, e, { values: form.raw, errors: form.errors });
      const d = form.data;
      const errors: Record<string, string> = {};
      const partners = await electionPartners(db, e.id);
      if (!partners.some((p) => p.organization_id === d.organization_id))
        errors.organization_id = req.i18n.t('form.invalidChoice');
      const stationIds = new Set((await listStations(db, e.id)).map((s) => s.id));
      if (d.stations.some((s) => !stationIds.has(s))) errors.stations = req.i18n.t('form.invalidChoice');
      if (d.stations.length === 0) errors.stations = req.i18n.t('elections.observers.needStation');
      if (d.kind === 'fixed' && d.stations.length > 1) errors.stations = req.i18n.t('elections.observers.fixedOne');
      if (d.supervisor_id !== null && !(await getObserver(db, e.id, d.supervisor_id)))
        errors.supervisor_id = req.i18n.t('form.invalidChoice');
      if (await observerCodeTaken(db, d.code)) errors.code = req.i18n.t('elections.observers.codeTaken');
      if (Object.keys(errors).length) return observersPage(req, reply, e, { values: form.raw, errors });
      const secret = newObserverSecret();
      const id = await createObserver(db, e.id, d, await hashPassword(normalizeSecret(secret)), req.now);
      await audit(db, req.now, {
        actorUserId: req.actor.user!.id,
        action: 'election.observer.created',
        targetType: 'observer',
        targetId: id,
        organizationId: d.organization_id,
        ip: req.ip,
      });
      // The secret is shown in this answer only (like recovery codes): the page is not stored.
      return observersPage(req, reply, e, { issued: { code: d.code, secret } });
    },
  );

  async function observerAction(req: Req) {
    const e = await load(req, req.params.id, 'change');
    const oid = idOf(req.params.oid);
    const o = e && oid ? await getObserver(db, e.id, oid) : null;
    if (!e || !o || !parseForm(emptyForm, req.body, req.i18n).ok) return null;
    return { e, o };
  }

  app.post<{ Params: { id: string; oid: string } }>(
    '/elections/:id/observers/:oid/revoke',
    { config: { access: 'member' } },
    async (req, reply) => {
      const found = await observerAction(req as unknown as Req);
      if (!found) return reply.callNotFound();
      await revokeObserver(db, found.o.id, req.now);
      await audit(db, req.now, {
        actorUserId: req.actor.user!.id,
        action: 'election.observer.revoked',
        targetType: 'observer',
        targetId: found.o.id,
        ip: req.ip,
      });
      reply.flashNext('elections.observers.revoked');
      return seeOther(reply, `/elections/${found.e.id}/observers`);
    },
  );

  app.post<{ Params: { id: string; oid: string } }>(
    '/elections/:id/observers/:oid/reissue',
    { config: { access: 'member' } },
    async (req, reply) => {
      const found = await observerAction(req as unknown as Req);
      if (!found) return reply.callNotFound();
      const secret = newObserverSecret();
      await reissueObserverSecret(db, found.o.id, await hashPassword(normalizeSecret(secret)));
      await audit(db, req.now, {
        actorUserId: req.actor.user!.id,
        action: 'election.observer.reissued',
        targetType: 'observer',
        targetId: found.o.id,
        ip: req.ip,
      });
      return observersPage(req, reply, found.e, { issued: { code: found.o.code, secret } });
    },
  );

  app.post<{ Params: { id: string; oid: string } }>(
    '/elections/:id/observers/:oid/no-network',
    { config: { access: 'member' } },
    async (req, reply) => {
      const found = await observerAction(req as unknown as Req);
      if (!found) return reply.callNotFound();
      await setNoNetwork(db, [found.o.id], found.o.no_network_at ? null : req.now);
      reply.flashNext('common.saved');
      return seeOther(reply, `/elections/${found.e.id}/observers`);
    },
  );

  // ——— forms ———

  async function formsPage(
    req: FastifyRequest,
    reply: FastifyReply,
    e: Election,
    values?: Record<string, unknown>,
    errors?: Record<string, string>,
  ) {
    const forms = await listForms(db, e.id);
    return renderPage(
      req,
      reply,
      <FormsPage e={e} forms={forms} values={values} errors={errors} canChange={canChange(req, e)} />,
      errors ? 400 : 200,
    );
  }

  app.get<{ Params: { id: string } }>('/elections/:id/forms', { config: { access: 'member' } }, async (req, reply) => {
    const e = await load(req, req.params.id, 'coordinate');
    if (!e) return reply.callNotFound();
    return formsPage(req, reply, e);
  });

  app.post<{ Params: { id: string } }>('/elections/:id/forms', { config: { access: 'member' } }, async (req, reply) => {
    const e = await load(req, req.params.id, 'change');
    if (!e) return reply.callNotFound();
    const form = parseForm(newFormForm, req.body, req.i18n);
    if (!form.ok) return formsPage(req, reply, e, form.raw, form.errors);
    const slugs = await formSlugs(db, e.id);
    let slug: string = form.data.kind;
    for (let i = 2; slugs.has(slug); i++) slug = `${form.data.kind}-${i}`;
    const candidates = await electionCandidates(db, e.id);
    const id = await saveFormDraft(
      db,
      e.id,
      null,
      {
        slug,
        kind: form.data.kind,
        title_ar: form.data.title_ar,
        title_en: form.data.title_en,
        def: { questions: templateQuestions(form.data.kind, candidates) },
        rules: templateRules(form.data.kind),
      },
      req.actor.user!.id,
      req.now,
    );
    return seeOther(reply, `/elections/${e.id}/forms/${id}`);
  });

  async function loadForm(req: Req, action: 'coordinate' | 'change') {
    const e = await load(req, req.params.id, action);
    const fid = idOf(req.params.fid);
    const f = e && fid ? await getForm(db, e.id, fid) : null;
    return e && f ? { e, f } : null;
  }

  const builderView = (
    e: Election,
    f: FormRow,
    req: FastifyRequest,
    extra: {
      questions?: Partial<Question>[];
      rules?: string;
      errors?: Record<string, string>;
      ruleProblems?: string[];
    } = {},
  ) => (
    <FormBuilderPage
      e={e}
      form={f}
      questions={extra.questions ?? f.def.questions}
      rules={extra.rules ?? f.ruleList.join('\n')}
      errors={extra.errors}
      ruleProblems={extra.ruleProblems}
      canChange={canChange(req, e)}
    />
  );

  app.get<{ Params: { id: string; fid: string } }>(
    '/elections/:id/forms/:fid',
    { config: { access: 'member' } },
    async (req, reply) => {
      const found = await loadForm(req as unknown as Req, 'coordinate');
      if (!found) return reply.callNotFound();
      return renderPage(req, reply, builderView(found.e, found.f, req));
    },
  );

  app.post<{ Params: { id: string; fid: string } }>(
    '/elections/:id/forms/:fid',
    { config: { access: 'member' } },
    async (req, reply) => {
      const found = await loadForm(req as unknown as Req, 'change');
      if (!found || found.f.status !== 'draft') return reply.callNotFound();
      const { e, f } = found;
      const parsed = parseBuilder(req.body);
      const tr = req.i18n;
      if (!parsed.ok) {
        const errors = Object.fromEntries(Object.entries(parsed.errors).map(([k, key]) => [k, tr.t(key as never)]));
        return renderPage(req, reply, builderView(e, f, req, { errors, rules: String(parsed.raw.rules ?? '') }), 400);
      }
      let questions = parsed.questions;
      if (f.kind === 'count') {
        // The count fields and one vote field per candidate are always there, whatever was posted.
        const candidates = await electionCandidates(db, e.id);
        const fixed = countQuestions(candidates);
        const fixedIds = new Set(fixed.map((q) => q.id));
        questions = [
          ...fixed
            .map((q) => questions.find((x) => x.id === q.id) ?? q)
            .map((q, i) => ({ ...q, id: fixed[i]!.id, type: 'number' as const })),
          ...questions.filter((q) => !fixedIds.has(q.id) && !q.id.startsWith('votes_')),
        ];
      }
      const def = { questions };
      const problems = validateRules(parsed.rules, def);
      if (problems.length) {
        const lines = problems.map((p) =>
          tr.t('elections.builder.ruleProblem', {
            line: p.line,
            rule: p.rule,
            problem:
              p.error.code === 'unknownName'
                ? tr.t('elections.builder.unknownNames', { names: p.error.names.join(', ') })
                : tr.t(`elections.rules.${p.error.code}` as never),
          }),
        );
        return renderPage(
          req,
          reply,
          builderView(e, f, req, { questions, rules: parsed.rules.join('\n'), ruleProblems: lines }),
          400,
        );
      }
      await saveFormDraft(
        db,
        e.id,
        f.id,
        { slug: f.slug, kind: f.kind, title_ar: parsed.title_ar, title_en: parsed.title_en, def, rules: parsed.rules },
        req.actor.user!.id,
        req.now,
      );
      reply.flashNext('common.saved');
      return seeOther(reply, `/elections/${e.id}/forms/${f.id}`);
    },
  );

  app.post<{ Params: { id: string; fid: string } }>(
    '/elections/:id/forms/:fid/publish',
    { config: { access: 'member' } },
    async (req, reply) => {
      const found = await loadForm(req as unknown as Req, 'change');
      if (!found || found.f.status !== 'draft' || !parseForm(emptyForm, req.body, req.i18n).ok)
        return reply.callNotFound();
      await publishForm(db, found.e.id, found.f.id, req.now);
      await audit(db, req.now, {
        actorUserId: req.actor.user!.id,
        action: 'election.form.published',
        targetType: 'observation_form',
        targetId: found.f.id,
        ip: req.ip,
      });
      reply.flashNext('elections.builder.published');
      return seeOther(reply, `/elections/${found.e.id}/forms/${found.f.id}`);
    },
  );

  app.post<{ Params: { id: string; fid: string } }>(
    '/elections/:id/forms/:fid/new-version',
    { config: { access: 'member' } },
    async (req, reply) => {
      const found = await loadForm(req as unknown as Req, 'change');
      if (!found || found.f.status === 'draft' || !parseForm(emptyForm, req.body, req.i18n).ok)
        return reply.callNotFound();
      const { e, f } = found;
      const draft = (await listForms(db, e.id)).find((x) => x.slug === f.slug && x.status === 'draft');
      if (draft) return seeOther(reply, `/elections/${e.id}/forms/${draft.id}`);
      const id = await saveFormDraft(
        db,
        e.id,
        null,
        { slug: f.slug, kind: f.kind, title_ar: f.title_ar, title_en: f.title_en, def: f.def, rules: f.ruleList },
        req.actor.user!.id,
        req.now,
      );
      return seeOther(reply, `/elections/${e.id}/forms/${id}`);
    },
  );

  // ——— dashboard, submissions, sheets ———

  app.get<{ Params: { id: string } }>(
    '/elections/:id/dashboard',
    { config: { access: 'member' } },
    async (req, reply) => {
      const e = await load(req, req.params.id, 'coordinate');
      if (!e) return reply.callNotFound();
      return renderPage(req, reply, <DashboardPage e={e} d={await dashboard(db, e.id)} />);
    },
  );

  async function stationLabel(electionId: number, stationId: number) {
    const s = (await listStations(db, electionId)).find((x) => x.id === stationId);
    return s ? `${s.centre_code} ${s.code}` : '';
  }

  async function submissionPage(
    req: FastifyRequest,
    reply: FastifyReply,
    e: Election,
    sid: number,
    errors?: Record<string, string>,
  ) {
    const s = await getSubmission(db, e.id, sid);
    if (!s) return reply.callNotFound();
    const f = (await getForm(db, e.id, s.form_id))!;
    const observer = s.observer_id ? await getObserver(db, e.id, s.observer_id) : null;
    return renderPage(
      req,
      reply,
      <SubmissionPage
        e={e}
        s={s}
        station={await stationLabel(e.id, s.station_id)}
        form={f}
        questions={f.def.questions}
        answers={fromJson(s.answers, {})}
        observerCode={observer?.code ?? null}
        flags={fromJson<Flag[]>(s.flags, [])}
        canChange={canChange(req, e)}
        errors={errors}
      />,
      errors ? 400 : 200,
    );
  }

  app.get<{ Params: { id: string; sid: string } }>(
    '/elections/:id/submissions/:sid',
    { config: { access: 'member' } },
    async (req, reply) => {
      const e = await load(req, req.params.id, 'coordinate');
      const sid = idOf(req.params.sid);
      if (!e || !sid) return reply.callNotFound();
      return submissionPage(req, reply, e, sid);
    },
  );

  app.post<{ Params: { id: string; sid: string } }>(
    '/elections/:id/submissions/:sid/verify',
    { config: { access: 'member' } },
    async (req, reply) => {
      const e = await load(req, req.params.id, 'change');
      const sid = idOf(req.params.sid);
      const s = e && sid ? await getSubmission(db, e.id, sid) : null;
      if (!e || !s) return reply.callNotFound();
      const form = parseForm(verifyForm, req.body, req.i18n);
      if (!form.ok) return submissionPage(req, reply, e, s.id, form.errors);
      if (form.data.decision === 'rejected' && !form.data.comment)
        return submissionPage(req, reply, e, s.id, { comment: req.i18n.t('elections.submission.needComment') });
      await verifySubmission(db, s.id, form.data.decision, form.data.comment, req.actor.user!.id, req.now);
      reply.flashNext('common.saved');
      return seeOther(reply, `/elections/${e.id}/submissions/${s.id}`);
    },
  );

  async function sheetPage(
    req: FastifyRequest,
    reply: FastifyReply,
    e: Election,
    sheetId: number,
    errors?: Record<string, string>,
  ) {
    const sheet = await getSheet(db, e.id, sheetId);
    if (!sheet) return reply.callNotFound();
    const entries = await sheetEntries(db, sheet.id);
    const forms = new Map<number, FormRow>();
    for (const en of entries) if (!forms.has(en.form_id)) forms.set(en.form_id, (await getForm(db, e.id, en.form_id))!);
    const labels = new Map<string, string>();
    for (const f of forms.values())
      for (const q of f.def.questions)
        if (sheetFields(f.def).includes(q.id)) labels.set(q.id, req.i18n.locale === 'ar' ? q.label_ar : q.label_en);
    const values = entries.map((en) => {
      const a = fromJson<Record<string, unknown>>(en.answers, {});
      return Object.fromEntries(Object.entries(a).filter(([k, x]) => labels.has(k) && typeof x === 'number')) as Record<
        string,
        number
      >;
    });
    const differing = [
      ...new Set(values.flatMap((vals, i) => values.slice(i + 1).flatMap((w) => differingFields(vals, w)))),
    ];
    const order = [...COUNT_FIELDS] as string[];
    const fieldIds = [...labels.keys()].sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99));
    return renderPage(
      req,
      reply,
      <SheetPage
        e={e}
        station={await stationLabel(e.id, sheet.station_id)}
        sheet={sheet}
        fields={fieldIds.map((id) => ({ id, label: labels.get(id)! }))}
        accepted={sheet.status === 'conflict' ? null : fromJson<Record<string, number> | null>(sheet.values_json, null)}
        entries={entries.map((en, i) => ({
          id: en.id,
          source: en.source,
          who: en.observer_code ?? en.entered_by_name ?? '',
          values: values[i]!,
        }))}
        differing={differing}
        flags={fromJson<Flag[]>(sheet.flags, []).map((f) => ({ ...f, kind: 'rule' }))}
        canChange={canChange(req, e)}
        errors={errors}
      />,
      errors ? 400 : 200,
    );
  }

  app.get<{ Params: { id: string; sheet: string } }>(
    '/elections/:id/sheets/:sheet',
    { config: { access: 'member' } },
    async (req, reply) => {
      const e = await load(req, req.params.id, 'coordinate');
      const sid = idOf(req.params.sheet);
      if (!e || !sid) return reply.callNotFound();
      return sheetPage(req, reply, e, sid);
    },
  );

  app.post<{ Params: { id: string; sheet: string } }>(
    '/elections/:id/sheets/:sheet/resolve',
    { config: { access: 'member' } },
    async (req, reply) => {
      const e = await load(req, req.params.id, 'change');
      const sid = idOf(req.params.sheet);
      const sheet = e && sid ? await getSheet(db, e.id, sid) : null;
      if (!e || !sheet) return reply.callNotFound();
      if (sheet.status !== 'conflict') return seeOther(reply, `/elections/${e.id}/sheets/${sheet.id}`);
      const entries = await sheetEntries(db, sheet.id);
      const values = entries.map((en) => fromJson<Record<string, number>>(en.answers, {}));
      const lastForm = (await getForm(db, e.id, entries.at(-1)!.form_id))!;
      const fields = sheetFields(lastForm.def);
      const body = (req.body ?? {}) as Record<string, unknown>;
      const allowed = new Set(['_csrf', 'note', ...fields.flatMap((f) => [`v_${f}`, `o_${f}`])]);
      const errors: Record<string, string> = {};
      if (Object.keys(body).some((k) => !allowed.has(k) && !k.endsWith('.dir')))
        errors._form = req.i18n.t('form.unknownFields');
      const note = typeof body.note === 'string' ? body.note.trim() : '';
      if (!note) errors.note = req.i18n.t('form.required');
      if (note.length > 2000) errors.note = req.i18n.t('form.tooLong', { max: 2000 });
      // Start from the values every entry agrees on, then take the decision for each differing field.
      const decided: Record<string, number> = {};
      for (const f of fields) {
        const seen = [...new Set(values.map((v) => v[f]).filter((x) => typeof x === 'number'))];
        const other = typeof body[`o_${f}`] === 'string' ? (body[`o_${f}`] as string).trim() : '';
        const pick = typeof body[`v_${f}`] === 'string' ? (body[`v_${f}`] as string) : '';
        const chosen = other !== '' ? other : pick;
        if (chosen !== '') {
          const n = /^\d{1,9}$/.test(chosen.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660)))
            ? Number(chosen.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660)))
            : NaN;
          if (Number.isNaN(n)) errors[f] = req.i18n.t('form.invalidNumber');
          else decided[f] = n;
        } else if (seen.length === 1) decided[f] = seen[0]!;
        else if (seen.length > 1) errors[f] = req.i18n.t('form.required');
      }
      if (Object.keys(errors).length) return sheetPage(req, reply, e, sheet.id, errors);
      await resolveSheet(db, sheet.id, decided, lastForm.ruleList, note, req.actor.user!.id, req.now);
      await audit(db, req.now, {
        actorUserId: req.actor.user!.id,
        action: 'election.sheet.resolved',
        targetType: 'count_sheet',
        targetId: sheet.id,
        ip: req.ip,
      });
      reply.flashNext('elections.sheet.resolved');
      return seeOther(reply, `/elections/${e.id}/sheets/${sheet.id}`);
    },
  );

  // ——— web entry ———

  async function entryPage(
    req: Req,
    reply: FastifyReply,
    e: Election,
    extra: { values?: Record<string, unknown>; errors?: Record<string, string> } = {},
  ) {
    const forms = await publishedForms(db, e.id);
    const fid = idOf(req.query.form);
    const form = forms.find((f) => f.id === fid) ?? null;
    const stations = await listStations(db, e.id);
    return renderPage(
      req,
      reply,
      <EntryPage
        e={e}
        forms={forms}
        form={form ? { ...form, questions: form.def.questions } : null}
        stations={stations.map((s) => ({ id: s.id, label: `${s.centre_code} ${s.code}` }))}
        entryKey={String(extra.values?.key ?? crypto.randomUUID())}
        {...extra}
      />,
      extra.errors ? 400 : 200,
    );
  }

  app.get<{ Params: { id: string }; Querystring: { form?: string } }>(
    '/elections/:id/entry',
    { config: { access: 'member' } },
    async (req, reply) => {
      const e = await load(req, req.params.id, 'change');
      if (!e) return reply.callNotFound();
      return entryPage(req as unknown as Req, reply, e);
    },
  );

  app.post<{ Params: { id: string }; Querystring: { form?: string } }>(
    '/elections/:id/entry',
    { config: { access: 'member' } },
    async (req, reply) => {
      const e = await load(req, req.params.id, 'change');
      if (!e) return reply.callNotFound();
      const forms = await publishedForms(db, e.id);
      const form = forms.find((f) => f.id === idOf(req.query.form));
      if (!form) return reply.callNotFound();
      const body = (req.body ?? {}) as Record<string, unknown>;
      const errors: Record<string, string> = {};
      const key = typeof body.key === 'string' ? body.key : '';
      if (!/^[0-9a-f-]{36}$/.test(key)) errors._form = req.i18n.t('form.invalid');
      const stationId = idOf(typeof body.station_id === 'string' ? body.station_id : undefined);
      const stations = await listStations(db, e.id);
      if (!stationId || !stations.some((s) => s.id === stationId)) errors.station_id = req.i18n.t('form.invalidChoice');
      const answers: Record<string, unknown> = {};
      for (const [k, val] of Object.entries(body)) {
        if (k === '_csrf' || k === 'key' || k === 'station_id' || k.endsWith('.dir')) continue;
        if (!k.startsWith('a_') || typeof val !== 'string') {
          errors._form = req.i18n.t('form.unknownFields');
          continue;
        }
        if (val.trim() !== '') answers[k.slice(2)] = val;
      }
      if (Object.keys(errors).length) return entryPage(req as unknown as Req, reply, e, { values: body, errors });
      const result = await ingestSubmission(
        db,
        dialect,
        {
          electionId: e.id,
          electionStatus: e.status,
          form,
          stationId: stationId!,
          observerId: null,
          enteredBy: req.actor.user!.id,
          source: 'web',
          key: `web:${key}`,
          rawAnswers: answers,
        },
        req.now,
      );
      if (result.status === 'invalid') {
        const errs = Object.fromEntries(
          Object.entries(result.errors).map(([q, code]) => [`a_${q}`, req.i18n.t(`elections.answer.${code}` as never)]),
        );
        return entryPage(req as unknown as Req, reply, e, { values: body, errors: errs });
      }
      if (result.status === 'keyConflict')
        return entryPage(req as unknown as Req, reply, e, {
          values: { ...body, key: crypto.randomUUID() },
          errors: { _form: req.i18n.t('elections.entry.alreadySent') },
        });
      reply.flashNext(result.sheetStatus === 'conflict' ? 'elections.entry.conflict' : 'elections.entry.saved');
      const sheet = (await getSubmission(db, e.id, result.id))?.sheet_id;
      return seeOther(
        reply,
        sheet ? `/elections/${e.id}/sheets/${sheet}` : `/elections/${e.id}/submissions/${result.id}`,
      );
    },
  );

  // ——— relayed text reports ———

  function errorText(tr: Translator, err: TextError): string {
    switch (err.code) {
      case 'unknownStation':
      case 'unknownCode':
      case 'noNumber':
      case 'duplicate':
        return tr.t(`elections.relay.err.${err.code}`, { code: err.value });
      case 'missing':
        return tr.t('elections.relay.err.missing', { codes: err.codes.join(' ') });
      case 'votersMismatch':
        return tr.t('elections.relay.err.votersMismatch', { v: err.v, w: err.w, m: err.m });
      case 'noIncidentText':
        return tr.t('elections.relay.err.noIncidentText');
      case 'tooLong':
        return tr.t('elections.relay.err.tooLong');
    }
  }

  async function handleLine(req: FastifyRequest, e: Election, line: TextLine, forms: FormRow[]): Promise<RelayReply> {
    const both = (fn: (tr: Translator) => string) => ({
      ar: trAr.t('elections.relay.line', { line: line.line, text: fn(trAr) }),
      en: trEn.t('elections.relay.line', { line: line.line, text: fn(trEn) }),
    });
    if (!line.ok)
      return {
        line: line.line,
        ok: false,
        ...both(
          (tr) =>
            `${line.stationCode ? `${line.stationCode}: ` : ''}${line.errors.map((x) => errorText(tr, x)).join(' ')}`,
        ),
      };
    if (line.kind === 'nonet') {
      const obs = await observersAtStation(db, line.stationId);
      await setNoNetwork(
        db,
        obs.map((o) => o.id),
        req.now,
      );
      return {
        line: line.line,
        ok: true,
        ...both((tr) => tr.t('elections.relay.ok.nonet', { station: line.stationCode })),
      };
    }
    const kind = line.kind === 'count' ? 'count' : 'incident';
    const form = forms.find((f) => f.kind === kind);
    if (!form) return { line: line.line, ok: false, ...both((tr) => tr.t('elections.relay.err.noForm')) };
    let raw: Record<string, unknown>;
    let useForm = form;
    if (line.kind === 'count') raw = line.values;
    else {
      const textQ = form.def.questions.find((q) => q.type === 'text' && !q.showIf);
      if (!textQ) return { line: line.line, ok: false, ...both((tr) => tr.t('elections.relay.err.noForm')) };
      raw = { [textQ.id]: line.note };
      // A relayed incident carries only its text; the form's other questions are left for the follow-up.
      useForm = { ...form, def: { questions: form.def.questions.map((q) => ({ ...q, required: false })) } };
    }
    const key = `text:${e.id}:${crypto
      .createHash('sha256')
      .update(`${line.stationId}|${line.kind}|${toJson(raw)}`)
      .digest('hex')}`;
    const result: IngestResult = await ingestSubmission(
      db,
      dialect,
      {
        electionId: e.id,
        electionStatus: e.status,
        form: useForm,
        stationId: line.stationId,
        observerId: null,
        enteredBy: req.actor.user!.id,
        source: 'text',
        key,
        rawAnswers: raw,
        extraFlags: [{ kind: 'relayed' }],
        forceCritical: line.kind === 'incident',
      },
      req.now,
    );
    if (result.status === 'invalid')
      return {
        line: line.line,
        ok: false,
        ...both((tr) => tr.t('elections.relay.err.invalid', { fields: Object.keys(result.errors).join(', ') })),
      };
    if (result.status === 'keyConflict')
      return { line: line.line, ok: false, ...both((tr) => tr.t('elections.relay.err.invalid', { fields: '' })) };
    if (result.status === 'duplicate')
      return {
        line: line.line,
        ok: true,
        ...both((tr) => tr.t('elections.relay.ok.duplicate', { station: line.stationCode })),
      };
    if (line.kind === 'incident')
      return {
        line: line.line,
        ok: true,
        ...both((tr) => tr.t('elections.relay.ok.incident', { station: line.stationCode })),
      };
    const v = line.values;
    return {
      line: line.line,
      ok: true,
      ...both((tr) => {
        let s = tr.t('elections.relay.ok.count', {
          station: line.stationCode,
          voters: v.voters_women! + v.voters_men!,
          women: v.voters_women!,
          men: v.voters_men!,
        });
        for (const d of line.derived) s += ` ${tr.t('elections.relay.ok.derived', { code: d.code, value: d.value })}`;
        if (result.sheetStatus === 'conflict') s += ` ${tr.t('elections.relay.ok.conflict')}`;
        const rules = result.flags.filter((f) => f.kind === 'rule');
        if (rules.length) s += ` ${tr.t('elections.relay.ok.flagged', { count: rules.length })}`;
        return s;
      }),
    };
  }

  async function relayPage(
    req: FastifyRequest,
    reply: FastifyReply,
    e: Election,
    text = '',
    replies: RelayReply[] | null = null,
    errors?: Record<string, string>,
  ) {
    const candidates = await electionCandidates(db, e.id);
    return renderPage(
      req,
      reply,
      <RelayPage e={e} text={text} replies={replies} errors={errors} codes={candidates.map((c) => c.code)} />,
      errors ? 400 : 200,
    );
  }

  app.get<{ Params: { id: string } }>('/elections/:id/relay', { config: { access: 'member' } }, async (req, reply) => {
    const e = await load(req, req.params.id, 'change');
    if (!e) return reply.callNotFound();
    return relayPage(req, reply, e);
  });

  app.post<{ Params: { id: string } }>('/elections/:id/relay', { config: { access: 'member' } }, async (req, reply) => {
    const e = await load(req, req.params.id, 'change');
    if (!e) return reply.callNotFound();
    const form = parseForm(relayForm, req.body, req.i18n);
    if (!form.ok) return relayPage(req, reply, e, String(form.raw.text ?? ''), null, form.errors);
    const [stations, candidates, forms] = await Promise.all([
      listStations(db, e.id),
      electionCandidates(db, e.id),
      publishedForms(db, e.id),
    ]);
    const lines = parseTextReports(form.data.text, {
      stations: stations.map((s) => ({ id: s.id, centre: s.centre_code, station: s.code })),
      candidateCodes: candidates.map((c) => c.code),
    });
    const replies: RelayReply[] = [];
    for (const line of lines) replies.push(await handleLine(req, e, line, forms));
    await saveTextReport(
      db,
      e.id,
      req.actor.user!.id,
      form.data.text,
      replies.map((r) => ({ line: r.line, ok: r.ok })),
      req.now,
    );
    // The answer is the parse result itself (nothing to re-post: each line is idempotent).
    return relayPage(req, reply, e, replies.some((r) => !r.ok) ? form.data.text : '', replies);
  });

  // ——— the statement ———

  async function statementRows(e: Election) {
    const rows = await listStatements(db, e.id);
    const users = new Map(
      (
        await db
          .selectFrom('users')
          .select(['id', 'display_name'])
          .where('id', 'in', [0, ...rows.flatMap((r) => [r.drafted_by, r.approved_by ?? 0])])
          .execute()
      ).map((u) => [u.id, u.display_name]),
    );
    return rows.map((r) => ({
      ...r,
      drafted_by_name: users.get(r.drafted_by) ?? '',
      approved_by_name: r.approved_by ? (users.get(r.approved_by) ?? '') : null,
      figures: fromJson<StatementFigures>(r.figures, null as never),
    }));
  }

  async function statementPage(
    req: FastifyRequest,
    reply: FastifyReply,
    e: Election,
    extra: { values?: Record<string, unknown>; errors?: Record<string, string> } = {},
  ) {
    const rows = await statementRows(e);
    const [live, results] = await Promise.all([freezeFigures(db, e, req.now), computeResults(db, e)]);
    return renderPage(
      req,
      reply,
      <StatementPage
        e={e}
        live={live}
        conflicts={results.conflicts}
        draft={rows.find((r) => r.status === 'draft') ?? null}
        published={rows.filter((r) => r.status === 'published')}
        actorId={req.actor.user!.id}
        canChange={canChange(req, e)}
        defaultCutoff={damascusLocal(req.now)}
        {...extra}
      />,
      extra.errors ? 400 : 200,
    );
  }

  app.get<{ Params: { id: string } }>(
    '/elections/:id/statement',
    { config: { access: 'member' } },
    async (req, reply) => {
      const e = await load(req, req.params.id, 'coordinate');
      if (!e) return reply.callNotFound();
      return statementPage(req, reply, e);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/elections/:id/statement',
    { config: { access: 'member' } },
    async (req, reply) => {
      const e = await load(req, req.params.id, 'change');
      if (!e) return reply.callNotFound();
      const form = parseForm(statementDraftForm, req.body, req.i18n);
      if (!form.ok) return statementPage(req, reply, e, { values: form.raw, errors: form.errors });
      const rows = await statementRows(e);
      const errors: Record<string, string> = {};
      if (rows.some((r) => r.status === 'draft')) errors._form = req.i18n.t('elections.statement.draftExists');
      const hasPublished = rows.some((r) => r.status === 'published');
      if (hasPublished && !form.data.change_note_ar)
        errors.change_note_ar = req.i18n.t('elections.statement.needChange');
      if (hasPublished && !form.data.change_note_en)
        errors.change_note_en = req.i18n.t('elections.statement.needChange');
      const cutoff = new Date(Date.parse(`${form.data.cutoff}:00Z`) - DAMASCUS_OFFSET_MS);
      if (Number.isNaN(cutoff.getTime()) || cutoff.getTime() > req.now.getTime() + 60_000)
        errors.cutoff = req.i18n.t('elections.statement.cutoffFuture');
      if (Object.keys(errors).length) return statementPage(req, reply, e, { values: form.raw, errors });
      const network = await db
        .selectFrom('networks')
        .select(['name_ar', 'name_en'])
        .where('id', '=', e.network_id)
        .executeTakeFirstOrThrow();
      const figures = await freezeFigures(db, e, cutoff);
      const join = (a: string, b: string) => (b ? `${a}\n\n${b}` : a);
      await db
        .insertInto('election_statements')
        .values({
          election_id: e.id,
          version: 0,
          status: 'draft',
          figures: toJson(figures),
          text_ar: join(statementText(trAr, figures, network.name_ar), form.data.remarks_ar),
          text_en: join(statementText(trEn, figures, network.name_en), form.data.remarks_en),
          change_note_ar: form.data.change_note_ar,
          change_note_en: form.data.change_note_en,
          cutoff_at: cutoff.toISOString(),
          drafted_by: req.actor.user!.id,
          drafted_at: req.now.toISOString(),
          approved_by: null,
          approved_at: null,
          published_on: null,
        })
        .execute();
      await audit(db, req.now, {
        actorUserId: req.actor.user!.id,
        action: 'election.statement.drafted',
        targetType: 'election',
        targetId: e.id,
        ip: req.ip,
      });
      reply.flashNext('elections.statement.drafted');
      return seeOther(reply, `/elections/${e.id}/statement`);
    },
  );

  app.post<{ Params: { id: string; sid: string } }>(
    '/elections/:id/statement/:sid/approve',
    { config: { access: 'member' } },
    async (req, reply) => {
      const e = await load(req, req.params.id, 'change');
      const sid = idOf(req.params.sid);
      const s = e && sid ? await getStatement(db, e.id, sid) : null;
      if (!e || !s || s.status !== 'draft' || !parseForm(emptyForm, req.body, req.i18n).ok) return reply.callNotFound();
      // A second person approves: the drafter cannot.
      if (s.drafted_by === req.actor.user!.id)
        return statementPage(req, reply, e, { errors: { _form: req.i18n.t('elections.statement.needSecond') } });
      const version = await db.transaction().execute(async (trx) => {
        const last = await trx
          .selectFrom('election_statements')
          .select((eb) => eb.fn.max('version').as('v'))
          .where('election_id', '=', e.id)
          .where('status', '=', 'published')
          .executeTakeFirst();
        const v = Number(last?.v ?? 0) + 1;
        const res = await trx
          .updateTable('election_statements')
          .set({
            status: 'published',
            version: v,
            approved_by: req.actor.user!.id,
            approved_at: req.now.toISOString(),
            published_on: damascusDay(req.now),
          })
          .where('id', '=', s.id)
          .where('status', '=', 'draft')
          .executeTakeFirst();
        return Number(res.numUpdatedRows) === 1 ? v : null;
      });
      if (version === null) return seeOther(reply, `/elections/${e.id}/statement`);
      await audit(db, req.now, {
        actorUserId: req.actor.user!.id,
        action: 'election.statement.published',
        targetType: 'election',
        targetId: e.id,
        details: { version },
        ip: req.ip,
      });
      reply.flashNext('elections.statement.publishedFlash');
      return seeOther(reply, `/elections/${e.id}/results`);
    },
  );

  app.post<{ Params: { id: string; sid: string } }>(
    '/elections/:id/statement/:sid/discard',
    { config: { access: 'member' } },
    async (req, reply) => {
      const e = await load(req, req.params.id, 'change');
      const sid = idOf(req.params.sid);
      const s = e && sid ? await getStatement(db, e.id, sid) : null;
      if (!e || !s || s.status !== 'draft' || !parseForm(emptyForm, req.body, req.i18n).ok) return reply.callNotFound();
      await db.updateTable('election_statements').set({ status: 'discarded' }).where('id', '=', s.id).execute();
      reply.flashNext('common.deleted');
      return seeOther(reply, `/elections/${e.id}/statement`);
    },
  );
};
