// Lessons learned: private to the organization by default, shareable with the network, and
// publishable to the resources library (as a submission an editor reviews).
import { badRequest } from '../../../core/http/errors.js';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { audit } from '../../../core/audit/index.js';
import { authorize } from '../../../core/auth/authorize.js';
import { parseForm, seeOther } from '../../../core/http/forms.js';
import { renderPage } from '../../../core/http/render.js';
import { publishFromFeature } from '../../publishing/actions.js';
import { coordContext, parseId, type CoordContext } from '../context.js';
import { isNetworkMember, type LessonResource } from '../permissions.js';
import {
  deleteLesson,
  getLesson,
  lessonBody,
  listLessonsFor,
  markPublished,
  saveLesson,
  type Lesson,
} from '../lessons.js';
import { listMeetingsFor, meetingResource } from '../meetings.js';
import { listOwnVisits } from '../licensing.js';
import { emptyForm, lessonForm } from '../schemas.js';
import { LessonFormPage, LessonPage, LessonsPage } from '../views/lessons.js';

type Req = FastifyRequest<{ Params: Record<string, string> }>;

export const lessonRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.wasl;

  const resource = (l: Lesson): LessonResource => ({
    type: 'coord.lesson',
    orgId: l.organization_id,
    networkId: l.network_id,
    sharing: l.sharing,
    published: l.published_id !== null,
  });

  app.get('/lessons', { config: { access: 'member' } }, async (req, reply) => {
    const ctx = await coordContext(req);
    if (!ctx) return reply.callNotFound();
    const lessons = (
      await listLessonsFor(db, ctx.network.id, ctx.orgIds, isNetworkMember(ctx.actor, ctx.network.id))
    ).filter((l) => authorize(ctx.actor, 'view', resource(l)));
    return renderPage(req, reply, <LessonsPage lessons={lessons} canCreate={ctx.orgIds.length > 0} />);
  });

  async function choices(ctx: CoordContext, orgId: number, now: Date) {
    const [meetings, visits] = await Promise.all([
      listMeetingsFor(db, ctx.network.id, {
        userId: ctx.actor.user?.id ?? null,
        actingOrgIds: ctx.orgIds,
        networkMember: isNetworkMember(ctx.actor, ctx.network.id),
      }),
      listOwnVisits(db, orgId),
    ]);
    return {
      meetings: meetings
        .filter((m) => m.starts_at <= now.toISOString() && authorize(ctx.actor, 'view', meetingResource(m)))
        .reverse(),
      visits,
    };
  }

  /** Meeting and visit must be ones the organization may refer to. */
  function checkRefs(
    req: FastifyRequest,
    data: { meeting_id: number | null; visit_id: number | null },
    c: Awaited<ReturnType<typeof choices>>,
  ) {
    const errors: Record<string, string> = {};
    if (data.meeting_id !== null && !c.meetings.some((m) => m.id === data.meeting_id))
      errors.meeting_id = req.i18n.t('form.invalidChoice');
    if (data.visit_id !== null && !c.visits.some((v) => v.id === data.visit_id))
      errors.visit_id = req.i18n.t('form.invalidChoice');
    return errors;
  }

  app.get('/lessons/new', { config: { access: 'member' } }, async (req, reply) => {
    const ctx = await coordContext(req);
    if (!ctx || !ctx.orgIds.length) return reply.callNotFound();
    const q = (req.query ?? {}) as Record<string, string>;
    const c = await choices(ctx, ctx.orgIds[0]!, req.now);
    const values: Record<string, unknown> = {};
    if (parseId(q.meeting)) Object.assign(values, { subject: 'meeting', meeting_id: q.meeting });
    if (parseId(q.visit)) Object.assign(values, { subject: 'visit', visit_id: q.visit });
    return renderPage(req, reply, <LessonFormPage action="/lessons/new" isNew values={values} {...c} />);
  });

  app.post('/lessons/new', { config: { access: 'member' } }, async (req, reply) => {
    const ctx = await coordContext(req);
    if (!ctx || !ctx.orgIds.length) return reply.callNotFound();
    const orgId = ctx.orgIds[0]!;
    const c = await choices(ctx, orgId, req.now);
    const form = parseForm(lessonForm, req.body, req.i18n);
    if (!form.ok)
      return renderPage(
        req,
        reply,
        <LessonFormPage action="/lessons/new" isNew values={form.raw} errors={form.errors} {...c} />,
        400,
      );
    const errors = checkRefs(req, form.data, c);
    if (Object.keys(errors).length)
      return renderPage(
        req,
        reply,
        <LessonFormPage action="/lessons/new" isNew values={form.raw} errors={errors} {...c} />,
        400,
      );
    const id = await saveLesson(db, orgId, null, form.data, req.actor.user!.id, req.now);
    reply.flashNext('common.saved');
    return seeOther(reply, `/lessons/${id}`);
  });

  async function loadLesson(req: FastifyRequest, idParam: string | undefined) {
    const ctx = await coordContext(req);
    const id = parseId(idParam);
    if (!ctx || !id) return null;
    const l = await getLesson(db, id);
    if (!l || l.network_id !== ctx.network.id || !authorize(ctx.actor, 'view', resource(l))) return null;
    return { ctx, l };
  }

  function renderLesson(
    req: FastifyRequest,
    reply: FastifyReply,
    x: { ctx: CoordContext; l: Lesson },
    errors?: Record<string, string>,
    status = 200,
  ) {
    return renderPage(
      req,
      reply,
      <LessonPage
        l={x.l}
        canEdit={authorize(x.ctx.actor, 'edit', resource(x.l))}
        canPublish={authorize(x.ctx.actor, 'publish', resource(x.l))}
        errors={errors}
      />,
      status,
    );
  }

  app.get('/lessons/:id', { config: { access: 'member' } }, async (req: Req, reply) => {
    const x = await loadLesson(req, req.params.id);
    if (!x) return reply.callNotFound();
    return renderLesson(req, reply, x);
  });

  app.get('/lessons/:id/edit', { config: { access: 'member' } }, async (req: Req, reply) => {
    const x = await loadLesson(req, req.params.id);
    if (!x || !authorize(x.ctx.actor, 'edit', resource(x.l))) return reply.callNotFound();
    const c = await choices(x.ctx, x.l.organization_id, req.now);
    return renderPage(
      req,
      reply,
      <LessonFormPage action={`/lessons/${x.l.id}/edit`} isNew={false} values={x.l} {...c} />,
    );
  });

  app.post('/lessons/:id/edit', { config: { access: 'member' } }, async (req: Req, reply) => {
    const x = await loadLesson(req, req.params.id);
    if (!x || !authorize(x.ctx.actor, 'edit', resource(x.l))) return reply.callNotFound();
    const action = `/lessons/${x.l.id}/edit`;
    const c = await choices(x.ctx, x.l.organization_id, req.now);
    const form = parseForm(lessonForm, req.body, req.i18n);
    if (!form.ok)
      return renderPage(
        req,
        reply,
        <LessonFormPage action={action} isNew={false} values={form.raw} errors={form.errors} {...c} />,
        400,
      );
    const errors = checkRefs(req, form.data, c);
    if (Object.keys(errors).length)
      return renderPage(
        req,
        reply,
        <LessonFormPage action={action} isNew={false} values={form.raw} errors={errors} {...c} />,
        400,
      );
    await saveLesson(db, x.l.organization_id, x.l.id, form.data, req.actor.user!.id, req.now);
    reply.flashNext('common.saved');
    return seeOther(reply, `/lessons/${x.l.id}`);
  });

  app.post('/lessons/:id/publish', { config: { access: 'member' } }, async (req: Req, reply) => {
    const x = await loadLesson(req, req.params.id);
    if (!x || !authorize(x.ctx.actor, 'publish', resource(x.l))) return reply.callNotFound();
    const form = parseForm(emptyForm, req.body, req.i18n);
    if (!form.ok) return badRequest(req, reply);
    const l = x.l;
    const tr = app.wasl.i18n.translator(l.lang, { digits: req.i18n.digits });
    const body = lessonBody(l, {
      happened: tr.t('coordination.lesson.whatHappened'),
      worked: tr.t('coordination.lesson.whatWorked'),
      change: tr.t('coordination.lesson.whatToChange'),
    });
    if (!body) return renderLesson(req, reply, x, { _form: req.i18n.t('coordination.lesson.emptyBody') }, 400);
    const towns = await db
      .selectFrom('organization_towns')
      .select('town_pcode')
      .where('organization_id', '=', l.organization_id)
      .execute();
    const published = await publishFromFeature(
      app.wasl,
      {
        kind: 'resource',
        collection: 'lessons-learned',
        organizationId: l.organization_id,
        title: l.title,
        summary: (l.what_to_change || l.what_worked || l.what_happened).slice(0, 300),
        body,
        lang: l.lang,
        towns: towns.map((t) => t.town_pcode),
        projectId: null,
        authorUserId: req.actor.user!.id,
        source: { feature: 'coordination', id: `lesson:${l.id}` },
      },
      req.now,
    );
    await markPublished(db, l.id, l.organization_id, published, req.now);
    await audit(db, req.now, {
      actorUserId: req.actor.user!.id,
      action: 'coordination.lesson.submitted',
      targetType: 'lesson',
      targetId: l.id,
      organizationId: l.organization_id,
      details: { resourceId: published.id },
      ip: req.ip,
    });
    reply.flashNext('coordination.lesson.submittedFlash');
    return seeOther(reply, `/lessons/${l.id}`);
  });

  app.post('/lessons/:id/delete', { config: { access: 'member' } }, async (req: Req, reply) => {
    const x = await loadLesson(req, req.params.id);
    if (!x || !authorize(x.ctx.actor, 'edit', resource(x.l)) || x.l.published_id) return reply.callNotFound();
    const form = parseForm(emptyForm, req.body, req.i18n);
    if (!form.ok) return badRequest(req, reply);
    await deleteLesson(db, x.l.id, x.l.organization_id);
    reply.flashNext('common.deleted');
    return seeOther(reply, '/lessons');
  });
};
