// Lessons learned: after-action notes on a meeting, a visit or a project. Private to the
// organization by default; shareable with the network; publishable to the resources library's
// lessons-learned collection (through the publishing feature).
import type { Db } from '../../core/db/index.js';

export type LessonInput = {
  subject: 'meeting' | 'visit' | 'project' | 'other';
  meeting_id: number | null;
  visit_id: number | null;
  project_label: string;
  title: string;
  what_happened: string;
  what_worked: string;
  what_to_change: string;
  lang: 'ar' | 'en';
  sharing: 'private' | 'network';
};

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
  'organizations.name_ar as org_name_ar',
  'organizations.name_en as org_name_en',
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

export async function saveLesson(
  db: Db,
  actingOrgId: number,
  id: number | null,
  input: LessonInput,
  userId: number | null,
  now: Date,
): Promise<number> {
  const iso = now.toISOString();
  if (id === null) {
    const row = await db
      .insertInto('coord_lessons')
      .values({
        organization_id: actingOrgId,
        ...input,
        published_id: null,
        published_url: null,
        published_at: null,
        created_by: userId,
        created_at: iso,
        updated_at: iso,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }
  await db
    .updateTable('coord_lessons')
    .set({ ...input, updated_at: iso })
    .where('id', '=', id)
    .where('organization_id', '=', actingOrgId)
    .execute();
  return id;
}

export async function markPublished(
  db: Db,
  id: number,
  actingOrgId: number,
  published: { id: number; url: string },
  now: Date,
) {
  await db
    .updateTable('coord_lessons')
    .set({ published_id: published.id, published_url: published.url, published_at: now.toISOString() })
    .where('id', '=', id)
    .where('organization_id', '=', actingOrgId)
    .execute();
}

export async function deleteLesson(db: Db, id: number, actingOrgId: number) {
  await db.deleteFrom('coord_lessons').where('id', '=', id).where('organization_id', '=', actingOrgId).execute();
}

/** The lesson as Markdown for the resources library. */
export function lessonBody(
  l: { what_happened: string; what_worked: string; what_to_change: string },
  headings: {
    happened: string;
    worked: string;
    change: string;
  },
): string {
  const parts: string[] = [];
  if (l.what_happened.trim()) parts.push(`## ${headings.happened}\n\n${l.what_happened.trim()}`);
  if (l.what_worked.trim()) parts.push(`## ${headings.worked}\n\n${l.what_worked.trim()}`);
  if (l.what_to_change.trim()) parts.push(`## ${headings.change}\n\n${l.what_to_change.trim()}`);
  return parts.join('\n\n');
}
