// Demo content that tells the network's own story with fictional organizations and people.
// Runs on first start when the database is empty (DEMO_SEED=off turns it off). Passwords are
// generated and printed once; none is fixed in the code.
import crypto from 'node:crypto';
import type { WaslServices } from '../core/services.js';
import { hashPassword } from '../core/auth/passwords.js';
import { createUser } from '../core/auth/users.js';
import { loadAleppoSeed } from '../core/towns/seed.js';
import { saveOrganization } from '../features/organizations/queries.js';
import { demoOrganizations, demoNetwork } from './demo-content.js';
import type { DemoContext } from '../core/feature.js';
import { features } from '../features/index.js';

export type { DemoContext };

function newPassword(): string {
  // 15 characters from a 56-symbol alphabet without look-alikes: ~87 bits.
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from({ length: 15 }, () => alphabet[crypto.randomInt(alphabet.length)]).join('');
}

export async function seedDemoIfEmpty(
  wasl: WaslServices,
  options: { now?: Date; passwords?: 'random' | string } = {},
): Promise<string | null> {
  const { db } = wasl;
  const existing = await db.selectFrom('networks').select('id').executeTakeFirst();
  if (existing) return null;
  const now = options.now ?? wasl.clock();
  const towns = await db.selectFrom('towns').select('pcode').limit(1).executeTakeFirst();
  if (!towns) await loadAleppoSeed(db, now);

  const network = await db
    .insertInto('networks')
    .values({ ...demoNetwork, created_at: now.toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  const ctx: DemoContext = { now, networkId: network.id, orgs: {}, users: {} };
  for (const org of demoOrganizations) {
    ctx.orgs[org.key] = await saveOrganization(db, null, network.id, org, now);
  }

  // Accounts for each role. Staff roles must set up two-step verification at first sign-in.
  const accounts: {
    username: string;
    displayName: string;
    network?: 'networkAdmin' | 'networkEditor' | 'moderator';
    org?: [string, 'orgAdmin' | 'orgStaff'];
  }[] = [
    { username: 'chair', displayName: 'رئيسة مجلس الإدارة', network: 'networkAdmin' },
    { username: 'editor', displayName: 'محرر/ة الموقع', network: 'networkEditor' },
    { username: 'moderator', displayName: 'مشرف/ة المنتدى', network: 'moderator' },
    ...demoOrganizations.map((o) => ({
      username: `${o.key}-admin`,
      displayName: `${o.shortAr} — إدارة`,
      org: [o.key, 'orgAdmin'] as [string, 'orgAdmin'],
    })),
    ...demoOrganizations.slice(0, 3).map((o) => ({
      username: `${o.key}-staff`,
      displayName: `${o.shortAr} — فريق`,
      org: [o.key, 'orgStaff'] as [string, 'orgStaff'],
    })),
    { username: 'member', displayName: 'Sham_92' },
  ];
  const lines: string[] = [];
  for (const a of accounts) {
    const password = options.passwords && options.passwords !== 'random' ? options.passwords : newPassword();
    const userId = await createUser(
      db,
      { username: a.username, email: null, displayName: a.displayName, passwordHash: await hashPassword(password) },
      now,
    );
    ctx.users[a.username] = userId;
    if (a.network)
      await db
        .insertInto('network_roles')
        .values({ user_id: userId, network_id: network.id, role: a.network })
        .execute();
    if (a.org)
      await db
        .insertInto('memberships')
        .values({ user_id: userId, organization_id: ctx.orgs[a.org[0]]!, role: a.org[1] })
        .execute();
    lines.push(`  ${a.username.padEnd(22)} ${password}   ${a.network ?? a.org?.[1] ?? 'member'}`);
  }

  // Each feature's demo data, in the feature list's order; each receives the ids made before it.
  for (const feature of features) if (feature.seed) await (await feature.seed())(wasl, ctx);

  return [
    '',
    'Wasl demo content created. Accounts (shown once — keep them somewhere safe):',
    '  username               password          role',
    ...lines,
    'Staff and admin accounts are asked to set up two-step verification (an authenticator app) at first sign-in.',
    '',
  ].join('\n');
}
