// Observers from a spreadsheet: up to MAX_OBSERVER_ROWS rows, every row checked (organization,
// stations, kind), all created in one transaction or none, each with a drawn code and a secret
// shown once on the printable cards that answer the import.
import { z } from 'zod';
import type { Db } from '../../../core/db/index.js';
import { fields } from '../../../core/http/forms.js';
import type { Translator } from '../../../core/i18n/index.js';
import { localized } from '../../../core/i18n/localized.js';
import type { ImportColumn, RowProblem } from '../../../core/text/csv-import.js';
import { readCsvStreamed } from '../csv.js';
import { stationIndex } from '../stations/queries.js';
import type { ObserverInput } from './queries.js';

export const MAX_OBSERVER_ROWS = 500;

const kind = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(
    z.enum(['', 'fixed', 'mobile', 'ثابت', 'ثابتة', 'متنقل', 'متنقلة'], { message: 'i18n:elections.import.badKind' }),
  )
  .transform((v): 'fixed' | 'mobile' => (v === 'mobile' || v.startsWith('متنقل') ? 'mobile' : 'fixed'));

export const OBSERVER_COLUMNS: ImportColumn[] = [
  { name: 'name', aliases: ['الاسم'], required: true, schema: fields.text(120) },
  { name: 'phone', aliases: ['الهاتف'], schema: fields.phone() },
  { name: 'organization', aliases: ['المنظمة'], schema: z.string().max(200) },
  { name: 'kind', aliases: ['النوع'], schema: kind },
  { name: 'stations', aliases: ['الصناديق'], required: true, schema: z.string().min(1).max(2000) },
  { name: 'route', aliases: ['المسار'], schema: z.string().max(200) },
];

export const OBSERVER_EXAMPLE = [
  ['سلمى', '+963 944 000 111', 'جسور', 'fixed', 'TB-01 S1', ''],
  ['ليلى', '', 'جسور', 'mobile', 'TB-01 S1; TB-01 S2; TB-02', 'مسار المركز'],
];

type Row = {
  name: string;
  phone: string | null;
  organization: string;
  kind: 'fixed' | 'mobile';
  stations: string;
  route: string;
};
type T = (key: string, params?: Record<string, string | number>) => string;

/** Reads and checks an observers file against the election's stations and organizations. */
export async function readObservers(
  db: Db,
  electionId: number,
  text: string,
  orgs: { id: number; name_ar: string; name_en: string }[],
  i18n: Translator,
): Promise<{ ok: true; observers: ObserverInput[] } | { ok: false; problems: RowProblem[] }> {
  const t = i18n.t as unknown as T;
  const read = await readCsvStreamed<Row>(text, { columns: OBSERVER_COLUMNS, maxRows: MAX_OBSERVER_ROWS }, i18n);
  if (!read.ok) return read;
  const problems: RowProblem[] = [];
  const problem = (line: number, column: string, value: string, key: string, params?: Record<string, string>) =>
    problems.push({ line, column, value, message: t(`elections.import.${key}`, params) });
  const name = (s: string) => s.trim().toLowerCase();
  const observers: ObserverInput[] = [];
  const find = await stationIndex(db, electionId);
  for (const { line, data: r } of read.rows) {
    const org = r.organization.trim()
      ? orgs.find((o) => name(o.name_ar) === name(r.organization) || name(o.name_en) === name(r.organization))
      : orgs.length === 1
        ? orgs[0]
        : undefined;
    if (!org)
      problem(line, 'organization', r.organization, 'unknownOrganization', {
        options: orgs.map((o) => localized(o, 'name', i18n.locale)).join('، '),
      });
    const refs = r.stations
      .split(/[;؛،|]/)
      .map((s) => s.trim())
      .filter(Boolean);
    const ids = refs.map(find);
    const unknown = refs.filter((_, i) => !ids[i]);
    const found = [...new Set(ids.filter((id): id is number => !!id))];
    if (unknown.length) problem(line, 'stations', unknown.join('; '), 'unknownStations');
    else if (r.kind === 'fixed' && found.length !== 1) problem(line, 'stations', r.stations, 'fixedOneStation');
    observers.push({
      name: r.name,
      phone: r.phone,
      organization_id: org?.id ?? 0,
      kind: r.kind,
      route_name: r.route.trim(),
      supervisor_id: null,
      stations: found,
    });
  }
  return problems.length ? { ok: false, problems } : { ok: true, observers };
}
