// Training: courses (public pages; managed by the project's coordinators), cohorts with sessions,
// enrolment, attendance, scores and certificates (the running member's staff only), trainees
// (the registering member's staff only).
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { audit } from '../../core/audit/index.js';
import { authorize } from '../../core/auth/authorize.js';
import { parseForm, seeOther } from '../../core/http/forms.js';
import { renderPage } from '../../core/http/render.js';
import { PUBLIC_THRESHOLD } from '../../core/stats/suppression.js';
import { actingOrgs, projectResource } from './permissions.js';
import { buildIndicators } from './indicators.js';
import {
  addSession,
  cohortRoster,
  createTrainee,
  defaultNetworkId,
  enrol,
  getCertificate,
  getCohort,
  getCourse,
  getSession,
  getTrainee,
  issueCertificates,
  listCohorts,
  listCourses,
  listProjects,
  listSessions,
  listTrainees,
  organizationNames,
  removeTrainee,
  updateTrainee,
  revokeCertificate,
  saveAttendance,
  saveCohort,
  saveCourse,
  saveScores,
  sessionAttendance,
  setCertificateNameEn,
  townChoices,
  townNames,
  traineeEnrolments,
} from './queries.js';
import { CURRENT_CONSENT_VERSION, consentVersions, genders } from './rules.js';
import {
  attendanceForm,
  certificateNameForm,
  cohortForm,
  courseForm,
  emptyForm,
  enrolForm,
  removeTraineeForm,
  traineeEditForm,
  scoresForm,
  sessionForm,
  traineeForm,
} from './schemas.js';
import { myOrgIds, ownsRecord, projectFor, today, toId } from './route-helpers.js';
import { CertificateAdminPage, CertificatePrintPage } from './views/certificates.js';
import { orgOptions, townOptions } from './views/records.js';
import { pick } from './views/shared.js';
import {
  AttendancePage,
  CohortFormPage,
  CohortPage,
  CourseFormPage,
  CoursePage,
  TraineeFormPage,
  TraineePage,
  TraineesPage,
  TrainingsPage,
} from './views/training.js';

