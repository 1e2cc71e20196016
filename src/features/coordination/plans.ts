// Strategic plans (structured sections or an uploaded document, with versions) and their
// reviews. A plan is read only by its organization; a review (one version, its comments) also by
// the reviewers the organization chose. Nothing else of a plan is reachable.
import type { Db } from '../../core/db/index.js';
import type { PlanSection } from './tables.js';

export const planSections: PlanSection[] = ['vision', 'mission', 'goals', 'objectives', 'activities'];

export async function listPlans(db: Db, actingOrgId: number) {
  const plans = await db
    .selectFrom('coord_plans')
    .selectAll()
    .where('organization_id', '=', actingOrgId)
    .orderBy('updated_at', 'desc')
    .execute();
  return plans;
}

export async function getPlan(db: Db, id: number, actingOrgId: number) {
  return db
    .selectFrom('coord_plans')
    .selectAll()
    .where('id', '=', id)
    .where('organization_id', '=', actingOrgId)
    .executeTakeFirst();
}

/** The owning organization of a plan id (to pick the acting organization before the scoped read). */
export async function planOwner(db: Db, id: number): Promise<number | null> {
  const r = await db.selectFrom('coord_plans').select('organization_id').where('id', '=', id).executeTakeFirst();
  return r?.organization_id ?? null;
}

export async function listPlanVersions(db: Db, planId: number, actingOrgId: number) {
  return db
    .selectFrom('coord_plan_versions')
    .leftJoin('users', 'users.id', 'coord_plan_versions.created_by')
    .selectAll('coord_plan_versions')
    .select('users.display_name as author')
    .where('coord_plan_versions.plan_id', '=', planId)
    .where('coord_plan_versions.organization_id', '=', actingOrgId)
    .orderBy('coord_plan_versions.version', 'desc')
    .execute();
}

export type PlanVersionInput = {
  vision: string;
  mission: string;
  goals: string;
  objectives: string;
  activities: string;
  note: string;
  file: { mediaId: string; filename: string; mime: string } | null;
};

export async function createPlan(
  db: Db,
  actingOrgId: number,
  title: string,
  first: PlanVersionInput,
  userId: number | null,
  now: Date,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const iso = now.toISOString();
    const plan = await trx
      .insertInto('coord_plans')
      .values({ organization_id: actingOrgId, title, created_by: userId, created_at: iso, updated_at: iso })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertVersion(trx, plan.id, actingOrgId, 1, first, userId, now);
    return plan.id;
  });
}

