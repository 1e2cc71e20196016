// What the coordination tests set up and check the same way (beside testing/test-helpers.ts): a
// meeting or a vote made through its form, the governance records and the voting representatives a
// test starts from, times on the test clock in Damascus, the one row a step wrote.
import { expect } from 'vitest';
import { rowsOf } from '../../core/db/rows.js';
import type { Database } from '../../core/db/schema.js';
import { dateToDamascusLocal, DAY, HOUR } from '../../core/time.js';
import type { Client, TestApp } from '../../testing/app.js';
import { idFrom, nameRole, type World } from './testing/test-helpers.js';

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

/** Opens the form at `path` (for its CSRF token) as this person, posts `fields` to it; the new record's id. */
async function createThroughForm(client: Client, path: string, fields: Fields): Promise<number> {
  await client.get(path);
  const res = await client.post(path, fields);
  expect(res.statusCode, res.body.slice(0, 400)).toBe(303);
  return idFrom(res.headers.location);
}

/** Makes a meeting through the form as this person; its id. */
export const createMeeting = (t: TestApp, client: Client, over: Fields): Promise<number> =>
  createThroughForm(client, '/meetings/new', meetingFields(t, over));

/** The new-vote form: a yes/no decision opening in an hour for two days, quorum 50 %; `over` changes any field. */
export function voteFields(t: TestApp, over: Fields = {}): Fields {
  return {
    kind: 'decision',
    title: 'Vote',
    description: '',
    body_id: '',
    max_choices: '1',
    nominations_close_at: '',
    opens_at: wallTime(t, HOUR),
    closes_at: wallTime(t, 2 * DAY),
    quorum_percent: '50',
    ...over,
  };
}

/** Makes a vote through the form as this person (a network admin); its id. */
export const createVote = (t: TestApp, client: Client, over: Fields): Promise<number> =>
  createThroughForm(client, '/votes/new', voteFields(t, over));

/** The governance body form: a committee, without descriptions; `over` changes any field. */
export const bodyFields = (over: Fields = {}): Fields => ({
  kind: 'committee',
  name_ar: 'لجنة',
  name_en: 'Committee',
  description_ar: '',
  description_en: '',
  ...over,
});

/** The term form: 2026 to 2028, no organization; `over` changes any field. */
export const termFields = (over: Fields = {}): Fields => ({
  holder_name: 'Holder',
  holder_org_id: '',
  starts_on: '2026-01-01',
  ends_on: '2028-12-31',
  ...over,
});

/** Each member organization's admin names themselves its voting representative. */
export async function nameRepresentatives(w: World): Promise<void> {
  for (const admin of ['adminA', 'adminB', 'adminC'] as const)
    expect((await nameRole(w, admin, w.users[admin], { representative: 'on' })).statusCode).toBe(303);
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
