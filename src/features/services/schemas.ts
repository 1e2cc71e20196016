// Form and query schemas of the services directory; types inferred from them.
import { z } from 'zod';
import { fields } from '../../core/http/forms.js';
import { CATEGORY_CODES, GROUP_CODES } from './taxonomy.js';
import { WEEK } from './opening-hours.js';
import { SERVICE_STATUSES } from './hsds/spec.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const SPOKEN_LANGUAGES = ['ar', 'ku', 'tr', 'en'] as const;
export const CURRENCIES = ['SYP', 'TRY', 'USD'] as const;

const { blankOr, list, optionalText } = fields;
const many = <T extends readonly [string, ...string[]]>(values: T) => list(z.enum(values));
const uuidList = list(z.string().regex(UUID)).transform((ids) => ids.map((s) => s.toLowerCase()));

export const pcodeList = fields.pcodes({ max: 200, message: 'i18n:services.form.badPcode' });

const age = blankOr(z.coerce.number().int().min(0).max(120));

export const serviceForm = z
  .object({
    name_ar: fields.text(160),
    name_en: fields.text(160),
    description_ar: optionalText(4000),
    description_en: optionalText(4000),
    eligibility_ar: optionalText(2000),
    eligibility_en: optionalText(2000),
    application_ar: optionalText(2000),
    application_en: optionalText(2000),
    alert_ar: optionalText(500),
    alert_en: optionalText(500),
    status: z.enum(SERVICE_STATUSES),
    categories: many(CATEGORY_CODES as unknown as [string, ...string[]]).pipe(
      z.array(z.string()).min(1, 'i18n:services.form.pickCategory'),
    ),
    groups: many(GROUP_CODES as unknown as [string, ...string[]]),
    languages: many(SPOKEN_LANGUAGES),
    cost: z.enum(['free', 'fee']),
    fee_amount: blankOr(z.coerce.number().min(0).max(100_000_000)),
    fee_currency: z.enum(CURRENCIES).optional(),
    fees_ar: optionalText(500),
    fees_en: optionalText(500),
    documents_ar: optionalText(2000),
    documents_en: optionalText(2000),
    phone: fields.phone(),
    email: fields.optionalEmail(),
    url: fields.optionalUrl(),
    min_age: age,
    max_age: age,
    locations: uuidList,
    area: pcodeList,
  })
  .superRefine((v, ctx) => {
    if (v.cost === 'fee' && v.fee_amount === null && !v.fees_ar)
      ctx.addIssue({ code: 'custom', path: ['fee_amount'], message: 'i18n:services.form.feeNeeded' });
    if (v.min_age !== null && v.max_age !== null && v.min_age > v.max_age)
      ctx.addIssue({ code: 'custom', path: ['max_age'], message: 'i18n:services.form.ageOrder' });
    if (!v.locations.length && !v.area.length)
      ctx.addIssue({ code: 'custom', path: ['locations'], message: 'i18n:services.form.placeNeeded' });
  });
export type ServiceInput = z.infer<typeof serviceForm>;

const coordinate = (limit: number) => blankOr(z.coerce.number().min(-limit).max(limit));

export const locationForm = z
  .object({
    name_ar: fields.text(160),
    name_en: fields.text(160),
    town: fields.pcode('i18n:services.form.badPcode'),
    landmark_ar: optionalText(500),
    landmark_en: optionalText(500),
    latitude: coordinate(90),
    longitude: coordinate(180),
  })
  .superRefine((v, ctx) => {
    if ((v.latitude === null) !== (v.longitude === null))
      ctx.addIssue({ code: 'custom', path: ['longitude'], message: 'i18n:services.form.bothCoordinates' });
  });
export type LocationInput = z.infer<typeof locationForm>;

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const optionalTime = blankOr(z.string().regex(TIME, 'i18n:services.hours.badTime'));
const optionalDate = blankOr(z.iso.date('i18n:form.invalidDate'));

export const hoursForm = z
  .object({
    kind: z.enum(['weekly', 'seasonal', 'closure']),
    days: many(WEEK as unknown as [string, ...string[]]),
    opens: optionalTime,
    closes: optionalTime,
    valid_from: optionalDate,
    valid_to: optionalDate,
    label_ar: optionalText(200),
    label_en: optionalText(200),
    place: blankOr(z.string().regex(UUID)),
  })
  .superRefine((v, ctx) => {
    if (v.kind !== 'closure') {
      if (!v.days.length) ctx.addIssue({ code: 'custom', path: ['days'], message: 'i18n:services.hours.pickDays' });
      if (!v.opens) ctx.addIssue({ code: 'custom', path: ['opens'], message: 'i18n:form.required' });
      if (!v.closes) ctx.addIssue({ code: 'custom', path: ['closes'], message: 'i18n:form.required' });
      if (v.opens && v.closes && v.opens === v.closes)
        ctx.addIssue({ code: 'custom', path: ['closes'], message: 'i18n:services.hours.sameTimes' });
    }
    if (v.kind !== 'weekly' && !v.valid_from)
      ctx.addIssue({ code: 'custom', path: ['valid_from'], message: 'i18n:form.required' });
    if (v.kind === 'seasonal' && !v.valid_to)
      ctx.addIssue({ code: 'custom', path: ['valid_to'], message: 'i18n:form.required' });
    if (v.valid_from && v.valid_to && v.valid_to < v.valid_from)
      ctx.addIssue({ code: 'custom', path: ['valid_to'], message: 'i18n:services.hours.dateOrder' });
  });
export type HoursInput = z.infer<typeof hoursForm>;

export const deleteForm = z.object({ id: z.string().regex(UUID) });

export const feedbackForm = z.object({
  got_service: z.enum(['yes', 'partly', 'no']).optional(),
  rating: blankOr(z.coerce.number().int().min(1).max(5)),
  comment: z.string().trim().max(2000).default(''),
  // A field people do not see; bots fill it.
  website: z.string().max(0).optional(),
});

export const reportForm = z.object({
  wrong_field: z.enum(['phone', 'hours', 'place', 'closed', 'other']),
  comment: z.string().trim().min(1).max(2000),
  website: z.string().max(0).optional(),
});

export const moderateForm = z.object({ id: fields.id(), decision: z.enum(['approve', 'reject']) });
export const resolveForm = z.object({ id: fields.id() });

const optionalQuery = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined);

/** A filter that ignores what it does not know (a bookmarked search never fails). */
const optionalChoice = (values: readonly string[]) =>
  z
    .enum(values as [string, ...string[]])
    .optional()
    .catch(undefined);
const onOff = z
  .string()
  .optional()
  .catch(undefined)
  .transform((v) => v === '1');

export const searchQuery = z.object({
  q: optionalQuery(200),
  /** A P-code or a town's name in any common spelling. */
  town: optionalQuery(100),
  category: optionalChoice(CATEGORY_CODES),
  group: optionalChoice(GROUP_CODES),
  open_now: onOff,
  free: onOff,
  page: fields.page().optional().default(1),
  lang: z.string().optional(),
});
