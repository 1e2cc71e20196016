// Results from count sheets, and the public, protected copy a statement freezes.
//
// `computeResults` reads every station and every accepted count sheet in two queries and adds
// them up in one pass (no scan per centre). `freezeFigures` turns them into one *release* of
// core/stats/release.ts (decision 0004): every public number of the statement — stations, centres,
// totals, votes per list, invalid and blank ballots — is a sum of atoms and is protected together
// with every earlier version's figures, so no subtraction between tables, pages or versions
// recovers a hidden count. Published figures never name observers or devices, and carry no time
// finer than the day except the statement's own cut-off.
//
// The atoms of a station are the cells of a table voters × ballots: rows women, men (and, on a
// sheet whose ballots exceed its voters, the excess), columns the lists, invalid-not-blank, blank
// (and, when fewer ballots than voters were counted, the shortfall). The split inside the table is
// not known (the ballot is secret); any split that keeps the row and column sums is as good as
// the true one for the attacker's equations, so the north-west-corner split is used. Excess and
// shortfall atoms exist only where they are not zero: on a sheet that adds up, the attacker may
// assume it does.
import type { Db } from '../../../core/db/index.js';
import { fromJson } from '../../../core/db/helpers.js';
import { PUBLIC_THRESHOLD } from '../../../core/stats/suppression.js';
import {
  protectReleaseOffThread,
  type EarlierFigure,
  type FigureInput,
  type ProtectedFigure,
} from '../../../core/stats/release.js';
import type { Translator } from '../../../core/i18n/index.js';
import { localized } from '../../../core/i18n/localized.js';
import { dayAsDate } from '../../../core/time.js';
import { voteField } from '../forms/formdef.js';
import { electionCandidates, electionTowns, type Election } from '../queries.js';
import { listStations } from '../stations/queries.js';

/** One observed station's accepted count. */
export type StationCount = {
  stationId: number;
  centreId: number;
  women: number;
  men: number;
  /** votes per list, in the order of `Results.candidates` */
  votes: number[];
  invalid: number;
  /** blank ballots (counted among the invalid ones) */
  blank: number;
  /** the sheet broke a reconciliation rule (it is counted as entered) */
  unreconciled: boolean;
  /** the register as the sheet gives it, when it does */
  registeredWomen?: number | null;
  registeredMen?: number | null;
};

export type Results = {
  stations: {
    id: number;
    centreId: number;
    label: string;
    womenOnly: boolean;
    registeredWomen: number | null;
    registeredMen: number | null;
  }[];
  centres: { id: number; code: string; name_ar: string; name_en: string; town: string }[];
  candidates: { code: string; kind: string; name_ar: string; name_en: string }[];
  counts: StationCount[];
  /** sheets in conflict: counted nowhere until a coordinator decides */
  conflicts: number;
};

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.floor(v) : 0);

/**
 * Accepted count sheets (single, agreed or resolved; a sheet in conflict counts nowhere until a
 * coordinator decides it). With a cut-off, only sheets whose first entry arrived by then.
 */
export async function computeResults(db: Db, election: Election, opts: { cutoff?: string } = {}): Promise<Results> {
  // SQLite answers synchronously: a pause between the two large reads and every thousand sheets
  // lets other requests in, instead of holding the event loop for the whole election.
  const stations = await listStations(db, election.id);
  await pause();
  const [candidates, sheets] = await Promise.all([
    electionCandidates(db, election.id),
    db
      .selectFrom('count_sheets')
      .leftJoin(
        (eb) =>
          eb
            .selectFrom('observation_submissions')
            .select(['sheet_id', (e2) => e2.fn.min('received_at').as('first')])
            .where('election_id', '=', election.id)
            .where('sheet_id', 'is not', null)
            .groupBy('sheet_id')
            .as('firsts'),
        (join) => join.onRef('firsts.sheet_id', '=', 'count_sheets.id'),
      )
      .select([
        'count_sheets.id',
        'count_sheets.station_id',
        'count_sheets.status',
        'count_sheets.values_json',
        'count_sheets.flags',
        'firsts.first',
      ])
      .where('count_sheets.election_id', '=', election.id)
      .orderBy('count_sheets.id')
      .execute(),
  ]);
  await pause();
  const stationById = new Map(stations.map((s) => [s.id, s]));
  const counted = new Map<number, StationCount>();
  let conflicts = 0;
  let n = 0;
  for (const s of sheets) {
    if (++n % 1000 === 0) await pause();
    if (opts.cutoff && String(s.first ?? '') > opts.cutoff) continue;
    if (s.status === 'conflict') {
      conflicts++;
      continue;
    }
    const st = stationById.get(s.station_id);
    const v = fromJson<Record<string, unknown> | null>(s.values_json, null);
    if (!st || !v || counted.has(st.id)) continue;
    if (typeof v.voters_women !== 'number' || typeof v.voters_men !== 'number') continue;
    const invalid = num(v.invalid);
    counted.set(st.id, {
      stationId: st.id,
      centreId: st.centre_id,
      women: num(v.voters_women),
      men: num(v.voters_men),
      votes: candidates.map((c) => num(v[voteField(c.code)])),
      invalid,
      blank: Math.min(num(v.blank), invalid),
      unreconciled: fromJson<unknown[]>(s.flags, []).length > 0,
      registeredWomen: typeof v.registered_women === 'number' ? v.registered_women : null,
      registeredMen: typeof v.registered_men === 'number' ? v.registered_men : null,
    });
  }
  const centres = new Map<number, Results['centres'][number]>();
  for (const s of stations)
    if (!centres.has(s.centre_id))
      centres.set(s.centre_id, {
        id: s.centre_id,
        code: s.centre_code,
        name_ar: s.centre_name_ar,
        name_en: s.centre_name_en,
        town: s.town_pcode,
      });
  return {
    stations: stations.map((s) => ({
      id: s.id,
      centreId: s.centre_id,
      label: `${s.centre_code} ${s.code}`,
      womenOnly: !!s.women_only,
      registeredWomen: s.registered_women,
      registeredMen: s.registered_men,
    })),
    centres: [...centres.values()],
    candidates: candidates.map((c) => ({ code: c.code, kind: c.kind, name_ar: c.name_ar, name_en: c.name_en })),
    counts: stations.flatMap((s) => counted.get(s.id) ?? []),
    conflicts,
  };
}

