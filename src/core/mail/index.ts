// Outgoing e-mail. Every message is written to the outbox table first; with SMTP settings it is
// then sent and marked, without them it stays there for admins to read (and is printed in dev).
import nodemailer from 'nodemailer';
import type { Config } from '../config.js';
import type { Db } from '../db/index.js';

export type Mailer = { send(msg: { to: string; subject: string; text: string }, now: Date): Promise<void> };

export function createMailer(db: Db, config: Config, log: (m: string) => void): Mailer {
  const transport = config.smtp
    ? nodemailer.createTransport({
        host: config.smtp.host,
        port: config.smtp.port,
        secure: config.smtp.port === 465,
        auth: config.smtp.user ? { user: config.smtp.user, pass: config.smtp.pass } : undefined,
      })
    : null;
  return {
    async send(msg, now) {
      const row = await db
        .insertInto('mail_outbox')
        .values({ to_address: msg.to, subject: msg.subject, body_text: msg.text, created_at: now.toISOString() })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (!transport) {
        if (config.env === 'development') log(`[outbox] to ${msg.to}: ${msg.subject}\n${msg.text}`);
        return;
      }
      try {
        await transport.sendMail({ from: config.smtp!.from, to: msg.to, subject: msg.subject, text: msg.text });
        await db
          .updateTable('mail_outbox')
          .set({ sent_at: new Date().toISOString() })
          .where('id', '=', row.id)
          .execute();
      } catch (err) {
        await db
          .updateTable('mail_outbox')
          .set({ error: String((err as Error).message).slice(0, 500) })
          .where('id', '=', row.id)
          .execute();
      }
    },
  };
}
