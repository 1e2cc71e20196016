// Organizations through HTTP: public profiles, editing by the organization's own admin (and the
// network admin) only, staff invitations that turn into memberships, and the last-admin rule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import {
  buildTestApp,
  Client,
  makeNetwork,
  makeOrganization,
  makeUser,
  signIn,
  type TestApp,
} from '../../testing/app.js';
import { newTotpSecret } from '../../core/auth/totp.js';
import { importGazetteer } from '../../core/towns/queries.js';

let t: TestApp;
let net: number;
let orgA: number;
let orgB: number;
const users: Record<string, number> = {};

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.handle.db;
  await importGazetteer(
    db,
    'pcode,name_ar,name_en,adm3_pcode,adm3_name_ar,adm3_name_en,adm2_pcode,adm2_name_ar,adm2_name_en,adm1_pcode,adm1_name_ar,adm1_name_en,lat,lon\n' +
      'C1594,تل عار شرقية,Tal Aar Sharqiyeh,SY020400,أعزاز,Aazaz,SY0204,أعزاز,Aazaz,SY02,حلب,Aleppo,36.5,37.1\n' +
      'C1605,تركمان بارح,Turkman Bareh,SY020400,أعزاز,Aazaz,SY0204,أعزاز,Aazaz,SY02,حلب,Aleppo,36.45,37.2\n',
    { now: t.clock.now },
  );
  net = await makeNetwork(db);
  orgA = await makeOrganization(db, net, 'Alpha Association');
  orgB = await makeOrganization(db, net, 'Beta Initiative');
  for (const [key, opts] of Object.entries({
    adminA: { org: [orgA, 'orgAdmin'] as [number, 'orgAdmin'] },
    staffA: { org: [orgA, 'orgStaff'] as [number, 'orgStaff'] },
    adminB: { org: [orgB, 'orgAdmin'] as [number, 'orgAdmin'] },
    netAdmin: { network: [net, 'networkAdmin'] as [number, 'networkAdmin'] },
  })) {
    users[key] = (
      await makeUser(db, { username: `org_${key.toLowerCase()}`, totpSecret: newTotpSecret(), ...opts })
    ).id;
  }
  users.member = (await makeUser(db, { username: 'org_member' })).id;
});
afterAll(() => t.close());

async function as(key: string) {
  const c = new Client(t.app);
  if (key !== 'anonymous') await signIn(t, c, users[key]!);
  await c.get('/');
  await c.get('/login');
  return c;
}

const validForm = {
  name_ar: 'جمعية ألفا للتنمية',
  name_en: 'Alpha Development Association',
  description_ar: 'نعمل في تل عار.',
  description_en: 'We work in Tal Aar.',
  fields: ['youth', 'women'],
  towns: 'C1594, c1605',
  phone: '+963 944 000 111',
  email: 'alpha@example.org',
  website: 'https://alpha.example.org',
};

describe('public profiles', () => {
  it('lists members and redirects an id or a wrong slug to the canonical profile URL', async () => {
    const list = await t.app.inject({ url: '/organizations' });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Alpha Association');
    const bare = await t.app.inject({ url: `/organizations/${orgA}` });
    expect(bare.statusCode).toBe(301);
    const canonical = String(bare.headers.location);
    expect(canonical).toMatch(new RegExp(`^/organizations/${orgA}/[a-z0-9-]+$`));
    expect((await t.app.inject({ url: `/organizations/${orgA}/wrong-slug` })).headers.location).toBe(canonical);
    expect((await t.app.inject({ url: canonical })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/organizations/999999' })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/organizations/abc' })).statusCode).toBe(404);
  });
});

