// Strategic plans, read: a plan and its versions only for its organization (the queries take the
// acting organization id); a review (one version, its comments) also for its chosen reviewers.
import { rowIn, rowsOf, orgName, ids } from '../../../core/db/rows.js';
import type { Db } from '../../../core/db/index.js';
import type { PlanSection } from '../tables.js';
import { columnOf, rowsWithName } from '../records.js';

export const planSections: PlanSection[] = ['vision', 'mission', 'goals', 'objectives', 'activities'];

export async function listPlans(db: Db, actingOrgId: number) {
  return rowsOf(db, 'coord_plans', { organization_id: actingOrgId }, ['-updated_at']);
}

export async function getPlan(db: Db, id: number, actingOrgId: number) {
  return rowIn(db, 'coord_plans', id, { organization_id: actingOrgId });
}

/** The owning organization of a plan id (to pick the acting organization before the scoped read). */
export async function planOwner(db: Db, id: number): Promise<number | null> {
  const r = await db.selectFrom('coord_plans').select('organization_id').where('id', '=', id).executeTakeFirst();
  return r?.organization_id ?? null;
}

export async function listPlanVersions(db: Db, planId: number, actingOrgId: number) {
  const owner = { plan_id: planId, organization_id: actingOrgId };
  return rowsWithName(db, 'coord_plan_versions', ['created_by', 'author'], owner, ['-version']);
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
      ...orgName,
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

/** Reviews with their plan's title. */
function reviews(db: Db) {
  return db
    .selectFrom('coord_reviews')
    .innerJoin('coord_plans', 'coord_plans.id', 'coord_reviews.plan_id')
    .select(['coord_reviews.id', 'coord_reviews.status', 'coord_reviews.opened_at', 'coord_plans.title as plan_title']);
}

/** Reviews of the acting organization's plans. */
export async function listOwnReviews(db: Db, actingOrgId: number, planId?: number) {
  let q = reviews(db)
    .innerJoin('coord_plan_versions as v', 'v.id', 'coord_reviews.version_id')
    .select(['coord_reviews.closed_at', 'v.version'])
    .where('coord_reviews.organization_id', '=', actingOrgId);
  if (planId) q = q.where('coord_reviews.plan_id', '=', planId);
  return q.orderBy('coord_reviews.opened_at', 'desc').execute();
}

/** Reviews a person was chosen for. */
export async function listReviewsForReviewer(db: Db, userId: number) {
  return reviews(db)
    .innerJoin('coord_review_reviewers', 'coord_review_reviewers.review_id', 'coord_reviews.id')
    .innerJoin('organizations', 'organizations.id', 'coord_reviews.organization_id')
    .select(orgName)
    .where('coord_review_reviewers.user_id', '=', userId)
    .where('organizations.status', '=', 'active')
    .orderBy('coord_reviews.opened_at', 'desc')
    .execute();
}

/** Reviews tied to a meeting (the meeting page shows each only to those who may open it). */
export async function reviewsOfMeeting(db: Db, meetingId: number) {
  const rows = await reviews(db)
    .innerJoin('organizations', 'organizations.id', 'coord_reviews.organization_id')
    .select(['coord_reviews.organization_id', ...orgName])
    .where('coord_reviews.meeting_id', '=', meetingId)
    .execute();
  if (!rows.length) return [];
  const reviewers = await db
    .selectFrom('coord_review_reviewers')
    .select(['review_id', 'user_id'])
    .where('review_id', 'in', ids(rows))
    .execute();
  return rows.map((r) => ({
    ...r,
    reviewerIds: reviewers.filter((x) => x.review_id === r.id).map((x) => x.user_id),
  }));
}

export async function listComments(db: Db, reviewId: number) {
  const owner = { review_id: reviewId };
  return rowsWithName(db, 'coord_review_comments', ['author_user_id', 'author'], owner, ['created_at', 'id']);
}

/** Decisions of the tied meeting that concern this review. */
export async function decisionsForReview(db: Db, reviewId: number) {
  return rowsOf(db, 'coord_decisions', { review_id: reviewId }, ['number']);
}

/** Of these decisions, the ones the organization already turned into action items. */
export async function decisionsWithActions(db: Db, decisionIds: number[], orgId: number): Promise<Set<number>> {
  const where = { decision_id: decisionIds, owner_org_id: orgId };
  return new Set((await columnOf(db, 'coord_actions', 'decision_id', where)) as number[]);
}

/** Is the organization still an active member? (Reviews of departed organizations are gone.) */
export async function isActiveOrganization(db: Db, orgId: number): Promise<boolean> {
  const org = await db.selectFrom('organizations').select('status').where('id', '=', orgId).executeTakeFirst();
  return org?.status === 'active';
}
