// What the coordination tests set up and check the same way (beside testing/test-helpers.ts): a
// meeting made through its form, times on the test clock in Damascus, the one row a step wrote.
import { expect } from 'vitest';
import { rowsOf } from '../../core/db/rows.js';
import type { Database } from '../../core/db/schema.js';
import { dateToDamascusLocal, DAY, HOUR } from '../../core/time.js';
import type { Client, TestApp } from '../../testing/app.js';
import { idFrom } from './testing/test-helpers.js';

type Fields = Record<string, string | string[]>;

/** The Damascus wall time `ms` after the test clock's now ('YYYY-MM-DDTHH:mm', as a form sends it). */
export const wallTime = (t: TestApp, ms: number) => dateToDamascusLocal(new Date(t.clock.now.getTime() + ms));

/** The new-meeting form: a two-hour meeting in Azaz two days from now, for its invitees; `over` changes any field. */
export function meetingFields(t: TestApp, over: Fields = {}): Fields {
  return {
    kind: 'other',
    title: 'Meeting',
    description: '',
    host_org_id: '',
    starts_at: wallTime(t, 2 * DAY),
    ends_at: wallTime(t, 2 * DAY + 2 * HOUR),
    place_kind: 'town',
    place_org_id: '',
    town_pcode: 'C1564',
    place_detail: 'Community hall',
    online_url: '',
    visibility: 'invitees',
    public_summary: '',
    quorum_orgs: '0',
    invite_orgs: [],
    invite_users: '',
    ...over,
  };
}

/** Makes a meeting through the form as this person; its id. */
export async function createMeeting(t: TestApp, client: Client, over: Fields): Promise<number> {
  await client.get('/meetings/new');
  const res = await client.post('/meetings/new', meetingFields(t, over));
  expect(res.statusCode, res.body.slice(0, 400)).toBe(303);
  return idFrom(res.headers.location);
}

/** The first row (in `order`) of a table where every column has its value; there must be one. */
export async function theRow<T extends keyof Database & string>(
  t: TestApp,
  table: T,
  where: Parameters<typeof rowsOf<T>>[2] = {},
  order: Parameters<typeof rowsOf<T>>[3] = [],
) {
  const [row] = await rowsOf(t.handle.db, table, where, order);
  if (!row) throw new Error(`no row in ${table} where ${JSON.stringify(where)}`);
  return row;
}
