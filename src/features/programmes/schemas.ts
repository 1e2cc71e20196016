// Form and query schemas of the programmes feature.
import { z } from 'zod';
import { fields } from '../../core/http/forms.js';
import { activityKinds, ageBands, genders, institutionTypes, recommendationStatuses, targetMetrics } from './rules.js';
import type { ActivityKind, AgeBand, Gender, InstitutionType, RecommendationStatus, TargetMetric } from './tables.js';

/** A calendar day, 'YYYY-MM-DD', that exists (no 30 February). */
const isoDate = z
  .string()
  .trim()
  .pipe(z.iso.date({ message: 'i18n:form.invalidDate' }));

const optionalDate = z
  .union([z.literal(''), isoDate])
  .optional()
  .transform((v) => v || null);

const longText = (max: number) => z.string().trim().max(max).default('');
const pcode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^C\d{4,6}$/, 'i18n:programmes.form.badTown');

/** A field sent once, several times or not at all (checkboxes), as a list. */
const listOf = <T extends z.ZodType>(item: T) =>
  z
    .union([item, z.array(item)])
    .optional()
    .transform((v): z.output<T>[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

const idList = listOf(fields.id());

/** P-codes typed in one field, separated by spaces or commas (Latin or Arabic). */
const pcodeList = z
  .string()
  .max(2000)
  .optional()
  .transform((v) =>
    (v ?? '')
      .toUpperCase()
      .split(/[\s,،]+/)
      .filter(Boolean),
  )
  .pipe(z.array(z.string().regex(/^C\d{4,6}$/, 'i18n:programmes.form.badTown')).max(100));

const count = z.coerce.number().int().min(0).max(100_000);
const optionalCount = z
  .union([z.literal(''), count])
  .optional()
  .transform((v) => (v === '' || v === undefined ? null : v));
const score = z
  .union([z.literal(''), z.coerce.number().int().min(0).max(100)])
  .optional()
  .transform((v) => (v === '' || v === undefined ? null : v));

export const projectForm = z
  .object({
    coordinator_org_id: fields.id(),
    name_ar: fields.text(160),
    name_en: fields.text(160),
    supporter_ar: longText(200),
    supporter_en: longText(200),
    start_date: isoDate,
    end_date: optionalDate,
    summary_ar: longText(2000),
    summary_en: longText(2000),
    goals_ar: longText(4000),
    goals_en: longText(4000),
    is_public: fields.checkbox(),
    members: idList,
    towns: pcodeList,
  })
  .refine((v) => !v.end_date || v.end_date >= v.start_date, {
    path: ['end_date'],
    message: 'i18n:programmes.form.endBeforeStart',
  });

export const targetForm = z.object({
  metric: z.enum(targetMetrics as [TargetMetric, ...TargetMetric[]]),
  label_ar: fields.text(200),
  label_en: fields.text(200),
  target: z.coerce.number().int().min(1).max(1_000_000),
  manual_value: optionalCount,
});

export const targetDeleteForm = z.object({ target_id: fields.id() });

/** The participants grid: one field per gender × age band, e.g. n_f_a18_24. */
export const countFieldNames = genders.flatMap((g) => ageBands.map((a) => `n_${g}_${a}` as const));

const countShape = Object.fromEntries(countFieldNames.map((n) => [n, count.default(0)])) as Record<
  (typeof countFieldNames)[number],
  z.ZodDefault<typeof count>
>;

export const activityForm = z.object({
  organization_id: fields.id(),
  kind: z.enum(activityKinds as [ActivityKind, ...ActivityKind[]]),
  title: fields.text(200),
  held_on: isoDate,
  town_pcode: pcode,
  summary: longText(4000),
  notes: longText(4000),
  photos: z.any().optional(),
  ...countShape,
});

/** More photos for an activity (multipart). */
export const photosForm = z.object({ photos: z.any().optional() });

export function countsFrom(data: Record<string, unknown>): { gender: Gender; age_band: AgeBand; count: number }[] {
  return genders.flatMap((g) =>
    ageBands.map((a) => ({ gender: g, age_band: a, count: Number(data[`n_${g}_${a}`] ?? 0) || 0 })),
  );
}

export const visitForm = z.object({
  organization_id: fields.id(),
  institution_type: z.enum(institutionTypes as [InstitutionType, ...InstitutionType[]]),
  institution_name: fields.text(200),
  town_pcode: pcode,
  visited_on: isoDate,
  who_went: longText(500),
  notes: longText(4000),
});

export const recommendationForm = z.object({
  text: fields.text(2000),
  addressed_to: longText(200),
});

export const followupForm = z.object({
  status: z.enum(recommendationStatuses as [RecommendationStatus, ...RecommendationStatus[]]),
  response: longText(2000),
  note: longText(2000),
  followed_on: isoDate,
});

export const courseForm = z.object({
  title_ar: fields.text(200),
  title_en: fields.text(200),
  topic_ar: longText(300),
  topic_en: longText(300),
  objectives_ar: longText(4000),
  objectives_en: longText(4000),
  hours: z.coerce.number().int().min(1).max(1000),
  min_attendance_pct: z.coerce.number().int().min(1).max(100),
  min_post_score: score,
});

export const cohortForm = z
  .object({
    organization_id: fields.id(),
    label: fields.text(120),
    start_date: isoDate,
    end_date: isoDate,
    town_pcode: pcode,
    trainers: longText(500),
  })
  .refine((v) => v.end_date >= v.start_date, { path: ['end_date'], message: 'i18n:programmes.form.endBeforeStart' });

export const sessionForm = z.object({ held_on: isoDate, topic: longText(200) });

export const traineeForm = z.object({
  organization_id: fields.id(),
  name: fields.text(120),
  gender: z.enum(genders as [Gender, ...Gender[]]),
  age_band: z.enum(ageBands as [AgeBand, ...AgeBand[]]),
  town_pcode: pcode,
  affiliation: fields.optionalText(200),
  phone: z
    .string()
    .trim()
    .max(30)
    .regex(/^[+\d\s()-]*$/, 'i18n:form.invalidPhone')
    .optional()
    .transform((v) => v || null),
  consent_version: z.string().max(20),
  consent: z.literal('on', { message: 'i18n:programmes.trainee.consentRequired' }),
});

/** Correcting a trainee's details on their request: the organization and the consent stay. */
export const traineeEditForm = traineeForm.omit({ organization_id: true, consent_version: true, consent: true });

export const removeTraineeForm = z.object({
  confirm: z.literal('on', { message: 'i18n:programmes.trainee.removeConfirmRequired' }),
});

export const enrolForm = z.object({ trainee: idList });
export const attendanceForm = z.object({ present: idList });

export function scoresForm(enrolmentIds: number[]) {
  return z.object(
    Object.fromEntries(
      enrolmentIds.flatMap((id) => [
        [`pre_${id}`, score],
        [`post_${id}`, score],
      ]),
    ),
  );
}

export const certificateNameForm = z.object({ name_en: fields.optionalText(120) });
export const emptyForm = z.object({});

export const lookupQuery = z.object({ code: z.string().max(40).optional().catch(undefined) });
export const indicatorsQuery = z.object({
  project: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31 - 1)
    .optional()
    .catch(undefined),
  format: z.enum(['csv', 'xlsx']).optional().catch(undefined),
});
