// Strategic plans and their reviews. A plan is reachable only by its organization's people; a
// review (the chosen version and the comments) also by the reviewers the organization chose.
import { endpoint, form, FormErrors, notFound, page, parseId, type AnyCtx } from '../../../core/http/route.js';
import type { FormState } from '../../../core/views/forms.js';
import { DAY } from '../../../core/time.js';
import { coord, viewerOf, type CoordContext } from '../context.js';
import type { ReviewResource } from '../permissions.js';
import {
  closeReviewForm,
  commentForm,
  decisionToActionForm,
  planForm,
  planVersionForm,
  reviewOpenForm,
} from '../schemas.js';
import { savePrivateFile, sendPrivateFile } from '../files.js';
import { tell } from '../notify.js';
import { listMeetingsFor, meetingResource } from '../meetings/queries.js';
import { createAction } from '../meetings/actions.js';
import { currentBoardUserIds } from '../governance/queries.js';
import { getActiveOrganization, listExecutiveDirectors, memberIds } from '../workspace/queries.js';
import {
  decisionsForReview,
  decisionsWithActions,
  getPlan,
  getReview,
  isActiveOrganization,
  listComments,
  listOwnReviews,
  listPlanVersions,
  listPlans,
  listReviewsForReviewer,
  planOwner,
  type Review,
} from './queries.js';
import { addComment, addPlanVersion, closeReview, createPlan, openReview, type PlanVersionInput } from './actions.js';
import { PlanNewPage, PlanPage, PlansPage, ReviewPage } from './views.js';

/** The organization whose plans are shown: ?org= among the person's own, else the first. */
function actingOrg(ctx: CoordContext, query: Record<string, unknown>): number | null {
  const wanted = parseId(query.org);
  if (wanted) return ctx.orgIds.includes(wanted) ? wanted : null;
  return ctx.orgIds[0] ?? null;
}

/** A version from the form: its sections and an optional document; a version with neither is refused. */
async function readVersion(
  c: AnyCtx,
  orgId: number,
  { file, ...rest }: Omit<PlanVersionInput, 'file'> & { file?: unknown },
): Promise<PlanVersionInput> {
  const saved = await savePrivateFile(
    c.wasl,
    file,
    { userId: c.user!.id, organizationId: orgId },
    c.i18n,
    c.now,
    false,
  );
  const text = [rest.vision, rest.mission, rest.goals, rest.objectives, rest.activities].some((s) => s.trim());
  if (!saved && !text) throw new FormErrors({ _form: c.t('coordination.plan.emptyVersion') });
  return { ...rest, file: saved && { mediaId: saved.mediaId, filename: saved.filename, mime: saved.mime } };
}

/** A plan its viewer's organization owns ('edit' is the same people). */
async function loadPlan(c: AnyCtx) {
  const ctx = await coord(c);
  const id = c.id('id');
  const owner = (await planOwner(c.db, id)) ?? notFound();
  if (!ctx.can('view', { type: 'coord.plan', orgId: owner })) notFound();
  const plan = (await getPlan(c.db, id, owner)) ?? notFound();
  return { ctx, plan };
}
type LoadedPlan = Awaited<ReturnType<typeof loadPlan>>;

async function planToEdit(c: AnyCtx): Promise<LoadedPlan> {
  const l = await loadPlan(c);
  return l.ctx.can('edit', { type: 'coord.plan', orgId: l.plan.organization_id }) ? l : notFound();
}

async function planPage(c: AnyCtx, { ctx, plan }: LoadedPlan, state: FormState | null = null) {
  const [versions, reviews, candidates, meetings] = await Promise.all([
    listPlanVersions(c.db, plan.id, plan.organization_id),
    listOwnReviews(c.db, plan.organization_id, plan.id),
    listExecutiveDirectors(c.db, ctx.network.id, plan.organization_id),
    listMeetingsFor(c.db, ctx.network.id, viewerOf(ctx), { from: new Date(c.now.getTime() - 90 * DAY).toISOString() }),
  ]);
  const wanted = Number(c.query.v);
  const current = versions.find((v) => v.version === wanted) ?? versions[0] ?? notFound();
  const consultative = meetings.filter((m) => m.kind === 'consultative' && ctx.can('view', meetingResource(m, c.now)));
  return (
    <PlanPage
      plan={plan}
      current={current}
      versions={versions}
      reviews={reviews}
      candidates={candidates}
      consultative={consultative}
      state={state}
    />
  );
}

