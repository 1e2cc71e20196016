// Programmes: projects, activities, advocacy visits, indicators and certificate verification
// (public URLs: /projects, /projects/:id, /trainings, /trainings/:id, /certificates/:code,
// /indicators). Training management lives in training-routes.tsx. See README.md.
import fs from 'node:fs';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { audit } from '../../core/audit/index.js';
import { authorize } from '../../core/auth/authorize.js';
import { hasNetworkRole } from '../../core/auth/actor.js';
import { parseForm, seeOther } from '../../core/http/forms.js';
import { renderPage } from '../../core/http/render.js';
import { uploadErrorMessage } from '../../core/media/index.js';
import { INTERNAL_THRESHOLD, PUBLIC_THRESHOLD, suppressTable } from '../../core/stats/suppression.js';
import { toCsv, toXlsx } from '../../core/stats/export.js';
import { publishFromFeature } from '../publishing/actions.js';
import { publishedByIds } from '../publishing/queries.js';
import { actingOrgs, projectResource } from './permissions.js';
import { buildIndicators } from './indicators.js';
import {
  activeOrganizations,
  addActivityPhoto,
  addRecommendation,
  addTarget,
  defaultNetworkId,
  deleteTarget,
  existingTownCodes,
  findValidCertificate,
  followUpRecommendation,
  getActivity,
  getCourse,
  getRecommendation,
  getVisit,
  listActivities,
  listCohorts,
  listCourses,
  listProjects,
  listVisits,
  markActivityPublished,
  organizationNames,
  saveActivity,
  saveProject,
  saveVisit,
  townChoices,
  townNames,
} from './queries.js';
import { normalizeCode } from './rules.js';
import {
  activityForm,
  countsFrom,
  followupForm,
  indicatorsQuery,
  lookupQuery,
  projectForm,
  recommendationForm,
  targetDeleteForm,
  targetForm,
  visitForm,
} from './schemas.js';
import { filesOf, loadProgrammesCss, myOrgIds, ownsRecord, projectFor, today, toId } from './route-helpers.js';
import { trainingRoutes } from './training-routes.js';
import { CertificateLookupPage, CertificateVerifyPage } from './views/certificates.js';
import { IndicatorsPage, ProgrammesHomePage, reportRows, type Labels } from './views/indicators.js';
import { ProjectFormPage, ProjectInternalPage, ProjectPage, ProjectsPage } from './views/projects.js';
import { ActivityFormPage, ActivityPage, VisitFormPage, VisitPage, orgOptions, townOptions } from './views/records.js';
import { day, pick } from './views/shared.js';

