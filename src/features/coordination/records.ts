// The shapes every coordination area repeats, beside core/db/rows.ts (one row by id inside its
// owner, a new row's id): the next number of an owner's sequence (agenda position, decision
// number, version), an owner's rows with the name of the person who wrote each (versions,
// comments), and one column of the rows that match (ids to check, files to delete).
import type { Kysely, Selectable } from 'kysely';
import type { Db } from '../../core/db/index.js';
import type { Database } from '../../core/db/schema.js';

type Table = keyof Database & string;

/** One more than the largest `column` among the owner's rows (1 for the first). */
export async function nextNumber<T extends Table>(
  db: Db,
  table: T,
  column: keyof Database[T] & string,
  owner: Partial<Record<keyof Database[T] & string, number>>,
): Promise<number> {
  const any = db as unknown as Kysely<any>;
  const q = matching(
    any.selectFrom(table as string).select((eb) => eb.fn.max(column).as('n')),
    owner,
  );
  const row = await q.executeTakeFirst();
  return Number(row?.n ?? 0) + 1;
}

type Column<T extends Table> = keyof Database[T] & string;
/** Column = value conditions, all of which must hold; a list means `in` (an empty one matches nothing). */
type Value<T extends Table, C extends Column<T>> = Selectable<Database[T]>[C & keyof Selectable<Database[T]>];
type Where<T extends Table> = Partial<Record<Column<T>, number | string | null | readonly (number | string)[]>>;

/** `rowsWithName(db, 'coord_plan_versions', ['created_by', 'author'], { plan_id }, ['-version'])`. */
export async function rowsWithName<T extends Table, A extends string>(
  db: Db,
  table: T,
  [person, as]: [Column<T>, A],
  owner: Where<T>,
  order: `${'' | '-'}${Column<T>}`[],
): Promise<(Selectable<Database[T]> & Record<A, string | null>)[]> {
  let q = (db as unknown as Kysely<any>)
    .selectFrom(table as string)
    .leftJoin('users', 'users.id', `${table}.${person}`)
    .selectAll(table as string)
    .select(`users.display_name as ${as as string}`);
  q = matching(q, owner, `${table}.`);
  for (const o of order)
    q = o.startsWith('-') ? q.orderBy(`${table}.${o.slice(1)}`, 'desc') : q.orderBy(`${table}.${o}`);
  return (await q.execute()) as (Selectable<Database[T]> & Record<A, string | null>)[];
}

/** The rows that match, in `order` ('-column' descending): core/db/rows.ts's `rowsOf`, with lists. */
export async function rowsWhere<T extends Table>(
  db: Db,
  table: T,
  where: Where<T>,
  order: `${'' | '-'}${Column<T>}`[] = [],
): Promise<Selectable<Database[T]>[]> {
  if (Object.values(where).some((v) => Array.isArray(v) && !v.length)) return [];
  let q = matching((db as unknown as Kysely<any>).selectFrom(table as string).selectAll(), where);
  for (const o of order) q = o.startsWith('-') ? q.orderBy(o.slice(1), 'desc') : q.orderBy(o);
  return (await q.execute()) as Selectable<Database[T]>[];
}

/** The values of `column` in the rows that match, e.g. the meetings of a list a person answered. */
export async function columnOf<T extends Table, C extends Column<T>>(
  db: Db,
  table: T,
  column: C,
  where: Where<T>,
): Promise<Value<T, C>[]> {
  if (Object.values(where).some((v) => Array.isArray(v) && !v.length)) return [];
  const q = matching((db as unknown as Kysely<any>).selectFrom(table as string).select(column as string), where);
  return (await q.execute()).map((r: Record<string, unknown>) => r[column]) as Value<T, C>[];
}

function matching<Q extends { where: (...args: any[]) => Q }>(q: Q, where: Record<string, unknown>, prefix = ''): Q {
  for (const [c, v] of Object.entries(where))
    q = q.where(prefix + c, Array.isArray(v) ? 'in' : v === null ? 'is' : '=', v);
  return q;
}
