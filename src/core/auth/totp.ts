// TOTP second step (RFC 6238, 30 s steps, ±1 step tolerance) and recovery codes.
// A code is accepted once: the accepted time step is stored and later codes must be newer.
import crypto from 'node:crypto';
import { generate, generateSecret, generateURI, verify } from 'otplib';

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, accountLabel: string): string {
  return generateURI({ issuer: 'Wasl', label: accountLabel, secret });
}

export function totpCodeAt(secret: string, at: Date): Promise<string> {
  return generate({ secret, epoch: Math.floor(at.getTime() / 1000) });
}

/** Returns the matched time step, or null. `lastStep` is the step of the last accepted code. */
export async function checkTotp(
  secret: string,
  token: string,
  at: Date,
  lastStep: number | null,
): Promise<number | null> {
  const clean = token.replace(/\s+/g, '').replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660));
  if (!/^\d{6}$/.test(clean)) return null;
  const result = await verify({
    secret,
    token: clean,
    epoch: Math.floor(at.getTime() / 1000),
    epochTolerance: 30,
    ...(lastStep != null ? { afterTimeStep: lastStep } : {}),
  });
  if (!result.valid) return null;
  return (result as unknown as { timeStep: number }).timeStep;
}

/** Ten one-time recovery codes like `k7q2-9xwm-f3ta`, shown once; only their hashes are kept. */
export function newRecoveryCodes(count = 10): string[] {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 12 }, () => alphabet[crypto.randomInt(alphabet.length)]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
  });
}

export function hashRecoveryCode(code: string): string {
  return crypto.createHash('sha256').update(code.trim().toLowerCase().replace(/\s+/g, '')).digest('hex');
}
