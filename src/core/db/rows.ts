// The shapes most reads and writes of a record take, for every feature: one row by its id, only
// inside what owns it (its network, organization, election, meeting…), the rows of an owner in
// order, and changing or deleting one row inside its owner. A row outside its owner is simply not
// found — the query itself keeps organizations apart. A new row's id comes from insertRow. Anything else is a named query.
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Db } from './index.js';
import type { Database } from './schema.js';

/** An organization's names as `org_name_ar`/`org_name_en` (for `localized(row, 'org_name', …)`). */
export const orgName = ['organizations.name_ar as org_name_ar', 'organizations.name_en as org_name_en'] as const;

/** The ids of rows (for an `in` list). */
export const ids = (rows: { id: number }[]) => rows.map((r) => r.id);

type Table = keyof Database & string;
type Row<T extends Table> = Selectable<Database[T]>;
/** Column = value conditions, all of which must hold. */
type Owner<T extends Table> = Partial<Record<keyof Database[T] & string, number | string | null>>;

function matching<T extends Table>(db: Db, table: T, where: Owner<T>) {
  let q = (db as unknown as Kysely<any>).selectFrom(table).selectAll();
  for (const [column, value] of Object.entries(where)) q = q.where(column, value === null ? 'is' : '=', value);
  return q;
}

/** Inserts one row (through the database or a transaction) and returns its new id. */
export async function insertRow<T extends Table>(db: Db, table: T, values: Insertable<Database[T]>): Promise<number> {
  const row = await (db as unknown as Kysely<any>)
    .insertInto(table)
    .values(values as Record<string, unknown>)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** `rowIn(db, 'coord_votes', id, { network_id })`: the row, or undefined if it is not the owner's. */
export async function rowIn<T extends Table>(
  db: Db,
  table: T,
  id: number,
  owner: Owner<T>,
): Promise<Row<T> | undefined> {
  return (await matching(db, table, { ...owner, id } as Owner<T>).executeTakeFirst()) as Row<T> | undefined;
}

/** `rowsOf(db, 'coord_agenda_items', { meeting_id }, ['position', 'id'])`; '-column' sorts descending. */
export async function rowsOf<T extends Table>(
  db: Db,
  table: T,
  owner: Owner<T>,
  order: `${'' | '-'}${keyof Database[T] & string}`[],
): Promise<Row<T>[]> {
  let q = matching(db, table, owner);
  for (const o of order) q = o.startsWith('-') ? q.orderBy(o.slice(1), 'desc') : q.orderBy(o);
  return (await q.execute()) as Row<T>[];
}

/**
 * `rowsWhereIn(db, 'programme_recommendations', ['id', 'visit_id'], 'visit_id', visitIds)`: those
 * columns of the rows whose `key` is one of `values` (the children of rows just read); no values,
 * no query.
 */
export async function rowsWhereIn<T extends Table, C extends keyof Row<T> & string>(
  db: Db,
  table: T,
  columns: C[],
  key: keyof Row<T> & string,
  values: (number | string)[],
): Promise<Pick<Row<T>, C>[]> {
  if (!values.length) return [];
  return (await (db as unknown as Kysely<any>)
    .selectFrom(table as string)
    .select(columns)
    .where(key as string, 'in', values)
    .execute()) as Pick<Row<T>, C>[];
}

/** `countOf(db, 'programme_cohorts', { course_id })`: how many rows the owner has. */
export async function countOf<T extends Table>(db: Db, table: T, owner: Owner<T>): Promise<number> {
  let q = (db as unknown as Kysely<any>).selectFrom(table as string).select((eb) => eb.fn.countAll<number>().as('n'));
  for (const [column, value] of Object.entries(owner)) q = q.where(column, value === null ? 'is' : '=', value);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/** Changes one row by its id, only inside what owns it; false if there was none. */
export async function updateIn<T extends Table>(
  db: Db,
  table: T,
  id: number,
  owner: Owner<T>,
  values: Updateable<Database[T]>,
): Promise<boolean> {
  const any = db as unknown as Kysely<any>;
  let q = any.updateTable(table as string).set(values as Record<string, unknown>);
  for (const [column, value] of Object.entries({ ...owner, id }))
    q = q.where(column, value === null ? 'is' : '=', value);
  return Number((await q.executeTakeFirst()).numUpdatedRows) > 0;
}

/** Deletes one row by its id, only inside what owns it; false when no such row is there. */
export async function deleteIn<T extends Table>(db: Db, table: T, id: number, owner: Owner<T>): Promise<boolean> {
  let q = (db as unknown as Kysely<any>).deleteFrom(table as string);
  for (const [column, value] of Object.entries({ ...owner, id }))
    q = q.where(column, value === null ? 'is' : '=', value);
  return Number((await q.executeTakeFirst()).numDeletedRows) > 0;
}
