// Mail to people in their own language and digits: meeting and licence reminders, a plan's
// reviewers. Sent by the mailer (or kept in the outbox).
import type { Translator } from '../../core/i18n/index.js';
import type { WaslServices } from '../../core/services.js';

export type Recipient = {
  email: string | null;
  locale: string;
  digits: 'latn' | 'arab';
  address_as: 'f' | 'm' | 'x';
};

/** The users' columns a Recipient needs. */
export const recipientColumns = [
  'users.id',
  'users.email',
  'users.locale',
  'users.digits',
  'users.address_as',
] as const;

export function translatorFor(wasl: WaslServices, user: Recipient): Translator {
  const locale = wasl.i18n.locales.includes(user.locale) ? user.locale : 'ar';
  return wasl.i18n.translator(locale, { digits: user.digits, addressAs: user.address_as });
}

/** Writes a message in the person's language and sends it; false when they have no address. */
export async function mailPerson(
  wasl: WaslServices,
  user: Recipient,
  write: (tr: Translator) => { subject: string; text: string },
  now: Date,
): Promise<boolean> {
  if (!user.email) return false;
  await wasl.mailer.send({ to: user.email, ...write(translatorFor(wasl, user)) }, now);
  return true;
}
