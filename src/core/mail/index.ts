// Outgoing e-mail. Every message is written to the outbox table inside the request; with SMTP
// settings it is then delivered AFTER the answer, so that how long a request takes never tells
// whether a message was sent (a password reset for a registered address, a sign-up with an address
// in use — see test/hardening/enumeration-timing.test.ts). Without SMTP it stays in the outbox for
// admins to read (and is printed in dev). Failed deliveries are retried by the `mail-retry` job.
import type { Transporter } from 'nodemailer';
import type { Config } from '../config.js';
import type { Db } from '../db/index.js';
import { insertRow } from '../db/rows.js';

export type Mailer = {
  /** Writes the message to the outbox and starts delivery without waiting for it. */
  send(msg: { to: string; subject: string; text: string }, now: Date): Promise<void>;
  /**
   * Runs `task` (which may write an outbox row) after the request has been answered: for work whose
   * cost would tell something, e.g. whether an address has an account. Failures go to `log`.
   */
  later(task: () => Promise<void>): void;
  /** Resolves when every delivery and later task started so far has finished (shutdown, tests). */
  idle(): Promise<void>;
  /** Tries again the messages of the last day whose delivery failed; returns how many were sent. */
  retryFailed(now: Date): Promise<number>;
};

const RETRY_WITHIN_MS = 24 * 3600 * 1000;

const isLoopback = (host: string) => host === 'localhost' || host === '::1' || /^127\./.test(host);

/** How to reach the SMTP server: TLS from the start on 465, STARTTLS required elsewhere. */
export function smtpTransportOptions(smtp: NonNullable<Config['smtp']>) {
  return {
    host: smtp.host,
    port: smtp.port,
    secure: smtp.port === 465,
    // Never fall back to plain text over the network; a relay on this machine may be plain.
    requireTLS: smtp.port !== 465 && !isLoopback(smtp.host),
    auth: smtp.user ? { user: smtp.user, pass: smtp.pass } : undefined,
  };
}

export function createMailer(db: Db, config: Config, log: (m: string) => void): Mailer {
  // nodemailer is loaded when the first message is delivered, and only with SMTP configured.
  let transport: Promise<Transporter> | null = null;
  const smtp = () =>
    (transport ??= import('nodemailer').then((m) => m.default.createTransport(smtpTransportOptions(config.smtp!))));
  const inFlight = new Set<Promise<unknown>>();

  /** Sends one outbox row and records the outcome; never throws. */
  async function deliver(id: number, msg: { to: string; subject: string; text: string }): Promise<boolean> {
    try {
      await (await smtp()).sendMail({ from: config.smtp!.from, to: msg.to, subject: msg.subject, text: msg.text });
      await db
        .updateTable('mail_outbox')
        .set({ sent_at: new Date().toISOString(), error: null })
        .where('id', '=', id)
        .execute();
      return true;
    } catch (err) {
      try {
        await db
          .updateTable('mail_outbox')
          .set({ error: String((err as Error).message).slice(0, 500) })
          .where('id', '=', id)
          .execute();
      } catch {
        // the database is going away (shutdown); the row stays unsent and is retried later
      }
      return false;
    }
  }

  function track<T>(p: Promise<T>): Promise<T> {
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
    return p;
  }

  return {
    async send(msg, now) {
      const mailId = await insertRow(db, 'mail_outbox', {
        to_address: msg.to,
        subject: msg.subject,
        body_text: msg.text,
        created_at: now.toISOString(),
      });
      if (!config.smtp) {
        if (config.env === 'development') log(`[outbox] to ${msg.to}: ${msg.subject}\n${msg.text}`);
        return;
      }
      void track(deliver(mailId, msg));
    },
    later(task) {
      const run = new Promise<void>((resolve) => setImmediate(resolve)).then(task).catch((err: unknown) => {
        log(`mail task failed: ${String(err)}`);
      });
      void track(run);
    },
    async idle() {
      while (inFlight.size) await Promise.all([...inFlight]);
    },
    async retryFailed(now) {
      if (!config.smtp) return 0;
      const rows = await db
        .selectFrom('mail_outbox')
        .select(['id', 'to_address', 'subject', 'body_text'])
        .where('sent_at', 'is', null)
        .where('error', 'is not', null)
        .where('created_at', '>=', new Date(now.getTime() - RETRY_WITHIN_MS).toISOString())
        .orderBy('id')
        .limit(100)
        .execute();
      let sent = 0;
      for (const r of rows)
        if (await track(deliver(r.id, { to: r.to_address, subject: r.subject, text: r.body_text }))) sent++;
      return sent;
    },
  };
}