export const trainingRoutes: FastifyPluginAsync<{ stylesheet: string }> = async (app, opts) => {
  const { db } = app.wasl;
  const stylesheet = opts.stylesheet;

  // ——— courses ———

  app.get('/trainings', { config: { access: 'public' } }, async (req, reply) => {
    const networkId = await defaultNetworkId(db);
    const projects = networkId
      ? (await listProjects(db, networkId)).filter((p) => authorize(req.actor, 'view', projectResource(p)))
      : [];
    const courses = await listCourses(db, { projectIds: projects.map((p) => p.id) });
    const cohorts = await Promise.all(courses.map((c) => listCohorts(db, { courseId: c.id })));
    const groups = projects
      .map((p) => ({
        project: p,
        courses: courses
          .filter((c) => c.project_id === p.id)
          .map((c) => ({ ...c, cohorts: cohorts[courses.indexOf(c)]!.length })),
      }))
      .filter((g) => g.courses.length);
    const report = networkId ? await buildIndicators(db, { networkId, publicOnly: true }, PUBLIC_THRESHOLD) : null;
    return renderPage(
      req,
      reply,
      <TrainingsPage
        groups={groups}
        trained={report?.headline.trained ?? 0}
        completed={report?.headline.completed ?? 0}
        threshold={PUBLIC_THRESHOLD}
      />,
    );
  });

  async function visibleCourse(req: FastifyRequest, id: string, action: 'view' | 'manage' | 'contribute') {
    const n = toId(id);
    const course = n === null ? null : await getCourse(db, n);
    if (!course) return null;
    const loaded = await projectFor(db, req, String(course.project_id), action);
    return loaded ? { course, ...loaded } : null;
  }

  app.get<{ Params: { id: string } }>('/trainings/:id', { config: { access: 'public' } }, async (req, reply) => {
    const found = await visibleCourse(req, req.params.id, 'view');
    if (!found) return reply.callNotFound();
    const { course, project, res } = found;
    const cohorts = await listCohorts(db, { courseId: course.id });
    const report = await buildIndicators(
      db,
      { networkId: project.network_id, projectId: project.id, publicOnly: false },
      PUBLIC_THRESHOLD,
    );
    const rowOf = (key: string) => {
      const tb = report.tables.find((t) => t.key === key);
      const i = tb ? tb.rows.indexOf(String(course.id)) : -1;
      return i >= 0 ? tb!.cells[i]! : genders.map(() => 0);
    };
    const cohortTowns = [...new Set(cohorts.map((c) => c.town_pcode))];
    const mine = actingOrgs(req.actor, project.memberOrgIds);
    return renderPage(
      req,
      reply,
      <CoursePage
        course={course}
        projectName={pick(req.i18n, project.name_ar, project.name_en)}
        cohorts={cohorts.length}
        cohortTowns={cohortTowns}
        towns={await townNames(db, cohortTowns)}
        figures={{ trained: rowOf('trainedByCourse'), completed: rowOf('completedByCourse') }}
        threshold={PUBLIC_THRESHOLD}
        canManage={authorize(req.actor, 'manage', res)}
        canContribute={authorize(req.actor, 'contribute', res)}
        myCohorts={cohorts.filter((c) => mine.includes(c.organization_id))}
      />,
    );
  });

  app.get<{ Params: { id: string } }>(
    '/projects/:id/courses/new',
    { config: { access: 'member' } },
    async (req, reply) => {
      const loaded = await projectFor(db, req, req.params.id, 'manage');
      if (!loaded) return reply.callNotFound();
      return renderPage(
        req,
        reply,
        <CourseFormPage action={`/projects/${loaded.project.id}/courses`} isNew values={{ min_attendance_pct: 80 }} />,
      );
    },
  );

  app.post<{ Params: { id: string } }>(
    '/projects/:id/courses',
    { config: { access: 'member' } },
    async (req, reply) => {
      const loaded = await projectFor(db, req, req.params.id, 'manage');
      if (!loaded) return reply.callNotFound();
      const form = parseForm(courseForm, req.body, req.i18n);
      if (!form.ok)
        return renderPage(
          req,
          reply,
          <CourseFormPage
            action={`/projects/${loaded.project.id}/courses`}
            isNew
            values={form.raw}
            errors={form.errors}
          />,
          400,
        );
      const id = await saveCourse(db, null, loaded.project.id, form.data, req.now);
      reply.flashNext('common.saved');
      return seeOther(reply, `/trainings/${id}`);
    },
  );

  app.get<{ Params: { id: string } }>('/trainings/:id/edit', { config: { access: 'member' } }, async (req, reply) => {
    const found = await visibleCourse(req, req.params.id, 'manage');
    if (!found) return reply.callNotFound();
    return renderPage(
      req,
      reply,
      <CourseFormPage
        action={`/trainings/${found.course.id}/edit`}
        isNew={false}
        values={{ ...found.course, min_post_score: found.course.min_post_score ?? '' }}
      />,
    );
  });

  app.post<{ Params: { id: string } }>('/trainings/:id/edit', { config: { access: 'member' } }, async (req, reply) => {
    const found = await visibleCourse(req, req.params.id, 'manage');
    if (!found) return reply.callNotFound();
    const form = parseForm(courseForm, req.body, req.i18n);
    if (!form.ok)
      return renderPage(
        req,
        reply,
        <CourseFormPage
          action={`/trainings/${found.course.id}/edit`}
          isNew={false}
          values={form.raw}
          errors={form.errors}
        />,
        400,
      );
    await saveCourse(db, found.course.id, found.project.id, form.data, req.now);
    reply.flashNext('common.saved');
    return seeOther(reply, `/trainings/${found.course.id}`);
  });

  // ——— cohorts ———

  async function cohortChoices(
    req: FastifyRequest,
    project: { id: number; network_id: number; memberOrgIds: number[] },
  ) {
    const mine = actingOrgs(req.actor, project.memberOrgIds);
    const [orgs, towns] = await Promise.all([
      organizationNames(db, mine),
      townChoices(db, { projectId: project.id, networkId: project.network_id }),
    ]);
    return { mine, orgOptions: orgOptions(req.i18n, mine, orgs), towns, townOptions: townOptions(req.i18n, towns) };
  }

  app.get<{ Params: { id: string } }>(
    '/trainings/:id/cohorts/new',
    { config: { access: 'orgStaff' } },
    async (req, reply) => {
      const found = await visibleCourse(req, req.params.id, 'contribute');
      if (!found) return reply.callNotFound();
      const c = await cohortChoices(req, found.project);
      return renderPage(
        req,
        reply,
        <CohortFormPage
          action={`/trainings/${found.course.id}/cohorts`}
          courseTitle={pick(req.i18n, found.course.title_ar, found.course.title_en)}
          values={{ start_date: today(req.now), end_date: today(req.now), organization_id: c.mine[0] }}
          orgOptions={c.orgOptions}
          townOptions={c.townOptions}
        />,
      );
    },
  );

  app.post<{ Params: { id: string } }>(
    '/trainings/:id/cohorts',
    { config: { access: 'orgStaff' } },
    async (req, reply) => {
      const found = await visibleCourse(req, req.params.id, 'contribute');
      if (!found) return reply.callNotFound();
      const c = await cohortChoices(req, found.project);
      const form = parseForm(cohortForm, req.body, req.i18n);
      const rerender = (errors: Record<string, string>) =>
        renderPage(
          req,
          reply,
          <CohortFormPage
            action={`/trainings/${found.course.id}/cohorts`}
            courseTitle={pick(req.i18n, found.course.title_ar, found.course.title_en)}
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
      const id = await saveCohort(db, found.course.id, form.data, req.now);
      reply.flashNext('common.saved');
      return seeOther(reply, `/programmes/cohorts/${id}`);
    },
  );

  /** The cohort, only for the running member's staff. */
  async function ownCohort(req: FastifyRequest, id: string) {
    const n = toId(id);
    const cohort = n === null ? null : await getCohort(db, n);
    if (!cohort || !ownsRecord(req, cohort.organization_id)) return null;
    return cohort;
  }

  async function cohortPage(
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    errors?: Record<string, string>,
    status = 200,
  ) {
    const cohort = await ownCohort(req, id);
    if (!cohort) return reply.callNotFound();
    const [sessions, roster, trainees, orgs, towns] = await Promise.all([
      listSessions(db, cohort.id),
      cohortRoster(db, cohort),
      listTrainees(db, cohort.organization_id),
      organizationNames(db, [cohort.organization_id]),
      townNames(db, [cohort.town_pcode]),
    ]);
    const enrolled = new Set(roster.map((r) => r.trainee_id));
    return renderPage(
      req,
      reply,
      <CohortPage
        cohort={cohort}
        orgs={orgs}
        towns={towns}
        sessions={sessions}
        roster={roster}
        candidates={trainees.filter((t) => !enrolled.has(t.id))}
        today={today(req.now)}
        errors={errors}
      />,
      status,
    );
  }

  app.get<{ Params: { id: string } }>('/programmes/cohorts/:id', { config: { access: 'orgStaff' } }, (req, reply) =>
    cohortPage(req, reply, req.params.id),
  );

  app.post<{ Params: { id: string } }>(
    '/programmes/cohorts/:id/sessions',
    { config: { access: 'orgStaff' } },
    async (req, reply) => {
      const cohort = await ownCohort(req, req.params.id);
      if (!cohort) return reply.callNotFound();
      const form = parseForm(sessionForm, req.body, req.i18n);
      if (!form.ok) return cohortPage(req, reply, req.params.id, form.errors, 400);
      await addSession(db, cohort.id, form.data, req.now);
      reply.flashNext('common.saved');
      return seeOther(reply, `/programmes/cohorts/${cohort.id}#sessions`);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/programmes/cohorts/:id/enrol',
    { config: { access: 'orgStaff' } },
    async (req, reply) => {
      const cohort = await ownCohort(req, req.params.id);
      if (!cohort) return reply.callNotFound();
      const form = parseForm(enrolForm, req.body, req.i18n);
      if (!form.ok) return cohortPage(req, reply, req.params.id, form.errors, 400);
      // Only this member's own trainees can be enrolled in its cohort.
      const own = new Set((await listTrainees(db, cohort.organization_id)).map((t) => t.id));
      if (!form.data.trainee.length || form.data.trainee.some((id) => !own.has(id)))
        return cohortPage(req, reply, req.params.id, { trainee: req.i18n.t('programmes.cohort.pickTrainees') }, 400);
      await enrol(db, cohort.id, form.data.trainee, req.now);
      reply.flashNext('common.saved');
      return seeOther(reply, `/programmes/cohorts/${cohort.id}#trainees`);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/programmes/cohorts/:id/scores',
    { config: { access: 'orgStaff' } },
    async (req, reply) => {
      const cohort = await ownCohort(req, req.params.id);
      if (!cohort) return reply.callNotFound();
      const roster = await cohortRoster(db, cohort);
      const form = parseForm(scoresForm(roster.map((r) => r.id)), req.body, req.i18n);
      if (!form.ok) return cohortPage(req, reply, req.params.id, { scores: Object.values(form.errors)[0]! }, 400);
      const data = form.data as Record<string, number | null>;
      const scores = new Map(
        roster.map((r) => [r.id, { pre: data[`pre_${r.id}`] ?? null, post: data[`post_${r.id}`] ?? null }]),
      );
      await saveScores(db, cohort.id, scores);
      reply.flashNext('common.saved');
      return seeOther(reply, `/programmes/cohorts/${cohort.id}#trainees`);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/programmes/cohorts/:id/certificates',
    { config: { access: 'orgStaff' } },
    async (req, reply) => {
      const cohort = await ownCohort(req, req.params.id);
      if (!cohort) return reply.callNotFound();
      const form = parseForm(emptyForm, req.body, req.i18n);
      if (!form.ok) return cohortPage(req, reply, req.params.id, form.errors, 400);
      const n = await issueCertificates(db, cohort, req.now);
      await audit(db, req.now, {
        actorUserId: req.actor.user!.id,
        action: 'programmes.certificates.issued',
        targetType: 'programme_cohort',
        targetId: cohort.id,
        organizationId: cohort.organization_id,
        details: { count: n },
        ip: req.ip,
      });
      reply.flashNext('programmes.cert.issuedFlash');
      return seeOther(reply, `/programmes/cohorts/${cohort.id}#trainees`);
    },
  );

  // ——— attendance ———

  async function ownSession(req: FastifyRequest, id: string) {
    const n = toId(id);
    const session = n === null ? null : await getSession(db, n);
    if (!session || !ownsRecord(req, session.organization_id)) return null;
    const cohort = await getCohort(db, session.cohort_id);
    return cohort ? { session, cohort } : null;
  }

  app.get<{ Params: { id: string } }>(
    '/programmes/sessions/:id/attendance',
    { config: { access: 'orgStaff' } },
    async (req, reply) => {
      const found = await ownSession(req, req.params.id);
      if (!found) return reply.callNotFound();
      const [roster, present] = await Promise.all([
        cohortRoster(db, found.cohort),
        sessionAttendance(db, found.session.id),
      ]);
      return renderPage(
        req,
        reply,
        <AttendancePage
          session={found.session}
          roster={roster}
          present={present}
          taken={present.size > 0}
          stylesheet={stylesheet}
        />,
      );
    },
  );

  app.post<{ Params: { id: string } }>(
    '/programmes/sessions/:id/attendance',
    { config: { access: 'orgStaff' } },
    async (req, reply) => {
      const found = await ownSession(req, req.params.id);
      if (!found) return reply.callNotFound();
      const roster = await cohortRoster(db, found.cohort);
      const form = parseForm(attendanceForm, req.body, req.i18n);
      const ids = new Set(roster.map((r) => r.id));
      if (!form.ok || form.data.present.some((id) => !ids.has(id))) {
        return renderPage(
          req,
          reply,
          <AttendancePage
            session={found.session}
            roster={roster}
            present={await sessionAttendance(db, found.session.id)}
            taken={false}
            stylesheet={stylesheet}
          />,
          400,
        );
      }
      await saveAttendance(db, found.session.id, [...ids], new Set(form.data.present));
      reply.flashNext('programmes.attendance.saved');
      return seeOther(reply, `/programmes/cohorts/${found.cohort.id}#sessions`);
    },
  );

  // ——— trainees ———

  /** ?org= among the actor's organizations (default: the first). */
  function pickOrg(req: FastifyRequest): number | null {
    const mine = myOrgIds(req);
    const requested = toId((req.query as Record<string, string | undefined>)?.org);
    if (requested !== null) return mine.includes(requested) ? requested : null;
    return mine[0] ?? null;
  }

  app.get('/programmes/trainees', { config: { access: 'orgStaff' } }, async (req, reply) => {
    const orgId = pickOrg(req);
    if (orgId === null) return reply.callNotFound();
    const mine = myOrgIds(req);
    const [trainees, orgs] = await Promise.all([listTrainees(db, orgId), organizationNames(db, mine)]);
    const name = (id: number) => pick(req.i18n, orgs.get(id)?.name_ar ?? '', orgs.get(id)?.name_en ?? '');
    return renderPage(
      req,
      reply,
      <TraineesPage
        org={{ id: orgId, name: name(orgId) }}
        otherOrgs={mine.filter((id) => id !== orgId).map((id) => ({ id, name: name(id) }))}
        trainees={trainees}
        towns={await townNames(
          db,
          trainees.map((t) => t.town_pcode),
        )}
      />,
    );
  });

  async function traineeChoices(req: FastifyRequest) {
    const mine = myOrgIds(req);
    const networkId = await defaultNetworkId(db);
    const [orgs, towns] = await Promise.all([
      organizationNames(db, mine),
      networkId ? townChoices(db, { networkId }) : [],
    ]);
    return { mine, orgOptions: orgOptions(req.i18n, mine, orgs), towns, townOptions: townOptions(req.i18n, towns) };
  }

  /** The trainee form — registering, or correcting with `editing` — with this person's choices; 400 with errors. */
  function showTraineeForm(
    req: FastifyRequest,
    reply: FastifyReply,
    c: Awaited<ReturnType<typeof traineeChoices>>,
    p: { values: object; errors?: Record<string, string>; consentVersion: string; editing?: { id: number } },
  ) {
    return renderPage(
      req,
      reply,
      <TraineeFormPage
        values={p.values as Record<string, unknown>}
        errors={p.errors}
        orgOptions={c.orgOptions}
        townOptions={c.townOptions}
        consentVersion={p.consentVersion}
        editing={p.editing}
      />,
      p.errors ? 400 : 200,
    );
  }

  app.get('/programmes/trainees/new', { config: { access: 'orgStaff' } }, async (req, reply) => {
    const orgId = pickOrg(req);
    if (orgId === null) return reply.callNotFound();
    const c = await traineeChoices(req);
    return renderPage(
      req,
      reply,
      <TraineeFormPage
        values={{ organization_id: orgId }}
        orgOptions={c.orgOptions}
        townOptions={c.townOptions}
        consentVersion={CURRENT_CONSENT_VERSION}
      />,
    );
  });

  app.post('/programmes/trainees', { config: { access: 'orgStaff' } }, async (req, reply) => {
    const c = await traineeChoices(req);
    const form = parseForm(traineeForm, req.body, req.i18n);
    const rerender = (errors: Record<string, string>) =>
      showTraineeForm(req, reply, c, { values: form.raw, errors, consentVersion: CURRENT_CONSENT_VERSION });
    if (!form.ok) return rerender(form.errors);
    if (!c.mine.includes(form.data.organization_id)) return reply.callNotFound();
    if (!c.towns.some((t) => t.pcode === form.data.town_pcode))
      return rerender({ town_pcode: req.i18n.t('form.invalidChoice') });
    if (!(consentVersions as readonly string[]).includes(form.data.consent_version))
      return rerender({ consent: req.i18n.t('programmes.trainee.consentRequired') });
    const { consent: _consent, organization_id, ...input } = form.data;
    void _consent;
    const id = await createTrainee(db, organization_id, input, req.actor.user!.id, req.now);
    reply.flashNext('common.saved');
    return seeOther(reply, `/programmes/trainees/${id}`);
  });

  async function ownTrainee(req: FastifyRequest, id: string) {
    const n = toId(id);
    const trainee = n === null ? null : await getTrainee(db, n);
    if (!trainee || !ownsRecord(req, trainee.organization_id)) return null;
    return trainee;
  }

  async function traineePage(
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    errors?: Record<string, string>,
    status = 200,
  ) {
    const trainee = await ownTrainee(req, id);
    if (!trainee) return reply.callNotFound();
    const [orgs, towns, enrolments] = await Promise.all([
      organizationNames(db, [trainee.organization_id]),
      townNames(db, [trainee.town_pcode]),
      traineeEnrolments(db, trainee.id),
    ]);
    const org = orgs.get(trainee.organization_id);
    return renderPage(
      req,
      reply,
      <TraineePage
        trainee={trainee}
        orgName={org ? pick(req.i18n, org.name_ar, org.name_en) : ''}
        towns={towns}
        enrolments={enrolments}
        errors={errors}
      />,
      status,
    );
  }

  app.get<{ Params: { id: string } }>('/programmes/trainees/:id', { config: { access: 'orgStaff' } }, (req, reply) =>
    traineePage(req, reply, req.params.id),
  );

  // Correction on the trainee's request: only the registering member's staff; consent unchanged.
  app.get<{ Params: { id: string } }>(
    '/programmes/trainees/:id/edit',
    { config: { access: 'orgStaff' } },
    async (req, reply) => {
      const trainee = await ownTrainee(req, req.params.id);
      if (!trainee) return reply.callNotFound();
      return showTraineeForm(req, reply, await traineeChoices(req), {
        values: trainee,
        consentVersion: trainee.consent_version,
        editing: { id: trainee.id },
      });
    },
  );

  app.post<{ Params: { id: string } }>(
    '/programmes/trainees/:id/edit',
    { config: { access: 'orgStaff' } },
    async (req, reply) => {
      const trainee = await ownTrainee(req, req.params.id);
      if (!trainee) return reply.callNotFound();
      const c = await traineeChoices(req);
      const form = parseForm(traineeEditForm, req.body, req.i18n);
      const rerender = (errors: Record<string, string>) =>
        showTraineeForm(req, reply, c, {
          values: form.raw,
          errors,
          consentVersion: trainee.consent_version,
          editing: { id: trainee.id },
        });
      if (!form.ok) return rerender(form.errors);
      if (form.data.town_pcode !== trainee.town_pcode && !c.towns.some((t) => t.pcode === form.data.town_pcode))
        return rerender({ town_pcode: req.i18n.t('form.invalidChoice') });
      await updateTrainee(db, trainee.id, form.data);
      // No name in the log: only that a correction happened, by whom, for which member.
      await audit(db, req.now, {
        actorUserId: req.actor.user!.id,
        action: 'programmes.trainee.corrected',
        targetType: 'programme_trainee',
        targetId: trainee.id,
        organizationId: trainee.organization_id,
        ip: req.ip,
      });
      reply.flashNext('programmes.trainee.corrected');
      return seeOther(reply, `/programmes/trainees/${trainee.id}`);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/programmes/trainees/:id/remove',
    { config: { access: 'orgStaff' } },
    async (req, reply) => {
      const trainee = await ownTrainee(req, req.params.id);
      if (!trainee) return reply.callNotFound();
      const form = parseForm(removeTraineeForm, req.body, req.i18n);
      if (!form.ok) return traineePage(req, reply, req.params.id, form.errors, 400);
      const enrolments = await removeTrainee(db, trainee.id);
      // No name in the log: only that a removal happened, by whom, for which member.
      await audit(db, req.now, {
        actorUserId: req.actor.user!.id,
        action: 'programmes.trainee.removed',
        targetType: 'programme_trainee',
        targetId: trainee.id,
        organizationId: trainee.organization_id,
        details: { enrolments },
        ip: req.ip,
      });
      reply.flashNext('programmes.trainee.removed');
      return seeOther(reply, `/programmes/trainees?org=${trainee.organization_id}`);
    },
  );

  // ——— certificates (staff) ———

  async function ownCertificate(req: FastifyRequest, id: string) {
    const n = toId(id);
    const cert = n === null ? null : await getCertificate(db, n);
    if (!cert || !ownsRecord(req, cert.organization_id)) return null;
    return cert;
  }

  const verifyUrl = (code: string) => `${app.wasl.config.baseUrl.replace(/\/$/, '')}/certificates/${code}`;

  app.get<{ Params: { id: string } }>(
    '/programmes/certificates/:id',
    { config: { access: 'orgStaff' } },
    async (req, reply) => {
      const cert = await ownCertificate(req, req.params.id);
      if (!cert) return reply.callNotFound();
      return renderPage(req, reply, <CertificateAdminPage cert={cert} verifyUrl={verifyUrl(cert.code)} />);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/programmes/certificates/:id/print',
    { config: { access: 'orgStaff' } },
    async (req, reply) => {
      const cert = await ownCertificate(req, req.params.id);
      if (!cert || cert.revoked_at) return reply.callNotFound();
      const version = (req.query as Record<string, string | undefined>)?.version === 'en' ? 'en' : 'ar';
      if (version === 'en' && !cert.name_en) return reply.callNotFound();
      const ct = app.wasl.i18n.translator(version, { digits: req.i18n.digits });
      const network = await db.selectFrom('networks').select(['name_ar', 'name_en']).orderBy('id').executeTakeFirst();
      const project = await db
        .selectFrom('programme_projects')
        .select(['name_ar', 'name_en'])
        .where('id', '=', cert.project_id)
        .executeTakeFirst();
      const [orgs, towns] = await Promise.all([
        organizationNames(db, [cert.organization_id]),
        townNames(db, [cert.town_pcode]),
      ]);
      return renderPage(
        req,
        reply,
        <CertificatePrintPage
          cert={cert}
          ct={ct}
          networkName={network ?? { name_ar: '', name_en: '' }}
          orgName={orgs.get(cert.organization_id)}
          townName={towns.get(cert.town_pcode)}
          projectName={project}
          verifyUrl={verifyUrl(cert.code)}
          stylesheet={stylesheet}
        />,
      );
    },
  );

  app.post<{ Params: { id: string } }>(
    '/programmes/certificates/:id/english',
    { config: { access: 'orgStaff' } },
    async (req, reply) => {
      const cert = await ownCertificate(req, req.params.id);
      if (!cert || cert.revoked_at) return reply.callNotFound();
      const form = parseForm(certificateNameForm, req.body, req.i18n);
      if (!form.ok)
        return renderPage(
          req,
          reply,
          <CertificateAdminPage cert={cert} verifyUrl={verifyUrl(cert.code)} errors={form.errors} />,
          400,
        );
      await setCertificateNameEn(db, cert.id, form.data.name_en);
      reply.flashNext('common.saved');
      return seeOther(reply, `/programmes/certificates/${cert.id}`);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/programmes/certificates/:id/revoke',
    { config: { access: 'orgStaff' } },
    async (req, reply) => {
      const cert = await ownCertificate(req, req.params.id);
      if (!cert) return reply.callNotFound();
      const form = parseForm(emptyForm, req.body, req.i18n);
      if (!form.ok)
        return renderPage(
          req,
          reply,
          <CertificateAdminPage cert={cert} verifyUrl={verifyUrl(cert.code)} errors={form.errors} />,
          400,
        );
      await revokeCertificate(db, cert.id, req.now);
      await audit(db, req.now, {
        actorUserId: req.actor.user!.id,
        action: 'programmes.certificate.revoked',
        targetType: 'programme_certificate',
        targetId: cert.id,
        organizationId: cert.organization_id,
        ip: req.ip,
      });
      reply.flashNext('programmes.cert.revokedFlash');
      return seeOther(reply, `/programmes/certificates/${cert.id}`);
    },
  );
};
