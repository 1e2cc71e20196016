// An observer's secret: 10 symbols from 32 (50 bits), shown once as XXXXX-XXXXX; only its
// argon2id hash is kept. What is typed is compared without case, spaces or dashes.
import crypto from 'node:crypto';
import { westernDigits } from '../forms/expr.js';

const SECRET_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function newObserverSecret(): string {
  const s = Array.from({ length: 10 }, () => SECRET_ALPHABET[crypto.randomInt(SECRET_ALPHABET.length)]).join('');
  return `${s.slice(0, 5)}-${s.slice(5)}`;
}

export function normalizeSecret(s: string): string {
  return westernDigits(s)
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
}
