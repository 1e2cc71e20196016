// The services directory's part of the cross-organization isolation property
// (src/testing/isolation.ts). A member's active services are public; everything else about them —
// the editing forms, hours, inactive services, reports of wrong information and the feedback the
// moderators let through — is its own staff's alone (not other members', not the network's admins').
// Pending feedback is seen by the moderators only.
import type { Client } from '../../../testing/app.js';
import { who, type IsolationWorld, type Probe } from '../../../testing/isolation.js';
import { moderateFeedback, submitFeedback } from '../feedback/actions.js';

export async function servicesProbes(w: IsolationWorld): Promise<Probe[]> {
  const db = w.t.handle.db;
  const now = w.t.clock.now;
  const probes: Probe[] = [];
  for (const org of ['A', 'B'] as const) {
    const admin = w.c[org === 'A' ? 'adminA' : 'adminB'];
    const staff = who.staffOf(org);
    await admin.get('/services/locations/new');
    const place = await admin.post('/services/locations/new', {
      name_ar: `مركز ${org}`,
      name_en: `Centre ${org}`,
      town: 'C1564',
    });
    if (place.statusCode !== 303) throw new Error(`services isolation: place ${place.statusCode}`);
    const location = (await db
      .selectFrom('svc_locations')
      .select('id')
      .where('name_en', '=', `Centre ${org}`)
      .executeTakeFirstOrThrow())!.id;

    const form = (name: string, status: string, n: number) => ({
      name_ar: `خدمة ${name}`,
      name_en: name,
      description_ar: `kwsvc${name.toLowerCase()} ${n}`,
      status,
      categories: ['protection'],
      groups: ['women'],
      cost: 'free',
      locations: location,
      phone: '+963 944 000 111',
    });
    const service = async (status: 'active' | 'inactive') => {
      const name = `ISOSVC${status.toUpperCase()}${org}`;
      await admin.get('/services/new');
      const res = await admin.post('/services/new', form(name, status, 0));
      if (res.statusCode !== 303) throw new Error(`services isolation: service ${res.statusCode}`);
      const row = await db
        .selectFrom('svc_services')
        .select('id')
        .where('name_en', '=', name)
        .executeTakeFirstOrThrow();
      return { id: row.id, name };
    };

    for (const status of ['active', 'inactive'] as const) {
      const { id, name } = await service(status);
      const edit = {
        writers: staff,
        send: (client: Client, n: number) => client.post(`/services/${id}/edit`, form(name, status, n)),
        state: () =>
          db.selectFrom('svc_services').select(['description_ar', 'status']).where('id', '=', id).executeTakeFirst(),
      };
      probes.push({
        name: `services: ${org}'s ${status} service (public)`,
        marker: name,
        readers: status === 'active' ? who.everyone : who.nobody,
        pages: [`/services/${id}`],
        lists: [
          `/services?q=kwsvc${name.toLowerCase()}`,
          '/towns/C1564/services',
          '/api/hsds/services',
          '/api/hsds/export/hxl.csv',
        ],
      });
      probes.push({
        name: `services: ${org}'s ${status} service (managing)`,
        marker: name,
        readers: staff,
        pages: [`/services/${id}/edit`, `/services/${id}/hours`],
        lists: ['/services/manage'],
        write: edit,
      });
    }

    // What people said about A's service: a report of wrong information, and feedback a moderator let through.
    const active = await db
      .selectFrom('svc_services')
      .select('id')
      .where('name_en', '=', `ISOSVCACTIVE${org}`)
      .executeTakeFirstOrThrow();
    await submitFeedback(
      db,
      active.id,
      { kind: 'report', wrong_field: 'phone', comment: `ISOREPORT${org} الرقم خطأ` },
      now,
    );
    await submitFeedback(db, active.id, { kind: 'feedback', rating: 4, comment: `ISOFEEDBACK${org} شكراً` }, now);
    const [report, feedback] = await db
      .selectFrom('svc_feedback')
      .select('id')
      .where('service_id', '=', active.id)
      .orderBy('id')
      .execute();
    await moderateFeedback(db, report!.id, 'approve', w.users.moderator, now);
    await moderateFeedback(db, feedback!.id, 'approve', w.users.moderator, now);
    for (const kind of ['REPORT', 'FEEDBACK'] as const)
      probes.push({
        name: `services: ${kind.toLowerCase()} on ${org}'s service`,
        marker: `ISO${kind}${org}`,
        readers: staff,
        pages: [`/services/manage?org=${org === 'A' ? w.orgA : w.orgB}`],
        lists: ['/services/manage', `/services/${active.id}`, '/services/moderation'],
      });
    // Pending feedback: the moderators' queue only.
    await submitFeedback(db, active.id, { kind: 'feedback', rating: 2, comment: `ISOPENDING${org}` }, now);
    probes.push({
      name: `services: pending feedback on ${org}'s service`,
      marker: `ISOPENDING${org}`,
      readers: who.is('moderator', 'netAdmin'),
      pages: ['/services/moderation'],
      lists: ['/services/manage', `/services/${active.id}`],
    });
  }
  return probes;
}