/**
 * The registered voters a station's turnout is measured against (the sheet's register, else the
 * station's): its women and men, where a part nobody voted in may be unknown — a women-only
 * station has no men on its register, a men-only one no women.
 */
export function registeredFor(
  s: { womenOnly: boolean; registeredWomen: number | null; registeredMen: number | null },
  c: Pick<StationCount, 'women' | 'men' | 'registeredWomen' | 'registeredMen'>,
): number | null {
  const women = c.registeredWomen ?? s.registeredWomen ?? (c.women === 0 ? 0 : null);
  const men = s.womenOnly ? 0 : (c.registeredMen ?? s.registeredMen ?? (c.men === 0 ? 0 : null));
  if (women === null || men === null || women + men === 0) return null;
  return women + men;
}

// ——— the release: atoms and figures ———

/** What a statement keeps to protect later versions with (never shown). */
export type Basis = { candidates: string[]; counts: StationCount[] };

const ROWS = ['w', 'm', 'x'] as const;

/** A station's table voters × ballots, split north-west corner; cells keyed `row:col`. */
function stationCells(codes: string[], c: StationCount): Map<string, number> {
  const ballots = [...c.votes, c.invalid - c.blank, c.blank];
  const cols = [...codes.map((k) => `v.${k}`), 'inv', 'blank'];
  const totalBallots = ballots.reduce((s, x) => s + x, 0);
  const voters = c.women + c.men;
  const rowSums = [c.women, c.men, Math.max(0, totalBallots - voters)];
  const colSums = [...ballots, Math.max(0, voters - totalBallots)];
  const colNames = [...cols, 'short'];
  const cells = new Map<string, number>();
  let i = 0;
  let j = 0;
  const left = [...rowSums];
  const need = [...colSums];
  // every cell of the women and men rows exists (zeros too); the excess row and the shortfall
  // column only where they are not zero
  for (let r = 0; r < 2; r++) for (let k = 0; k < cols.length; k++) cells.set(`${ROWS[r]}:${cols[k]}`, 0);
  while (i < 3 && j < colNames.length) {
    const take = Math.min(left[i]!, need[j]!);
    if (take > 0) {
      const key = `${ROWS[i]}:${colNames[j]}`;
      cells.set(key, (cells.get(key) ?? 0) + take);
    }
    left[i]! -= take;
    need[j]! -= take;
    if (left[i] === 0) i++;
    else j++;
  }
  return cells;
}

export type ReleaseShape = { atoms: Map<string, number>; figures: FigureInput[] };

