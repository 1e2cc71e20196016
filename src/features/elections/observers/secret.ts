// An observer's code and secret. The code is what the observer types first and what is printed on
// their card: six symbols drawn at random (K7M-4QX), never a sequence anyone could guess from
// another. The secret: 10 symbols (50 bits), shown once as XXXXX-XXXXX; only its argon2id hash is
// kept. Both are read without case, spaces or dashes, Arabic-Indic digits as digits.
import crypto from 'node:crypto';
import { westernDigits } from '../../../core/http/forms.js';
import { hashPassword } from '../../../core/auth/passwords.js';

const SECRET_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** No 0/O, 1/I/L: a code is read aloud over the phone. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

const draw = (alphabet: string, n: number) =>
  Array.from({ length: n }, () => alphabet[crypto.randomInt(alphabet.length)]).join('');

export function newObserverSecret(): string {
  const s = draw(SECRET_ALPHABET, 10);
  return `${s.slice(0, 5)}-${s.slice(5)}`;
}

export function newObserverCode(): string {
  const s = draw(CODE_ALPHABET, 6);
  return `${s.slice(0, 3)}-${s.slice(3)}`;
}

export function normalizeSecret(s: string): string {
  return westernDigits(s)
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
}

/** A typed code as stored: capitals, and the dash of a drawn code put back ("k7m4qx" → "K7M-4QX"). */
export function normalizeObserverCode(s: string): string {
  const code = westernDigits(s).trim().toUpperCase().replace(/\s+/g, '');
  return /^[A-Z0-9]{6}$/.test(code) ? `${code.slice(0, 3)}-${code.slice(3)}` : code;
}

/** A new secret and its hash (the secret itself is shown once and never stored). */
export async function issueSecret(): Promise<{ secret: string; hash: string }> {
  const secret = newObserverSecret();
  return { secret, hash: await hashPassword(normalizeSecret(secret)) };
}
