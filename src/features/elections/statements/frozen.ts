// A statement's figures are frozen when it is drafted and never change afterwards (a correction
// is a new statement). A national election's are megabytes of JSON: they are parsed once per
// process together with what every page of the results needs (the stations of each centre, the
// towns of the centres) and kept, keyed by the statement and its version, instead of being parsed
// and walked on every request.
import type { Db } from '../../../core/db/index.js';
import { fromJson } from '../../../core/db/helpers.js';
import { statementFiguresJson } from './queries.js';
import type { StatementFigures } from './results.js';

export type FiguresIndex = {
  /** the stations of each centre, in the order of the table by station */
  stationsOf: Map<number, StatementFigures['stations']>;
  /** the towns of the observed centres, with how many each has (empty when the statement does not say) */
  towns: { pcode: string; name_ar: string; name_en: string; centres: number }[];
};

export type Frozen = {
  figures: StatementFigures;
  index: FiguresIndex;
  /** files made from these figures (the results as CSV or JSON), kept with them */
  files: Map<string, string>;
};

/** The index of one statement's figures (also used for the coordinators' live figures). */
export function indexFigures(f: StatementFigures): FiguresIndex {
  const stationsOf = new Map<number, StatementFigures['stations']>();
  if (f.format !== 2) return { stationsOf, towns: [] };
  const centreOf = new Map(f.basis.counts.map((c) => [c.stationId, c.centreId]));
  for (const s of f.stations) {
    const centre = centreOf.get(s.id);
    if (centre === undefined) continue;
    const list = stationsOf.get(centre) ?? [];
    list.push(s);
    stationsOf.set(centre, list);
  }
  // A filter only when every centre is in a named town (statements frozen before centres carried
  // their town have none): no centre is left out of every choice.
  const perTown = new Map<string, number>();
  for (const c of f.centres) if (c.town) perTown.set(c.town, (perTown.get(c.town) ?? 0) + 1);
  const named = f.towns.filter((t) => perTown.has(t.pcode));
  const towns =
    f.centres.every((c) => c.town) && named.length === perTown.size
      ? named.map((t) => ({ ...t, centres: perTown.get(t.pcode)! }))
      : [];
  return { stationsOf, towns };
}

/** Statements kept per database (the latest versions of the elections being read). */
const KEEP = 8;
const kept = new WeakMap<Db, Map<string, Promise<Frozen | null>>>();

/** A statement's frozen figures and their index, parsed on first use and kept. */
export function frozenFigures(db: Db, s: { id: number; version: number }): Promise<Frozen | null> {
  let byDb = kept.get(db);
  if (!byDb) {
    byDb = new Map();
    kept.set(db, byDb);
  }
  // The version is part of the key: a draft (version 0) becomes version n when approved.
  const key = `${s.id}:${s.version}`;
  const hit = byDb.get(key);
  if (hit) {
    byDb.delete(key);
    byDb.set(key, hit); // the most recently read is kept longest
    return hit;
  }
  const cache = byDb;
  // One parse even when many readers arrive together: they share the promise.
  const loading = statementFiguresJson(db, s.id).then((json) => {
    const figures = json ? fromJson<StatementFigures | null>(json, null) : null;
    if (!figures) {
      cache.delete(key);
      return null;
    }
    return { figures, index: indexFigures(figures), files: new Map<string, string>() };
  });
  loading.catch(() => cache.delete(key));
  cache.set(key, loading);
  while (cache.size > KEEP) cache.delete(cache.keys().next().value!);
  return loading;
}
