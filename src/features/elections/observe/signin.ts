// Observer sign-in that nobody can turn against an observer. Three limits, each with its reason:
//  - per (code, address): a few wrong secrets, then that address waits for that code — a phone
//    elsewhere is not affected;
//  - per address: many wrong secrets across codes (generous: observers share carrier-grade NAT),
//    which stops one address from guessing its way through codes;
//  - per code, from anywhere: a growing delay (1, 2, 4 … 60 s) after a few wrong secrets, never a
//    lock — the real observer gets in after a short wait, and the coordinator can issue a new code.
// Unknown codes get exactly the same answers and delays as real ones, so no answer tells whether a
// code exists; attempts on real codes are recorded for the election's coordinators to see.
import { sql } from 'kysely';
import { truncateIp } from '../../../core/audit/index.js';
import { dummyPasswordHash, verifyPassword } from '../../../core/auth/passwords.js';
import type { AnyCtx } from '../../../core/http/route.js';
import { createObserverToken, observerByCode, recordSignIn } from '../observers/queries.js';
import { normalizeObserverCode, normalizeSecret } from '../observers/secret.js';

export const SIGN_IN_LIMITS = {
  /** wrong secrets for one code from one address */
  pair: { max: 10, windowMs: 15 * 60_000 },
  /** wrong secrets from one address, whatever the code */
  address: { max: 200, windowMs: 15 * 60_000 },
  /** wrong secrets for one code before the delay starts, its ceiling, and when it is forgotten */
  delay: { free: 5, maxSeconds: 60, forgetMs: 15 * 60_000 },
};

export type SignInAnswer = { status: 201; token: string } | { status: 429; retryAfter: number } | { status: 401 | 403 };

/** Seconds still to wait before `code` may be tried again (0: now). */
async function codeDelay(c: AnyCtx, code: string): Promise<number> {
  const row = await c.db.selectFrom('observer_code_delays').selectAll().where('code', '=', code).executeTakeFirst();
  if (!row) return 0;
  const { free, maxSeconds, forgetMs } = SIGN_IN_LIMITS.delay;
  const since = c.now.getTime() - Date.parse(row.last_failure_at);
  if (since > forgetMs || row.failures < free) return 0;
  const wait = Math.min(maxSeconds, 2 ** (row.failures - free)) * 1000;
  return Math.max(0, Math.ceil((wait - since) / 1000));
}

async function countFailure(c: AnyCtx, code: string) {
  const now = c.now.toISOString();
  const forgotten = new Date(c.now.getTime() - SIGN_IN_LIMITS.delay.forgetMs).toISOString();
  await c.db
    .insertInto('observer_code_delays')
    .values({ code, failures: 1, last_failure_at: now })
    .onConflict((oc) =>
      oc.column('code').doUpdateSet({
        failures: sql`case when observer_code_delays.last_failure_at < ${forgotten} then 1 else observer_code_delays.failures + 1 end`,
        last_failure_at: now,
      }),
    )
    .execute();
}

export async function observerSignIn(c: AnyCtx, typedCode: string, typedSecret: string): Promise<SignInAnswer> {
  const { limiter } = c.wasl;
  const { pair, address } = SIGN_IN_LIMITS;
  const code = normalizeObserverCode(typedCode);
  const keys = { pair: `observe:pair:${code}:${c.ip}`, address: `observe:addr:${c.ip}` };
  const network = truncateIp(c.ip) ?? '';
  const observer = await observerByCode(c.db, code);
  const record = (outcome: 'ok' | 'wrongSecret' | 'waiting' | 'limited') =>
    observer ? recordSignIn(c.db, observer.id, outcome, network, c.now) : Promise.resolve();

  const [byPair, byAddress] = await Promise.all([
    limiter.peek(keys.pair, pair.max, pair.windowMs, c.now),
    limiter.peek(keys.address, address.max, address.windowMs, c.now),
  ]);
  if (!byPair.allowed || !byAddress.allowed) {
    await record('limited');
    return {
      status: 429,
      retryAfter: Math.max(
        byPair.allowed ? 0 : byPair.retryAfterSeconds,
        byAddress.allowed ? 0 : byAddress.retryAfterSeconds,
      ),
    };
  }
  const wait = await codeDelay(c, code);
  if (wait > 0) {
    await record('waiting');
    return { status: 429, retryAfter: wait };
  }
  const ok = await verifyPassword(observer?.secret_hash || (await dummyPasswordHash()), normalizeSecret(typedSecret));
  if (!observer || !ok || observer.status !== 'active') {
    await Promise.all([
      limiter.hit(keys.pair, pair.max, pair.windowMs, c.now),
      limiter.hit(keys.address, address.max, address.windowMs, c.now),
      countFailure(c, code),
      record('wrongSecret'),
    ]);
    return { status: 401 };
  }
  if (observer.election_status !== 'active' && observer.election_status !== 'closed') return { status: 403 };
  await Promise.all([
    limiter.reset(keys.pair),
    c.db.deleteFrom('observer_code_delays').where('code', '=', code).execute(),
    record('ok'),
  ]);
  return { status: 201, token: await createObserverToken(c.db, observer.id, c.now) };
}
