// What still needs someone: reports that are critical, incidents or that break a rule, until a
// coordinator verifies or rejects them (or decides their count sheet), and count sheets whose
// entries disagree, until decided. Handled items stay listable apart. The election's coordinators
// are told when a new item arrives (core/notify), and see their open items on their start page.
import type { Db } from '../../../core/db/index.js';
import { fromJson } from '../../../core/db/helpers.js';
import type { AnyCtx } from '../../../core/http/route.js';
import { notify } from '../../../core/notify/index.js';
import { stationLabel } from '../codes.js';
import { getElection } from '../queries.js';
import { stationsById } from '../stations/queries.js';
import type { Flag } from './actions.js';

const flagged = (s: { critical: number; kind: string; flags: string }) =>
  s.critical === 1 || s.kind === 'incident' || fromJson<Flag[]>(s.flags, []).some((f) => f.kind === 'rule');

/** The attention list of an election: open items (or handled ones), critical first, newest first. */
export async function attentionItems(db: Db, electionId: number, show: 'open' | 'handled') {
  const rows = await db
    .selectFrom('observation_submissions as s')
    .innerJoin('observation_forms as f', 'f.id', 's.form_id')
    .innerJoin('polling_stations as st', 'st.id', 's.station_id')
    .innerJoin('polling_centres as c', 'c.id', 'st.centre_id')
    .leftJoin('count_sheets as sh', 'sh.id', 's.sheet_id')
    .select([
      's.id',
      's.critical',
      's.flags',
      's.status',
      's.received_at',
      'f.kind',
      'f.title_ar',
      'f.title_en',
      'st.code',
      'c.code as centre_code',
      'sh.status as sheet_status',
    ])
    .where('s.election_id', '=', electionId)
    .where((eb) => eb.or([eb('s.critical', '=', 1), eb('f.kind', '=', 'incident'), eb('s.flags', 'like', '%"rule"%')]))
    .orderBy('s.id', 'desc')
    .execute();
  const reports = rows
    .filter(flagged)
    .filter((s) => (s.status === 'received' && s.sheet_status !== 'resolved') === (show === 'open'))
    .map((s) => ({ ...s, station: stationLabel(s), flagList: fromJson<Flag[]>(s.flags, []) }))
    .sort((a, b) => b.critical - a.critical || b.id - a.id);
  const sheets = await db
    .selectFrom('count_sheets as sh')
    .innerJoin('polling_stations as st', 'st.id', 'sh.station_id')
    .innerJoin('polling_centres as c', 'c.id', 'st.centre_id')
    .select(['sh.id', 'sh.status', 'sh.decision_note', 'st.code', 'c.code as centre_code'])
    .where('sh.election_id', '=', electionId)
    .where('sh.status', '=', show === 'open' ? 'conflict' : 'resolved')
    .orderBy('sh.id', 'desc')
    .execute();
  return { reports, conflicts: sheets.map((s) => ({ ...s, station: stationLabel(s) })) };
}
export type Attention = Awaited<ReturnType<typeof attentionItems>>;

/** Open items per election, for the elections a person coordinates (their start page). */
export async function openAttentionCounts(db: Db, electionIds: number[]) {
  const counts = new Map<number, number>();
  for (const id of electionIds) {
    const a = await attentionItems(db, id, 'open');
    counts.set(id, a.reports.length + a.conflicts.length);
  }
  return counts;
}

/** The people who coordinate an election: staff of its organizing members, and its network's admins. */
export async function coordinatorIds(db: Db, e: { network_id: number; organizerOrgIds: number[] }) {
  const [staff, admins] = await Promise.all([
    e.organizerOrgIds.length
      ? db.selectFrom('memberships').select('user_id').where('organization_id', 'in', e.organizerOrgIds).execute()
      : [],
    db
      .selectFrom('network_roles')
      .select('user_id')
      .where('network_id', '=', e.network_id)
      .where('role', '=', 'networkAdmin')
      .execute(),
  ]);
  return [...new Set([...staff, ...admins].map((r) => r.user_id))];
}

/** Elections a person coordinates (not archived), newest first. */
export async function coordinatedElections(db: Db, user: { id: number }) {
  const orgs = db.selectFrom('memberships').select('organization_id').where('user_id', '=', user.id);
  const nets = db
    .selectFrom('network_roles')
    .select('network_id')
    .where('user_id', '=', user.id)
    .where('role', '=', 'networkAdmin');
  return db
    .selectFrom('elections')
    .select(['id', 'title_ar', 'title_en', 'status', 'poll_date'])
    .where('status', '!=', 'archived')
    .where((eb) =>
      eb.or([
        eb('network_id', 'in', nets),
        eb(
          'id',
          'in',
          eb
            .selectFrom('election_partners')
            .select('election_id')
            .where('role', '=', 'organizer')
            .where('organization_id', 'in', orgs),
        ),
      ]),
    )
    .orderBy('poll_date', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** A new report a coordinator must look at: critical, an incident, a broken rule, a disagreeing count. */
export function needsSomeone(kind: string, r: { flags: { kind: string }[]; sheetStatus: string | null }) {
  return (
    kind === 'incident' ||
    r.sheetStatus === 'conflict' ||
    r.flags.some((f) => f.kind === 'critical' || f.kind === 'rule')
  );
}

/**
 * Tells the election's coordinators (nobody else, never the person who entered it) that a new
 * report needs someone: the election's title, the form and the station — what their own pages
 * show — and a link to the report. The report is stored whatever happens here: a notice that
 * cannot be written is logged, never an error for the observer.
 */
export async function tellIfNeeded(
  c: AnyCtx,
  electionId: number,
  form: { kind: string; title_ar: string },
  stationId: number,
  result: { id: number; flags: { kind: string }[]; sheetStatus: string | null },
  actorId: number | null,
) {
  if (!needsSomeone(form.kind, result)) return;
  try {
    const e = (await getElection(c.db, electionId))!;
    const [station] = await stationsById(c.db, e.id, [stationId]);
    await notify(c.wasl, {
      users: await coordinatorIds(c.db, e),
      type: 'elections.attention',
      params: { election: e.title_ar, form: form.title_ar, station: station ? stationLabel(station) : '' },
      url: `/elections/${e.id}/submissions/${result.id}`,
      now: c.now,
      actorId,
    });
  } catch (err) {
    c.req.log.error({ err }, 'elections: attention notice not written');
  }
}
