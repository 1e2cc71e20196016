// Accounts' part of the isolation property (src/testing/isolation.ts): a person's own data — e-mail
// address, sessions, the "my data" export — is shown to that person only, never to a colleague,
// their organization's admin or the network's admins.
import { who, type IsolationWorld, type Probe } from '../../../testing/isolation.js';

export async function accountsProbes(w: IsolationWorld): Promise<Probe[]> {
  const probes: Probe[] = [];
  for (const person of ['staffA', 'adminB', 'member'] as const) {
    const user = await w.t.handle.db
      .selectFrom('users')
      .select(['username', 'email'])
      .where('id', '=', w.users[person])
      .executeTakeFirstOrThrow();
    probes.push({
      name: `accounts: ${person}'s e-mail address and data`,
      marker: user.email!,
      readers: who.is(person),
      pages: [],
      lists: ['/account', '/account/export', `/organizations/${w.orgA}/staff`, `/organizations/${w.orgB}/staff`],
    });
  }
  return probes;
}
