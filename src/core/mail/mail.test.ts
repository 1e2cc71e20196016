// The mailer: the outbox row is written inside the request and delivery happens after the answer
// (a slow mail server must not slow the request — that would tell who has an account); a failed
// delivery is recorded and tried again by the retry job. SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { createTestDb } from '../../testing/db.js';
import type { DbHandle } from '../db/index.js';
import { startSmtpSink, type SmtpSink } from '../../testing/smtp-sink.js';
import { createMailer, smtpTransportOptions } from './index.js';

let h: DbHandle;
const sinks: SmtpSink[] = [];
beforeAll(async () => {
  h = await createTestDb();
});
afterAll(async () => {
  await h.close();
  for (const s of sinks) await s.close();
});

const mailerFor = (sink: SmtpSink) =>
  createMailer(
    h.db,
    loadConfig({
      NODE_ENV: 'test',
      DATA_DIR: '.tmp/test-data',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(sink.port),
      SMTP_FROM: 'wasl@example.org',
    }),
    () => {},
  );
const row = (subject: string) =>
  h.db.selectFrom('mail_outbox').select(['sent_at', 'error']).where('subject', '=', subject).executeTakeFirstOrThrow();

describe('mailer', () => {
  it('requires TLS to any mail server off this machine', () => {
    const from = 'wasl@example.org';
    expect(smtpTransportOptions({ host: 'mail.example.org', port: 587, from })).toMatchObject({
      secure: false,
      requireTLS: true,
    });
    expect(smtpTransportOptions({ host: 'mail.example.org', port: 465, from })).toMatchObject({ secure: true });
    expect(smtpTransportOptions({ host: '127.0.0.1', port: 25, from })).toMatchObject({ requireTLS: false });
  });

  it('answers before a slow mail server has accepted the message, then records the delivery', async () => {
    const sink = await startSmtpSink({ delayMs: 400 });
    sinks.push(sink);
    const mailer = mailerFor(sink);
    await mailer.send({ to: 'a@example.org', subject: 'slow', text: 'hello' }, new Date());
    expect(sink.received).toHaveLength(0); // send() returned while the server was still holding the message
    expect(await row('slow')).toEqual({ sent_at: null, error: null });
    await mailer.idle();
    expect(sink.received).toHaveLength(1);
    expect((await row('slow')).sent_at).not.toBeNull();
  });

  it('runs later work after the caller has moved on, and idle() waits for it and its delivery', async () => {
    const sink = await startSmtpSink();
    sinks.push(sink);
    const mailer = mailerFor(sink);
    let ran = false;
    mailer.later(async () => {
      ran = true;
      await mailer.send({ to: 'c@example.org', subject: 'later', text: 'hello' }, new Date());
    });
    expect(ran).toBe(false); // not in the caller's time
    await mailer.idle();
    expect(ran).toBe(true);
    expect((await row('later')).sent_at).not.toBeNull();
    // A failing task is logged, never thrown at anyone.
    mailer.later(async () => {
      throw new Error('boom');
    });
    await expect(mailer.idle()).resolves.toBeUndefined();
  });

  it('records a refused delivery, and the retry job sends it once the server accepts', async () => {
    const broken = await startSmtpSink({ refuse: true });
    sinks.push(broken);
    const first = mailerFor(broken);
    const now = new Date();
    await first.send({ to: 'b@example.org', subject: 'retry me', text: 'hello' }, now);
    await first.idle();
    expect((await row('retry me')).error).toMatch(/554/);
    const working = await startSmtpSink();
    sinks.push(working);
    const second = mailerFor(working);
    expect(await second.retryFailed(new Date(now.getTime() + 15 * 60_000))).toBe(1);
    expect(await row('retry me')).toMatchObject({ error: null });
    expect((await row('retry me')).sent_at).not.toBeNull();
    // Nothing is sent twice, and a day later nothing old is retried.
    expect(await second.retryFailed(new Date(now.getTime() + 30 * 60_000))).toBe(0);
    expect(working.received).toHaveLength(1);
  });
});