/** Every figure a statement publishes, as sums of its stations' atoms; keys prefixed. */
export function releaseOf(basis: Basis, prefix: string): ReleaseShape {
  const atoms = new Map<string, number>();
  const rows = { w: [] as string[], m: [] as string[] };
  const byCol = new Map<string, string[]>();
  const centreRows = new Map<number, { w: string[]; m: string[] }>();
  const figures: FigureInput[] = [];
  for (const c of basis.counts) {
    const cells = stationCells(basis.candidates, c);
    const st = { w: [] as string[], m: [] as string[] };
    for (const [cell, value] of cells) {
      const [row, col] = cell.split(':') as [string, string];
      // the same count in two versions is one atom (an unchanged station is not new information)
      const atom = `s${c.stationId}:${cell}=${value}`;
      atoms.set(atom, value);
      if (row === 'w' || row === 'm') st[row].push(atom);
      const list = byCol.get(col) ?? [];
      list.push(atom);
      byCol.set(col, list);
    }
    const centre = centreRows.get(c.centreId) ?? { w: [], m: [] };
    centre.w.push(...st.w);
    centre.m.push(...st.m);
    centreRows.set(c.centreId, centre);
    rows.w.push(...st.w);
    rows.m.push(...st.m);
    figures.push(
      { key: `${prefix}st:${c.stationId}:w`, atoms: st.w },
      { key: `${prefix}st:${c.stationId}:m`, atoms: st.m },
      { key: `${prefix}st:${c.stationId}:v`, atoms: [...st.w, ...st.m] },
    );
  }
  for (const [id, r] of centreRows)
    figures.push(
      { key: `${prefix}ce:${id}:w`, atoms: r.w },
      { key: `${prefix}ce:${id}:m`, atoms: r.m },
      { key: `${prefix}ce:${id}:v`, atoms: [...r.w, ...r.m] },
    );
  figures.push(
    { key: `${prefix}tot:w`, atoms: rows.w },
    { key: `${prefix}tot:m`, atoms: rows.m },
    { key: `${prefix}tot:v`, atoms: [...rows.w, ...rows.m] },
  );
  const col = (k: string) => byCol.get(k) ?? [];
  for (const code of basis.candidates) figures.push({ key: `${prefix}cand:${code}`, atoms: col(`v.${code}`) });
  figures.push(
    { key: `${prefix}valid`, atoms: basis.candidates.flatMap((k) => col(`v.${k}`)) },
    { key: `${prefix}invalid`, atoms: [...col('inv'), ...col('blank')] },
    { key: `${prefix}blank`, atoms: col('blank') },
  );
  return { atoms, figures };
}

/**
 * The same figures as `releaseOf`, as counted (every one shown), added up directly: the
 * coordinators' live view needs no atoms, and building them for thousands of stations on every
 * request held the event loop. A row of a station's table sums to its women (or men), a column to
 * its ballots, so the sums are the sheet's own numbers.
 */
export function countedFigures(basis: Basis): Map<string, ProtectedFigure> {
  const out = new Map<string, ProtectedFigure>();
  const put = (key: string, value: number) => out.set(key, { value, disclosure: 'shown' });
  const centres = new Map<number, { w: number; m: number }>();
  const votes = basis.candidates.map(() => 0);
  let [w, m, invalid, blank] = [0, 0, 0, 0];
  for (const c of basis.counts) {
    put(`st:${c.stationId}:w`, c.women);
    put(`st:${c.stationId}:m`, c.men);
    put(`st:${c.stationId}:v`, c.women + c.men);
    const ce = centres.get(c.centreId) ?? { w: 0, m: 0 };
    ce.w += c.women;
    ce.m += c.men;
    centres.set(c.centreId, ce);
    w += c.women;
    m += c.men;
    c.votes.forEach((n, i) => (votes[i]! += n));
    invalid += c.invalid;
    blank += c.blank;
  }
  for (const [id, ce] of centres) {
    put(`ce:${id}:w`, ce.w);
    put(`ce:${id}:m`, ce.m);
    put(`ce:${id}:v`, ce.w + ce.m);
  }
  put('tot:w', w);
  put('tot:m', m);
  put('tot:v', w + m);
  basis.candidates.forEach((code, i) => put(`cand:${code}`, votes[i]!));
  put(
    'valid',
    votes.reduce((a, b) => a + b, 0),
  );
  put('invalid', invalid);
  put('blank', blank);
  return out;
}

// ——— the frozen public figures of a statement ———

export type StatementFigures = {
  /** 2: figures protected as one release with every earlier version */
  format: 2;
  title_ar: string;
  title_en: string;
  pollDate: string;
  seats: number;
  towns: { pcode: string; name_ar: string; name_en: string }[];
  centresObserved: number;
  centresTotal: number;
  stationsObserved: number;
  stationsTotal: number;
  /** registered voters (a public register) of the observed stations, when all are known */
  registered: number | null;
  /** sheets that broke a reconciliation rule: counted as entered */
  unreconciled: number;
  /** sheets in conflict at the cut-off: not counted */
  conflicts: number;
  candidates: { code: string; kind: string; name_ar: string; name_en: string }[];
  /** `town` (pcode) in statements frozen since the results page filters centres by town */
  centres: { id: number; code: string; name_ar: string; name_en: string; town?: string; registered: number | null }[];
  stations: { id: number; label: string; registered: number | null; womenOnly: boolean }[];
  /** every published number, by key (st:<id>:w|m|v, ce:<id>:…, tot:…, cand:<code>, valid, invalid, blank) */
  figures: Record<string, ProtectedFigure>;
  /** what later versions are protected with; never shown */
  basis: Basis;
  cutoffAt: string;
};

