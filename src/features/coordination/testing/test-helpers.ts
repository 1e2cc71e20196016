// Shared set-up for the coordination tests: a network with three member organizations and the
// people every visibility question needs, each with a signed-in client; the app of a test file,
// built before its tests and closed after; multipart posts as a browser sends them.
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
import { importGazetteer } from '../../../core/towns/queries.js';

export type World = {
  net: number;
  orgA: number;
  orgB: number;
  orgC: number;
  users: Record<PersonKey, number>;
  c: Record<PersonKey | 'anonymous', Client>;
};
export type PersonKey = 'adminA' | 'staffA' | 'adminB' | 'staffB' | 'adminC' | 'netAdmin' | 'editor' | 'member';

export async function makeWorld(t: TestApp): Promise<World> {
  const db = t.handle.db;
  await importGazetteer(
    db,
    'pcode,name_ar,name_en,adm3_pcode,adm3_name_ar,adm3_name_en,adm2_pcode,adm2_name_ar,adm2_name_en,adm1_pcode,adm1_name_ar,adm1_name_en,lat,lon\n' +
      "C1564,أعزاز,Azaz,SY020400,مركز اعزاز,A'zaz,SY0204,اعزاز,A'zaz,SY02,حلب,Aleppo,36.58,37.04\n" +
      'C1202,الباب,Al Bab,SY020200,مركز الباب,Al Bab,SY0202,الباب,Al Bab,SY02,حلب,Aleppo,36.37,37.51\n',
    { now: t.clock.now },
  );
  const net = await makeNetwork(db);
  const orgA = await makeOrganization(db, net, 'Alpha');
  const orgB = await makeOrganization(db, net, 'Beta');
  const orgC = await makeOrganization(db, net, 'Gamma');
  const totp = () => newTotpSecret();
  const u = {
    adminA: await makeUser(db, { username: 'admin_a', org: [orgA, 'orgAdmin'], totpSecret: totp() }),
    staffA: await makeUser(db, { username: 'staff_a', org: [orgA, 'orgStaff'], totpSecret: totp() }),
    adminB: await makeUser(db, { username: 'admin_b', org: [orgB, 'orgAdmin'], totpSecret: totp() }),
    staffB: await makeUser(db, { username: 'staff_b', org: [orgB, 'orgStaff'], totpSecret: totp() }),
    adminC: await makeUser(db, { username: 'admin_c', org: [orgC, 'orgAdmin'], totpSecret: totp() }),
    netAdmin: await makeUser(db, { username: 'net_admin', network: [net, 'networkAdmin'], totpSecret: totp() }),
    editor: await makeUser(db, { username: 'net_editor', network: [net, 'networkEditor'], totpSecret: totp() }),
    member: await makeUser(db, { username: 'plain_member' }),
  };
  const users = Object.fromEntries(Object.entries(u).map(([k, v]) => [k, v.id])) as Record<PersonKey, number>;
  const c = { anonymous: new Client(t.app) } as Record<PersonKey | 'anonymous', Client>;
  for (const key of Object.keys(users) as PersonKey[]) {
    c[key] = new Client(t.app);
    await signIn(t, c[key], users[key]);
  }
  for (const [key, client] of Object.entries(c)) await client.get(key === 'anonymous' ? '/login' : '/governance');
  return { net, orgA, orgB, orgC, users, c };
}

/** After the clock jumps past session lifetimes: fresh sessions for everyone (cookies replaced). */
export async function resignIn(t: TestApp, w: World) {
  for (const key of Object.keys(w.users) as PersonKey[]) {
    w.c[key].cookies.clear();
    w.c[key].csrf = null;
    await signIn(t, w.c[key], w.users[key]);
    await w.c[key].get('/governance');
  }
}

/** Posts a multipart form (files as {filename, data}) the way a browser would, with the client's cookies and CSRF token. */
export async function postMultipart(
  t: TestApp,
  client: Client,
  url: string,
  fields: Record<string, string>,
  files: Record<string, { filename: string; data: Buffer; type?: string }>,
) {
  const boundary = '----wasltest' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  const all: Record<string, string> = { _csrf: client.csrf ?? '', ...fields };
  for (const [k, v] of Object.entries(all))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const [k, f] of Object.entries(files)) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${k}"; filename="${f.filename}"\r\nContent-Type: ${f.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
    );
    parts.push(f.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  const res = await t.app.inject({
    method: 'POST',
    url,
    payload: Buffer.concat(parts),
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    },
    remoteAddress: client.ip,
  });
  return res;
}

export const PDF = (text: string) =>
  Buffer.from(`%PDF-1.4\n1 0 obj<<>>endobj\n% ${text}\ntrailer<<>>\n%%EOF\n`, 'latin1');

export function idFrom(location: unknown): number {
  const m = /\/(\d+)(?:[/?#]|$)/.exec(String(location));
  if (!m) throw new Error(`no id in ${String(location)}`);
  return Number(m[1]);
}

/**
 * The app and world of a test file: `const s = useWorld()`, then `s.t` and `s.w` inside tests.
 * `setUp` runs once after the world is made (e.g. naming executive directors).
 */
export function useWorld(
  opts: { env?: Record<string, string>; setUp?: (t: TestApp, w: World) => Promise<void> } = {},
): { t: TestApp; w: World } {
  const s = {} as { t: TestApp; w: World };
  beforeAll(async () => {
    s.t = await buildTestApp(opts.env);
    s.w = await makeWorld(s.t);
    await opts.setUp?.(s.t, s.w);
  });
  afterAll(() => s.t?.close());
  return s;
}

/** An organization's admin names one of its people: title, executive director, representative. */
export async function nameRole(
  w: World,
  admin: 'adminA' | 'adminB' | 'adminC',
  userId: number,
  fields: { title?: string; executive_director?: 'on'; representative?: 'on' },
) {
  const org = { adminA: w.orgA, adminB: w.orgB, adminC: w.orgC }[admin];
  await w.c[admin].get('/workspace');
  return w.c[admin].post(`/workspace/${org}/people`, { user_id: String(userId), title: '', ...fields });
}

/** Who was told of this kind of event about this page (core/notify's rows). */
export async function told(t: TestApp, type: `coordination.${string}`, url: string): Promise<number[]> {
  const rows = await t.handle.db
    .selectFrom('notifications')
    .select('user_id')
    .where('type', '=', type)
    .where('url', '=', url)
    .orderBy('user_id')
    .execute();
  return rows.map((r) => r.user_id);
}
