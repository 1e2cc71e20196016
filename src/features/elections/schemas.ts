// The elections feature's forms (zod). The form builder's repeated fields are in
// forms/builder.ts, the observer API's JSON bodies in observe/schemas.ts.
import { z } from 'zod';
import { fields } from '../../core/http/forms.js';
import { westernDigits } from './forms/expr.js';
import { CENTRE_CODE, STATION_CODE } from './stations/csv.js';
import { RESERVED_CODES } from './relay/textreport.js';

const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'i18n:form.invalidDate')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'i18n:form.invalidDate');

const count = (max = 1_000_000) =>
  z
    .string()
    .trim()
    .transform((s) => westernDigits(s).replace(/[,٬\s]/g, ''))
    .pipe(z.string().regex(/^\d{0,9}$/, 'i18n:form.invalidNumber'))
    .transform((s) => (s === '' ? null : Number(s)))
    .pipe(z.number().int().min(0).max(max).nullable());

const requiredCount = (max = 1_000_000) => count(max).pipe(z.number({ message: 'i18n:form.required' }));

const pcodeList = z
  .string()
  .max(2000)
  .optional()
  .transform((v) =>
    (v ?? '')
      .split(/[\s,،]+/)
      .map((s) => s.trim().toUpperCase())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(z.string().regex(/^C\d{4,6}$/, 'i18n:elections.form.badTown'))
      .min(1)
      .max(50),
  );

const idList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((s) => s !== '').map(Number))
  .pipe(
    z
      .array(
        z
          .number()
          .int()
          .positive()
          .max(2 ** 31 - 1),
      )
      .max(200),
  );

/** One candidate or list per line: `L1 | اسم بالعربية | Name in English` (a `list:` or `candidate:` prefix optional). */
const candidateLines = z
  .string()
  .max(10_000)
  .optional()
  .transform((v, ctx) => {
    const out: { kind: 'candidate' | 'list'; code: string; name_ar: string; name_en: string }[] = [];
    const lines = (v ?? '')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
    for (const line of lines) {
      const parts = line.split('|').map((p) => p.trim());
      let kind: 'candidate' | 'list' = 'list';
      let code = (parts[0] ?? '').toUpperCase();
      const m = /^(LIST|CANDIDATE)\s*:\s*(.+)$/i.exec(code);
      if (m) {
        kind = m[1]!.toLowerCase() === 'candidate' ? 'candidate' : 'list';
        code = m[2]!.trim();
      }
      if (
        parts.length !== 3 ||
        !/^[A-Z][A-Z0-9]{0,3}$/.test(code) ||
        RESERVED_CODES.has(code) ||
        !parts[1] ||
        !parts[2]
      ) {
        ctx.addIssue({ code: 'custom', message: 'i18n:elections.form.badCandidates' });
        return z.NEVER;
      }
      if (out.some((c) => c.code === code)) {
        ctx.addIssue({ code: 'custom', message: 'i18n:elections.form.duplicateCandidate' });
        return z.NEVER;
      }
      out.push({ kind, code, name_ar: parts[1]!.slice(0, 200), name_en: parts[2]!.slice(0, 200) });
    }
    if (out.length > 200) {
      ctx.addIssue({ code: 'custom', message: 'i18n:elections.form.badCandidates' });
      return z.NEVER;
    }
    return out;
  });

/** Partners that are not member organizations, one per line: `الاسم بالعربية | Name in English`. */
const otherPartnerLines = z
  .string()
  .max(5000)
  .optional()
  .transform((v, ctx) => {
    const out: { name_ar: string; name_en: string }[] = [];
    for (const line of (v ?? '')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean)) {
      const parts = line.split('|').map((p) => p.trim());
      if (parts.length > 2 || !parts[0]) {
        ctx.addIssue({ code: 'custom', message: 'i18n:elections.form.badPartners' });
        return z.NEVER;
      }
      out.push({ name_ar: parts[0]!.slice(0, 200), name_en: (parts[1] || parts[0]!).slice(0, 200) });
    }
    return out.slice(0, 50);
  });

