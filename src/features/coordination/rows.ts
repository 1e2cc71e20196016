// The two shapes most reads of coordination take: one row by its id, only inside what owns it
// (its network, organization, meeting…), and the rows of an owner in order. Everything else is a
// named query in its area's queries.ts.
import type { Kysely, Selectable, Updateable } from 'kysely';
import type { Db } from '../../core/db/index.js';
import type { CoordinationTables } from './tables.js';

/** An organization's names as `org_name_ar`/`org_name_en` (for `localized(row, 'org_name', …)`). */
export const orgName = ['organizations.name_ar as org_name_ar', 'organizations.name_en as org_name_en'] as const;

/** The ids of rows (for an `in` list). */
export const ids = (rows: { id: number }[]) => rows.map((r) => r.id);

type Table = keyof CoordinationTables & string;
type Row<T extends Table> = Selectable<CoordinationTables[T]>;
/** Column = value conditions, all of which must hold. */
type Owner<T extends Table> = Partial<Record<keyof CoordinationTables[T] & string, number | string>>;

function matching<T extends Table>(db: Db, table: T, where: Owner<T>) {
  let q = (db as unknown as Kysely<any>).selectFrom(table).selectAll();
  for (const [column, value] of Object.entries(where)) q = q.where(column, '=', value);
  return q;
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
  order: `${'' | '-'}${keyof CoordinationTables[T] & string}`[],
): Promise<Row<T>[]> {
  let q = matching(db, table, owner);
  for (const o of order) q = o.startsWith('-') ? q.orderBy(o.slice(1), 'desc') : q.orderBy(o);
  return (await q.execute()) as Row<T>[];
}

/** Changes one row by its id, only inside what owns it; false if there was none. */
export async function updateIn<T extends Table>(
  db: Db,
  table: T,
  id: number,
  owner: Owner<T>,
  values: Updateable<CoordinationTables[T]>,
): Promise<boolean> {
  const any = db as unknown as Kysely<any>;
  let q = any.updateTable(table as string).set(values as Record<string, unknown>);
  for (const [column, value] of Object.entries({ ...owner, id })) q = q.where(column, '=', value);
  return Number((await q.executeTakeFirst()).numUpdatedRows) > 0;
}

/** Deletes one row by its id, only inside what owns it. */
export async function deleteIn<T extends Table>(db: Db, table: T, id: number, owner: Owner<T>): Promise<void> {
  let q = (db as unknown as Kysely<any>).deleteFrom(table as string);
  for (const [column, value] of Object.entries({ ...owner, id })) q = q.where(column, '=', value);
  await q.execute();
}