/** The figures of an earlier published version, fixed as they were published. */
export function earlierFigures(version: number, f: StatementFigures): EarlierFigure[] {
  if (f.format !== 2) return [];
  return releaseOf(f.basis, `v${version}:`).figures.map((x) => ({
    ...x,
    shown: f.figures[x.key.slice(`v${version}:`.length)]?.disclosure === 'shown',
  }));
}

/** A figure's value when it is shown, otherwise null. */
export function shownValue(f: StatementFigures, key: string): number | null {
  const x = f.figures[key];
  return x && x.disclosure === 'shown' ? x.value : null;
}

/** The release protected together with the earlier versions' (off the event loop). */
async function protectedRelease(basis: Basis, earlier: { version: number; figures: StatementFigures }[] = []) {
  const release = releaseOf(basis, '');
  const atoms = new Map(release.atoms);
  const previous = earlier.flatMap((v) => {
    if (v.figures.format !== 2) return [];
    for (const [k, n] of releaseOf(v.figures.basis, '').atoms) atoms.set(k, n);
    return earlierFigures(v.version, v.figures);
  });
  return protectReleaseOffThread({ threshold: PUBLIC_THRESHOLD, atoms, figures: release.figures, earlier: previous });
}

export async function freezeFigures(
  db: Db,
  election: Election,
  cutoff: Date,
  opts: {
    /** published versions: the new one is protected together with them */
    earlier?: { version: number; figures: StatementFigures }[];
    /** false: every figure as counted, for the coordinators' live view (never published) */
    protect?: boolean;
  } = {},
): Promise<StatementFigures> {
  const [results, towns] = await Promise.all([
    computeResults(db, election, { cutoff: cutoff.toISOString() }),
    electionTowns(db, election.id),
  ]);
  const basis: Basis = { candidates: results.candidates.map((c) => c.code), counts: results.counts };
  const protectedFigures = opts.protect === false ? countedFigures(basis) : await protectedRelease(basis, opts.earlier);
  const countOf = new Map(results.counts.map((c) => [c.stationId, c]));
  const stations = results.stations.flatMap((s) => {
    const c = countOf.get(s.id);
    return c ? [{ id: s.id, label: s.label, registered: registeredFor(s, c), womenOnly: s.womenOnly }] : [];
  });
  const registeredByCentre = new Map<number, number | null>();
  const observedCentres = new Set<number>();
  for (const s of results.stations) {
    const c = countOf.get(s.id);
    if (!c) continue;
    observedCentres.add(s.centreId);
    const r = registeredFor(s, c);
    const before = registeredByCentre.has(s.centreId) ? registeredByCentre.get(s.centreId)! : 0;
    registeredByCentre.set(s.centreId, before === null || r === null ? null : before + r);
  }
  const registeredAll = stations.length && stations.every((s) => s.registered !== null);
  return {
    format: 2,
    title_ar: election.title_ar,
    title_en: election.title_en,
    pollDate: election.poll_date,
    seats: election.seats,
    towns,
    centresObserved: observedCentres.size,
    centresTotal: results.centres.length,
    stationsObserved: results.counts.length,
    stationsTotal: results.stations.length,
    registered: registeredAll ? stations.reduce((s, x) => s + x.registered!, 0) : null,
    unreconciled: results.counts.filter((c) => c.unreconciled).length,
    conflicts: results.conflicts,
    candidates: results.candidates,
    centres: results.centres
      .filter((c) => observedCentres.has(c.id))
      .map((c) => ({ ...c, registered: registeredByCentre.get(c.id) ?? null })),
    stations,
    figures: Object.fromEntries(protectedFigures),
    basis,
    cutoffAt: cutoff.toISOString(),
  };
}

/** The statement's text, generated in one language from the frozen figures (shown ones only). */
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
  const voters = shownValue(f, 'tot:v');
  const women = shownValue(f, 'tot:w');
  if (voters !== null) parts.push(tr.t('elections.statement.gen.voters', { voters, seats: f.seats }));
  if (voters && women !== null)
    parts.push(tr.t('elections.statement.gen.women', { share: tr.percent(women / voters), women }));
  if (voters !== null && f.registered)
    parts.push(tr.t('elections.statement.gen.turnout', { turnout: tr.percent(voters / f.registered) }));
  parts.push(tr.t('elections.statement.gen.cutoff', { cutoff: tr.dateTime(f.cutoffAt) }));
  return parts.join(' ');
}