export const electionForm = z.object({
  title_ar: fields.text(200),
  title_en: fields.text(200),
  poll_date: isoDate,
  seats: requiredCount(500).pipe(z.number().min(1)),
  status: z.enum(['draft', 'active', 'closed', 'archived']),
  summary_ar: z.string().trim().max(4000).default(''),
  summary_en: z.string().trim().max(4000).default(''),
  towns: pcodeList,
  organizers: idList.pipe(z.array(z.number()).min(1, 'i18n:elections.form.needOrganizer')),
  member_partners: idList,
  other_partners: otherPartnerLines,
  candidates: candidateLines,
});

export const outreachKinds = ['voter-card', 'leaflets', 'women-participation', 'information'] as const;

export const outreachForm = z.object({
  kind: z.enum(outreachKinds),
  held_on: isoDate,
  town_pcode: z
    .string()
    .trim()
    .transform((s) => s.toUpperCase())
    .pipe(z.string().regex(/^C\d{4,6}$/, 'i18n:elections.form.badTown')),
  organization: z.string().trim().max(20).default(''),
  organization_name: fields.optionalText(200),
  leaflets: count(10_000_000),
  places: z.string().trim().max(1000).default(''),
  reached_women: count(1_000_000).transform((n) => n ?? 0),
  reached_men: count(1_000_000).transform((n) => n ?? 0),
  notes: z.string().trim().max(2000).default(''),
});

export const centreForm = z.object({
  code: z
    .string()
    .trim()
    .transform((s) => westernDigits(s).toUpperCase())
    .pipe(z.string().regex(CENTRE_CODE, 'i18n:elections.stations.badCentreCode')),
  town_pcode: z
    .string()
    .trim()
    .transform((s) => s.toUpperCase())
    .pipe(z.string().regex(/^C\d{4,6}$/, 'i18n:elections.form.badTown')),
  name_ar: fields.text(200),
  name_en: fields.text(200),
});

export const stationForm = z.object({
  centre_id: fields.id(),
  code: z
    .string()
    .trim()
    .transform((s) => westernDigits(s).toUpperCase())
    .pipe(z.string().regex(STATION_CODE, 'i18n:elections.stations.badStationCode')),
  registered_women: count(),
  registered_men: count(),
  women_only: fields.checkbox(),
});

export const importForm = z.object({ file: z.any().optional(), csv: z.string().max(500_000).optional() });

export const observerForm = z.object({
  code: z
    .string()
    .trim()
    .transform((s) => westernDigits(s).toUpperCase())
    .pipe(z.string().regex(/^[A-Z0-9][A-Z0-9-]{2,23}$/, 'i18n:elections.observers.badCode')),
  name: fields.text(120),
  phone: z
    .string()
    .trim()
    .max(30)
    .regex(/^[+\d\s()-]*$/, 'i18n:form.invalidPhone')
    .optional()
    .transform((v) => v || null),
  organization_id: fields.id(),
  kind: z.enum(['fixed', 'mobile']),
  route_name: z.string().trim().max(200).default(''),
  supervisor_id: z
    .string()
    .optional()
    .transform((v) => (v ? Number(v) : null))
    .pipe(z.number().int().positive().nullable()),
  stations: idList,
});

export const verifyForm = z.object({
  decision: z.enum(['verified', 'rejected', 'received']),
  comment: z.string().trim().max(2000).default(''),
});

export const relayForm = z.object({
  text: z
    .string()
    .max(50_000)
    .refine((s) => s.trim().length > 0, 'i18n:form.required'),
});

export const statementDraftForm = z.object({
  cutoff: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'i18n:form.invalidDate'),
  remarks_ar: z.string().trim().max(4000).default(''),
  remarks_en: z.string().trim().max(4000).default(''),
  change_note_ar: z.string().trim().max(2000).default(''),
  change_note_en: z.string().trim().max(2000).default(''),
});

export const emptyForm = z.object({});

export const newFormForm = z.object({
  kind: z.enum(['opening', 'voting', 'closing', 'count', 'incident', 'station']),
  title_ar: fields.text(200),
  title_en: fields.text(200),
});
