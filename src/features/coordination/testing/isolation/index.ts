// Coordination's part of the cross-organization isolation property (src/testing/isolation.ts). The
// rules come from README.md ("URLs and who may use them", "Privacy decisions") and the comments in
// permissions.ts, not from the permission code:
// - A workspace — its items, people and their titles, its export — belongs to its organization's
//   staff. An item is shared item by item: private (the organization), named organizations (and
//   their staff), network (anyone inside the network: staff of a member or holder of a network
//   role), public (everyone). Only the owning organization's staff change an item; only its
//   admins change people and roles, export, or leave.
// - Network admins get NO read access to an organization's rows: only a running emergency grant
//   (C's workspace here) opens a workspace to them, read-only. A's grant has expired; B never had one.
// - Plans are their organization's; a review shows one version and its comments to the reviewers
//   the organization chose (people, not their organizations).
// - Meetings: invitees (organizations' staff, named people), the host and the creator; network
//   meetings everyone inside the network; public meetings a summary to everyone. Managing (minutes,
//   attendance): the creator, the host's staff, coordinators for network meetings. RSVP: invitees.
// - Action items: the owner organization (and person, and creator); network-shared ones everyone
//   inside the network; updates by the owner, the creator, coordinators for network-shared ones.
// - Licences and their visit logs: the organization's staff and the coordinators (network editors
//   and admins). Councils: everyone inside the network; created by coordinators.
// - Lessons: private to the organization or shared with the network; a published lesson is public.
// - Votes are seen inside the network and created by network admins; a ballot is secret from
//   everyone (it has no page and must show on none).
import type { IsolationWorld, Probe } from '../../../../testing/isolation.js';
import { PEOPLE } from '../../../../testing/isolation.js';
import { openEmergency, setPersonRole } from '../../workspace/actions.js';
import { DAY } from '../../../../core/time.js';
import { makeKit } from './kit.js';
import { workspaceProbes } from './workspace.js';
import { makeMeetings, meetingProbes } from './meetings.js';
import { planProbes } from './plans.js';
import { governanceProbes } from './governance.js';
import { licensingProbes } from './licensing.js';
import { lessonProbes } from './lessons.js';

export async function coordinationProbes(w: IsolationWorld): Promise<Probe[]> {
  const k = makeKit(w);
  const { db, users, c, orgA, orgB, orgC, now, at, mk, feed } = k;
  // ——— roles: executive directors (reviewer candidates) and voting representatives ———
  const role = (title: string, ed: boolean, rep: boolean) => ({ title, executiveDirector: ed, representative: rep });
  await setPersonRole(db, orgA, users.adminA, role('', true, true), now);
  await setPersonRole(db, orgB, users.adminB, role('', true, true), now);
  await setPersonRole(db, orgC, users.adminC, role(mk('TITLEC'), true, false), now);
  await setPersonRole(db, orgA, users.staffA, role(mk('TITLEA'), false, false), now);

  // ——— emergency access: running on C, expired on A, never on B ———
  await openEmergency(db, orgC, users.netAdmin, 'A flood closed the office; the payroll file is needed.', 72, now);
  await openEmergency(db, orgA, users.netAdmin, 'An earlier emergency that is over by now.', 1, at(-3 * DAY));

  // The private calendar feed of each signed-in person: whoever holds the link sees what its owner sees.
  for (const p of PEOPLE) {
    if (p === 'anonymous') continue;
    const res = await c[p].get('/meetings/calendar');
    const m = /\/meetings\/feed\/[A-Za-z0-9_-]+\.ics/.exec(res.body);
    if (!m) throw new Error(`coordination isolation fixture: no calendar feed for ${p}`);
    feed[p] = m[0];
  }

  await workspaceProbes(k);
  const meetings = await makeMeetings(k);
  await planProbes(k, meetings);
  await meetingProbes(k, meetings);
  await governanceProbes(k);
  await licensingProbes(k);
  await lessonProbes(k);
  return k.probes;
}