async function insertVersion(
  db: Db,
  planId: number,
  orgId: number,
  version: number,
  v: PlanVersionInput,
  userId: number | null,
  now: Date,
) {
  const row = await db
    .insertInto('coord_plan_versions')
    .values({
      plan_id: planId,
      organization_id: orgId,
      version,
      vision: v.vision,
      mission: v.mission,
      goals: v.goals,
      objectives: v.objectives,
      activities: v.activities,
      media_id: v.file?.mediaId ?? null,
      filename: v.file?.filename ?? null,
      mime: v.file?.mime ?? null,
      note: v.note,
      created_by: userId,
      created_at: now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function addPlanVersion(
  db: Db,
  planId: number,
  actingOrgId: number,
  v: PlanVersionInput,
  userId: number | null,
  now: Date,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const last = await trx
      .selectFrom('coord_plan_versions')
      .select((eb) => eb.fn.max('version').as('v'))
      .where('plan_id', '=', planId)
      .where('organization_id', '=', actingOrgId)
      .executeTakeFirst();
    const version = Number(last?.v ?? 0) + 1;
    // A new version without a new file keeps the previous document.
    let file = v.file;
    if (!file && version > 1) {
      const prev = await trx
        .selectFrom('coord_plan_versions')
        .select(['media_id', 'filename', 'mime'])
        .where('plan_id', '=', planId)
        .where('organization_id', '=', actingOrgId)
        .where('version', '=', version - 1)
        .executeTakeFirst();
      if (prev?.media_id) file = { mediaId: prev.media_id, filename: prev.filename ?? '', mime: prev.mime ?? '' };
    }
    await insertVersion(trx, planId, actingOrgId, version, { ...v, file }, userId, now);
    await trx
      .updateTable('coord_plans')
      .set({ updated_at: now.toISOString() })
      .where('id', '=', planId)
      .where('organization_id', '=', actingOrgId)
      .execute();
    return version;
  });
}

// ——— reviews ———

export async function openReview(
  db: Db,
  plan: { id: number; organization_id: number },
  versionId: number,
  reviewerIds: number[],
  includeBoard: boolean,
  meetingId: number | null,
  userId: number | null,
  now: Date,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('coord_reviews')
      .values({
        plan_id: plan.id,
        organization_id: plan.organization_id,
        version_id: versionId,
        meeting_id: meetingId,
        status: 'open',
        include_board: includeBoard ? 1 : 0,
        opened_by: userId,
        opened_at: now.toISOString(),
        closed_at: null,
        closing_note: '',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const ids = [...new Set(reviewerIds)];
    if (ids.length)
      await trx
        .insertInto('coord_review_reviewers')
        .values(ids.map((user_id) => ({ review_id: row.id, user_id })))
        .execute();
    return row.id;
  });
}

/** A review with everything its viewer is allowed to see (the caller authorizes with reviewerIds). */
export async function getReview(db: Db, id: number) {
  const r = await db
    .selectFrom('coord_reviews')
    .innerJoin('coord_plans', 'coord_plans.id', 'coord_reviews.plan_id')
    .innerJoin('coord_plan_versions as v', 'v.id', 'coord_reviews.version_id')
    .innerJoin('organizations', 'organizations.id', 'coord_reviews.organization_id')
    .leftJoin('coord_meetings', 'coord_meetings.id', 'coord_reviews.meeting_id')
    .select([
      'coord_reviews.id',
      'coord_reviews.plan_id',
      'coord_reviews.organization_id',
      'coord_reviews.version_id',
      'coord_reviews.meeting_id',
      'coord_reviews.status',
      'coord_reviews.include_board',
      'coord_reviews.opened_at',
      'coord_reviews.closed_at',
      'coord_reviews.closing_note',
      'coord_plans.title as plan_title',
      'v.version',
      'v.vision',
      'v.mission',
      'v.goals',
      'v.objectives',
      'v.activities',
      'v.media_id',
      'v.filename',
      'v.mime',
      'organizations.name_ar as org_name_ar',
      'organizations.name_en as org_name_en',
      'organizations.network_id',
      'coord_meetings.title as meeting_title',
    ])
    .where('coord_reviews.id', '=', id)
    .executeTakeFirst();
  if (!r) return null;
  const reviewers = await db
    .selectFrom('coord_review_reviewers')
    .innerJoin('users', 'users.id', 'coord_review_reviewers.user_id')
    .select(['users.id', 'users.display_name'])
    .where('coord_review_reviewers.review_id', '=', id)
    .orderBy('users.display_name')
    .execute();
  return { ...r, reviewers, reviewerIds: reviewers.map((x) => x.id) };
}
export type Review = NonNullable<Awaited<ReturnType<typeof getReview>>>;

/** Reviews of the acting organization's plans. */
export async function listOwnReviews(db: Db, actingOrgId: number, planId?: number) {
  let q = db
    .selectFrom('coord_reviews')
    .innerJoin('coord_plans', 'coord_plans.id', 'coord_reviews.plan_id')
    .innerJoin('coord_plan_versions as v', 'v.id', 'coord_reviews.version_id')
    .select([
      'coord_reviews.id',
      'coord_reviews.status',
      'coord_reviews.opened_at',
      'coord_reviews.closed_at',
      'coord_plans.title as plan_title',
      'v.version',
    ])
    .where('coord_reviews.organization_id', '=', actingOrgId);
  if (planId) q = q.where('coord_reviews.plan_id', '=', planId);
  return q.orderBy('coord_reviews.opened_at', 'desc').execute();
}

/** Reviews a person was chosen for. */
export async function listReviewsForReviewer(db: Db, userId: number) {
  return db
    .selectFrom('coord_review_reviewers')
    .innerJoin('coord_reviews', 'coord_reviews.id', 'coord_review_reviewers.review_id')
    .innerJoin('coord_plans', 'coord_plans.id', 'coord_reviews.plan_id')
    .innerJoin('organizations', 'organizations.id', 'coord_reviews.organization_id')
    .select([
      'coord_reviews.id',
      'coord_reviews.status',
      'coord_reviews.opened_at',
      'coord_plans.title as plan_title',
      'organizations.name_ar as org_name_ar',
      'organizations.name_en as org_name_en',
    ])
    .where('coord_review_reviewers.user_id', '=', userId)
    .where('organizations.status', '=', 'active')
    .orderBy('coord_reviews.opened_at', 'desc')
    .execute();
}

/** Reviews tied to a meeting (the meeting page shows each only to those who may open it). */
export async function reviewsOfMeeting(db: Db, meetingId: number) {
  const rows = await db
    .selectFrom('coord_reviews')
    .innerJoin('coord_plans', 'coord_plans.id', 'coord_reviews.plan_id')
    .innerJoin('organizations', 'organizations.id', 'coord_reviews.organization_id')
    .select([
      'coord_reviews.id',
      'coord_reviews.organization_id',
      'coord_reviews.status',
      'coord_plans.title as plan_title',
      'organizations.name_ar as org_name_ar',
      'organizations.name_en as org_name_en',
    ])
    .where('coord_reviews.meeting_id', '=', meetingId)
    .execute();
  if (!rows.length) return [];
  const reviewers = await db
    .selectFrom('coord_review_reviewers')
    .select(['review_id', 'user_id'])
    .where(
      'review_id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  return rows.map((r) => ({
    ...r,
    reviewerIds: reviewers.filter((x) => x.review_id === r.id).map((x) => x.user_id),
  }));
}

