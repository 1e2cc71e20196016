// A flat "who does what where" (3W) sheet tagged with HXL hashtags: one row per service and
// community (a place it is at, or a community its area covers). Text cells a spreadsheet could
// run as a formula are neutralized by core/text/csv.ts (a leading ').
import type { Db } from '../../../core/db/index.js';
import { toCsv, type CsvCell } from '../../../core/text/csv.js';
import { loadGraph, onlyPublicServices } from './export.js';
import { PUBLIC_STATUSES } from '../queries.js';
import { CATEGORIES, CLUSTERS, TAXONOMIES } from '../taxonomy.js';

const HEADERS: [string, string][] = [
  ['Organization', '#org +name +i_ar'],
  ['Organization (English)', '#org +name +i_en'],
  ['Sector (cluster)', '#sector +cluster +name +i_en'],
  ['Category', '#sector +category +name +i_en'],
  ['Service', '#activity +name +i_ar'],
  ['Service (English)', '#activity +name +i_en'],
  ['Governorate', '#adm1 +name'],
  ['Governorate P-code', '#adm1 +code'],
  ['District', '#adm2 +name'],
  ['District P-code', '#adm2 +code'],
  ['Sub-district', '#adm3 +name'],
  ['Sub-district P-code', '#adm3 +code'],
  ['Community', '#adm4 +name'],
  ['Community P-code', '#adm4 +code'],
  ['Place', '#loc +name'],
  ['Latitude', '#geo +lat'],
  ['Longitude', '#geo +lon'],
  ['Phone', '#contact +phone'],
  ['Status', '#status'],
  ['Last confirmed', '#date +confirmed'],
  ['Service id', '#activity +id'],
];

type TownRow = {
  pcode: string;
  name_ar: string;
  adm3_pcode: string;
  adm3_name_ar: string;
  adm2_pcode: string;
  adm2_name_ar: string;
  adm1_pcode: string;
  adm1_name_ar: string;
  lat: number | null;
  lon: number | null;
};

export async function hxlRows(db: Db): Promise<CsvCell[][]> {
  // The HXL file is public: only services the public site shows.
  const g = onlyPublicServices(await loadGraph(db, { all: true }), PUBLIC_STATUSES);
  const pcodes = [
    ...new Set(
      [...g.location.values(), ...g.service_area.values()]
        .map((r) => r.town_pcode as string | null)
        .filter((p): p is string => !!p),
    ),
  ];
  const towns = new Map<string, TownRow>();
  for (let i = 0; i < pcodes.length; i += 400) {
    const part = await db
      .selectFrom('towns')
      .select([
        'pcode',
        'name_ar',
        'adm3_pcode',
        'adm3_name_ar',
        'adm2_pcode',
        'adm2_name_ar',
        'adm1_pcode',
        'adm1_name_ar',
        'lat',
        'lon',
      ])
      .where('pcode', 'in', pcodes.slice(i, i + 400))
      .execute();
    for (const t of part) towns.set(t.pcode, t);
  }
  const terms = g.taxonomy_term;
  const rows: CsvCell[][] = [HEADERS.map((h) => h[0]), HEADERS.map((h) => h[1])];
  const services = [...g.service.values()].sort((a, b) =>
    String(a.name_ar ?? a.name_en).localeCompare(String(b.name_ar ?? b.name_en), 'ar'),
  );
  const allTerms = new Map<string, { code: string | null; taxonomy_id: string | null }>();
  for (const r of await db.selectFrom('svc_taxonomy_terms').select(['id', 'code', 'taxonomy_id']).execute())
    allTerms.set(r.id, r);
  for (const s of services) {
    const org = g.organization.get(s.organization_id as string);
    const attrs = [...g.attribute.values()].filter((a) => a.link_id === s.id);
    const codesIn = (taxonomy: string) =>
      attrs
        .map((a) => allTerms.get(a.taxonomy_term_id as string) ?? terms.get(a.taxonomy_term_id as string))
        .filter((t) => t && t.taxonomy_id === taxonomy)
        .map((t) => t!.code as string);
    const clusters = codesIn(TAXONOMIES.clusters.id).map((c) => CLUSTERS.find((x) => x.code === c)?.en ?? c);
    const categories = codesIn(TAXONOMIES.categories.id).map((c) => CATEGORIES.find((x) => x.code === c)?.en ?? c);
    const phone =
      [...g.phone.values()].find((p) => p.service_id === s.id)?.number ??
      [...g.phone.values()].find((p) => p.organization_id === s.organization_id)?.number ??
      null;
    const confirmed = (s.assured_date as string | null) ?? null;
    const base = (
      town: TownRow | undefined,
      place: string | null,
      lat: number | null,
      lon: number | null,
    ): CsvCell[] => [
      (org?.name_ar as string) ?? (org?.name_en as string) ?? null,
      (org?.name_en as string) ?? null,
      clusters.join('; ') || null,
      categories.join('; ') || null,
      (s.name_ar as string) ?? (s.name_en as string) ?? null,
      (s.name_en as string) ?? null,
      town?.adm1_name_ar ?? null,
      town?.adm1_pcode ?? null,
      town?.adm2_name_ar ?? null,
      town?.adm2_pcode ?? null,
      town?.adm3_name_ar ?? null,
      town?.adm3_pcode ?? null,
      town?.name_ar ?? null,
      town?.pcode ?? null,
      place,
      lat ?? town?.lat ?? null,
      lon ?? town?.lon ?? null,
      phone as string | null,
      s.status as string,
      confirmed,
      s.id as string,
    ];
    const sals = [...g.service_at_location.values()].filter((x) => x.service_id === s.id);
    const seen = new Set<string>();
    for (const sal of sals) {
      const loc = g.location.get(sal.location_id as string);
      if (!loc) continue;
      const town = loc.town_pcode ? towns.get(loc.town_pcode as string) : undefined;
      if (town) seen.add(town.pcode);
      rows.push(
        base(
          town,
          ((loc.name_ar ?? loc.name_en) as string | null) ?? null,
          loc.latitude as number | null,
          loc.longitude as number | null,
        ),
      );
    }
    for (const area of [...g.service_area.values()].filter((a) => a.service_id === s.id && a.town_pcode)) {
      if (seen.has(area.town_pcode as string)) continue;
      seen.add(area.town_pcode as string);
      rows.push(base(towns.get(area.town_pcode as string), null, null, null));
    }
    if (!sals.length && !seen.size) rows.push(base(undefined, null, null, null));
  }
  return rows;
}

export async function hxlCsv(db: Db): Promise<string> {
  return toCsv(await hxlRows(db));
}