export const programmesRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.wasl;
  const css = loadProgrammesCss();

  app.get(css.href, { config: { access: 'public' } }, async (_req, reply) =>
    reply.header('cache-control', 'public, max-age=31536000, immutable').type('text/css; charset=utf-8').send(css.body),
  );

  await app.register(trainingRoutes, { stylesheet: css.href });

  const orgMap = async (ids: number[]) => organizationNames(db, ids);

  // ——— projects ———

  app.get('/projects', { config: { access: 'public' } }, async (req, reply) => {
    const networkId = await defaultNetworkId(db);
    const projects = networkId ? await listProjects(db, networkId) : [];
    const visible = projects
      .map((p) => ({ ...p, res: projectResource(p) }))
      .filter((p) => authorize(req.actor, 'view', p.res))
      .map((p) => ({ ...p, internal: authorize(req.actor, 'viewInternal', p.res) }));
    return renderPage(
      req,
      reply,
      <ProjectsPage
        projects={visible}
        orgs={await orgMap(visible.flatMap((p) => p.memberOrgIds))}
        canCreate={networkId !== null && hasNetworkRole(req.actor, 'networkAdmin', networkId)}
      />,
    );
  });

  async function projectFormOrgs() {
    const networkId = await defaultNetworkId(db);
    return networkId ? activeOrganizations(db, networkId) : [];
  }

  async function validateProjectTowns(towns: string[]) {
    const known = await existingTownCodes(db, towns);
    return towns.filter((p) => !known.has(p));
  }

  app.get('/projects/new', { config: { access: 'networkAdmin' } }, async (req, reply) =>
    renderPage(
      req,
      reply,
      <ProjectFormPage
        action="/projects"
        isNew
        values={{ start_date: today(req.now) }}
        orgs={await projectFormOrgs()}
      />,
    ),
  );

  app.post('/projects', { config: { access: 'networkAdmin' } }, async (req, reply) => {
    const networkId = await defaultNetworkId(db);
    if (!networkId || !hasNetworkRole(req.actor, 'networkAdmin', networkId)) return reply.callNotFound();
    const orgs = await projectFormOrgs();
    const form = parseForm(projectForm, req.body, req.i18n);
    const rerender = (errors: Record<string, string>) =>
      renderPage(
        req,
        reply,
        <ProjectFormPage action="/projects" isNew values={form.raw} errors={errors} orgs={orgs} />,
        400,
      );
    if (!form.ok) return rerender(form.errors);
    const orgIds = new Set(orgs.map((o) => o.id));
    if (!orgIds.has(form.data.coordinator_org_id) || form.data.members.some((m) => !orgIds.has(m)))
      return rerender({ members: req.i18n.t('form.invalidChoice') });
    const unknown = await validateProjectTowns(form.data.towns);
    if (unknown.length)
      return rerender({ towns: req.i18n.t('programmes.form.unknownTowns', { codes: unknown.join(', ') }) });
    const id = await saveProject(db, null, networkId, form.data, req.now);
    await audit(db, req.now, {
      actorUserId: req.actor.user!.id,
      action: 'programmes.project.created',
      targetType: 'programme_project',
      targetId: id,
      ip: req.ip,
    });
    reply.flashNext('common.saved');
    return seeOther(reply, `/projects/${id}/internal`);
  });

  app.get<{ Params: { id: string } }>('/projects/:id', { config: { access: 'public' } }, async (req, reply) => {
    const loaded = await projectFor(db, req, req.params.id, 'view');
    if (!loaded) return reply.callNotFound();
    const { project, res } = loaded;
    const canSeeInternal = authorize(req.actor, 'viewInternal', res);
    // Public figures use the public threshold even for staff: this is the public page.
    const report = await buildIndicators(
      db,
      { networkId: project.network_id, projectId: project.id, publicOnly: false },
      PUBLIC_THRESHOLD,
    );
    const [orgs, towns, courses, activities] = await Promise.all([
      orgMap([project.coordinator_org_id, ...project.memberOrgIds]),
      townNames(
        db,
        project.towns.map((t) => t.pcode),
      ),
      listCourses(db, { projectId: project.id }),
      listActivities(db, project.id),
    ]);
    // Activity reports the editors have published: a submitted report is not public yet.
    const reports = await publishedByIds(
      db,
      activities.flatMap((a) => (a.published_item_id ? [a.published_item_id] : [])),
    );
    return renderPage(
      req,
      reply,
      <ProjectPage
        project={project}
        orgs={orgs}
        towns={towns}
        targets={report.targets}
        threshold={PUBLIC_THRESHOLD}
        headline={report.headline}
        courses={courses}
        reports={activities
          .filter((a) => a.published_item_id && a.published_url && reports.has(a.published_item_id))
          .map((a) => ({ title: a.title, url: a.published_url!, held_on: a.held_on }))}
        canSeeInternal={canSeeInternal}
        canManage={authorize(req.actor, 'manage', res)}
      />,
    );
  });

  app.get<{ Params: { id: string } }>('/projects/:id/edit', { config: { access: 'member' } }, async (req, reply) => {
    const loaded = await projectFor(db, req, req.params.id, 'manage');
    if (!loaded) return reply.callNotFound();
    const p = loaded.project;
    const values = {
      ...p,
      members: p.memberOrgIds.map(String),
      towns: p.towns.map((t) => t.pcode).join(', '),
      is_public: p.is_public === 1,
      end_date: p.end_date ?? '',
    };
    return renderPage(
      req,
      reply,
      <ProjectFormPage
        action={`/projects/${p.id}/edit`}
        isNew={false}
        values={values}
        orgs={await projectFormOrgs()}
      />,
    );
  });

  app.post<{ Params: { id: string } }>('/projects/:id/edit', { config: { access: 'member' } }, async (req, reply) => {
    const loaded = await projectFor(db, req, req.params.id, 'manage');
    if (!loaded) return reply.callNotFound();
    const p = loaded.project;
    const orgs = await projectFormOrgs();
    const action = `/projects/${p.id}/edit`;
    const form = parseForm(projectForm, req.body, req.i18n);
    const rerender = (errors: Record<string, string>) =>
      renderPage(
        req,
        reply,
        <ProjectFormPage action={action} isNew={false} values={form.raw} errors={errors} orgs={orgs} />,
        400,
      );
    if (!form.ok) return rerender(form.errors);
    const orgIds = new Set(orgs.map((o) => o.id));
    if (!orgIds.has(form.data.coordinator_org_id) || form.data.members.some((m) => !orgIds.has(m)))
      return rerender({ members: req.i18n.t('form.invalidChoice') });
    // Coordinating staff (not network admins) cannot hand the project to another member.
    const isAdmin = hasNetworkRole(req.actor, 'networkAdmin', p.network_id);
    if (!isAdmin && form.data.coordinator_org_id !== p.coordinator_org_id)
      return rerender({ coordinator_org_id: req.i18n.t('programmes.project.coordinatorLocked') });
    const unknown = await validateProjectTowns(form.data.towns);
    if (unknown.length)
      return rerender({ towns: req.i18n.t('programmes.form.unknownTowns', { codes: unknown.join(', ') }) });
    await saveProject(db, p.id, p.network_id, form.data, req.now);
    await audit(db, req.now, {
      actorUserId: req.actor.user!.id,
      action: 'programmes.project.edited',
      targetType: 'programme_project',
      targetId: p.id,
      ip: req.ip,
    });
    reply.flashNext('common.saved');
    return seeOther(reply, `/projects/${p.id}/internal`);
  });

  async function internalPage(
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: { targetErrors?: Record<string, string>; targetValues?: Record<string, unknown>; status?: number } = {},
  ) {
    const loaded = await projectFor(db, req, id, 'viewInternal');
    if (!loaded) return reply.callNotFound();
    const { project, res } = loaded;
    const mine = actingOrgs(req.actor, project.memberOrgIds);
    const [report, activities, visits, courses, myCohorts] = await Promise.all([
      buildIndicators(
        db,
        { networkId: project.network_id, projectId: project.id, publicOnly: false },
        INTERNAL_THRESHOLD,
      ),
      listActivities(db, project.id),
      listVisits(db, project.id),
      listCourses(db, { projectId: project.id }),
      listCohorts(db, { organizationIds: mine }),
    ]);
    const [orgs, towns] = await Promise.all([
      orgMap([project.coordinator_org_id, ...project.memberOrgIds]),
      townNames(db, [
        ...project.towns.map((t) => t.pcode),
        ...activities.map((a) => a.town_pcode),
        ...visits.map((v) => v.town_pcode),
        ...myCohorts.map((c) => c.town_pcode),
      ]),
    ]);
    return renderPage(
      req,
      reply,
      <ProjectInternalPage
        project={project}
        orgs={orgs}
        towns={towns}
        targets={report.targets}
        threshold={INTERNAL_THRESHOLD}
        activities={activities}
        visits={visits}
        courses={courses}
        myCohorts={myCohorts.filter((c) => c.project_id === project.id)}
        canManage={authorize(req.actor, 'manage', res)}
        canContribute={authorize(req.actor, 'contribute', res)}
        myOrgIds={mine}
        targetErrors={extra.targetErrors}
        targetValues={extra.targetValues}
      />,
      extra.status ?? 200,
    );
  }

  app.get<{ Params: { id: string } }>('/projects/:id/internal', { config: { access: 'member' } }, (req, reply) =>
    internalPage(req, reply, req.params.id),
  );

  app.post<{ Params: { id: string } }>(
    '/projects/:id/targets',
    { config: { access: 'member' } },
    async (req, reply) => {
      const loaded = await projectFor(db, req, req.params.id, 'manage');
      if (!loaded) return reply.callNotFound();
      const form = parseForm(targetForm, req.body, req.i18n);
      if (!form.ok)
        return internalPage(req, reply, req.params.id, {
          targetErrors: form.errors,
          targetValues: form.raw,
          status: 400,
        });
      if (form.data.metric === 'custom' && form.data.manual_value === null)
        return internalPage(req, reply, req.params.id, {
          targetErrors: { manual_value: req.i18n.t('form.required') },
          targetValues: form.raw,
          status: 400,
        });
      await addTarget(
        db,
        loaded.project.id,
        { ...form.data, manual_value: form.data.metric === 'custom' ? form.data.manual_value : null },
        req.now,
      );
      reply.flashNext('common.saved');
      return seeOther(reply, `/projects/${loaded.project.id}/internal#targets`);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/projects/:id/targets/delete',
    { config: { access: 'member' } },
    async (req, reply) => {
      const loaded = await projectFor(db, req, req.params.id, 'manage');
      if (!loaded) return reply.callNotFound();
      const form = parseForm(targetDeleteForm, req.body, req.i18n);
      if (!form.ok || !(await deleteTarget(db, loaded.project.id, form.data.target_id))) return reply.callNotFound();
      reply.flashNext('common.deleted');
      return seeOther(reply, `/projects/${loaded.project.id}/internal#targets`);
    },
  );

  // ——— activities ———

  async function recordFormChoices(
    req: FastifyRequest,
    project: { id: number; network_id: number; memberOrgIds: number[] },
  ) {
    const mine = actingOrgs(req.actor, project.memberOrgIds);
    const [orgs, towns] = await Promise.all([
      orgMap(mine),
      townChoices(db, { projectId: project.id, networkId: project.network_id }),
    ]);
    return { mine, orgOptions: orgOptions(req.i18n, mine, orgs), towns, townOptions: townOptions(req.i18n, towns) };
  }

  app.get<{ Params: { id: string } }>(
    '/projects/:id/activities/new',
    { config: { access: 'orgStaff' } },
    async (req, reply) => {
      const loaded = await projectFor(db, req, req.params.id, 'contribute');
      if (!loaded) return reply.callNotFound();
      const p = loaded.project;
      const c = await recordFormChoices(req, p);
      return renderPage(
        req,
        reply,
        <ActivityFormPage
          action={`/projects/${p.id}/activities`}
          isNew
          projectName={pick(req.i18n, p.name_ar, p.name_en)}
          values={{ held_on: today(req.now), organization_id: c.mine[0] }}
          orgOptions={c.orgOptions}
          townOptions={c.townOptions}
        />,
      );
    },
  );

  async function saveActivityFromForm(
    req: FastifyRequest,
    reply: FastifyReply,
    projectId: string,
    activityId: number | null,
  ) {
    const loaded = await projectFor(db, req, projectId, 'contribute');
    if (!loaded) return reply.callNotFound();
    const p = loaded.project;
    const c = await recordFormChoices(req, p);
    const action = activityId ? `/programmes/activities/${activityId}/edit` : `/projects/${p.id}/activities`;
    const form = parseForm(activityForm, req.body, req.i18n);
    const rerender = (errors: Record<string, string>) =>
      renderPage(
        req,
        reply,
        <ActivityFormPage
          action={action}
          isNew={activityId === null}
          projectName={pick(req.i18n, p.name_ar, p.name_en)}
          values={form.raw}
          errors={errors}
          orgOptions={c.orgOptions}
          townOptions={c.townOptions}
        />,
        400,
      );
    if (!form.ok) return rerender(form.errors);
    if (!c.mine.includes(form.data.organization_id))
      return rerender({ organization_id: req.i18n.t('form.invalidChoice') });
    if (!c.towns.some((t) => t.pcode === form.data.town_pcode))
      return rerender({ town_pcode: req.i18n.t('form.invalidChoice') });
    const photos = activityId === null ? filesOf(form.data.photos) : [];
    const saved: string[] = [];
    for (const file of photos) {
      const r = await app.wasl.media.save(
        db,
        file,
        { userId: req.actor.user!.id, organizationId: form.data.organization_id, isPublic: false, imagesOnly: true },
        req.now,
      );
      if (!r.ok) return rerender({ photos: uploadErrorMessage(req.i18n, r.error) });
      saved.push(r.media.id);
    }
    const id = await saveActivity(
      db,
      activityId,
      p.id,
      { ...form.data, counts: countsFrom(form.data as Record<string, unknown>) },
      req.actor.user!.id,
      req.now,
    );
    for (const mediaId of saved) await addActivityPhoto(db, id, mediaId, req.now);
    reply.flashNext('common.saved');
    return seeOther(reply, `/programmes/activities/${id}`);
  }

  app.post<{ Params: { id: string } }>('/projects/:id/activities', { config: { access: 'orgStaff' } }, (req, reply) =>
    saveActivityFromForm(req, reply, req.params.id, null),
  );

  /** The activity, if the actor may see it (project internal page), with ownership. */
  async function visibleActivity(req: FastifyRequest, id: string) {
    const n = toId(id);
    if (n === null) return null;
    const activity = await getActivity(db, n);
    if (!activity) return null;
    const loaded = await projectFor(db, req, String(activity.project_id), 'viewInternal');
    if (!loaded) return null;
    return { activity, project: loaded.project, isOwn: ownsRecord(req, activity.organization_id) };
  }

  async function activityPage(
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    errors?: Record<string, string>,
    status = 200,
  ) {
    const found = await visibleActivity(req, id);
    if (!found) return reply.callNotFound();
    const { activity, project, isOwn } = found;
    const [orgs, towns] = await Promise.all([orgMap([activity.organization_id]), townNames(db, [activity.town_pcode])]);
    return renderPage(
      req,
      reply,
      <ActivityPage
        activity={{ ...activity, notes: isOwn ? activity.notes : '', photos: isOwn ? activity.photos : [] }}
        projectName={pick(req.i18n, project.name_ar, project.name_en)}
        orgs={orgs}
        towns={towns}
        isOwn={isOwn}
        canPublish={isOwn}
        errors={errors}
      />,
      status,
    );
  }

  app.get<{ Params: { id: string } }>('/programmes/activities/:id', { config: { access: 'member' } }, (req, reply) =>
    activityPage(req, reply, req.params.id),
  );

  app.get<{ Params: { id: string } }>(
    '/programmes/activities/:id/edit',
    { config: { access: 'orgStaff' } },
    async (req, reply) => {
      const found = await visibleActivity(req, req.params.id);
      if (!found || !found.isOwn) return reply.callNotFound();
      const { activity: a, project: p } = found;
      const c = await recordFormChoices(req, p);
      const values: Record<string, unknown> = { ...a };
      for (const cnt of a.counts) values[`n_${cnt.gender}_${cnt.age_band}`] = cnt.count;
      return renderPage(
        req,
        reply,
        <ActivityFormPage
          action={`/programmes/activities/${a.id}/edit`}
          isNew={false}
          projectName={pick(req.i18n, p.name_ar, p.name_en)}
          values={values}
          orgOptions={c.orgOptions}
          townOptions={c.townOptions}
        />,
      );
    },
  );

  app.post<{ Params: { id: string } }>(
    '/programmes/activities/:id/edit',
    { config: { access: 'orgStaff' } },
    async (req, reply) => {
      const found = await visibleActivity(req, req.params.id);
      if (!found || !found.isOwn) return reply.callNotFound();
      return saveActivityFromForm(req, reply, String(found.project.id), found.activity.id);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/programmes/activities/:id/photos',
    { config: { access: 'orgStaff' } },
    async (req, reply) => {
      const found = await visibleActivity(req, req.params.id);
      if (!found || !found.isOwn) return reply.callNotFound();
      const body = (req.body ?? {}) as Record<string, unknown>;
      const unknownField = Object.keys(body).some((k) => k !== '_csrf' && k !== 'photos');
      const files = filesOf(body.photos);
      if (unknownField || !files.length)
        return activityPage(req, reply, req.params.id, { photos: req.i18n.t('programmes.activity.noFile') }, 400);
      for (const file of files) {
        const r = await app.wasl.media.save(
          db,
          file,
          {
            userId: req.actor.user!.id,
            organizationId: found.activity.organization_id,
            isPublic: false,
            imagesOnly: true,
          },
          req.now,
        );
        if (!r.ok)
          return activityPage(req, reply, req.params.id, { photos: uploadErrorMessage(req.i18n, r.error) }, 400);
        await addActivityPhoto(db, found.activity.id, r.media.id, req.now);
      }
      reply.flashNext('common.saved');
      return seeOther(reply, `/programmes/activities/${found.activity.id}`);
    },
  );

  // Private photos: the organizing member's staff only.
  app.get<{ Params: { id: string; media: string; file: string } }>(
    '/programmes/activities/:id/photos/:media/:file',
    { config: { access: 'orgStaff' } },
    async (req, reply) => {
      const found = await visibleActivity(req, req.params.id);
      if (!found || !found.isOwn) return reply.callNotFound();
      const photo = found.activity.photos.find((p) => p.id === req.params.media);
      const full = app.wasl.media.filePath(req.params.media, req.params.file);
      if (!photo || !full || !Object.values(photo.variants).includes(req.params.file) || !fs.existsSync(full))
        return reply.callNotFound();
      return reply
        .header('cache-control', 'private, no-store')
        .header('content-disposition', 'inline')
        .type('image/webp')
        .send(fs.createReadStream(full));
    },
  );

  app.post<{ Params: { id: string } }>(
    '/programmes/activities/:id/publish',
    { config: { access: 'orgStaff' } },
    async (req, reply) => {
      const found = await visibleActivity(req, req.params.id);
      if (!found || !found.isOwn) return reply.callNotFound();
      const { activity: a, project: p } = found;
      const { t } = req.i18n;
      // Participants in the public report: small numbers hidden like every public figure.
      const f = a.counts.filter((c) => c.gender === 'f').reduce((s, c) => s + c.count, 0);
      const m = a.counts.filter((c) => c.gender === 'm').reduce((s, c) => s + c.count, 0);
      const sup = suppressTable([[f, m]], PUBLIC_THRESHOLD, { withTotals: true });
      const fig = (v: number | null) =>
        v === null ? t('programmes.ind.suppressed', { n: PUBLIC_THRESHOLD }) : req.i18n.number(v);
      const [towns] = await Promise.all([townNames(db, [a.town_pcode])]);
      const town = towns.get(a.town_pcode);
      const lines = [
        a.summary,
        '',
        `- ${t('programmes.activity.kind')}: ${t(`programmes.kind.${a.kind}` as never)}`,
        `- ${t('programmes.activity.date')}: ${day(req.i18n, a.held_on)}`,
        `- ${t('programmes.activity.town')}: ${town ? pick(req.i18n, town.name_ar, town.name_en) : a.town_pcode}`,
        `- ${t('programmes.ind.participants')}: ${fig(sup.grandTotal)} (${t('programmes.gender.f')}: ${fig(sup.cells[0]![0]!)}، ${t('programmes.gender.m')}: ${fig(sup.cells[0]![1]!)})`,
        // A project that is not public is not named: the report may be published.
        ...(p.is_public === 1 ? [`- ${t('programmes.report.project')}: ${pick(req.i18n, p.name_ar, p.name_en)}`] : []),
      ];
      const result = await publishFromFeature(
        app.wasl,
        {
          kind: 'activity',
          organizationId: a.organization_id,
          title: a.title,
          summary: a.summary.slice(0, 600),
          body: lines.join('\n'),
          lang: req.i18n.locale === 'en' ? 'en' : 'ar',
          towns: [a.town_pcode],
          projectId: p.id,
          authorUserId: req.actor.user!.id,
          source: { feature: 'programmes', id: `activity:${a.id}` },
        },
        req.now,
      );
      await markActivityPublished(db, a.id, result.id, result.url);
      await audit(db, req.now, {
        actorUserId: req.actor.user!.id,
        action: 'programmes.activity.published',
        targetType: 'programme_activity',
        targetId: a.id,
        organizationId: a.organization_id,
        ip: req.ip,
      });
      reply.flashNext('programmes.activity.submitted');
      return seeOther(reply, `/programmes/activities/${a.id}`);
    },
  );

  // ——— advocacy visits ———

  app.get<{ Params: { id: string } }>(
    '/projects/:id/visits/new',
    { config: { access: 'orgStaff' } },
    async (req, reply) => {
      const loaded = await projectFor(db, req, req.params.id, 'contribute');
      if (!loaded) return reply.callNotFound();
      const p = loaded.project;
      const c = await recordFormChoices(req, p);
      return renderPage(
        req,
        reply,
        <VisitFormPage
          action={`/projects/${p.id}/visits`}
          isNew
          projectName={pick(req.i18n, p.name_ar, p.name_en)}
          values={{ visited_on: today(req.now), organization_id: c.mine[0] }}
          orgOptions={c.orgOptions}
          townOptions={c.townOptions}
        />,
      );
    },
  );

  async function saveVisitFromForm(
    req: FastifyRequest,
    reply: FastifyReply,
    projectId: string,
    visitId: number | null,
  ) {
    const loaded = await projectFor(db, req, projectId, 'contribute');
    if (!loaded) return reply.callNotFound();
    const p = loaded.project;
    const c = await recordFormChoices(req, p);
    const action = visitId ? `/programmes/visits/${visitId}/edit` : `/projects/${p.id}/visits`;
    const form = parseForm(visitForm, req.body, req.i18n);
    const rerender = (errors: Record<string, string>) =>
      renderPage(
        req,
        reply,
        <VisitFormPage
          action={action}
          isNew={visitId === null}
          projectName={pick(req.i18n, p.name_ar, p.name_en)}
          values={form.raw}
          errors={errors}
          orgOptions={c.orgOptions}
          townOptions={c.townOptions}
        />,
        400,
      );
    if (!form.ok) return rerender(form.errors);
    if (!c.mine.includes(form.data.organization_id))
      return rerender({ organization_id: req.i18n.t('form.invalidChoice') });
    if (!c.towns.some((t) => t.pcode === form.data.town_pcode))
      return rerender({ town_pcode: req.i18n.t('form.invalidChoice') });
    const id = await saveVisit(db, visitId, p.id, form.data, req.actor.user!.id, req.now);
    reply.flashNext('common.saved');
    return seeOther(reply, `/programmes/visits/${id}`);
  }

  app.post<{ Params: { id: string } }>('/projects/:id/visits', { config: { access: 'orgStaff' } }, (req, reply) =>
    saveVisitFromForm(req, reply, req.params.id, null),
  );

  async function visibleVisit(req: FastifyRequest, id: string) {
    const n = toId(id);
    if (n === null) return null;
    const visit = await getVisit(db, n);
    if (!visit) return null;
    const loaded = await projectFor(db, req, String(visit.project_id), 'viewInternal');
    if (!loaded) return null;
    return { visit, project: loaded.project, isOwn: ownsRecord(req, visit.organization_id) };
  }

  async function visitPage(
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: { errors?: Record<string, string>; values?: Record<string, unknown>; status?: number } = {},
  ) {
    const found = await visibleVisit(req, id);
    if (!found) return reply.callNotFound();
    const { visit, project, isOwn } = found;
    const [orgs, towns] = await Promise.all([orgMap([visit.organization_id]), townNames(db, [visit.town_pcode])]);
    return renderPage(
      req,
      reply,
      <VisitPage
        visit={{ ...visit, notes: isOwn ? visit.notes : '' }}
        projectName={pick(req.i18n, project.name_ar, project.name_en)}
        orgs={orgs}
        towns={towns}
        isOwn={isOwn}
        today={today(req.now)}
        errors={extra.errors}
        values={extra.values}
      />,
      extra.status ?? 200,
    );
  }

  app.get<{ Params: { id: string } }>('/programmes/visits/:id', { config: { access: 'member' } }, (req, reply) =>
    visitPage(req, reply, req.params.id),
  );

  app.get<{ Params: { id: string } }>(
    '/programmes/visits/:id/edit',
    { config: { access: 'orgStaff' } },
    async (req, reply) => {
      const found = await visibleVisit(req, req.params.id);
      if (!found || !found.isOwn) return reply.callNotFound();
      const { visit: v, project: p } = found;
      const c = await recordFormChoices(req, p);
      return renderPage(
        req,
        reply,
        <VisitFormPage
          action={`/programmes/visits/${v.id}/edit`}
          isNew={false}
          projectName={pick(req.i18n, p.name_ar, p.name_en)}
          values={v}
          orgOptions={c.orgOptions}
          townOptions={c.townOptions}
        />,
      );
    },
  );

  app.post<{ Params: { id: string } }>(
    '/programmes/visits/:id/edit',
    { config: { access: 'orgStaff' } },
    async (req, reply) => {
      const found = await visibleVisit(req, req.params.id);
      if (!found || !found.isOwn) return reply.callNotFound();
      return saveVisitFromForm(req, reply, String(found.project.id), found.visit.id);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/programmes/visits/:id/recommendations',
    { config: { access: 'orgStaff' } },
    async (req, reply) => {
      const found = await visibleVisit(req, req.params.id);
      if (!found || !found.isOwn) return reply.callNotFound();
      const form = parseForm(recommendationForm, req.body, req.i18n);
      if (!form.ok) return visitPage(req, reply, req.params.id, { errors: form.errors, values: form.raw, status: 400 });
      await addRecommendation(db, found.visit.id, form.data, req.now);
      reply.flashNext('common.saved');
      return seeOther(reply, `/programmes/visits/${found.visit.id}`);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/programmes/recommendations/:id/follow-up',
    { config: { access: 'orgStaff' } },
    async (req, reply) => {
      const n = toId(req.params.id);
      const rec = n === null ? null : await getRecommendation(db, n);
      if (!rec || !ownsRecord(req, rec.organization_id)) return reply.callNotFound();
      const loaded = await projectFor(db, req, String(rec.project_id), 'viewInternal');
      if (!loaded) return reply.callNotFound();
      const form = parseForm(followupForm, req.body, req.i18n);
      if (!form.ok) return visitPage(req, reply, String(rec.visit_id), { errors: form.errors, status: 400 });
      await followUpRecommendation(db, rec.id, form.data, req.actor.user!.id, req.now);
      reply.flashNext('common.saved');
      return seeOther(reply, `/programmes/visits/${rec.visit_id}#rec-${rec.id}`);
    },
  );

  // ——— staff dashboard ———

  app.get('/programmes', { config: { access: 'member' } }, async (req, reply) => {
    const networkId = await defaultNetworkId(db);
    const projects = networkId ? await listProjects(db, networkId) : [];
    const mine = myOrgIds(req);
    const visible = projects.filter((p) => authorize(req.actor, 'viewInternal', projectResource(p)));
    const cohorts = await listCohorts(db, { organizationIds: mine });
    const orgs = await orgMap(mine);
    const counts = await Promise.all(
      mine.map(async (id) => {
        const row = await db
          .selectFrom('programme_trainees')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('organization_id', '=', id)
          .executeTakeFirst();
        return Number(row?.n ?? 0);
      }),
    );
    return renderPage(
      req,
      reply,
      <ProgrammesHomePage
        projects={visible}
        cohorts={cohorts}
        orgs={mine.map((id, i) => ({
          id,
          name: pick(req.i18n, orgs.get(id)?.name_ar ?? '', orgs.get(id)?.name_en ?? ''),
          trainees: counts[i]!,
        }))}
      />,
    );
  });

  // ——— certificates: public verification ———

  app.get('/certificates', { config: { access: 'public' } }, async (req, reply) => {
    const q = lookupQuery.safeParse(req.query);
    const raw = q.success ? (q.data.code ?? '') : '';
    if (raw.trim()) {
      const code = normalizeCode(raw);
      if (code) return reply.redirect(`/certificates/${code}`, 303);
      return renderPage(
        req,
        reply,
        <CertificateLookupPage code={raw} error={req.i18n.t('programmes.cert.badCode')} />,
        400,
      );
    }
    return renderPage(req, reply, <CertificateLookupPage code="" />);
  });

  app.get<{ Params: { code: string } }>('/certificates/:code', { config: { access: 'public' } }, async (req, reply) => {
    const code = normalizeCode(req.params.code);
    const cert = code ? await findValidCertificate(db, code) : null;
    if (!cert) return renderPage(req, reply, <CertificateVerifyPage found={null} code={req.params.code} />, 404);
    if (req.params.code !== code) return reply.redirect(`/certificates/${code}`, 301);
    const english = req.i18n.locale === 'en';
    return renderPage(
      req,
      reply,
      <CertificateVerifyPage
        code={code!}
        found={{
          name: english && cert.name_en ? cert.name_en : cert.name,
          course: english ? cert.title_en || cert.title_ar : cert.title_ar || cert.title_en,
          date: req.i18n.date(cert.issued_at),
        }}
      />,
    );
  });

  // ——— indicators ———

  async function labelsFor(report: Awaited<ReturnType<typeof buildIndicators>>): Promise<Labels> {
    const keys = (k: string) => report.tables.filter((t) => t.key === k).flatMap((t) => t.rows);
    const courseIds = [...keys('trainedByCourse'), ...keys('completedByCourse')].map(Number);
    const courseRows = await Promise.all([...new Set(courseIds)].map((id) => getCourse(db, id)));
    return {
      towns: await townNames(db, keys('trainedByTown')),
      orgs: await orgMap(keys('trainedByOrganization').map(Number)),
      courses: new Map(courseRows.filter((c) => c !== null).map((c) => [c!.id, c!])),
    };
  }

  async function publicIndicators(req: FastifyRequest) {
    const networkId = await defaultNetworkId(db);
    if (!networkId) return null;
    const q = indicatorsQuery.safeParse(req.query);
    const projects = (await listProjects(db, networkId)).filter((p) => p.is_public === 1);
    const projectId =
      q.success && q.data.project && projects.some((p) => p.id === q.data.project) ? q.data.project : null;
    const report = await buildIndicators(db, { networkId, projectId, publicOnly: true }, PUBLIC_THRESHOLD);
    return {
      report,
      projects,
      projectId,
      format: q.success ? q.data.format : undefined,
      labels: await labelsFor(report),
    };
  }

  app.get('/indicators', { config: { access: 'public' } }, async (req, reply) => {
    const r = await publicIndicators(req);
    if (!r) return reply.callNotFound();
    return renderPage(
      req,
      reply,
      <IndicatorsPage
        report={r.report}
        labels={r.labels}
        internal={false}
        projects={r.projects}
        projectId={r.projectId}
        basePath="/indicators"
      />,
    );
  });

  async function sendExport(
    req: FastifyRequest,
    reply: FastifyReply,
    r: {
      report: Awaited<ReturnType<typeof buildIndicators>>;
      labels: Labels;
      format: 'csv' | 'xlsx' | undefined;
      projectId: number | null;
    },
    internal: boolean,
  ) {
    const format = r.format ?? 'csv';
    const rows = reportRows(req.i18n, r.report, r.labels);
    await audit(db, req.now, {
      actorUserId: req.actor.user?.id ?? null,
      action: internal ? 'programmes.indicators.exported.internal' : 'programmes.indicators.exported',
      targetType: 'programme_project',
      targetId: r.projectId ?? undefined,
      details: { format, threshold: r.report.threshold },
      ip: req.ip,
    });
    const name = `indicators-${r.projectId ?? 'all'}-${today(req.now)}`;
    if (format === 'xlsx') {
      const buf = await toXlsx(req.i18n.t('programmes.ind.title'), rows);
      return reply
        .header('content-disposition', `attachment; filename="${name}.xlsx"`)
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .send(buf);
    }
    return reply
      .header('content-disposition', `attachment; filename="${name}.csv"`)
      .type('text/csv; charset=utf-8')
      .send(toCsv(rows));
  }

  app.get('/indicators/export', { config: { access: 'public' } }, async (req, reply) => {
    const r = await publicIndicators(req);
    if (!r) return reply.callNotFound();
    return sendExport(req, reply, r, false);
  });

  async function internalIndicators(req: FastifyRequest) {
    const networkId = await defaultNetworkId(db);
    if (!networkId) return null;
    const q = indicatorsQuery.safeParse(req.query);
    const projects = (await listProjects(db, networkId)).filter((p) =>
      authorize(req.actor, 'viewInternal', projectResource(p)),
    );
    if (!projects.length) return null;
    const projectId = q.success && q.data.project ? q.data.project : projects[0]!.id;
    const project = projects.find((p) => p.id === projectId);
    if (!project) return null;
    const report = await buildIndicators(db, { networkId, projectId, publicOnly: false }, INTERNAL_THRESHOLD);
    return {
      report,
      projects,
      projectId,
      format: q.success ? q.data.format : undefined,
      labels: await labelsFor(report),
    };
  }

  app.get('/programmes/indicators', { config: { access: 'member' } }, async (req, reply) => {
    const r = await internalIndicators(req);
    if (!r) return reply.callNotFound();
    return renderPage(
      req,
      reply,
      <IndicatorsPage
        report={r.report}
        labels={r.labels}
        internal
        projects={r.projects}
        projectId={r.projectId}
        basePath="/programmes/indicators"
      />,
    );
  });

  app.get('/programmes/indicators/export', { config: { access: 'member' } }, async (req, reply) => {
    const r = await internalIndicators(req);
    if (!r) return reply.callNotFound();
    return sendExport(req, reply, r, true);
  });
};
