// Strategic plans and their reviews. A plan is reachable only by its organization's people; a
// review (the chosen version and the comments) also by the reviewers the organization chose.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { audit } from '../../../core/audit/index.js';
import { authorize } from '../../../core/auth/authorize.js';
import { parseForm, seeOther } from '../../../core/http/forms.js';
import { renderPage } from '../../../core/http/render.js';
import { coordContext, parseId, type CoordContext } from '../context.js';
import { isNetworkMember, type ReviewResource } from '../permissions.js';
import {
  addComment,
  addPlanVersion,
  closeReview,
  createPlan,
  decisionsForReview,
  getPlan,
  getReview,
  listComments,
  listOwnReviews,
  listPlanVersions,
  listPlans,
  listReviewsForReviewer,
  openReview,
  planOwner,
  type PlanVersionInput,
  type Review,
} from '../plans.js';
import { createAction, listMeetingsFor, meetingResource } from '../meetings.js';
import { currentBoardUserIds } from '../votes.js';
import { listExecutiveDirectors } from '../workspace.js';
import {
  closeReviewForm,
  commentForm,
  decisionToActionForm,
  planForm,
  planVersionForm,
  reviewOpenForm,
} from '../schemas.js';
import { PlanNewPage, PlanPage, PlansPage, ReviewPage } from '../views/plans.js';
import { isUpload, savePrivateFile, sendPrivateFile } from '../files.js';
import { nameOf } from '../views/common.js';

type Req = FastifyRequest<{ Params: Record<string, string>; Querystring: Record<string, string> }>;

