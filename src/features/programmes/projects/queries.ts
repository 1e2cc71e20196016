// Projects with their members, towns and targets. Named Kysely functions taking `db` first.
import type { z } from 'zod';
import type { Db } from '../../../core/db/index.js';
import { flag } from '../../../core/db/helpers.js';
import { deleteIn, ids, rowIn, rowsOf, updateIn } from '../../../core/db/rows.js';
import { countOf } from '../../../core/db/rows.js';
import { rowsWhereIn } from '../../../core/db/rows.js';
import type { projectForm, targetForm } from '../schemas.js';

/** The project form's data, its towns resolved to P-codes. */
export type ProjectInput = Omit<z.output<typeof projectForm>, 'towns'> & { towns: string[] };
export type TargetInput = z.output<typeof targetForm>;

export async function listProjects(db: Db, networkId: number) {
  const rows = await rowsOf(db, 'programme_projects', { network_id: networkId }, ['-start_date', '-id']);
  const members = await rowsWhereIn(
    db,
    'programme_project_members',
    ['project_id', 'organization_id'],
    'project_id',
    ids(rows),
  );
  return rows.map((r) => ({
    ...r,
    memberOrgIds: members.filter((m) => m.project_id === r.id).map((m) => m.organization_id),
  }));
}

export type ProjectListRow = Awaited<ReturnType<typeof listProjects>>[number];
export type ProjectRow = NonNullable<Awaited<ReturnType<typeof getProject>>>;

export async function getProject(db: Db, id: number) {
  const row = await db.selectFrom('programme_projects').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const [members, towns] = await Promise.all([
    db.selectFrom('programme_project_members').select('organization_id').where('project_id', '=', id).execute(),
    db
      .selectFrom('programme_project_towns')
      .innerJoin('towns', 'towns.pcode', 'programme_project_towns.town_pcode')
      .select(['towns.pcode', 'towns.name_ar', 'towns.name_en'])
      .where('programme_project_towns.project_id', '=', id)
      .orderBy('towns.name_ar')
      .execute(),
  ]);
  return { ...row, memberOrgIds: members.map((m) => m.organization_id), towns };
}

/** A project with its members and towns, in one transaction. The coordinator is always a member. */
export async function saveProject(
  db: Db,
  id: number | null,
  networkId: number,
  input: ProjectInput,
  now: Date,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { members: memberIds, towns: pcodes, is_public, ...fields } = input;
    const values = { ...fields, is_public: flag(is_public), updated_at: now.toISOString() };
    let projectId = id;
    if (projectId === null) {
      const row = await trx
        .insertInto('programme_projects')
        .values({ ...values, network_id: networkId, created_at: now.toISOString() })
        .returning('id')
        .executeTakeFirstOrThrow();
      projectId = row.id;
    } else {
      await trx.updateTable('programme_projects').set(values).where('id', '=', projectId).execute();
      await trx.deleteFrom('programme_project_members').where('project_id', '=', projectId).execute();
      await trx.deleteFrom('programme_project_towns').where('project_id', '=', projectId).execute();
    }
    const members = [...new Set([input.coordinator_org_id, ...memberIds])];
    await trx
      .insertInto('programme_project_members')
      .values(members.map((organization_id) => ({ project_id: projectId!, organization_id })))
      .execute();
    const towns = [...new Set(pcodes)];
    if (towns.length)
      await trx
        .insertInto('programme_project_towns')
        .values(towns.map((town_pcode) => ({ project_id: projectId!, town_pcode })))
        .execute();
    return projectId;
  });
}

/** What was recorded in a project: a project with records is history and is not deleted. */
export async function projectRecords(db: Db, projectId: number) {
  const count = (table: 'programme_activities' | 'programme_visits' | 'programme_courses') =>
    countOf(db, table, { project_id: projectId });
  const [activities, visits, courses] = await Promise.all([
    count('programme_activities'),
    count('programme_visits'),
    count('programme_courses'),
  ]);
  return { activities, visits, courses, total: activities + visits + courses };
}

/** Deletes a project that holds no records (its members, towns and targets go with it). */
export async function deleteProject(db: Db, id: number) {
  await db.deleteFrom('programme_projects').where('id', '=', id).execute();
}

export const listTargets = (db: Db, projectId: number) =>
  rowsOf(db, 'programme_targets', { project_id: projectId }, ['id']);
export const getTarget = (db: Db, projectId: number, id: number) =>
  rowIn(db, 'programme_targets', id, { project_id: projectId });

/** Only a hand-entered indicator keeps a value of its own. */
const targetValues = (input: TargetInput) => ({
  ...input,
  manual_value: input.metric === 'custom' ? input.manual_value : null,
});

export async function addTarget(db: Db, projectId: number, input: TargetInput, now: Date) {
  const row = await db
    .insertInto('programme_targets')
    .values({ project_id: projectId, ...targetValues(input), created_at: now.toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export const updateTarget = (db: Db, projectId: number, id: number, input: TargetInput) =>
  updateIn(db, 'programme_targets', id, { project_id: projectId }, targetValues(input));

export const deleteTarget = (db: Db, projectId: number, id: number) =>
  deleteIn(db, 'programme_targets', id, { project_id: projectId });
