// The coordinator's dashboard: for each station and form, expected / received / missing /
// flagged / verified, with stations whose observer reported "no network" counted apart from the
// missing ones. What still needs someone is in attention.ts.
import type { Db } from '../../../core/db/index.js';
import { fromJson } from '../../../core/db/helpers.js';
import type { Flag } from './actions.js';
import { listSubmissions } from './queries.js';
import { listStations } from '../stations/queries.js';
import { publishedForms } from '../forms/queries.js';

export type CellState = 'missing' | 'unreachable' | 'received' | 'flagged' | 'verified';
export type Counts = {
  expected: number;
  received: number;
  missing: number;
  unreachable: number;
  flagged: number;
  verified: number;
};

const empty = (): Counts => ({ expected: 0, received: 0, missing: 0, unreachable: 0, flagged: 0, verified: 0 });

export async function dashboard(db: Db, electionId: number) {
  const [stations, forms, submissions, sheets, unreachableRows] = await Promise.all([
    listStations(db, electionId),
    publishedForms(db, electionId),
    listSubmissions(db, electionId),
    db
      .selectFrom('count_sheets')
      .select(['id', 'station_id', 'form_slug', 'status', 'flags'])
      .where('election_id', '=', electionId)
      .execute(),
    db
      .selectFrom('observer_assignments')
      .innerJoin('observers', 'observers.id', 'observer_assignments.observer_id')
      .select(['observer_assignments.station_id'])
      .where('observers.election_id', '=', electionId)
      .where('observers.status', '=', 'active')
      .where('observers.no_network_at', 'is not', null)
      .execute(),
  ]);
  const unreachable = new Set(unreachableRows.map((r) => r.station_id));
  // Incident forms are sent when something happens: they are not "expected" of every station.
  const expectedForms = forms.filter((f) => f.kind !== 'incident');
  const sheetBy = new Map(sheets.map((s) => [`${s.station_id}|${s.form_slug}`, s]));
  const totals = new Map<string, Counts>(expectedForms.map((f) => [f.slug, empty()]));
  const all = empty();
  const subsBy = new Map<string, typeof submissions>();
  for (const s of submissions) {
    if (s.status === 'rejected') continue;
    const k = `${s.station_id}|${s.slug}`;
    if (!subsBy.has(k)) subsBy.set(k, []);
    subsBy.get(k)!.push(s);
  }
  const rows = stations.map((st) => {
    const cells = expectedForms.map((f) => {
      const subs = subsBy.get(`${st.id}|${f.slug}`) ?? [];
      const sheet = sheetBy.get(`${st.id}|${f.slug}`);
      let state: CellState;
      if (subs.length === 0) state = unreachable.has(st.id) ? 'unreachable' : 'missing';
      else {
        const flagged =
          subs.some(
            (s) =>
              s.critical === 1 ||
              fromJson<Flag[]>(s.flags, []).some((fl) => fl.kind === 'rule' || fl.kind === 'critical'),
          ) ||
          (sheet && (sheet.status === 'conflict' || fromJson<unknown[]>(sheet.flags, []).length > 0));
        const verified = subs.every((s) => s.status === 'verified');
        state = verified ? 'verified' : flagged ? 'flagged' : 'received';
      }
      for (const c of [totals.get(f.slug)!, all]) {
        c.expected++;
        if (state === 'missing') c.missing++;
        else if (state === 'unreachable') c.unreachable++;
        else {
          c.received++;
          if (state === 'flagged') c.flagged++;
          if (state === 'verified') c.verified++;
        }
      }
      return {
        slug: f.slug,
        state,
        count: subs.length,
        latestId: subs.at(-1)?.id ?? null,
        sheetId: sheet?.id ?? null,
        sheetStatus: sheet?.status ?? null,
      };
    });
    return { station: st, unreachable: unreachable.has(st.id), cells };
  });
  return {
    forms: expectedForms.map((f) => ({ slug: f.slug, title_ar: f.title_ar, title_en: f.title_en, kind: f.kind })),
    rows,
    totals: Object.fromEntries(totals),
    all,
    submissionCount: submissions.length,
  };
}
export type Dashboard = Awaited<ReturnType<typeof dashboard>>;