export const planRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.wasl;

  /** The organization whose plans are shown: ?org= among the person's own, else the first. */
  function actingOrg(ctx: CoordContext, query: unknown): number | null {
    const wanted = parseId((query as Record<string, string> | undefined)?.org);
    if (wanted && ctx.orgIds.includes(wanted)) return wanted;
    if (wanted) return null;
    return ctx.orgIds[0] ?? null;
  }

  app.get('/plans', { config: { access: 'member' } }, async (req, reply) => {
    const ctx = await coordContext(req);
    if (!ctx) return reply.callNotFound();
    const orgId = actingOrg(ctx, req.query);
    const [plans, reviewing, org] = await Promise.all([
      orgId ? listPlans(db, orgId) : Promise.resolve([]),
      listReviewsForReviewer(db, req.actor.user!.id),
      orgId
        ? db.selectFrom('organizations').select(['name_ar', 'name_en']).where('id', '=', orgId).executeTakeFirst()
        : Promise.resolve(undefined),
    ]);
    return renderPage(
      req,
      reply,
      <PlansPage
        orgId={orgId}
        orgName={org ? nameOf(org.name_ar, org.name_en, req.i18n.locale) : null}
        plans={plans}
        reviewing={reviewing}
        canCreate={orgId !== null}
      />,
    );
  });

  async function readPlanForm(
    req: FastifyRequest,
    orgId: number,
    data: {
      vision: string;
      mission: string;
      goals: string;
      objectives: string;
      activities: string;
      note: string;
      file?: unknown;
    },
  ): Promise<{ ok: true; input: PlanVersionInput } | { ok: false; errors: Record<string, string> }> {
    let file: PlanVersionInput['file'] = null;
    if (isUpload(data.file)) {
      const saved = await savePrivateFile(
        app.wasl,
        data.file,
        { userId: req.actor.user!.id, organizationId: orgId },
        req.i18n,
        req.now,
      );
      if (!saved.ok) return { ok: false, errors: { file: saved.error } };
      file = { mediaId: saved.mediaId, filename: saved.filename, mime: saved.mime };
    }
    const { file: _f, ...rest } = data;
    const empty =
      !file && ![rest.vision, rest.mission, rest.goals, rest.objectives, rest.activities].some((s) => s.trim());
    if (empty) return { ok: false, errors: { _form: req.i18n.t('coordination.plan.emptyVersion') } };
    return { ok: true, input: { ...rest, file } };
  }

  app.get('/plans/new', { config: { access: 'member' } }, async (req, reply) => {
    const ctx = await coordContext(req);
    const orgId = ctx ? actingOrg(ctx, req.query) : null;
    if (!ctx || !orgId || !authorize(ctx.actor, 'edit', { type: 'coord.plan', orgId })) return reply.callNotFound();
    return renderPage(req, reply, <PlanNewPage orgId={orgId} values={{}} />);
  });

  app.post('/plans/new', { config: { access: 'member' } }, async (req, reply) => {
    const ctx = await coordContext(req);
    const orgId = ctx ? actingOrg(ctx, req.query) : null;
    if (!ctx || !orgId || !authorize(ctx.actor, 'edit', { type: 'coord.plan', orgId })) return reply.callNotFound();
    const form = parseForm(planForm, req.body, req.i18n);
    if (!form.ok)
      return renderPage(req, reply, <PlanNewPage orgId={orgId} values={form.raw} errors={form.errors} />, 400);
    const r = await readPlanForm(req, orgId, form.data);
    if (!r.ok) return renderPage(req, reply, <PlanNewPage orgId={orgId} values={form.raw} errors={r.errors} />, 400);
    const id = await createPlan(db, orgId, form.data.title, r.input, req.actor.user!.id, req.now);
    reply.flashNext('common.saved');
    return seeOther(reply, `/plans/${id}`);
  });

  async function loadPlan(req: FastifyRequest, idParam: string | undefined) {
    const ctx = await coordContext(req);
    const id = parseId(idParam);
    if (!ctx || !id) return null;
    const owner = await planOwner(db, id);
    if (owner === null || !authorize(ctx.actor, 'view', { type: 'coord.plan', orgId: owner })) return null;
    const plan = await getPlan(db, id, owner);
    return plan ? { ctx, plan } : null;
  }

  async function renderPlan(
    req: FastifyRequest,
    reply: FastifyReply,
    l: NonNullable<Awaited<ReturnType<typeof loadPlan>>>,
    extra: { errors?: Record<string, string>; values?: Record<string, unknown>; form?: string } = {},
    status = 200,
  ) {
    const { ctx, plan } = l;
    const [versions, reviews, candidates, meetings] = await Promise.all([
      listPlanVersions(db, plan.id, plan.organization_id),
      listOwnReviews(db, plan.organization_id, plan.id),
      listExecutiveDirectors(db, ctx.network.id, plan.organization_id),
      listMeetingsFor(
        db,
        ctx.network.id,
        {
          userId: ctx.actor.user?.id ?? null,
          actingOrgIds: ctx.orgIds,
          networkMember: isNetworkMember(ctx.actor, ctx.network.id),
        },
        { from: new Date(req.now.getTime() - 90 * 86400_000).toISOString() },
      ),
    ]);
    const wanted = Number((req.query as Record<string, string> | undefined)?.v);
    const current = versions.find((v) => v.version === wanted) ?? versions[0];
    if (!current) return reply.callNotFound();
    return renderPage(
      req,
      reply,
      <PlanPage
        plan={plan}
        current={current}
        versions={versions}
        reviews={reviews}
        candidates={candidates}
        consultative={meetings.filter(
          (m) => m.kind === 'consultative' && authorize(ctx.actor, 'view', meetingResource(m)),
        )}
        {...extra}
      />,
      status,
    );
  }

  app.get('/plans/:id', { config: { access: 'member' } }, async (req: Req, reply) => {
    const l = await loadPlan(req, req.params.id);
    if (!l) return reply.callNotFound();
    return renderPlan(req, reply, l);
  });

  app.get('/plans/:id/versions/:versionId/file', { config: { access: 'member' } }, async (req: Req, reply) => {
    const l = await loadPlan(req, req.params.id);
    const versionId = parseId(req.params.versionId);
    if (!l || !versionId) return reply.callNotFound();
    const v = (await listPlanVersions(db, l.plan.id, l.plan.organization_id)).find((x) => x.id === versionId);
    if (!v?.media_id) return reply.callNotFound();
    return (await sendPrivateFile(app.wasl, reply, v.media_id, v.filename ?? 'plan')) ?? reply.callNotFound();
  });

  app.post('/plans/:id/versions', { config: { access: 'member' } }, async (req: Req, reply) => {
    const l = await loadPlan(req, req.params.id);
    if (!l || !authorize(l.ctx.actor, 'edit', { type: 'coord.plan', orgId: l.plan.organization_id }))
      return reply.callNotFound();
    const form = parseForm(planVersionForm, req.body, req.i18n);
    if (!form.ok) return renderPlan(req, reply, l, { errors: form.errors, values: form.raw, form: 'version' }, 400);
    const r = await readPlanForm(req, l.plan.organization_id, form.data);
    if (!r.ok) return renderPlan(req, reply, l, { errors: r.errors, values: form.raw, form: 'version' }, 400);
    await addPlanVersion(db, l.plan.id, l.plan.organization_id, r.input, req.actor.user!.id, req.now);
    reply.flashNext('common.saved');
    return seeOther(reply, `/plans/${l.plan.id}`);
  });

  app.post('/plans/:id/reviews', { config: { access: 'member' } }, async (req: Req, reply) => {
    const l = await loadPlan(req, req.params.id);
    if (!l || !authorize(l.ctx.actor, 'edit', { type: 'coord.plan', orgId: l.plan.organization_id }))
      return reply.callNotFound();
    const form = parseForm(reviewOpenForm, req.body, req.i18n);
    const bad = (errors: Record<string, string>) => renderPlan(req, reply, l, { errors, form: 'review' }, 400);
    if (!form.ok) return bad(form.errors);
    const versions = await listPlanVersions(db, l.plan.id, l.plan.organization_id);
    if (!versions.some((v) => v.id === form.data.version_id)) return bad({ _form: req.i18n.t('form.invalidChoice') });
    const candidates = new Set(
      (await listExecutiveDirectors(db, l.ctx.network.id, l.plan.organization_id)).map((c) => c.user_id),
    );
    if (form.data.reviewers.some((id) => !candidates.has(id)))
      return bad({ reviewers: req.i18n.t('form.invalidChoice') });
    const ownPeople = new Set(
      (
        await db
          .selectFrom('memberships')
          .select('user_id')
          .where('organization_id', '=', l.plan.organization_id)
          .execute()
      ).map((m) => m.user_id),
    );
    const board = form.data.include_board
      ? (await currentBoardUserIds(db, l.ctx.network.id, req.now)).filter((id) => !ownPeople.has(id))
      : [];
    const reviewers = [...new Set([...form.data.reviewers, ...board])];
    if (!reviewers.length) return bad({ reviewers: req.i18n.t('coordination.review.chooseReviewers') });
    if (form.data.meeting_id !== null) {
      const meetings = await listMeetingsFor(db, l.ctx.network.id, {
        userId: req.actor.user!.id,
        actingOrgIds: l.ctx.orgIds,
        networkMember: true,
      });
      const m = meetings.find((x) => x.id === form.data.meeting_id);
      if (!m || m.kind !== 'consultative' || !authorize(l.ctx.actor, 'view', meetingResource(m)))
        return bad({ _form: req.i18n.t('form.invalidChoice') });
    }
    const id = await openReview(
      db,
      l.plan,
      form.data.version_id,
      reviewers,
      form.data.include_board,
      form.data.meeting_id,
      req.actor.user!.id,
      req.now,
    );
    await audit(db, req.now, {
      actorUserId: req.actor.user!.id,
      action: 'coordination.review.opened',
      targetType: 'review',
      targetId: id,
      organizationId: l.plan.organization_id,
      details: { reviewers: reviewers.length },
      ip: req.ip,
    });
    // Reviewers learn of it by e-mail (or the outbox).
    const people = await db
      .selectFrom('users')
      .select(['id', 'email', 'locale', 'digits', 'address_as'])
      .where('id', 'in', reviewers)
      .where('email', 'is not', null)
      .execute();
    for (const p of people) {
      const tr = app.wasl.i18n.translator(app.wasl.i18n.locales.includes(p.locale) ? p.locale : 'ar', {
        digits: p.digits,
        addressAs: p.address_as,
      });
      await app.wasl.mailer.send(
        {
          to: p.email!,
          subject: tr.t('coordination.mail.review.subject'),
          text: tr.t('coordination.mail.review.body', { url: `${app.wasl.config.baseUrl}/plans/reviews/${id}` }),
        },
        req.now,
      );
    }
    return seeOther(reply, `/plans/reviews/${id}`);
  });

  // ——— reviews ———
  const reviewResource = (r: Review): ReviewResource => ({
    type: 'coord.review',
    orgId: r.organization_id,
    reviewerIds: r.reviewerIds,
    status: r.status,
  });

  async function loadReview(req: FastifyRequest, idParam: string | undefined) {
    const ctx = await coordContext(req);
    const id = parseId(idParam);
    if (!ctx || !id) return null;
    const review = await getReview(db, id);
    if (!review || review.network_id !== ctx.network.id) return null;
    const org = await db
      .selectFrom('organizations')
      .select('status')
      .where('id', '=', review.organization_id)
      .executeTakeFirst();
    if (org?.status !== 'active') return null;
    const res = reviewResource(review);
    if (!authorize(ctx.actor, 'view', res)) return null;
    return { ctx, review, res };
  }

  async function renderReview(
    req: FastifyRequest,
    reply: FastifyReply,
    l: NonNullable<Awaited<ReturnType<typeof loadReview>>>,
    errors?: Record<string, string>,
    status = 200,
  ) {
    const { ctx, review, res } = l;
    const [comments, people, decisions] = await Promise.all([
      listComments(db, review.id),
      db.selectFrom('memberships').select('user_id').where('organization_id', '=', review.organization_id).execute(),
      decisionsForReview(db, review.id),
    ]);
    const isOwner = ctx.actor.orgRoles.has(review.organization_id);
    const withActions = decisions.length
      ? await db
          .selectFrom('coord_actions')
          .select('decision_id')
          .where(
            'decision_id',
            'in',
            decisions.map((d) => d.id),
          )
          .where('owner_org_id', '=', review.organization_id)
          .execute()
      : [];
    const done = new Set(withActions.map((a) => a.decision_id));
    return renderPage(
      req,
      reply,
      <ReviewPage
        review={review}
        comments={comments}
        orgPeople={new Set(people.map((p) => p.user_id))}
        canComment={authorize(ctx.actor, 'comment', res)}
        canAnswer={authorize(ctx.actor, 'answer', res)}
        canClose={authorize(ctx.actor, 'close', res)}
        isOwner={isOwner}
        decisions={decisions.map((d) => ({ ...d, hasAction: done.has(d.id) }))}
        errors={errors}
      />,
      status,
    );
  }

  app.get('/plans/reviews/:id', { config: { access: 'member' } }, async (req: Req, reply) => {
    const l = await loadReview(req, req.params.id);
    if (!l) return reply.callNotFound();
    return renderReview(req, reply, l);
  });

  app.get('/plans/reviews/:id/file', { config: { access: 'member' } }, async (req: Req, reply) => {
    const l = await loadReview(req, req.params.id);
    if (!l || !l.review.media_id) return reply.callNotFound();
    return (
      (await sendPrivateFile(app.wasl, reply, l.review.media_id, l.review.filename ?? 'plan')) ?? reply.callNotFound()
    );
  });

  app.post('/plans/reviews/:id/comments', { config: { access: 'member' } }, async (req: Req, reply) => {
    const l = await loadReview(req, req.params.id);
    if (!l) return reply.callNotFound();
    const canComment = authorize(l.ctx.actor, 'comment', l.res);
    const canAnswer = authorize(l.ctx.actor, 'answer', l.res);
    if (!canComment && !canAnswer) return reply.callNotFound();
    const form = parseForm(commentForm, req.body, req.i18n);
    if (!form.ok) return renderReview(req, reply, l, form.errors, 400);
    // The organization answers reviewers' comments; it does not start threads of its own.
    if (!canComment && form.data.parent_id === null)
      return renderReview(req, reply, l, { _form: req.i18n.t('coordination.review.answerOnly') }, 400);
    const ok = await addComment(
      db,
      l.review,
      { section: form.data.section, parentId: form.data.parent_id, body: form.data.body },
      req.actor.user!.id,
      req.now,
    );
    if (!ok) return renderReview(req, reply, l, { _form: req.i18n.t('form.invalidChoice') }, 400);
    return seeOther(reply, `/plans/reviews/${l.review.id}#section-${form.data.section}`);
  });

  app.post('/plans/reviews/:id/close', { config: { access: 'member' } }, async (req: Req, reply) => {
    const l = await loadReview(req, req.params.id);
    if (!l || !authorize(l.ctx.actor, 'close', l.res)) return reply.callNotFound();
    const form = parseForm(closeReviewForm, req.body, req.i18n);
    if (!form.ok) return renderReview(req, reply, l, form.errors, 400);
    await closeReview(db, l.review.id, l.review.organization_id, form.data.closing_note, req.now);
    await audit(db, req.now, {
      actorUserId: req.actor.user!.id,
      action: 'coordination.review.closed',
      targetType: 'review',
      targetId: l.review.id,
      organizationId: l.review.organization_id,
      ip: req.ip,
    });
    return seeOther(reply, `/plans/reviews/${l.review.id}`);
  });

  app.post('/plans/reviews/:id/actions', { config: { access: 'member' } }, async (req: Req, reply) => {
    const l = await loadReview(req, req.params.id);
    if (!l || !authorize(l.ctx.actor, 'tieDecisions', l.res)) return reply.callNotFound();
    const form = parseForm(decisionToActionForm, req.body, req.i18n);
    if (!form.ok) return renderReview(req, reply, l, form.errors, 400);
    const decision = (await decisionsForReview(db, l.review.id)).find((d) => d.id === form.data.decision_id);
    if (!decision) return reply.callNotFound();
    await createAction(
      db,
      l.ctx.network.id,
      {
        title: form.data.title,
        details: '',
        owner_org_id: l.review.organization_id,
        owner_user_id: null,
        due_on: form.data.due_on,
        sharing: 'org',
        meeting_id: decision.meeting_id,
        decision_id: decision.id,
        review_id: l.review.id,
      },
      req.actor.user!.id,
      req.now,
    );
    reply.flashNext('coordination.review.actionCreated');
    return seeOther(reply, `/plans/reviews/${l.review.id}`);
  });
};
