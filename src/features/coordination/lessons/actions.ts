// Lessons learned, written: after-action notes on a meeting, a visit or a project; private to the
// organization by default, shareable with the network, publishable to the resources library's
// lessons-learned collection (through the publishing feature).
import { deleteIn, insertRow, updateIn } from '../../../core/db/rows.js';
import type { Db } from '../../../core/db/index.js';
import type { CoordLessonsTable } from '../tables.js';

export type LessonInput = Omit<
  CoordLessonsTable,
  | 'id'
  | 'organization_id'
  | 'published_id'
  | 'published_url'
  | 'published_at'
  | 'created_by'
  | 'created_at'
  | 'updated_at'
>;

export async function saveLesson(
  db: Db,
  actingOrgId: number,
  id: number | null,
  input: LessonInput,
  userId: number | null,
  now: Date,
): Promise<number> {
  const iso = now.toISOString();
  if (id === null)
    return insertRow(db, 'coord_lessons', {
      organization_id: actingOrgId,
      ...input,
      published_id: null,
      published_url: null,
      published_at: null,
      created_by: userId,
      created_at: iso,
      updated_at: iso,
    });
  await updateIn(db, 'coord_lessons', id, { organization_id: actingOrgId }, { ...input, updated_at: iso });
  return id;
}

export async function markPublished(
  db: Db,
  id: number,
  actingOrgId: number,
  published: { id: number; url: string },
  now: Date,
) {
  const values = { published_id: published.id, published_url: published.url, published_at: now.toISOString() };
  await updateIn(db, 'coord_lessons', id, { organization_id: actingOrgId }, values);
}

export async function deleteLesson(db: Db, id: number, actingOrgId: number) {
  await deleteIn(db, 'coord_lessons', id, { organization_id: actingOrgId });
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
