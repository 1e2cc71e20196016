// argon2id password hashing and the password policy (length 8–128, common passwords refused).
// The native argon2 module is loaded on the first sign-in or password change, not at start.
const argon2 = () => import('@node-rs/argon2');
import { isCommonPassword } from './common-passwords.js';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

// OWASP's argon2id minimum (19 MiB, 2 iterations) — a login costs ~20 ms on this machine.
const options = {
  algorithm: 2 /* Algorithm.Argon2id (a const enum) */,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
};

export async function hashPassword(password: string): Promise<string> {
  return (await argon2()).hash(password, options);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await (await argon2()).verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash of a random password, verified against when the account is unknown, so timing does not tell. */
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('wasl-dummy-password-for-timing');
  return dummyHash;
}

export type PasswordProblem = 'tooShort' | 'tooLong' | 'tooCommon';

export function checkPasswordPolicy(password: string, context: string[] = []): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return 'tooShort';
  if (length > PASSWORD_MAX) return 'tooLong';
  const lower = password.toLowerCase();
  if (isCommonPassword(lower)) return 'tooCommon';
  if (context.some((c) => c.length >= 3 && lower.includes(c.toLowerCase()))) return 'tooCommon';
  return null;
}