export async function listComments(db: Db, reviewId: number) {
  return db
    .selectFrom('coord_review_comments')
    .leftJoin('users', 'users.id', 'coord_review_comments.author_user_id')
    .select([
      'coord_review_comments.id',
      'coord_review_comments.section',
      'coord_review_comments.parent_id',
      'coord_review_comments.author_user_id',
      'coord_review_comments.body',
      'coord_review_comments.created_at',
      'users.display_name as author',
    ])
    .where('coord_review_comments.review_id', '=', reviewId)
    .orderBy('coord_review_comments.created_at')
    .orderBy('coord_review_comments.id')
    .execute();
}

export async function addComment(
  db: Db,
  review: { id: number; organization_id: number },
  input: { section: string; parentId: number | null; body: string },
  userId: number,
  now: Date,
): Promise<boolean> {
  if (input.parentId !== null) {
    const parent = await db
      .selectFrom('coord_review_comments')
      .select('section')
      .where('id', '=', input.parentId)
      .where('review_id', '=', review.id)
      .executeTakeFirst();
    if (!parent) return false;
    input = { ...input, section: parent.section };
  }
  await db
    .insertInto('coord_review_comments')
    .values({
      review_id: review.id,
      organization_id: review.organization_id,
      section: input.section as never,
      parent_id: input.parentId,
      author_user_id: userId,
      body: input.body,
      created_at: now.toISOString(),
    })
    .execute();
  return true;
}

export async function closeReview(db: Db, reviewId: number, actingOrgId: number, note: string, now: Date) {
  await db
    .updateTable('coord_reviews')
    .set({ status: 'closed', closed_at: now.toISOString(), closing_note: note })
    .where('id', '=', reviewId)
    .where('organization_id', '=', actingOrgId)
    .where('status', '=', 'open')
    .execute();
}

/** Decisions of the tied meeting that concern this review. */
export async function decisionsForReview(db: Db, reviewId: number) {
  return db.selectFrom('coord_decisions').selectAll().where('review_id', '=', reviewId).orderBy('number').execute();
}
