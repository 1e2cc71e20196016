// Organizations through HTTP: the public list and profiles, editing by the organization's own
// admin (and the network admin) only, and the network admin's pages that reuse the profile form.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { as, storedOrganization, t, validForm, withOrganizationsWorld, world } from './testing/world.js';

withOrganizationsWorld();

describe('public profiles', () => {
  it('lists members and redirects an id or a wrong slug to the canonical profile URL', async () => {
    const list = await t.app.inject({ url: '/organizations' });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Alpha Association');
    const bare = await t.app.inject({ url: `/organizations/${world.orgA}` });
    expect(bare.statusCode).toBe(301);
    const canonical = String(bare.headers.location);
    expect(canonical).toMatch(new RegExp(`^/organizations/${world.orgA}/[a-z0-9-]+$`));
    expect((await t.app.inject({ url: `/organizations/${world.orgA}/wrong-slug` })).headers.location).toBe(canonical);
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
      expect((await c.get(`/organizations/${world.orgA}/edit`)).statusCode, key).toBe(expected);
    }
    const adminB = await as('adminB');
    const res = await adminB.post(`/organizations/${world.orgA}/edit`, validForm);
    expect(res.statusCode).toBe(404);
    expect((await storedOrganization(world.orgA)).name_en).toBe('Alpha Association');
  });

  it('saves a valid profile with its towns, and shows it publicly with the phone left to right', async () => {
    const c = await as('adminA');
    const res = await c.post(`/organizations/${world.orgA}/edit`, validForm);
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
      { ...validForm, towns_add: 'C9999999, not-a-code' },
      { ...validForm, towns_add: 'C1234' },
      { ...validForm, website: 'javascript:alert(1)' },
      { ...validForm, email: 'not-an-email' },
      { ...validForm, fields: ['youth', 'not-a-field'] },
    ]) {
      const res = await c.post(`/organizations/${world.orgA}/edit`, bad);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('class="error"');
      expect(res.body).toContain('value="Alpha Development Association"'); // what was typed, kept
    }
    expect((await storedOrganization(world.orgA)).name_ar).toBe('جمعية ألفا للتنمية');
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
        url: `/organizations/${world.orgA}/edit`,
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
      .where('id', '=', world.orgA)
      .executeTakeFirstOrThrow();
    expect(org.logo_media_id).toMatch(/^[0-9a-f-]{36}$/);
    const page = await t.app.inject({ url: String(ok.headers.location) });
    const src = /<img src="(\/media\/[^"]+)"/.exec(page.body)![1]!;
    const img = await t.app.inject({ url: src });
    expect(img.statusCode).toBe(200);
    expect(img.headers['content-type']).toBe('image/webp');
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
