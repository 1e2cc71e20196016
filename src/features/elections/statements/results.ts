// Results from count sheets: turnout and women's share per station, centre and election;
// coverage; votes per candidate or list. `freezeFigures` makes the public, suppressed copy that a
// statement carries: published figures never name observers or devices, and carry no time finer
// than the day except the statement's own cut-off.
import type { Db } from '../../../core/db/index.js';
import { fromJson } from '../../../core/db/helpers.js';
import { PUBLIC_THRESHOLD, suppressCount, suppressTable } from '../../../core/stats/suppression.js';
import type { Translator } from '../../../core/i18n/index.js';
import { localized } from '../../../core/i18n/localized.js';
import { dayAsDate } from '../../../core/time.js';
import { voteField } from '../forms/formdef.js';
import { electionCandidates, electionTowns, type Election } from '../queries.js';
import { listStations } from '../stations/queries.js';

export type StationResult = {
  stationId: number;
  centreId: number;
  centreCode: string;
  code: string;
  registeredWomen: number | null;
  registeredMen: number | null;
  votersWomen: number;
  votersMen: number;
  votes: Record<string, number>;
};

export type Aggregate = {
  women: number;
  men: number;
  voters: number;
  /** null when a station's register is not known */
  registered: number | null;
  turnout: number | null;
  womenShare: number | null;
};

export type Results = {
  stations: (StationResult & Aggregate)[];
  centres: ({
    centreId: number;
    code: string;
    name_ar: string;
    name_en: string;
    stationsObserved: number;
    stationsTotal: number;
  } & Aggregate)[];
  totals: Aggregate;
  coverage: { stationsObserved: number; stationsTotal: number; centresObserved: number; centresTotal: number };
  candidates: { code: string; kind: string; name_ar: string; name_en: string; votes: number }[];
  conflicts: number;
};

function aggregate(
  rows: { votersWomen: number; votersMen: number; registeredWomen: number | null; registeredMen: number | null }[],
): Aggregate {
  const women = rows.reduce((s, r) => s + r.votersWomen, 0);
  const men = rows.reduce((s, r) => s + r.votersMen, 0);
  const voters = women + men;
  const known = rows.length > 0 && rows.every((r) => r.registeredWomen !== null && r.registeredMen !== null);
  const registered = known ? rows.reduce((s, r) => s + r.registeredWomen! + r.registeredMen!, 0) : null;
  return {
    women,
    men,
    voters,
    registered,
    turnout: registered ? voters / registered : null,
    womenShare: voters > 0 ? women / voters : null,
  };
}

/**
 * Accepted count sheets (single, agreed or resolved; a sheet in conflict counts nowhere until a
 * coordinator decides it). With a cut-off, only sheets whose first entry arrived by then.
 */
export async function computeResults(db: Db, election: Election, opts: { cutoff?: string } = {}): Promise<Results> {
  const [stations, candidates, sheets, firstEntries] = await Promise.all([
    listStations(db, election.id),
    electionCandidates(db, election.id),
    db.selectFrom('count_sheets').selectAll().where('election_id', '=', election.id).execute(),
    db
      .selectFrom('observation_submissions')
      .select(['sheet_id', (eb) => eb.fn.min('received_at').as('first')])
      .where('election_id', '=', election.id)
      .where('sheet_id', 'is not', null)
      .groupBy('sheet_id')
      .execute(),
  ]);
  const firstAt = new Map(firstEntries.map((r) => [r.sheet_id!, String(r.first)]));
  const byStation = new Map<number, Record<string, number>>();
  let conflicts = 0;
  for (const s of sheets) {
    if (opts.cutoff && (firstAt.get(s.id) ?? '') > opts.cutoff) continue;
    if (s.status === 'conflict') {
      conflicts++;
      continue;
    }
    const v = fromJson<Record<string, number> | null>(s.values_json, null);
    if (v && !byStation.has(s.station_id)) byStation.set(s.station_id, v);
  }
  const observed: (StationResult & Aggregate)[] = [];
  for (const st of stations) {
    const v = byStation.get(st.id);
    if (!v || typeof v.voters_women !== 'number' || typeof v.voters_men !== 'number') continue;
    const r: StationResult = {
      stationId: st.id,
      centreId: st.centre_id,
      centreCode: st.centre_code,
      code: st.code,
      registeredWomen: v.registered_women ?? st.registered_women,
      registeredMen: v.registered_men ?? st.registered_men,
      votersWomen: v.voters_women,
      votersMen: v.voters_men,
      votes: Object.fromEntries(candidates.map((c) => [c.code, v[voteField(c.code)] ?? 0])),
    };
    observed.push({ ...r, ...aggregate([r]) });
  }
  const centreIds = [...new Set(stations.map((s) => s.centre_id))];
  const centres = centreIds.map((id) => {
    const all = stations.filter((s) => s.centre_id === id);
    const obs = observed.filter((o) => o.centreId === id);
    return {
      centreId: id,
      code: all[0]!.centre_code,
      name_ar: all[0]!.centre_name_ar,
      name_en: all[0]!.centre_name_en,
      stationsObserved: obs.length,
      stationsTotal: all.length,
      ...aggregate(obs),
    };
  });
  return {
    stations: observed,
    centres,
    totals: aggregate(observed),
    coverage: {
      stationsObserved: observed.length,
      stationsTotal: stations.length,
      centresObserved: centres.filter((c) => c.stationsObserved > 0).length,
      centresTotal: centres.length,
    },
    candidates: candidates.map((c) => ({
      code: c.code,
      kind: c.kind,
      name_ar: c.name_ar,
      name_en: c.name_en,
      votes: observed.reduce((s, o) => s + (o.votes[c.code] ?? 0), 0),
    })),
    conflicts,
  };
}

