// What the accounts tests share: one app per test file, a client from its own address (so one
// test's rate limits never reach the next), and the last message sent to an address.
import { afterAll, beforeAll } from 'vitest';
import { newTotpSecret } from '../../../core/auth/totp.js';
import {
  buildTestApp,
  Client,
  makeNetwork,
  makeOrganization,
  makeUser,
  signIn,
  type TestApp,
} from '../../../testing/app.js';

/** The test file's app, built by `withTestApp()` before its tests. */
export let t: TestApp;

export function withTestApp(): void {
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());
}

let n = 1;
/** A browser from an address no other client of the file has used. */
export function client(): Client {
  n++;
  return new Client(t.app, `10.1.${Math.floor(n / 250)}.${n % 250}`);
}

export async function latestOutbox(to: string) {
  return t.handle.db
    .selectFrom('mail_outbox')
    .selectAll()
    .where('to_address', '=', to)
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** The e-mail address stored for a user name. */
export async function emailOf(username: string) {
  const row = await t.handle.db
    .selectFrom('users')
    .select('email')
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  return row.email;
}

/** A new account's form (sign-up, an invitation): a user name, a display name, the password twice. */
export function accountForm(username: string, password = 'a long enough secret', more: Record<string, string> = {}) {
  return { username, display_name: `Name ${username}`, password, password_confirm: password, ...more };
}

/** A staff member of a new organization, with two-step on (this secret, or a new one) unless `totp: false`. */
export async function makeStaff(
  username: string,
  opts: { role?: 'orgStaff' | 'orgAdmin'; totp?: string | false; email?: string } = {},
) {
  const net = await makeNetwork(t.handle.db);
  const org = await makeOrganization(t.handle.db, net);
  const secret = opts.totp === false ? undefined : (opts.totp ?? newTotpSecret());
  const user = await makeUser(t.handle.db, {
    username,
    email: opts.email,
    org: [org, opts.role ?? 'orgStaff'],
    totpSecret: secret,
  });
  return { ...user, net, org, secret };
}

/** A client signed in as that user (directly, without the sign-in form). */
export async function signedIn(userId: number): Promise<Client> {
  const c = client();
  await signIn(t, c, userId);
  return c;
}
