// No account enumeration by timing. accounts.test.ts shows that sign-in, password reset and
// sign-up give the same status and page for known and unknown accounts; this file shows they take
// about the same time too. For each pair of paths, ROUNDS requests each (after WARM_UP rounds that
// are not counted), interleaved — A B, then B A, so neither side always goes first — and the
// medians compared. The band (0.6–1.6) is generous against noise on a shared machine, and still
// far from what a real regression gives: skipping argon2 for an unknown account makes that side
// about ten times faster. Paths that take about a millisecond (a reset) are at the mercy of the
// scheduler, so medians within SLACK_MS of each other also pass: every regression this guards
// against (a skipped hash, mail sent inside the request) costs ten milliseconds or more.
//
// Every request comes from its own loopback address and names its own account, so no rate limit
// (per address, per account) answers one side early; the statuses are checked to be sure. A pair
// outside the band is measured once more before the test fails (noise rarely strikes twice; a
// regression does).
//
// With SMTP configured too (the last describe): a reset for a known address and a sign-up with an
// address in use send mail, which once happened inside the request and made them several times
// slower than for an unknown address. core/mail now delivers after the answer; the SMTP sink here
// holds each message for 50 ms, so a regression shows.
//
//   npx vitest run --project hardening test/hardening/enumeration-timing.test.ts
//   (PostgreSQL: DATABASE_URL=postgres://postgres@127.0.0.1:5432/<db> in front)
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, Client, makeUser, type TestApp } from '../../src/testing/app.js';
import { startSmtpSink, type SmtpSink } from '../../src/testing/smtp-sink.js';

const ROUNDS = Number(process.env.TIMING_ROUNDS ?? 40);
const WARM_UP = 5;
const BAND = { min: 0.6, max: 1.6 };
const SLACK_MS = 2;

type Person = { username: string; email: string };
type App = { t: TestApp; cookie: string; csrf: string; known: Person[]; used: number };

