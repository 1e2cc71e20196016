// The network admin's outbox: a delivered message's one-time links are hidden from the admin
// (they could take over the account); an unsent one keeps them, since without SMTP the admin is
// how the link reaches the person. SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newTotpSecret } from '../../core/auth/totp.js';
import { buildTestApp, Client, makeNetwork, makeUser, signIn, type TestApp } from '../../testing/app.js';
import { startSmtpSink, type SmtpSink } from '../../testing/smtp-sink.js';
import { sendInvitation } from '../accounts/actions.js';
import { makeOrganization } from '../../testing/app.js';
import { withoutOneTimeTokens } from './queries.js';

describe('one-time links in the outbox', () => {
  it('hides tokens of any kind in a link, and nothing else', () => {
    expect(
      withoutOneTimeTokens('افتحوا https://wasl.example/password-reset/AbC_123-xyzXYZ0987654321qq خلال ساعة'),
    ).toBe('افتحوا https://wasl.example/password-reset/[…] خلال ساعة');
    expect(withoutOneTimeTokens('https://wasl.example/forum/unsubscribe?t=AbC_123-xyzXYZ0987654321qq')).toBe(
      'https://wasl.example/forum/unsubscribe?t=[…]',
    );
    expect(withoutOneTimeTokens('https://wasl.example/meetings/12 الساعة 10:00')).toBe(
      'https://wasl.example/meetings/12 الساعة 10:00',
    );
  });
});

describe('the outbox page', () => {
  let t: TestApp;
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await buildTestApp({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(sink.port) });
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  it('shows a delivered reset message without its link, an unsent one with it', async () => {
    const db = t.handle.db;
    const net = await makeNetwork(db);
    await makeUser(db, { username: 'forgetful', email: 'forgetful@example.org' });
    const admin = await makeUser(db, {
      username: 'outbox_admin',
      network: [net, 'networkAdmin'],
      totpSecret: newTotpSecret(),
    });
    const person = new Client(t.app);
    await person.get('/password-reset');
    expect((await person.post('/password-reset', { email: 'forgetful@example.org' })).statusCode).toBe(200);
    await t.app.wasl.mailer.idle();
    expect(sink.received).toHaveLength(1);
    const row = await db.selectFrom('mail_outbox').select(['body_text', 'sent_at']).executeTakeFirstOrThrow();
    expect(row.sent_at).not.toBeNull();
    const token = /password-reset\/([A-Za-z0-9_-]{20,})/.exec(row.body_text)?.[1];
    expect(token).toBeTruthy();
    // A message that could not be sent (no SMTP then): the admin relays it.
    await db
      .insertInto('mail_outbox')
      .values({
        to_address: 'offline@example.org',
        subject: 'reset',
        body_text: 'https://wasl.example/password-reset/UnsentTokenUnsentToken1234',
        created_at: t.clock.now.toISOString(),
      })
      .execute();
    const c = new Client(t.app);
    await signIn(t, c, admin.id);
    const page = await c.get('/admin/outbox');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('forgetful@example.org');
    expect(page.body).not.toContain(token!);
    expect(page.body).toContain('password-reset/[…]');
    expect(page.body).toContain('UnsentTokenUnsentToken1234');
  });
});

describe('invitations in the outbox', () => {
  let t: TestApp;
  beforeAll(async () => {
    // no SMTP: every message waits in the outbox, where the admin relays reset links by hand
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('never shows an invitation link to the admin, sent or not, so an admin cannot take a staff place', async () => {
    const db = t.handle.db;
    const net = await makeNetwork(db);
    const org = await makeOrganization(db, net);
    const inviter = await makeUser(db, {
      username: 'invite_sender',
      org: [org, 'orgAdmin'],
      totpSecret: newTotpSecret(),
    });
    const admin = await makeUser(db, {
      username: 'outbox_reader',
      network: [net, 'networkAdmin'],
      totpSecret: newTotpSecret(),
    });
    const token = await sendInvitation(
      t.app.wasl,
      {
        email: 'invited@example.org',
        networkId: net,
        organizationId: org,
        role: 'orgAdmin',
        invitedBy: inviter.id,
        locale: 'en',
      },
      t.clock.now,
    );
    const row = await db
      .selectFrom('mail_outbox')
      .select(['body_text', 'sent_at'])
      .where('to_address', '=', 'invited@example.org')
      .executeTakeFirstOrThrow();
    expect(row.sent_at).toBeNull();
    expect(row.body_text).toContain(`/invite/${token}`);
    const c = new Client(t.app);
    await signIn(t, c, admin.id);
    const page = await c.get('/admin/outbox');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('invited@example.org');
    expect(page.body).not.toContain(token);
    expect(page.body).toContain('/invite/[…]');
  });
});
