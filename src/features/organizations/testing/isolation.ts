// Organizations' part of the cross-organization isolation property (src/testing/isolation.ts). The
// profile is public; who works for a member is that member's business alone (its staff list); its
// profile is changed by its own admin, or by the network's admins who keep the member register.
import { makeUser } from '../../../testing/app.js';
import { who, type IsolationWorld, type Probe } from '../../../testing/isolation.js';

export async function organizationsProbes(w: IsolationWorld): Promise<Probe[]> {
  const db = w.t.handle.db;
  const probes: Probe[] = [];
  for (const org of ['A', 'B'] as const) {
    const id = org === 'A' ? w.orgA : w.orgB;
    // A colleague whose name only the staff list shows.
    const colleague = `isocolleague${org.toLowerCase()}`;
    await makeUser(db, { username: colleague, displayName: `ISOCOLLEAGUE${org}`, org: [id, 'orgStaff'] });
    probes.push({
      name: `organizations: ${org}'s staff list`,
      marker: `ISOCOLLEAGUE${org}`,
      readers: who.staffOf(org),
      pages: [`/organizations/${id}/staff`],
      lists: [`/organizations/${id}`, '/organizations'],
    });
    const form = (n: number) => ({
      name_ar: `منظمة ${org}`,
      name_en: `Org ${org}`,
      description_ar: `وصف ${n}`,
      description_en: '',
      phone: '',
      email: '',
      website: '',
      towns: 'C1564',
    });
    probes.push({
      name: `organizations: ${org}'s profile (editing)`,
      marker: `action="/organizations/${id}/edit"`,
      readers: who.any(who.adminOf(org), who.is('netAdmin')),
      pages: [`/organizations/${id}/edit`],
      write: {
        writers: who.any(who.adminOf(org), who.is('netAdmin')),
        send: (client, n) => client.post(`/organizations/${id}/edit`, form(n)),
        state: () =>
          db.selectFrom('organizations').select(['description_ar', 'name_en']).where('id', '=', id).executeTakeFirst(),
      },
    });
  }
  return probes;
}
