// Trainees from a spreadsheet: the columns (documented on the page, in the template), reading a
// file as people save it (UTF-8 or Excel's Arabic encoding; commas, semicolons or tabs), and the
// checks that need the database — towns by name, a person already registered or listed twice.
// All or nothing: every bad row is named, and one bad row means nothing is saved.
import { z } from 'zod';
import type { Db } from '../../../core/db/index.js';
import type { Translator } from '../../../core/i18n/index.js';
import { fields, westernDigits } from '../../../core/http/forms.js';
import { csvTemplate, readCsvRows, type ImportColumn, type RowProblem } from '../../../core/text/csv-import.js';
import { resolveTown } from '../../../core/towns/picker.js';
import { ageBands } from '../rules.js';
import type { AgeBand, Gender } from '../tables.js';
import { listTrainees } from './queries.js';

/** The most rows one file may hold (said on the page). */
export const MAX_IMPORT_ROWS = 500;

/** A cell as typed; a leading apostrophe (how spreadsheets keep "+963…" as text) is dropped. */
const cell = <T extends z.ZodType>(schema: T) => z.preprocess((v) => String(v ?? '').replace(/^'/, ''), schema);

const GENDERS: Record<string, Gender> = {
  f: 'f',
  female: 'f',
  woman: 'f',
  أنثى: 'f',
  انثى: 'f',
  امرأة: 'f',
  m: 'm',
  male: 'm',
  man: 'm',
  ذكر: 'm',
  رجل: 'm',
};

const BANDS: Record<string, AgeBand> = {
  '15-17': 'a15_17',
  '18-24': 'a18_24',
  '25-35': 'a25_35',
  '36+': 'a36_plus',
  '36فأكثر': 'a36_plus',
  ...Object.fromEntries(ageBands.map((a) => [a, a])),
};

/** An age in years (15 and over), or a band as the page writes it: 18-24, 36+. */
export function ageBandOf(typed: string): AgeBand | null {
  const t = westernDigits(typed).replace(/\s/g, '').replace(/[–—]/g, '-').toLowerCase();
  if (BANDS[t]) return BANDS[t];
  if (!/^\d{1,3}$/.test(t)) return null;
  const age = Number(t);
  if (age < 15 || age > 120) return null;
  return age <= 17 ? 'a15_17' : age <= 24 ? 'a18_24' : age <= 35 ? 'a25_35' : 'a36_plus';
}

const YES = new Set(['yes', 'y', 'نعم', '1', 'true', '✓', 'موافق', 'موافقة']);

export type ImportRow = {
  name: string;
  gender: Gender;
  age: AgeBand;
  town: string;
  affiliation: string | null;
  phone: string | null;
  consent: true;
};

export const importColumns: ImportColumn[] = [
  { name: 'name', aliases: ['الاسم'], required: true, schema: cell(fields.text(120)) },
  {
    name: 'gender',
    aliases: ['الجنس'],
    required: true,
    schema: cell(
      z
        .string()
        .trim()
        .transform((v) => GENDERS[v.toLowerCase()] ?? null)
        .pipe(z.enum(['f', 'm'], { message: 'i18n:programmes.import.badGender' })),
    ),
  },
  {
    name: 'age',
    aliases: ['العمر', 'الفئة العمرية', 'age_band'],
    required: true,
    schema: cell(
      z
        .string()
        .transform(ageBandOf)
        .pipe(z.enum(ageBands, { message: 'i18n:programmes.import.badAge' })),
    ),
  },
  { name: 'town', aliases: ['البلدة'], required: true, schema: cell(fields.text(200)) },
  { name: 'affiliation', aliases: ['الجهة'], schema: cell(fields.optionalText(200)) },
  { name: 'phone', aliases: ['الهاتف'], schema: cell(fields.phone()) },
  {
    name: 'consent',
    aliases: ['الموافقة'],
    required: true,
    schema: cell(
      z
        .string()
        .trim()
        .refine((v) => YES.has(v.toLowerCase()), { message: 'i18n:programmes.import.noConsent' })
        .transform(() => true as const),
    ),
  },
];

/** The template offered on the page: the header and two example rows. */
export const importTemplate = () =>
  csvTemplate(importColumns, [
    ['ريم الحسن', 'أنثى', '22', 'أعزاز', 'مجلس الشباب', '', 'نعم'],
    ['Omar Al-Sheikh', 'm', '18-24', 'Menbij', '', '0944 000 111', 'yes'],
  ]);

/** The text of an uploaded file: UTF-8, or Windows Arabic (cp1256) as older Excel saves it. */
export function decodeFile(data: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return new TextDecoder('windows-1256').decode(data);
  }
}

/** Rows separated by semicolons or tabs (pasted from a spreadsheet) as comma-separated ones. */
export function asCommaSeparated(text: string): string {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const sep = first.includes('\t') ? '\t' : !first.includes(',') && first.includes(';') ? ';' : null;
  if (!sep) return text;
  const quote = (v: string) => `"${v.replace(/^"(.*)"$/s, '$1').replace(/"/g, '""')}"`;
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line) => (line.trim() ? line.split(sep).map(quote).join(',') : ''))
    .join('\n');
}

export type Checked = { ok: true; rows: (ImportRow & { line: number })[] } | { ok: false; problems: RowProblem[] };

/**
 * Reads and checks every row: its cells, its town (by name: one that fits several is named with
 * them), the same person twice in the file or already registered by the member.
 */
export async function checkImport(db: Db, i18n: Translator, organizationId: number, text: string): Promise<Checked> {
  const read = readCsvRows<ImportRow>(
    asCommaSeparated(text),
    { columns: importColumns, maxRows: MAX_IMPORT_ROWS },
    i18n,
  );
  if (!read.ok) return read;
  if (!read.rows.length)
    return { ok: false, problems: [{ line: 1, column: null, value: '', message: i18n.t('import.empty') }] };
  const t = i18n.t as unknown as (key: string, params?: Record<string, string | number>) => string;
  const problems: RowProblem[] = [];
  const towns = new Map<string, Awaited<ReturnType<typeof resolveTown>>>();
  const key = (r: { name: string; gender: string; age_band: string; town_pcode: string }) =>
    [r.name.trim().toLowerCase(), r.gender, r.age_band, r.town_pcode].join('|');
  const registered = new Set((await listTrainees(db, organizationId)).map(key));
  const seen = new Map<string, number>();
  const rows: (ImportRow & { line: number })[] = [];
  for (const { line, data } of read.rows) {
    if (!towns.has(data.town)) towns.set(data.town, await resolveTown(db, data.town, i18n.locale));
    const town = towns.get(data.town)!;
    if (!('pcode' in town)) {
      const message =
        'choices' in town
          ? t('townPicker.several', { typed: data.town, options: town.choices.map((c) => c.label).join('، ') })
          : t('townPicker.none', { typed: data.town });
      problems.push({ line, column: 'town', value: data.town, message });
      continue;
    }
    const k = key({ name: data.name, gender: data.gender, age_band: data.age, town_pcode: town.pcode });
    const twice = seen.get(k);
    if (twice !== undefined)
      problems.push({ line, column: 'name', value: data.name, message: t('programmes.import.twice', { line: twice }) });
    else if (registered.has(k))
      problems.push({ line, column: 'name', value: data.name, message: t('programmes.import.registered') });
    seen.set(k, twice ?? line);
    rows.push({ ...data, town: town.pcode, line });
  }
  return problems.length ? { ok: false, problems } : { ok: true, rows };
}
