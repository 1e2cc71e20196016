// Programmes' part of the cross-organization isolation property (src/testing/isolation.ts). The
// rules, as README.md and permissions.ts state them:
// - a project is seen by everyone when public, otherwise by the staff of its participating members
//   (the coordinator is one) and the network's admins; its internal page, its activities, visits
//   and recommendations by those same people, whether it is public or not; the coordinating
//   member's staff and the network's admins manage it (details, targets, courses);
// - activity and visit notes, activity photos: the organizing member's staff only, who alone
//   change the activity or visit and follow its recommendations up;
// - cohorts with their sessions, attendance and scores, trainees (name, phone, affiliation) and
//   certificates: the staff of the member that owns them — not the network's admins;
// - a certificate's public page shows the name, the course and the date, nothing else, and a
//   revoked one shows nothing;
// - indicators and their exports carry other members' work only as aggregated figures.
// World: P1 public, coordinated by A with B; P2 private, coordinated by B with C (A not in it).
import sharp from 'sharp';
import { rowState, who, type IsolationWorld, type Person, type Probe } from '../../../testing/isolation.js';
import {
  addActivityPhoto,
  addRecommendation,
  followUpRecommendation,
  saveActivity,
  saveVisit,
} from '../activities/queries.js';
import { addTarget, saveProject } from '../projects/queries.js';
import { saveCourse } from '../training/queries.js';
import { trainingProbes } from './isolation-training.js';

export type Org = 'A' | 'B' | 'C';
export type Rule = (p: Person) => boolean;

/** A record's fields as its form posts them. */
const asForm = (fields: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, String(v ?? '')]));

/**
 * An activity or a visit of one member in a project: the record is seen by the project's insiders
 * and changed by its member's staff only; its notes are seen by that staff only.
 */
function ownRecordProbes(r: {
  name: string;
  marker: string;
  notesName: string;
  notes: string;
  page: string;
  projectId: number;
  internal: Rule;
  ownerStaff: Rule;
  edit: (n: number) => Record<string, string>;
  state: () => Promise<unknown>;
  notesLists: string[];
}): Probe[] {
  return [
    {
      name: r.name,
      marker: r.marker,
      readers: r.internal,
      pages: [r.page],
      lists: [`/projects/${r.projectId}`, '/programmes'],
      write: { writers: r.ownerStaff, send: (c, n) => c.post(`${r.page}/edit`, r.edit(n)), state: r.state },
    },
    {
      name: r.notesName,
      marker: r.notes,
      readers: r.ownerStaff,
      pages: [`${r.page}/edit`],
      lists: [r.page, `/projects/${r.projectId}/internal`, ...r.notesLists],
    },
  ];
}

