// Lessons learned, read: the acting organizations' own lessons and those other members shared
// with the network.
import { orgName } from '../../../core/db/rows.js';
import type { Db } from '../../../core/db/index.js';
import { columnOf } from '../records.js';

const columns = [
  'coord_lessons.id',
  'coord_lessons.organization_id',
  'coord_lessons.subject',
  'coord_lessons.meeting_id',
  'coord_lessons.visit_id',
  'coord_lessons.project_label',
  'coord_lessons.title',
  'coord_lessons.what_happened',
  'coord_lessons.what_worked',
  'coord_lessons.what_to_change',
  'coord_lessons.lang',
  'coord_lessons.sharing',
  'coord_lessons.published_id',
  'coord_lessons.published_url',
  'coord_lessons.published_at',
  'coord_lessons.created_at',
  'coord_lessons.updated_at',
  ...orgName,
  'organizations.network_id',
  'coord_meetings.title as meeting_title',
] as const;

function base(db: Db) {
  return db
    .selectFrom('coord_lessons')
    .innerJoin('organizations', 'organizations.id', 'coord_lessons.organization_id')
    .leftJoin('coord_meetings', 'coord_meetings.id', 'coord_lessons.meeting_id')
    .select(columns)
    .where('organizations.status', '=', 'active');
}

/** The acting organizations' lessons, and those other members shared with the network. */
export async function listLessonsFor(db: Db, networkId: number, actingOrgIds: number[], networkMember: boolean) {
  return base(db)
    .where('organizations.network_id', '=', networkId)
    .where((eb) => {
      const ors = [];
      if (actingOrgIds.length) ors.push(eb('coord_lessons.organization_id', 'in', actingOrgIds));
      if (networkMember) ors.push(eb('coord_lessons.sharing', '=', 'network'));
      return ors.length ? eb.or(ors) : eb.lit(false);
    })
    .orderBy('coord_lessons.updated_at', 'desc')
    .limit(200)
    .execute();
}

export async function getLesson(db: Db, id: number) {
  return base(db).where('coord_lessons.id', '=', id).executeTakeFirst();
}

export type Lesson = NonNullable<Awaited<ReturnType<typeof getLesson>>>;

/** The towns an organization works in (a published lesson is tagged with them). */
export async function organizationTowns(db: Db, orgId: number): Promise<string[]> {
  return columnOf(db, 'organization_towns', 'town_pcode', { organization_id: orgId });
}
