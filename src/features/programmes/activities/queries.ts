// Activities (with participants by gender and age band, and private photos), advocacy visits and
// their recommendations with the follow-up history. Named Kysely functions taking `db` first;
// rows carry `organization_id` and routes check it before showing notes or photos.
import type { Selectable } from 'kysely';
import type { Db } from '../../../core/db/index.js';
import { fromJson, isSet } from '../../../core/db/helpers.js';
import { deleteIn, ids, insertRow, rowIn, updateIn } from '../../../core/db/rows.js';
import { rowsWhereIn } from '../../../core/db/rows.js';
import type { PublishedFigures } from '../indicators/report.js';
import type {
  AgeBand,
  Gender,
  ProgrammeActivitiesTable,
  ProgrammeVisitsTable,
  RecommendationStatus,
} from '../tables.js';

export type ActivityInput = Pick<
  Selectable<ProgrammeActivitiesTable>,
  'organization_id' | 'kind' | 'title' | 'held_on' | 'town_pcode' | 'summary' | 'notes'
> & { counts: { gender: Gender; age_band: AgeBand; count: number }[] };

export async function listActivities(db: Db, projectId: number) {
  const rows = await db
    .selectFrom('programme_activities')
    .select([
      'id',
      'project_id',
      'organization_id',
      'kind',
      'title',
      'held_on',
      'town_pcode',
      'published_item_id',
      'published_url',
    ])
    .where('project_id', '=', projectId)
    .orderBy('held_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const counts = await rowsWhereIn(db, 'programme_activity_counts', ['activity_id', 'count'], 'activity_id', ids(rows));
  return rows.map((r) => ({
    ...r,
    participants: counts.filter((c) => c.activity_id === r.id).reduce((a, c) => a + c.count, 0),
  }));
}

export type ActivityRow = NonNullable<Awaited<ReturnType<typeof getActivity>>>;

export async function getActivity(db: Db, id: number) {
  const row = await db.selectFrom('programme_activities').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const [counts, photos] = await Promise.all([
    db
      .selectFrom('programme_activity_counts')
      .select(['gender', 'age_band', 'count'])
      .where('activity_id', '=', id)
      .execute(),
    db
      .selectFrom('programme_activity_photos')
      .innerJoin('media', 'media.id', 'programme_activity_photos.media_id')
      .select(['media.id', 'media.variants', 'media.is_public'])
      .where('programme_activity_photos.activity_id', '=', id)
      .orderBy('programme_activity_photos.created_at')
      .execute(),
  ]);
  return {
    ...row,
    counts,
    photos: photos.map((p) => ({
      id: p.id,
      isPublic: isSet(p.is_public),
      variants: fromJson<Record<string, string>>(p.variants, {}),
    })),
  };
}

export async function saveActivity(
  db: Db,
  id: number | null,
  projectId: number,
  input: ActivityInput,
  userId: number | null,
  now: Date,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const values = {
      organization_id: input.organization_id,
      kind: input.kind,
      title: input.title,
      held_on: input.held_on,
      town_pcode: input.town_pcode,
      summary: input.summary,
      notes: input.notes,
      updated_at: now.toISOString(),
    };
    let activityId = id;
    if (activityId === null) {
      const row = await trx
        .insertInto('programme_activities')
        .values({
          ...values,
          project_id: projectId,
          created_by: userId,
          created_at: now.toISOString(),
          published_item_id: null,
          published_url: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      activityId = row.id;
    } else {
      await trx.updateTable('programme_activities').set(values).where('id', '=', activityId).execute();
      await trx.deleteFrom('programme_activity_counts').where('activity_id', '=', activityId).execute();
    }
    const counts = input.counts.filter((c) => c.count > 0);
    if (counts.length)
      await trx
        .insertInto('programme_activity_counts')
        .values(counts.map((c) => ({ activity_id: activityId!, ...c })))
        .execute();
    return activityId;
  });
}

export async function addActivityPhoto(db: Db, activityId: number, mediaId: string, now: Date) {
  await db
    .insertInto('programme_activity_photos')
    .values({ activity_id: activityId, media_id: mediaId, created_at: now.toISOString() })
    .execute();
}

/**
 * Records the activity report the activity became, with the figures it printed. Photos stay
 * private: the public report is text (the publishing renderer shows images as their alt text only).
 */
export async function markActivityPublished(
  db: Db,
  activityId: number,
  itemId: number,
  url: string,
  /** null when the report prints no participant figures */
  figures: PublishedFigures | null,
) {
  await db
    .updateTable('programme_activities')
    .set({ published_item_id: itemId, published_url: url, published_figures: figures && JSON.stringify(figures) })
    .where('id', '=', activityId)
    .execute();
}

/** Deletes an activity with its participant counts and photo links (its photos: actions.ts). */
export const deleteActivity = (db: Db, id: number) => deleteIn(db, 'programme_activities', id, {});

/** Unlinks one photo from its activity. */
export async function removeActivityPhoto(db: Db, activityId: number, mediaId: string) {
  await db
    .deleteFrom('programme_activity_photos')
    .where('activity_id', '=', activityId)
    .where('media_id', '=', mediaId)
    .execute();
}

export type VisitInput = Omit<
  Selectable<ProgrammeVisitsTable>,
  'id' | 'project_id' | 'created_by' | 'created_at' | 'updated_at'
>;

export async function listVisits(db: Db, projectId: number) {
  const rows = await db
    .selectFrom('programme_visits')
    .select(['id', 'project_id', 'organization_id', 'institution_type', 'institution_name', 'town_pcode', 'visited_on'])
    .where('project_id', '=', projectId)
    .orderBy('visited_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const recs = await rowsWhereIn(db, 'programme_recommendations', ['visit_id', 'status'], 'visit_id', ids(rows));
  return rows.map((r) => ({ ...r, statuses: recs.filter((x) => x.visit_id === r.id).map((x) => x.status) }));
}

export type VisitRow = NonNullable<Awaited<ReturnType<typeof getVisit>>>;

export async function getVisit(db: Db, id: number) {
  const row = await db.selectFrom('programme_visits').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const recommendations = await db
    .selectFrom('programme_recommendations')
    .selectAll()
    .where('visit_id', '=', id)
    .orderBy('id')
    .execute();
  const followups = recommendations.length
    ? await db
        .selectFrom('programme_followups')
        .selectAll()
        .where('recommendation_id', 'in', ids(recommendations))
        .orderBy('followed_on')
        .orderBy('id')
        .execute()
    : [];
  return {
    ...row,
    recommendations: recommendations.map((r) => ({
      ...r,
      followups: followups.filter((f) => f.recommendation_id === r.id),
    })),
  };
}

export async function saveVisit(
  db: Db,
  id: number | null,
  projectId: number,
  input: VisitInput,
  userId: number | null,
  now: Date,
): Promise<number> {
  const at = now.toISOString();
  if (id !== null) {
    await updateIn(db, 'programme_visits', id, {}, { ...input, updated_at: at });
    return id;
  }
  return insertRow(db, 'programme_visits', {
    ...input,
    project_id: projectId,
    created_by: userId,
    created_at: at,
    updated_at: at,
  });
}

/** Deletes a visit with its recommendations and their follow-ups. */
export const deleteVisit = (db: Db, id: number) => deleteIn(db, 'programme_visits', id, {});

export async function addRecommendation(
  db: Db,
  visitId: number,
  input: { text: string; addressed_to: string },
  now: Date,
) {
  const row = await db
    .insertInto('programme_recommendations')
    .values({
      visit_id: visitId,
      text: input.text,
      addressed_to: input.addressed_to,
      response: '',
      status: 'proposed',
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function getRecommendation(db: Db, id: number) {
  return db
    .selectFrom('programme_recommendations')
    .innerJoin('programme_visits', 'programme_visits.id', 'programme_recommendations.visit_id')
    .select([
      'programme_recommendations.id',
      'programme_recommendations.visit_id',
      'programme_recommendations.status',
      'programme_recommendations.text',
      'programme_recommendations.addressed_to',
      'programme_visits.organization_id',
      'programme_visits.project_id',
    ])
    .where('programme_recommendations.id', '=', id)
    .executeTakeFirst();
}

/**
 * A follow-up: a dated note with the status it found, kept in the history, and the response so
 * far; the recommendation takes the status of its latest follow-up (a late entry of an older one
 * does not overwrite a newer status).
 */
export async function followUpRecommendation(
  db: Db,
  id: number,
  input: { status: RecommendationStatus; response: string; note: string; followed_on: string },
  userId: number | null,
  now: Date,
) {
  await db.transaction().execute(async (trx) => {
    await updateIn(trx, 'programme_recommendations', id, {}, { response: input.response });
    await trx
      .insertInto('programme_followups')
      .values({
        recommendation_id: id,
        followed_on: input.followed_on,
        note: input.note,
        status: input.status,
        user_id: userId,
        created_at: now.toISOString(),
      })
      .execute();
    await settleStatus(trx, id, now);
  });
}

export type RecommendationRow = NonNullable<Awaited<ReturnType<typeof getRecommendation>>>;

export const updateRecommendation = (db: Db, id: number, input: { text: string; addressed_to: string }, now: Date) =>
  updateIn(db, 'programme_recommendations', id, {}, { ...input, updated_at: now.toISOString() });

export const deleteRecommendation = (db: Db, id: number) => deleteIn(db, 'programme_recommendations', id, {});

export const getFollowup = (db: Db, id: number) => rowIn(db, 'programme_followups', id, {});

/** A recommendation's status is its latest follow-up's (proposed when it has none). */
async function settleStatus(db: Db, recommendationId: number, now: Date) {
  const latest = await db
    .selectFrom('programme_followups')
    .select('status')
    .where('recommendation_id', '=', recommendationId)
    .orderBy('followed_on', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  await updateIn(
    db,
    'programme_recommendations',
    recommendationId,
    {},
    { status: latest?.status ?? 'proposed', updated_at: now.toISOString() },
  );
}

/** Corrects a follow-up (its date, status, note); the recommendation takes its latest status. */
export async function updateFollowup(
  db: Db,
  f: { id: number; recommendation_id: number },
  input: { status: RecommendationStatus; note: string; followed_on: string },
  now: Date,
) {
  await db.transaction().execute(async (trx) => {
    await updateIn(trx, 'programme_followups', f.id, {}, input);
    await settleStatus(trx, f.recommendation_id, now);
  });
}

export async function deleteFollowup(db: Db, f: { id: number; recommendation_id: number }, now: Date) {
  await db.transaction().execute(async (trx) => {
    await deleteIn(trx, 'programme_followups', f.id, {});
    await settleStatus(trx, f.recommendation_id, now);
  });
}