export async function programmesProbes(w: IsolationWorld): Promise<Probe[]> {
  const db = w.t.handle.db;
  const now = w.t.clock.now;
  const orgId = (o: Org) => ({ A: w.orgA, B: w.orgB, C: w.orgC })[o];
  const staff = (...orgs: Org[]): Rule => who.any(...orgs.map(who.staffOf));
  const netAdmin = who.is('netAdmin');
  const TOWN = 'C1564';
  const DAY = '2026-06-01';
  // Trainees are registered in a town a member works in.
  await db.insertInto('organization_towns').values({ organization_id: w.orgA, town_pcode: TOWN }).execute();

  const probes: Probe[] = [];
  /** Rows of a table with `column` = `id`: what a refused write must leave unchanged. */
  const rows = (table: 'programme_targets' | 'programme_sessions' | 'programme_trainees', column: string) => {
    return async (id: number) => {
      const row = await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where(column as 'id', '=', id)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    };
  };
  const count = {
    targets: rows('programme_targets', 'project_id'),
    sessions: rows('programme_sessions', 'cohort_id'),
    trainees: rows('programme_trainees', 'organization_id'),
  };
  const projects: { key: string; id: number; targetId: number }[] = [];
  const csv = (path: string, project: number) => `${path}?project=${project}&format=csv`;

  for (const spec of [
    { key: 'P1', coordinator: 'A', members: ['A', 'B'], isPublic: true },
    { key: 'P2', coordinator: 'B', members: ['B', 'C'], isPublic: false },
  ] as { key: string; coordinator: Org; members: Org[]; isPublic: boolean }[]) {
    const tag = `ISOPRG${spec.key}`;
    const name = `${tag}PROJECT`;
    const projectInput = (summary: string) => ({
      coordinator_org_id: orgId(spec.coordinator),
      name_ar: name,
      name_en: name,
      supporter_ar: '',
      supporter_en: '',
      start_date: '2026-01-01',
      end_date: null,
      summary_ar: summary,
      summary_en: summary,
      goals_ar: '',
      goals_en: '',
      is_public: spec.isPublic,
      members: spec.members.map(orgId),
      towns: [TOWN],
    });
    const projectId = await saveProject(db, null, w.net, projectInput('ملخص'), now);
    const participants = staff(...spec.members);
    const internal = who.any(participants, netAdmin);
    const viewers = spec.isPublic ? who.everyone : internal;
    const managers = who.any(staff(spec.coordinator), netAdmin);
    const internalIndicators = `/programmes/indicators?project=${projectId}`;
    const exports = [
      csv('/programmes/indicators/export', projectId),
      `/programmes/indicators/export?project=${projectId}&format=xlsx`,
      csv('/indicators/export', projectId),
    ];

    // ——— the project ———
    const projectPage: Probe = {
      name: `programmes: ${spec.key} (${spec.isPublic ? 'public' : 'private'}) project page`,
      marker: name,
      readers: viewers,
      pages: [`/projects/${projectId}`],
      lists: ['/projects', '/indicators', `/indicators?project=${projectId}`, '/programmes'],
      write: {
        writers: managers,
        send: (c, n) =>
          c.post(`/projects/${projectId}/edit`, {
            coordinator_org_id: String(orgId(spec.coordinator)),
            name_ar: name,
            name_en: name,
            supporter_ar: '',
            supporter_en: '',
            start_date: '2026-01-01',
            end_date: '',
            summary_ar: `ملخص ${n}`,
            summary_en: `summary ${n}`,
            goals_ar: '',
            goals_en: '',
            ...(spec.isPublic ? { is_public: 'on' } : {}),
            members: spec.members.map((o) => String(orgId(o))),
            towns: TOWN,
          }),
        state: rowState(db, 'programme_projects', ['summary_ar', 'is_public', 'coordinator_org_id'], projectId),
      },
    };
    probes.push(projectPage);
    probes.push({
      name: `programmes: ${spec.key} internal page and indicators`,
      marker: name,
      readers: internal,
      pages: [`/projects/${projectId}/internal`, internalIndicators],
      lists: [...exports, '/programmes/indicators'],
    });
    probes.push({
      name: `programmes: ${spec.key} edit form`,
      marker: name,
      readers: managers,
      pages: [`/projects/${projectId}/edit`],
    });

    const targetLabel = `${tag}TARGET`;
    const targetId = await addTarget(
      db,
      projectId,
      { metric: 'activities', label_ar: targetLabel, label_en: targetLabel, target: 5, manual_value: null },
      now,
    );
    projects.push({ key: spec.key, id: projectId, targetId });
    probes.push({
      name: `programmes: ${spec.key} targets`,
      marker: targetLabel,
      readers: viewers,
      pages: [`/projects/${projectId}`],
      lists: ['/indicators', csv('/indicators/export', projectId)],
      write: {
        writers: managers,
        send: (c, n) =>
          c.post(`/projects/${projectId}/targets`, {
            metric: 'visits',
            label_ar: `هدف ${n}`,
            label_en: `target ${n}`,
            target: String(n),
            manual_value: '',
          }),
        state: () => count.targets(projectId),
      },
    });

    // ——— a course ———
    const courseTitle = `${tag}COURSE`;
    const courseInput = (topic: string) => ({
      title_ar: courseTitle,
      title_en: courseTitle,
      topic_ar: topic,
      topic_en: topic,
      objectives_ar: '',
      objectives_en: '',
      hours: 10,
      min_attendance_pct: 50,
      min_post_score: null,
    });
    const courseId = await saveCourse(db, null, projectId, courseInput('موضوع'), now);
    probes.push({
      name: `programmes: ${spec.key} course`,
      marker: courseTitle,
      readers: viewers,
      pages: [`/trainings/${courseId}`],
      lists: ['/trainings', '/indicators'],
      write: {
        writers: managers,
        send: (c, n) =>
          c.post(`/trainings/${courseId}/edit`, {
            ...asForm(courseInput(`موضوع ${n}`)),
          }),
        state: async () =>
          (await db.selectFrom('programme_courses').select('topic_ar').where('id', '=', courseId).executeTakeFirst()) ??
          null,
      },
    });
    probes.push({
      name: `programmes: ${spec.key} course edit form`,
      marker: courseTitle,
      readers: managers,
      pages: [`/trainings/${courseId}/edit`],
    });

    // ——— activities, visits, recommendations: one member's records in the project ———
    const owner = spec.key === 'P1' ? 'A' : 'C';
    const ownerStaff = staff(owner);
    const act = {
      title: `${tag}ACTIVITY${owner}`,
      notes: `${tag}ACTNOTES${owner}`,
    };
    const activityFields = (summary: string) => ({
      organization_id: orgId(owner),
      kind: 'workshop' as const,
      title: act.title,
      held_on: DAY,
      town_pcode: TOWN,
      summary,
      notes: act.notes,
    });
    const activityId = await saveActivity(
      db,
      null,
      projectId,
      { ...activityFields('ملخص'), counts: [{ gender: 'f', age_band: 'a18_24', count: 3 }] },
      w.users[owner === 'A' ? 'staffA' : 'adminC'],
      now,
    );
    // The organizing member turns it into an activity report (submitted to the editors).
    const published = await w.c[owner === 'A' ? 'staffA' : 'adminC'].post(
      `/programmes/activities/${activityId}/publish`,
      {},
    );
    const reportId = (
      await db
        .selectFrom('programme_activities')
        .select('published_item_id')
        .where('id', '=', activityId)
        .executeTakeFirst()
    )?.published_item_id;
    if (published.statusCode !== 303 || !reportId)
      throw new Error(`isolation: ${spec.key} activity not published (${published.statusCode})`);
    const report = [`/publishing/items/${reportId}`, `/activities/${reportId}`];
    // A report names the project: not to anyone who may not see the project.
    projectPage.lists!.push(...report);
    probes.push(
      ...ownRecordProbes({
        name: `programmes: ${spec.key} ${owner}'s activity`,
        marker: act.title,
        notesName: `programmes: ${spec.key} ${owner}'s activity notes`,
        notes: act.notes,
        page: `/programmes/activities/${activityId}`,
        projectId,
        internal,
        ownerStaff,
        edit: (n) => ({ ...asForm(activityFields(`ملخص ${n}`)), n_f_a18_24: '3' }),
        state: rowState(db, 'programme_activities', ['summary', 'notes', 'organization_id'], activityId),
        notesLists: [...report, exports[0]!],
      }),
    );
    if (spec.key === 'P1') {
      // A private photo: only the organizing member's staff fetch it (WebP bytes carry "WEBPVP8").
      const png = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#0b5d4b' } })
        .png()
        .toBuffer();
      const saved = await w.t.app.wasl.media.save(
        db,
        { filename: 'p.png', mimetype: 'image/png', data: png },
        { userId: w.users.staffA, organizationId: orgId(owner), isPublic: false, imagesOnly: true },
        now,
      );
      if (!saved.ok) throw new Error(`isolation: photo not stored (${saved.error})`);
      await addActivityPhoto(db, activityId, saved.media.id, now);
      const file = Object.values(saved.media.variants)[0]!;
      probes.push({
        name: `programmes: ${spec.key} ${owner}'s activity photo`,
        marker: 'WEBPVP8',
        readers: ownerStaff,
        pages: [`/programmes/activities/${activityId}/photos/${saved.media.id}/${file}`],
        // The core media route serves public files only.
        lists: [`/media/${saved.media.id}/${file}`],
      });
    }

    const visitOwner: Org = 'B';
    const visitStaff = staff(visitOwner);
    const visit = {
      name: `${tag}VISIT${visitOwner}`,
      notes: `${tag}VISITNOTES${visitOwner}`,
      rec: `${tag}RECOMMENDATION${visitOwner}`,
      followup: `${tag}FOLLOWUP${visitOwner}`,
    };
    const visitFields = (whoWent: string) => ({
      organization_id: orgId(visitOwner),
      institution_type: 'local_council' as const,
      institution_name: visit.name,
      town_pcode: TOWN,
      visited_on: DAY,
      who_went: whoWent,
      notes: visit.notes,
    });
    const visitId = await saveVisit(db, null, projectId, visitFields('فريق'), w.users.staffB, now);
    const recId = await addRecommendation(db, visitId, { text: visit.rec, addressed_to: 'المجلس' }, now);
    await followUpRecommendation(
      db,
      recId,
      { status: 'acknowledged', response: '', note: visit.followup, followed_on: DAY },
      w.users.staffB,
      now,
    );
    probes.push(
      ...ownRecordProbes({
        name: `programmes: ${spec.key} ${visitOwner}'s advocacy visit`,
        marker: visit.name,
        notesName: `programmes: ${spec.key} ${visitOwner}'s visit notes`,
        notes: visit.notes,
        page: `/programmes/visits/${visitId}`,
        projectId,
        internal,
        ownerStaff: visitStaff,
        edit: (n) => asForm(visitFields(`فريق ${n}`)),
        state: rowState(db, 'programme_visits', ['who_went', 'notes', 'organization_id'], visitId),
        notesLists: [],
      }),
    );
    probes.push({
      name: `programmes: ${spec.key} ${visitOwner}'s recommendation and its follow-ups`,
      marker: visit.rec,
      readers: internal,
      pages: [`/programmes/visits/${visitId}`],
      lists: [`/projects/${projectId}`, internalIndicators],
      write: {
        writers: visitStaff,
        send: (c, n) =>
          c.post(`/programmes/recommendations/${recId}/follow-up`, {
            status: n % 2 ? 'adopted' : 'acknowledged',
            response: `رد ${n}`,
            note: '',
            followed_on: DAY,
          }),
        state: rowState(db, 'programme_recommendations', ['status', 'response'], recId),
      },
    });
    probes.push({
      name: `programmes: ${spec.key} ${visitOwner}'s follow-up note`,
      marker: visit.followup,
      readers: internal,
      pages: [`/programmes/visits/${visitId}`],
      lists: [`/projects/${projectId}`],
    });

    // ——— training: a cohort of one member, its sessions, trainees, scores, certificates ———
    await trainingProbes({
      db,
      now,
      orgId,
      staff,
      TOWN,
      DAY,
      count,
      probes,
      spec,
      tag,
      projectId,
      courseId,
      exports,
      internalIndicators,
    });
  }
  // A project's target deleted through another project's URL (whose managers pass its check).
  for (const [i, p] of projects.entries()) {
    const via = projects[(i + 1) % projects.length]!;
    probes.push({
      name: `programmes: ${p.key}'s target deleted through ${via.key}'s URL`,
      marker: `ISOPRG${p.key}TARGET`,
      readers: who.nobody,
      // Targets have no page of their own: what is asked is the change.
      pages: [`/projects/${via.id}/targets/delete`],
      write: {
        writers: who.nobody,
        send: (c) => c.post(`/projects/${via.id}/targets/delete`, { target_id: String(p.targetId) }),
        state: async () =>
          (await db.selectFrom('programme_targets').select(['id', 'project_id']).where('id', '=', p.targetId).execute())
            .length,
      },
    });
  }
  return probes;
}