const reviewResource = (r: Review): ReviewResource => ({
  type: 'coord.review',
  orgId: r.organization_id,
  reviewerIds: r.reviewerIds,
  status: r.status,
});

/** A review of an active member's plan, for the organization and its chosen reviewers. */
async function loadReview(c: AnyCtx) {
  const ctx = await coord(c);
  const review = (await getReview(c.db, c.id('id'))) ?? notFound();
  if (review.network_id !== ctx.network.id || !(await isActiveOrganization(c.db, review.organization_id))) notFound();
  const res = reviewResource(review);
  return ctx.can('view', res) ? { ctx, review, res } : notFound();
}
type LoadedReview = Awaited<ReturnType<typeof loadReview>>;
const reviewFor =
  (act: 'comment' | 'answer' | 'close' | 'tieDecisions') =>
  async (c: AnyCtx): Promise<LoadedReview> => {
    const l = await loadReview(c);
    return l.ctx.can(act, l.res) ? l : notFound();
  };

async function reviewPage(c: AnyCtx, { ctx, review, res }: LoadedReview, state: FormState | null = null) {
  const [comments, people, decisions] = await Promise.all([
    listComments(c.db, review.id),
    memberIds(c.db, review.organization_id),
    decisionsForReview(c.db, review.id),
  ]);
  const done = await decisionsWithActions(
    c.db,
    decisions.map((d) => d.id),
    review.organization_id,
  );
  return (
    <ReviewPage
      review={review}
      comments={comments}
      orgPeople={people}
      canComment={ctx.can('comment', res)}
      canAnswer={ctx.can('answer', res)}
      canClose={ctx.can('close', res)}
      isOwner={ctx.actor.orgRoles.has(review.organization_id)}
      decisions={decisions.map((d) => ({ ...d, hasAction: done.has(d.id) }))}
      state={state}
    />
  );
}

const toReview = (l: LoadedReview) => `/plans/reviews/${l.review.id}`;
const access = 'member' as const;