/** An app with enough people for every request to name its own account, and a CSRF token for them. */
async function setUp(env: Record<string, string> = {}): Promise<App> {
  const t = await buildTestApp(env);
  const known: Person[] = [];
  // Enough for three pairs of paths, each possibly measured twice, and the warm-up.
  for (let i = 0; i < (WARM_UP + ROUNDS) * 7; i++) {
    const u = await makeUser(t.handle.db, { username: `timing_${i}` });
    known.push({ username: u.username, email: `${u.username}@example.org` });
  }
  // One CSRF token and its cookie, as a browser would hold after opening the form.
  const c = new Client(t.app);
  await c.get('/login');
  return { t, known, used: 0, csrf: c.csrf!, cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
}

/** An account no earlier request has named. */
const fresh = (app: App) => app.known[app.used++]!;

let address = 0;
/** A fresh loopback address for every request: 127.1.x.y. */
const nextIp = () => `127.1.${Math.floor(++address / 250) % 250}.${(address % 250) + 1}`;
const unique = () => crypto.randomBytes(5).toString('hex');

async function post(app: App, url: string, form: Record<string, string>) {
  const body = new URLSearchParams({ _csrf: app.csrf, ...form }).toString();
  const started = process.hrtime.bigint();
  const res = await app.t.app.inject({
    method: 'POST',
    url,
    payload: body,
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: app.cookie },
    remoteAddress: nextIp(),
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return { ms, status: res.statusCode, body: res.body.replace(/value="[^"]*"/g, '') };
}

type Sample = Awaited<ReturnType<typeof post>>;
type Path = () => Promise<Sample>;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** Runs two paths interleaved: A B, then B A, and so on. */
async function compare(name: string, labels: [string, string], a: Path, b: Path, check: (s: Sample[]) => void) {
  const as: Sample[] = [];
  const bs: Sample[] = [];
  for (let i = 0; i < WARM_UP + ROUNDS; i++) {
    let sa: Sample;
    let sb: Sample;
    if (i % 2 === 0) {
      sa = await a();
      sb = await b();
    } else {
      sb = await b();
      sa = await a();
    }
    if (i >= WARM_UP) {
      as.push(sa);
      bs.push(sb);
    }
  }
  check([...as, ...bs]);
  const ma = median(as.map((s) => s.ms));
  const mb = median(bs.map((s) => s.ms));
  console.log(
    `${name}: median ${labels[0]} ${ma.toFixed(1)} ms, ${labels[1]} ${mb.toFixed(1)} ms, ratio ${(ma / mb).toFixed(2)}` +
      ` (${ROUNDS} each after ${WARM_UP} warm-up rounds)`,
  );
  return { ratio: ma / mb, a: ma, b: mb };
}

type Medians = Awaited<ReturnType<typeof compare>>;
const similar = (m: Medians) => (m.ratio >= BAND.min && m.ratio <= BAND.max) || Math.abs(m.a - m.b) <= SLACK_MS;
/** Medians of both paths, measured again once if the first ones are not similar. */
async function measure(name: string, labels: [string, string], a: Path, b: Path, check: (s: Sample[]) => void) {
  const first = await compare(name, labels, a, b, check);
  return similar(first) ? first : compare(`${name} (again)`, labels, a, b, check);
}
function expectSimilar(m: Medians) {
  expect(similar(m), `ratio ${m.ratio.toFixed(2)}, ${m.a.toFixed(1)} ms against ${m.b.toFixed(1)} ms`).toBe(true);
}

const sameAnswer = (status: number) => (samples: Sample[]) => {
  for (const s of samples) expect(s.status).toBe(status);
  expect(new Set(samples.map((s) => s.body)).size).toBe(1);
};
const signupForm = (email: string) => ({
  username: `new_${unique()}`,
  display_name: 'New Person',
  email,
  password: 'a long enough secret',
  password_confirm: 'a long enough secret',
});

describe('no account enumeration by timing', () => {
  let app: App;
  beforeAll(async () => {
    app = await setUp();
    console.log(`database: ${app.t.handle.dialect}`);
    // Every route once or twice before anything is counted (the first requests compile code and
    // make the dummy hash).
    for (let i = 0; i < WARM_UP; i++) {
      await post(app, '/login', { identifier: fresh(app).username, password: 'not the password' });
      await post(app, '/login', { identifier: `nobody_${unique()}`, password: 'not the password' });
      await post(app, '/password-reset', { email: fresh(app).email });
      await post(app, '/password-reset', { email: `ghost_${unique()}@example.org` });
      await post(app, '/signup', signupForm(fresh(app).email));
      await post(app, '/signup', signupForm(`fresh_${unique()}@example.org`));
    }
  });
  afterAll(() => app.t.close());

  it('sign-in: a known username with a wrong password takes as long as an unknown username', async () => {
    const m = await measure(
      'sign-in',
      ['known user', 'unknown user'],
      () => post(app, '/login', { identifier: fresh(app).username, password: 'not the password' }),
      () => post(app, '/login', { identifier: `nobody_${unique()}`, password: 'not the password' }),
      // Same answer (401, the same page) every time: no rate limit cut in on either side.
      sameAnswer(401),
    );
    expectSimilar(m);
  });

  it('password reset: a known address takes as long as an unknown one', async () => {
    const m = await measure(
      'password reset',
      ['known address', 'unknown address'],
      () => post(app, '/password-reset', { email: fresh(app).email }),
      () => post(app, '/password-reset', { email: `ghost_${unique()}@example.org` }),
      sameAnswer(200),
    );
    // The known side really did the work: a link went out each time.
    const { c } = await app.t.handle.db
      .selectFrom('mail_outbox')
      .select((eb) => eb.fn.countAll<number>().as('c'))
      .executeTakeFirstOrThrow();
    expect(Number(c)).toBeGreaterThanOrEqual(WARM_UP + ROUNDS);
    expectSimilar(m);
  });

  it('sign-up: an address already in use takes as long as a free one (both hash the password)', async () => {
    const m = await measure(
      'sign-up',
      ['address in use', 'free address'],
      () => post(app, '/signup', signupForm(fresh(app).email)),
      () => post(app, '/signup', signupForm(`fresh_${unique()}@example.org`)),
      sameAnswer(303),
    );
    expectSimilar(m);
  });
});

describe('with SMTP configured (mail is delivered after the answer)', () => {
  let app: App;
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink({ delayMs: 50 });
    app = await setUp({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(sink.port) });
  });
  afterAll(async () => {
    await app.t.close();
    await sink.close();
  });

  it('password reset: a known address takes as long as an unknown one, and its mail is still sent', async () => {
    const m = await measure(
      'password reset, SMTP on',
      ['known address', 'unknown address'],
      () => post(app, '/password-reset', { email: fresh(app).email }),
      () => post(app, '/password-reset', { email: `ghost_${unique()}@example.org` }),
      sameAnswer(200),
    );
    await app.t.app.wasl.mailer.idle();
    const sent = await app.t.handle.db.selectFrom('mail_outbox').select('sent_at').execute();
    expect(sent.filter((m) => m.sent_at).length).toBeGreaterThanOrEqual(WARM_UP + ROUNDS);
    expectSimilar(m);
  });

  it('sign-up: an address in use takes as long as a free one', async () => {
    const m = await measure(
      'sign-up, SMTP on',
      ['address in use', 'free address'],
      () => post(app, '/signup', signupForm(fresh(app).email)),
      () => post(app, '/signup', signupForm(`fresh_${unique()}@example.org`)),
      sameAnswer(303),
    );
    expectSimilar(m);
  });
});
