// The two write shapes every coordination area repeats, beside core/db/rows.ts (one row by id
// inside its owner): a new row whose id the caller needs, and the next number of an owner's
// sequence (agenda position, decision number, version).
import type { Insertable, Kysely } from 'kysely';
import type { Db } from '../../core/db/index.js';
import type { Database } from '../../core/db/schema.js';

type Table = keyof Database & string;

/** Inserts one row and returns its id. */
export async function insertId<T extends Table>(db: Db, table: T, values: Insertable<Database[T]>): Promise<number> {
  const row = await (db as unknown as Kysely<any>)
    .insertInto(table)
    .values(values as Record<string, unknown>)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** One more than the largest `column` among the owner's rows (1 for the first). */
export async function nextNumber<T extends Table>(
  db: Db,
  table: T,
  column: keyof Database[T] & string,
  owner: Partial<Record<keyof Database[T] & string, number>>,
): Promise<number> {
  const any = db as unknown as Kysely<any>;
  let q = any.selectFrom(table as string).select((eb) => eb.fn.max(column).as('n'));
  for (const [k, v] of Object.entries(owner)) q = q.where(k, '=', v);
  const row = await q.executeTakeFirst();
  return Number(row?.n ?? 0) + 1;
}