export const planRoutes = [
  page('/plans', {
    access,
    async render(c) {
      const ctx = await coord(c);
      const orgId = actingOrg(ctx, c.query);
      const [plans, reviewing, org] = await Promise.all([
        orgId ? listPlans(c.db, orgId) : [],
        listReviewsForReviewer(c.db, c.user.id),
        orgId ? getActiveOrganization(c.db, ctx.network.id, orgId) : undefined,
      ]);
      return <PlansPage orgId={orgId} org={org ?? null} plans={plans} reviewing={reviewing} />;
    },
  }),

  form('/plans/new', {
    access,
    get: true,
    load: async (c) => {
      const ctx = await coord(c);
      const orgId = actingOrg(ctx, c.query) ?? notFound();
      return ctx.can('edit', { type: 'coord.plan', orgId }) ? orgId : notFound();
    },
    schema: planForm,
    show: (_c, orgId, state) => <PlanNewPage orgId={orgId} state={state} />,
    async save(c, orgId, { title, ...version }) {
      const input = await readVersion(c, orgId, version);
      return `/plans/${await createPlan(c.db, orgId, title, input, c.user.id, c.now)}`;
    },
  }),

  page('/plans/:id', { access, load: loadPlan, render: (c, l) => planPage(c, l) }),

  endpoint('GET', '/plans/:id/versions/:versionId/file', {
    access,
    load: loadPlan,
    async handle(c, { plan }) {
      const versionId = c.id('versionId');
      const v = (await listPlanVersions(c.db, plan.id, plan.organization_id)).find((x) => x.id === versionId);
      if (!v?.media_id) notFound();
      return (await sendPrivateFile(c.wasl, c.reply, v.media_id, v.filename ?? 'plan')) ?? notFound();
    },
  }),

  form('/plans/:id/versions', {
    access,
    load: planToEdit,
    schema: planVersionForm,
    show: planPage,
    async save(c, { plan }, data) {
      const input = await readVersion(c, plan.organization_id, data);
      await addPlanVersion(c.db, plan.id, plan.organization_id, input, c.user.id, c.now);
      return `/plans/${plan.id}`;
    },
  }),

  form('/plans/:id/reviews', {
    access,
    load: planToEdit,
    schema: reviewOpenForm,
    show: planPage,
    flash: null,
    async save(c, { ctx, plan }, data) {
      const refuse = (errors: Record<string, string>): never => {
        throw new FormErrors(errors);
      };
      const versions = await listPlanVersions(c.db, plan.id, plan.organization_id);
      if (!versions.some((v) => v.id === data.version_id)) refuse({ _form: c.t('form.invalidChoice') });
      const candidates = new Set(
        (await listExecutiveDirectors(c.db, ctx.network.id, plan.organization_id)).map((x) => x.user_id),
      );
      if (data.reviewers.some((id) => !candidates.has(id))) refuse({ reviewers: c.t('form.invalidChoice') });
      const own = await memberIds(c.db, plan.organization_id);
      const board = data.include_board
        ? (await currentBoardUserIds(c.db, ctx.network.id, c.now)).filter((id) => !own.has(id))
        : [];
      const reviewers = [...new Set([...data.reviewers, ...board])];
      if (!reviewers.length) refuse({ reviewers: c.t('coordination.review.chooseReviewers') });
      if (data.meeting_id !== null) {
        const viewer = { ...viewerOf(ctx), userId: c.user.id, networkMember: true };
        const m = (await listMeetingsFor(c.db, ctx.network.id, viewer)).find((x) => x.id === data.meeting_id);
        if (!m || m.kind !== 'consultative' || !ctx.can('view', meetingResource(m, c.now)))
          refuse({ _form: c.t('form.invalidChoice') });
      }
      const id = await openReview(
        c.db,
        plan,
        data.version_id,
        reviewers,
        data.include_board,
        data.meeting_id,
        c.user.id,
        c.now,
      );
      await c.audit('coordination.review.opened', {
        targetType: 'review',
        targetId: id,
        organizationId: plan.organization_id,
        details: { reviewers: reviewers.length },
      });
      // The reviewers are told (and e-mailed, unless they chose otherwise): the review is theirs to read.
      await tell(c, 'reviewRequested', reviewers, `/plans/reviews/${id}`, { title: plan.title });
      return `/plans/reviews/${id}`;
    },
  }),

  // ——— reviews ———
  page('/plans/reviews/:id', { access, load: loadReview, render: (c, l) => reviewPage(c, l) }),

  endpoint('GET', '/plans/reviews/:id/file', {
    access,
    load: loadReview,
    async handle(c, { review }) {
      if (!review.media_id) notFound();
      return (await sendPrivateFile(c.wasl, c.reply, review.media_id, review.filename ?? 'plan')) ?? notFound();
    },
  }),

  form('/plans/reviews/:id/comments', {
    access,
    load: async (c) => {
      const l = await loadReview(c);
      return l.ctx.can('comment', l.res) || l.ctx.can('answer', l.res) ? l : notFound();
    },
    schema: commentForm,
    show: reviewPage,
    flash: null,
    // The organization answers reviewers' comments; it does not start threads of its own.
    check: (c, l, data) =>
      !l.ctx.can('comment', l.res) && data.parent_id === null
        ? { _form: c.t('coordination.review.answerOnly') }
        : undefined,
    async save(c, l, data) {
      const input = { section: data.section, parentId: data.parent_id, body: data.body };
      if (!(await addComment(c.db, l.review, input, c.user.id, c.now)))
        throw new FormErrors({ _form: c.t('form.invalidChoice') });
      return `${toReview(l)}#section-${data.section}`;
    },
  }),

  form('/plans/reviews/:id/close', {
    access,
    load: reviewFor('close'),
    schema: closeReviewForm,
    show: reviewPage,
    flash: null,
    async save(c, l, data) {
      await closeReview(c.db, l.review.id, l.review.organization_id, data.closing_note, c.now);
      await c.audit('coordination.review.closed', {
        targetType: 'review',
        targetId: l.review.id,
        organizationId: l.review.organization_id,
      });
      // The reviewers still read the review (and now its closing note); the organization closed it.
      await tell(c, 'reviewClosed', l.review.reviewerIds, toReview(l), { title: l.review.plan_title });
      return toReview(l);
    },
  }),

  form('/plans/reviews/:id/actions', {
    access,
    load: reviewFor('tieDecisions'),
    schema: decisionToActionForm,
    show: reviewPage,
    async save(c, l, data) {
      const decision = (await decisionsForReview(c.db, l.review.id)).find((d) => d.id === data.decision_id);
      if (!decision) notFound();
      const input = {
        title: data.title,
        details: '',
        owner_org_id: l.review.organization_id,
        owner_user_id: null,
        due_on: data.due_on,
        sharing: 'org' as const,
        meeting_id: decision.meeting_id,
        decision_id: decision.id,
        review_id: l.review.id,
      };
      await createAction(c.db, l.ctx.network.id, input, c.user.id, c.now);
      return { to: toReview(l), flash: 'coordination.review.actionCreated' };
    },
  }),
];
