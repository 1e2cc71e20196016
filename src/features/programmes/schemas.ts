// Form and query schemas of the programmes feature. Arabic is required where a record has two
// languages, English is optional (pages fall back to Arabic); towns are typed by name and resolved
// by the route (core/towns/picker.ts); dates are chosen by the person (records of the past too).
import { z } from 'zod';
import { fields } from '../../core/http/forms.js';
import { activityKinds, ageBands, genders, institutionTypes, recommendationStatuses, targetMetrics } from './rules.js';
import type { ActivityKind, AgeBand, Gender, InstitutionType, RecommendationStatus, TargetMetric } from './tables.js';

const oneOf = <T extends string>(values: T[]) => z.enum(values as [T, ...T[]]);

/** A day of a record, past or planned: within reason (a typed 0222 is a typo, not a date). */
const day = fields
  .date()
  .refine((d) => d >= '2000-01-01' && d <= '2100-12-31', { message: 'i18n:programmes.form.dateRange' });
const optionalDay = fields.blankOr(day);

/** Free text that may be left empty ('' is stored). */
const longText = (max: number) => z.string().trim().max(max).default('');
/** A town as typed (a name, an alias or a P-code); the route resolves it to a P-code. */
const town = z.string().trim().min(1).max(200);
const idList = fields.list(fields.id());
/** A number as people type it (Arabic digits too), between `min` and `max`. */
const number = (min: number, max: number) => fields.count(max).pipe(z.number().min(min));
/** A number that may be left empty (null). */
const optionalNumber = (max: number) =>
  fields
    .count(max)
    .optional()
    .transform((v) => v ?? null);
const count = optionalNumber(100_000);
const score = optionalNumber(100);

const endAfterStart = <T extends { start_date: string; end_date: string | null }>(v: T) =>
  !v.end_date || v.end_date >= v.start_date;
const endMessage = { path: ['end_date'], message: 'i18n:programmes.form.endBeforeStart' };

export const projectForm = z
  .object({
    coordinator_org_id: fields.id(),
    name_ar: fields.text(160),
    name_en: longText(160),
    supporter_ar: longText(200),
    supporter_en: longText(200),
    start_date: day,
    end_date: optionalDay,
    summary_ar: longText(2000),
    summary_en: longText(2000),
    goals_ar: longText(4000),
    goals_en: longText(4000),
    is_public: fields.checkbox(),
    members: idList,
    /** town names, one a line or separated by commas */
    towns: longText(4000),
  })
  .refine(endAfterStart, endMessage);

export const targetForm = z
  .object({
    metric: oneOf<TargetMetric>(targetMetrics),
    label_ar: fields.text(200),
    label_en: longText(200),
    target: number(1, 1_000_000),
    /** only for an indicator entered by hand, which needs it */
    manual_value: count,
  })
  .refine((v) => v.metric !== 'custom' || v.manual_value !== null, {
    path: ['manual_value'],
    message: 'i18n:form.required',
  });

/** The participants grid: one field per gender × age band, e.g. n_f_a18_24. */
export const countFieldNames = genders.flatMap((g) => ageBands.map((a) => `n_${g}_${a}` as const));

const countShape = Object.fromEntries(countFieldNames.map((n) => [n, count])) as Record<
  (typeof countFieldNames)[number],
  typeof count
>;

export const activityForm = z.object({
  organization_id: fields.id(),
  kind: oneOf<ActivityKind>(activityKinds),
  title: fields.text(200),
  held_on: day,
  town_pcode: town,
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
  institution_type: oneOf<InstitutionType>(institutionTypes),
  institution_name: fields.text(200),
  town_pcode: town,
  visited_on: day,
  who_went: longText(500),
  notes: longText(4000),
});

export const recommendationForm = z.object({ text: fields.text(2000), addressed_to: longText(200) });

export const followupForm = z.object({
  status: oneOf<RecommendationStatus>(recommendationStatuses),
  response: longText(2000),
  note: longText(2000),
  followed_on: day,
});

/** Correcting a follow-up already recorded: its date, status and note (the response is the recommendation's). */
export const followupEditForm = followupForm.omit({ response: true });

export const courseForm = z.object({
  title_ar: fields.text(200),
  title_en: longText(200),
  topic_ar: longText(300),
  topic_en: longText(300),
  objectives_ar: longText(4000),
  objectives_en: longText(4000),
  hours: number(1, 1000),
  min_attendance_pct: number(1, 100),
  min_post_score: score,
});

const cohortFields = {
  label: fields.text(120),
  start_date: day,
  end_date: day,
  town_pcode: town,
  trainers: longText(500),
};
export const cohortForm = z.object({ organization_id: fields.id(), ...cohortFields }).refine(endAfterStart, endMessage);
/** A cohort's details corrected; the member running it stays. */
export const cohortEditForm = z.object(cohortFields).refine(endAfterStart, endMessage);

export const sessionForm = z.object({ held_on: day, topic: longText(200) });

const traineeFields = {
  name: fields.text(120),
  gender: oneOf<Gender>(genders),
  age_band: oneOf<AgeBand>(ageBands),
  town_pcode: town,
  affiliation: fields.optionalText(200),
  phone: fields.phone(),
};

/** The consent the trainee gave to the text read to them (its version is on the page). */
const consent = {
  consent_version: z.string().max(20),
  consent: z.literal('on', { message: 'i18n:programmes.trainee.consentRequired' }),
};

export const traineeForm = z.object({ organization_id: fields.id(), ...traineeFields, ...consent });

/** Correcting a trainee's details on their request: the organization and the consent stay. */
export const traineeEditForm = z.object(traineeFields);

export const removeTraineeForm = z.object({
  confirm: z.literal('on', { message: 'i18n:programmes.trainee.removeConfirmRequired' }),
});

/** Trainees from a spreadsheet: a file, or rows pasted; optionally enrolled in one cohort. */
export const traineeImportForm = z.object({
  organization_id: fields.id(),
  file: z.any().optional(),
  rows: z.string().max(200_000).optional().default(''),
  cohort_id: fields.blankOr(fields.id()),
  ...consent,
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

/** The date the certificates carry: by default the last day of the cohort. */
/** The day printed on certificates; left empty, the cohort's last day (or the original's, on reissue). */
export const issueForm = z.object({ issued_on: optionalDay });
export const revokeForm = z.object({ reason: fields.optionalText(500) });
export const certificateNameForm = z.object({ name_en: fields.optionalText(120) });
/** A holder's request to correct a certificate, sent from the public verification page. */
export const correctionForm = z.object({ message: z.string().trim().min(5).max(1000) });
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
