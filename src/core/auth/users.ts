// Creating an account row: one way for sign-up, invitations, the CLI's first admin, the demo seed
// and the tests, so every account starts with the same defaults.
import type { Db } from '../db/index.js';
import { insertRow } from '../db/rows.js';

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

export type NewUser = {
  username: string;
  email: string | null;
  displayName: string;
  passwordHash: string;
  locale?: string;
  totpSecret?: string | null;
};

export async function createUser(db: Db, u: NewUser, now: Date): Promise<number> {
  const iso = now.toISOString();
  return insertRow(db, 'users', {
    username: normalizeUsername(u.username),
    email: u.email ? normalizeEmail(u.email) : null,
    display_name: u.displayName.trim(),
    password_hash: u.passwordHash,
    totp_secret: u.totpSecret ?? null,
    totp_enabled: u.totpSecret ? 1 : 0,
    locale: u.locale ?? 'ar',
    digits: 'latn',
    address_as: 'x',
    created_at: iso,
    updated_at: iso,
    password_changed_at: iso,
  });
}