// ——— the frozen public figures of a statement ———

export type PublicRow = {
  code: string;
  name_ar?: string;
  name_en?: string;
  women: number | null;
  men: number | null;
  voters: number | null;
  registered: number | null;
  turnout: number | null;
  womenShare: number | null;
};

export type StatementFigures = {
  title_ar: string;
  title_en: string;
  pollDate: string;
  seats: number;
  towns: { pcode: string; name_ar: string; name_en: string }[];
  centresObserved: number;
  centresTotal: number;
  stationsObserved: number;
  stationsTotal: number;
  voters: number | null;
  votersWomen: number | null;
  votersMen: number | null;
  womenShare: number | null;
  registered: number | null;
  turnout: number | null;
  candidates: { code: string; kind: string; name_ar: string; name_en: string; votes: number | null }[];
  centres: PublicRow[];
  stations: PublicRow[];
  cutoffAt: string;
};

/** Women/men cells of each row, with small cells and their complements hidden. */
function publicRows<
  T extends { code: string; women: number; men: number; registered: number | null; name_ar?: string; name_en?: string },
>(rows: T[]): PublicRow[] {
  if (rows.length === 0) return [];
  const table = suppressTable(
    rows.map((r) => [r.women, r.men]),
    PUBLIC_THRESHOLD,
    { withTotals: true },
  );
  return rows.map((r, i) => {
    const [women, men] = table.cells[i]!;
    const voters = table.rowTotals[i] ?? null;
    return {
      code: r.code,
      ...(r.name_ar ? { name_ar: r.name_ar, name_en: r.name_en } : {}),
      women: women ?? null,
      men: men ?? null,
      voters,
      registered: r.registered,
      turnout: voters !== null && r.registered ? voters / r.registered : null,
      womenShare: women != null && voters ? women / voters : null,
    };
  });
}

export async function freezeFigures(db: Db, election: Election, cutoff: Date): Promise<StatementFigures> {
  const results = await computeResults(db, election, { cutoff: cutoff.toISOString() });
  const towns = await electionTowns(db, election.id);
  const t = results.totals;
  const women = suppressCount(t.women, PUBLIC_THRESHOLD);
  const men = suppressCount(t.men, PUBLIC_THRESHOLD);
  return {
    title_ar: election.title_ar,
    title_en: election.title_en,
    pollDate: election.poll_date,
    seats: election.seats,
    towns,
    centresObserved: results.coverage.centresObserved,
    centresTotal: results.coverage.centresTotal,
    stationsObserved: results.coverage.stationsObserved,
    stationsTotal: results.coverage.stationsTotal,
    voters: suppressCount(t.voters, PUBLIC_THRESHOLD),
    votersWomen: women !== null && men !== null ? women : null,
    votersMen: women !== null && men !== null ? men : null,
    womenShare: women !== null && men !== null ? t.womenShare : null,
    registered: t.registered,
    turnout: t.turnout,
    candidates: results.candidates.map((c) => ({ ...c, votes: suppressCount(c.votes, PUBLIC_THRESHOLD) })),
    centres: publicRows(
      results.centres
        .filter((c) => c.stationsObserved > 0)
        .map((c) => ({
          code: c.code,
          name_ar: c.name_ar,
          name_en: c.name_en,
          women: c.women,
          men: c.men,
          registered: c.registered,
        })),
    ),
    stations: publicRows(
      results.stations.map((s) => ({
        code: `${s.centreCode} ${s.code}`,
        women: s.votersWomen,
        men: s.votersMen,
        registered: s.registered,
      })),
    ),
    cutoffAt: cutoff.toISOString(),
  };
}

/** The statement's text, generated in one language from the frozen figures. */
export function statementText(tr: Translator, f: StatementFigures, networkName: string): string {
  const title = localized(f, 'title', tr.locale);
  const towns = f.towns.map((x) => localized(x, 'name', tr.locale)).join(tr.locale === 'ar' ? '، ' : ', ');
  const parts = [
    tr.t('elections.statement.gen.intro', {
      network: networkName,
      title,
      towns,
      date: tr.date(dayAsDate(f.pollDate)),
    }),
    tr.t('elections.statement.gen.coverage', {
      centres: f.centresObserved,
      centresTotal: f.centresTotal,
      stations: f.stationsObserved,
      stationsTotal: f.stationsTotal,
    }),
  ];
  if (f.voters !== null) parts.push(tr.t('elections.statement.gen.voters', { voters: f.voters, seats: f.seats }));
  if (f.womenShare !== null && f.votersWomen !== null)
    parts.push(tr.t('elections.statement.gen.women', { share: tr.percent(f.womenShare), women: f.votersWomen }));
  if (f.turnout !== null) parts.push(tr.t('elections.statement.gen.turnout', { turnout: tr.percent(f.turnout) }));
  parts.push(tr.t('elections.statement.gen.cutoff', { cutoff: tr.dateTime(f.cutoffAt) }));
  return parts.join(' ');
}
