// Strategic plans, written: a plan and its versions (structured sections or a document), reviews
// opened with chosen reviewers, their comments and answers, closing.
import { insertRow, updateIn } from '../../../core/db/rows.js';
import type { Db } from '../../../core/db/index.js';
import { flag } from '../../../core/db/helpers.js';
import { nextNumber } from '../records.js';

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
    const values = { organization_id: actingOrgId, title, created_by: userId, created_at: iso, updated_at: iso };
    const plan = await insertRow(trx, 'coord_plans', values);
    await insertVersion(trx, plan, actingOrgId, 1, first, userId, now);
    return plan;
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
  return insertRow(db, 'coord_plan_versions', {
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
  });
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
    const owner = { plan_id: planId, organization_id: actingOrgId };
    const version = await nextNumber(trx, 'coord_plan_versions', 'version', owner);
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
    await updateIn(trx, 'coord_plans', planId, { organization_id: actingOrgId }, { updated_at: now.toISOString() });
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
    const review = await insertRow(trx, 'coord_reviews', {
      plan_id: plan.id,
      organization_id: plan.organization_id,
      version_id: versionId,
      meeting_id: meetingId,
      status: 'open',
      include_board: flag(includeBoard),
      opened_by: userId,
      opened_at: now.toISOString(),
      closed_at: null,
      closing_note: '',
    });
    const ids = [...new Set(reviewerIds)];
    if (ids.length)
      await trx
        .insertInto('coord_review_reviewers')
        .values(ids.map((user_id) => ({ review_id: review, user_id })))
        .execute();
    return review;
  });
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
  const values = { status: 'closed' as const, closed_at: now.toISOString(), closing_note: note };
  await updateIn(db, 'coord_reviews', reviewId, { organization_id: actingOrgId, status: 'open' }, values);
}
