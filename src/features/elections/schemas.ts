// The elections feature's forms (zod). The form builder's fields are in forms/builder.ts, the
// observer API's JSON bodies in observe/schemas.ts, spreadsheet columns beside each import.
// Arabic is required everywhere, English optional (pages fall back to Arabic).
import { z } from 'zod';
import { fields } from '../../core/http/forms.js';
import { codeField, LIST_CODE, normalizeCode, PLACE_CODE } from './codes.js';
import { voteField } from './forms/formdef.js';
import { RESERVED_CODES } from './relay/textreport.js';

const { count } = fields;
const requiredCount = (max = 1_000_000) => count(max).pipe(z.number({ message: 'i18n:form.required' }));
const optionalText = (max: number) => z.string().trim().max(max).default('');
const lines = (v: string | undefined) =>
  (v ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** One candidate or list per line: `L1 | اسم بالعربية | Name in English` (English optional; `candidate:` before a person). */
const candidateLines = z
  .string()
  .max(10_000)
  .optional()
  .transform((v, ctx) => {
    const out: { kind: 'candidate' | 'list'; code: string; name_ar: string; name_en: string }[] = [];
    const refuse = (message: string) => {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    };
    for (const line of lines(v)) {
      const parts = line.split('|').map((p) => p.trim());
      const m = /^(list|candidate)\s*:\s*(.+)$/i.exec(parts[0] ?? '');
      const kind = m?.[1]?.toLowerCase() === 'candidate' ? 'candidate' : 'list';
      const code = normalizeCode(m ? m[2]! : (parts[0] ?? ''));
      if (parts.length < 2 || parts.length > 3 || !LIST_CODE.test(code) || RESERVED_CODES.has(code) || !parts[1])
        return refuse('i18n:elections.form.badCandidates');
      // Two codes that differ only by - _ . would fill the same count-sheet field.
      if (out.some((c) => voteField(c.code) === voteField(code)))
        return refuse('i18n:elections.form.duplicateCandidate');
      out.push({ kind, code, name_ar: parts[1]!.slice(0, 200), name_en: (parts[2] ?? '').slice(0, 200) });
    }
    return out.length > 200 ? refuse('i18n:elections.form.badCandidates') : out;
  });

/** Partners that are not member organizations, one per line: `الاسم بالعربية | Name in English`. */
const otherPartnerLines = z
  .string()
  .max(5000)
  .optional()
  .transform((v, ctx) => {
    const out: { name_ar: string; name_en: string }[] = [];
    for (const line of lines(v)) {
      const parts = line.split('|').map((p) => p.trim());
      if (parts.length > 2 || !parts[0]) {
        ctx.addIssue({ code: 'custom', message: 'i18n:elections.form.badPartners' });
        return z.NEVER;
      }
      out.push({ name_ar: parts[0]!.slice(0, 200), name_en: (parts[1] ?? '').slice(0, 200) });
    }
    return out.slice(0, 50);
  });

const ids = fields.list(fields.id()).pipe(z.array(z.number()).max(200));

export const electionForm = z.object({
  title_ar: fields.text(200),
  title_en: optionalText(200),
  poll_date: fields.date(),
  seats: requiredCount(500).pipe(z.number().min(1)),
  status: z.enum(['draft', 'active', 'closed', 'archived']),
  summary_ar: optionalText(4000),
  summary_en: optionalText(4000),
  /** towns by name (Arabic or Latin) or P-code, separated by commas or lines: checkTowns resolves them */
  towns: z.string().trim().min(1).max(2000),
  hotline: fields.phone(),
  organizers: ids.pipe(z.array(z.number()).min(1, 'i18n:elections.form.needOrganizer')),
  member_partners: ids,
  other_partners: otherPartnerLines,
  candidates: candidateLines,
});

export const outreachKinds = ['voter-card', 'leaflets', 'women-participation', 'information'] as const;

export const outreachForm = z.object({
  kind: z.enum(outreachKinds),
  held_on: fields.date(),
  town_pcode: z
    .string()
    .trim()
    .transform((s) => s.toUpperCase())
    .pipe(z.string().regex(/^C\d{4,6}$/, 'i18n:elections.form.badTown')),
  organization: z.string().trim().max(20).default(''),
  organization_name: fields.optionalText(200),
  leaflets: count(10_000_000),
  places: optionalText(1000),
  reached_women: count(1_000_000).transform((n) => n ?? 0),
  reached_men: count(1_000_000).transform((n) => n ?? 0),
  notes: optionalText(2000),
});

export const centreForm = z.object({
  code: codeField(PLACE_CODE, 'i18n:elections.stations.badCode'),
  /** a town by name or P-code (TownField); checkTowns turns it into the P-code */
  town: z.string().trim().min(1).max(200),
  name_ar: fields.text(200),
  name_en: optionalText(200),
});

export const stationForm = z.object({
  code: codeField(PLACE_CODE, 'i18n:elections.stations.badCode'),
  registered_women: count(),
  registered_men: count(),
  women_only: fields.checkbox(),
});

export const importForm = z.object({ file: z.any().optional(), csv: z.string().max(250_000).optional() });
export const countImportForm = importForm.extend({ form_id: fields.id() });

export const observerForm = z.object({
  name: fields.text(120),
  phone: fields.phone(),
  organization_id: fields.id(),
  kind: z.enum(['fixed', 'mobile']),
  route_name: optionalText(200),
  /** the supervising observer's code (empty: none) */
  supervisor: optionalText(40),
  /** stations by their codes, "TB-01 S2, TB-02 S1" (or TB-01/S2); a centre's only station by the centre's code */
  stations: z.string().trim().min(1, 'i18n:elections.observers.needStation').max(4000),
});

/** Observers for one centre's printed list, or everyone's cards to print again (new secrets). */
export const cardsForm = z.object({ observers: fields.list(fields.id()).pipe(z.array(z.number()).min(1).max(500)) });

export const verifyForm = z.object({
  decision: z.enum(['verified', 'rejected', 'received']),
  comment: optionalText(2000),
});

export const statementDraftForm = z.object({
  cutoff: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'i18n:form.invalidDate'),
  remarks_ar: optionalText(4000),
  remarks_en: optionalText(4000),
  change_note_ar: optionalText(2000),
  change_note_en: optionalText(2000),
});

export const emptyForm = z.object({});

export const newFormForm = z.object({
  kind: z.enum(['opening', 'voting', 'closing', 'count', 'incident', 'station']),
  title_ar: fields.text(200),
  title_en: optionalText(200),
});

export const attentionQuery = z.object({ show: z.enum(['open', 'handled']).catch('open') });
export const listQuery = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  page: fields.page(),
});

/** Pasted text reports: the whole paste is answered line by line, or refused with its limits. */
export const relayForm = z.object({
  text: z
    .string()
    .max(100_000)
    .refine((s) => s.trim().length > 0, 'i18n:form.required'),
});