describe('editing a profile', () => {
  it('lets the organization admin and the network admin edit, and no one else', async () => {
    for (const [key, expected] of [
      ['anonymous', 303],
      ['member', 404],
      ['staffA', 404],
      ['adminB', 404],
      ['adminA', 200],
      ['netAdmin', 200],
    ] as const) {
      const c = await as(key);
      expect((await c.get(`/organizations/${orgA}/edit`)).statusCode, key).toBe(expected);
    }
    const adminB = await as('adminB');
    const res = await adminB.post(`/organizations/${orgA}/edit`, validForm);
    expect(res.statusCode).toBe(404);
    const row = await t.handle.db
      .selectFrom('organizations')
      .select('name_en')
      .where('id', '=', orgA)
      .executeTakeFirstOrThrow();
    expect(row.name_en).toBe('Alpha Association');
  });

  it('saves a valid profile with its towns, and shows it publicly with the phone left to right', async () => {
    const c = await as('adminA');
    const res = await c.post(`/organizations/${orgA}/edit`, validForm);
    expect(res.statusCode).toBe(303);
    const page = await t.app.inject({ url: String(res.headers.location) });
    expect(page.body).toContain('جمعية ألفا للتنمية');
    expect(page.body).toContain('<bdi dir="ltr">+963 944 000 111</bdi>');
    expect(page.body).toContain('href="/towns/C1605"');
    const town = await t.app.inject({ url: '/towns/C1594' });
    expect(town.body).toContain('جمعية ألفا للتنمية');
    const audit = await t.handle.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'organization.edited')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('refuses bad input with messages beside the fields and changes nothing', async () => {
    const c = await as('adminA');
    for (const bad of [
      { ...validForm, name_ar: '' },
      { ...validForm, towns: 'C9999999, not-a-code' },
      { ...validForm, towns: 'C1234' },
      { ...validForm, website: 'javascript:alert(1)' },
      { ...validForm, email: 'not-an-email' },
      { ...validForm, fields: ['youth', 'not-a-field'] },
    ]) {
      const res = await c.post(`/organizations/${orgA}/edit`, bad);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('class="error"');
    }
    const row = await t.handle.db
      .selectFrom('organizations')
      .select('name_ar')
      .where('id', '=', orgA)
      .executeTakeFirstOrThrow();
    expect(row.name_ar).toBe('جمعية ألفا للتنمية');
  });

  it('takes a logo, re-encoded, and refuses an SVG', async () => {
    const c = await as('adminA');
    const png = await sharp({ create: { width: 300, height: 300, channels: 3, background: '#0b6e4f' } })
      .png()
      .toBuffer();
    const boundary = '----wasl' + Math.random().toString(16).slice(2);
    const parts = (file: Buffer, name: string, type: string) =>
      Buffer.concat([
        ...Object.entries({ ...validForm, _csrf: c.csrf! }).flatMap(([k, v]) =>
          (Array.isArray(v) ? v : [v]).map((item) =>
            Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${item}\r\n`),
          ),
        ),
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="logo"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
        ),
        file,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
    const send = (payload: Buffer) =>
      t.app.inject({
        method: 'POST',
        url: `/organizations/${orgA}/edit`,
        payload,
        headers: {
          'content-type': `multipart/form-data; boundary=${boundary}`,
          cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        },
      });
    const svg = await send(
      parts(
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        'logo.png',
        'image/png',
      ),
    );
    expect(svg.statusCode).toBe(400);
    const ok = await send(parts(png, 'logo.png', 'image/png'));
    expect(ok.statusCode).toBe(303);
    const org = await t.handle.db
      .selectFrom('organizations')
      .select('logo_media_id')
      .where('id', '=', orgA)
      .executeTakeFirstOrThrow();
    expect(org.logo_media_id).toMatch(/^[0-9a-f-]{36}$/);
    const page = await t.app.inject({ url: String(ok.headers.location) });
    const src = /<img src="(\/media\/[^"]+)"/.exec(page.body)![1]!;
    const img = await t.app.inject({ url: src });
    expect(img.statusCode).toBe(200);
    expect(img.headers['content-type']).toBe('image/webp');
  });
});

describe('staff and invitations', () => {
  it('an org admin invites a staff member, who accepts, must set up two-step, and becomes staff', async () => {
    const c = await as('adminA');
    await c.get(`/organizations/${orgA}/staff`);
    expect(
      (await c.post(`/organizations/${orgA}/staff/invite`, { email: 'new.staff@example.org', role: 'orgStaff' }))
        .statusCode,
    ).toBe(303);
    const mail = await t.handle.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('to_address', '=', 'new.staff@example.org')
      .executeTakeFirstOrThrow();
    const link = /\/invite\/[A-Za-z0-9_-]+/.exec(mail.body_text)![0];
    const guest = new Client(t.app);
    expect((await guest.get(link)).statusCode).toBe(200);
    const accept = await guest.post(link, {
      username: 'new_staff',
      display_name: 'موظفة جديدة',
      password: 'a strong staff secret',
      password_confirm: 'a strong staff secret',
    });
    expect(accept.statusCode).toBe(303);
    expect(accept.headers.location).toBe('/account/2fa');
    const m = await t.handle.db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select(['memberships.role', 'memberships.organization_id'])
      .where('users.username', '=', 'new_staff')
      .executeTakeFirstOrThrow();
    expect(m).toEqual({ role: 'orgStaff', organization_id: orgA });
    // the invitation works once
    expect((await new Client(t.app).get(link)).statusCode).toBe(404);
  });

  it("another organization's admin cannot invite into or remove from it, and the last admin stays", async () => {
    const b = await as('adminB');
    expect(
      (await b.post(`/organizations/${orgA}/staff/invite`, { email: 'x@example.org', role: 'orgAdmin' })).statusCode,
    ).toBe(404);
    expect((await b.post(`/organizations/${orgA}/staff/remove`, { user_id: String(users.staffA) })).statusCode).toBe(
      404,
    );
    const a = await as('adminA');
    await a.get(`/organizations/${orgA}/staff`);
    const last = await a.post(`/organizations/${orgA}/staff/remove`, { user_id: String(users.adminA) });
    expect(last.statusCode).toBe(400);
    expect(
      await t.handle.db
        .selectFrom('memberships')
        .select('role')
        .where('user_id', '=', users.adminA!)
        .executeTakeFirst(),
    ).toEqual({ role: 'orgAdmin' });
  });
});

describe('the network admin', () => {
  it('creates an organization, invites a network editor, and reads and filters the audit log', async () => {
    const c = await as('netAdmin');
    await c.get('/admin/organizations/new');
    const created = await c.post('/admin/organizations/new', {
      ...validForm,
      name_en: 'Gamma Group',
      name_ar: 'مجموعة غاما',
    });
    expect(created.statusCode).toBe(303);
    await c.get('/admin/invite');
    expect(
      (await c.post('/admin/invite', { email: 'editor@example.org', role: 'networkEditor', organization_id: '' }))
        .statusCode,
    ).toBe(303);
    expect(
      (await c.post('/admin/invite', { email: 'staff@example.org', role: 'orgStaff', organization_id: '' })).statusCode,
    ).toBe(400);
    const outbox = await c.get('/admin/outbox');
    expect(outbox.body).toContain('editor@example.org');
    const audit = await c.get('/admin/audit?action=admin.');
    expect(audit.statusCode).toBe(200);
    expect(audit.body).toContain('admin.organization.created');
    expect(audit.body).not.toContain('organization.staff.invited');
  });
});
