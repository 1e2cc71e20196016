// What every area's isolation probes share: the world, the clock, markers, the recurring rules,
// the people's calendar feeds, and a row counter for write probes' states.
import type { LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import type { Db } from '../../../../core/db/index.js';
import type { Client } from '../../../../testing/app.js';
import { who, PEOPLE, type IsolationWorld, type Person, type Probe } from '../../../../testing/isolation.js';
import { dateToDamascusLocal } from '../../../../core/time.js';

export type Rule = (p: Person) => boolean;
export type Write = NonNullable<Probe['write']>;

export type Kit = IsolationWorld & {
  db: Db;
  now: Date;
  at: (ms: number) => Date;
  /** a Damascus wall time for a form, `ms` from now */
  local: (ms: number) => string;
  /** Markers end in X so that none is the beginning of another. */
  mk: (code: string) => string;
  probes: Probe[];
  staffA: Rule;
  staffB: Rule;
  staffC: Rule;
  coordinators: Rule;
  orgIdOf: Record<'A' | 'B' | 'C', number>;
  authorOf: Record<'A' | 'B' | 'C', number>;
  personOf: (client: Client) => Person;
  expectOk: (res: LightMyRequestResponse, what: string) => LightMyRequestResponse;
  /** the private calendar feed of each signed-in person */
  feed: Record<Person, string>;
  /** The feeds of the people a rule leaves out: none of them may carry the marker. */
  feedsOutside: (readers: Rule) => string[];
  /** Rows of a table, or of those with `column` = `value`. */
  count: (table: string, column?: string, value?: number | string) => Promise<number>;
  /** Some columns of the rows with `column` = `value`, in `order`: what a write probe may change. */
  columnsOf: (table: string, columns: string[], column: string, value: number, order: string) => Promise<unknown[]>;
};

export function makeKit(w: IsolationWorld): Kit {
  const { t, c, orgA, orgB, orgC, users } = w;
  const db = t.handle.db;
  const now = t.clock.now;
  const at = (ms: number) => new Date(now.getTime() + ms);
  const feed = {} as Record<Person, string>;
  return {
    ...w,
    db,
    now,
    at,
    local: (ms) => dateToDamascusLocal(at(ms)),
    mk: (code) => `ISOC${code}X`,
    probes: [],
    staffA: who.staffOf('A'),
    staffB: who.staffOf('B'),
    staffC: who.staffOf('C'),
    coordinators: who.is('editor', 'netAdmin'),
    orgIdOf: { A: orgA, B: orgB, C: orgC },
    authorOf: { A: users.staffA, B: users.staffB, C: users.adminC },
    personOf: (client) => PEOPLE.find((p) => c[p] === client)!,
    expectOk(res, what) {
      if (res.statusCode !== 303) throw new Error(`coordination isolation fixture: ${what} → ${res.statusCode}`);
      return res;
    },
    feed,
    feedsOutside: (readers) => PEOPLE.filter((p) => p !== 'anonymous' && !readers(p)).map((p) => feed[p]),
    async count(table, column, value) {
      let q = (db as unknown as Kysely<any>).selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'));
      if (column) q = q.where(column, '=', value);
      return Number((await q.executeTakeFirstOrThrow()).n);
    },
    columnsOf: (table, columns, column, value, order) =>
      (db as unknown as Kysely<any>)
        .selectFrom(table)
        .select(columns)
        .where(column, '=', value)
        .orderBy(order)
        .execute(),
  };
}
