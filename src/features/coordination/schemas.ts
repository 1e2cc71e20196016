// Form schemas of the coordination feature, by area. Unknown fields are refused by the route kit.
import { z } from 'zod';
import { fields } from '../../core/http/forms.js';
import { damascusLocalToDate } from '../../core/time.js';
import { organizationForm } from '../organizations/schemas.js';

const longText = (max: number) => z.string().trim().max(max).default('');

/** Length caps of the long texts, stated on their forms and checked before anything reads them. */
export const LIMITS = {
  minutes: 50_000,
  note: 20_000,
  description: 4_000,
  agendaDetails: 2_000,
  visitOutcome: 4_000,
  comment: 5_000,
} as const;

const day = fields.date;
const optionalDay = fields.optionalDate;
/** A datetime-local value typed in Damascus time → ISO UTC string. */
function damascusIso(v: string, ctx: z.RefinementCtx): string {
  const d = damascusLocalToDate(v.slice(0, 16));
  if (d) return d.toISOString();
  ctx.addIssue({ code: 'custom', message: 'i18n:form.invalidDate' });
  return z.NEVER;
}
const damascusDateTime = () => z.string().trim().transform(damascusIso);
const optionalDamascusDateTime = () =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => (v ? damascusIso(v, ctx) : null));
const optionalId = () => fields.blankOr(fields.id());
const idList = () =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v, ctx) => {
      const out: number[] = [];
      for (const item of v === undefined ? [] : Array.isArray(v) ? v : [v]) {
        if (item === '') continue;
        const n = Number(item);
        if (!/^\d{1,10}$/.test(item) || n <= 0 || n >= 2 ** 31 || out.length >= 500) {
          ctx.addIssue({ code: 'custom', message: 'i18n:form.invalidChoice' });
          return z.NEVER;
        }
        out.push(n);
      }
      return [...new Set(out)];
    });
const httpUrl = () =>
  z
    .union([z.literal(''), z.url({ protocol: /^https?$/, message: 'i18n:form.invalidUrl' }).max(500)])
    .optional()
    .transform((v) => v || null);
/** A town as typed (a name in any spelling, or a P-code); the route resolves it to a P-code. */
const town = () => fields.text(200);
const optionalTown = () =>
  z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((v) => v || null);
/** Several rows of one form (guests): each field sent once per row, kept in order. */
/**
 * Choices that need their detail: for each `[choice, value, detail, message?]`, a form whose
 * `choice` is `value` without its `detail` is refused beside the detail (by default "required").
 */
function needingDetails<S extends z.ZodObject>(
  schema: S,
  rules: [keyof z.infer<S> & string, string, keyof z.infer<S> & string, string?][],
): S {
  return schema.superRefine((v: Record<string, unknown>, ctx) => {
    for (const [choice, value, detail, message] of rules)
      if (v[choice] === value && v[detail] === null)
        ctx.addIssue({ code: 'custom', path: [detail], message: message ?? 'i18n:form.required' });
  });
}

const rows = <T extends z.ZodType>(item: T) => fields.list(item).refine((a) => a.length <= 30, 'i18n:form.invalid');

// ——— workspace ———
export const noteForm = z.object({ title: fields.text(200), body: longText(LIMITS.note) });
export const documentForm = z.object({
  title: fields.text(200),
  body: longText(LIMITS.description),
  note: longText(500),
  file: z.any().optional(),
});
export const versionForm = z.object({ note: longText(500), file: z.any().optional() });
export const itemEditForm = (kind: 'note' | 'document') =>
  z.object({ title: fields.text(200), body: longText(kind === 'note' ? LIMITS.note : LIMITS.description) });
export const sharingForm = z.object({
  sharing: z.enum(['private', 'orgs', 'network', 'public']),
  orgs: idList(),
});
export const personRoleForm = z.object({
  user_id: fields.id(),
  title: longText(120),
  executive_director: fields.checkbox(),
  representative: fields.checkbox(),
});
export const emergencyForm = z.object({
  reason: z.string().trim().min(20, 'i18n:coordination.emergency.reasonTooShort').max(2000),
  hours: z.coerce.number().int().min(1).max(72),
});
export const idForm = z.object({ id: fields.id() });
export const leaveForm = z.object({ confirm_name: z.string().trim().max(200) });
export const emptyForm = z.object({});

// ——— governance ———
export const boardNamesForm = z.object({ board_names: z.enum(['full', 'first', 'role']) });
export const bodyForm = z.object({
  kind: z.enum(['board', 'committee']),
  name_ar: fields.text(150),
  name_en: longText(150),
  description_ar: longText(2000),
  description_en: longText(2000),
});
export const seatForm = z.object({
  title_ar: fields.text(120),
  title_en: longText(120),
  is_chair: fields.checkbox(),
});
export const termForm = z
  .object({
    holder_name: fields.text(150),
    holder_org_id: optionalId(),
    starts_on: day(),
    ends_on: day(),
  })
  .refine((v) => v.ends_on >= v.starts_on, { path: ['ends_on'], message: 'i18n:coordination.form.endBeforeStart' });
export const voteForm = z
  .object({
    kind: z.enum(['election', 'decision']),
    title: fields.text(200),
    description: longText(4000),
    body_id: optionalId(),
    max_choices: z.coerce.number().int().min(1).max(20).default(1),
    nominations_close_at: optionalDamascusDateTime(),
    opens_at: damascusDateTime(),
    closes_at: damascusDateTime(),
    quorum_percent: z.coerce.number().int().min(1).max(100),
  })
  .refine((v) => v.closes_at > v.opens_at, { path: ['closes_at'], message: 'i18n:coordination.form.endBeforeStart' })
  .refine((v) => v.kind !== 'election' || (v.nominations_close_at !== null && v.nominations_close_at <= v.opens_at), {
    path: ['nominations_close_at'],
    message: 'i18n:coordination.vote.nominationsBeforeOpening',
  });
export const nominateForm = z.object({ nominee: fields.id(), statement: longText(1000) });
export const nominationAnswerForm = z.object({ option_id: fields.id(), answer: z.enum(['accept', 'decline']) });
export const ballotForm = z.object({ org_id: fields.id(), choice: idList() });

// ——— meetings ———
export const meetingKinds = ['preparatory', 'general', 'consultative', 'board', 'other'] as const;
export const meetingForm = needingDetails(
  z
    .object({
      kind: z.enum(meetingKinds),
      title: fields.text(200),
      description: longText(LIMITS.description),
      host_org_id: optionalId(),
      starts_at: damascusDateTime(),
      ends_at: damascusDateTime(),
      place_kind: z.enum(['office', 'town', 'online']),
      place_org_id: optionalId(),
      town_pcode: optionalTown(),
      place_detail: longText(300),
      online_url: httpUrl(),
      visibility: z.enum(['invitees', 'network', 'public']),
      public_summary: longText(2000),
      quorum_orgs: z.coerce.number().int().min(0).max(100).default(0),
      invite_orgs: idList(),
      invite_users: z.string().trim().max(2000).default(''),
    })
    .refine((v) => v.ends_at > v.starts_at, { path: ['ends_at'], message: 'i18n:coordination.form.endBeforeStart' }),
  [
    ['place_kind', 'online', 'online_url', 'i18n:form.invalidUrl'],
    ['place_kind', 'office', 'place_org_id'],
    ['place_kind', 'town', 'town_pcode'],
  ],
);
export const cycleForm = z
  .object({
    title: fields.text(200),
    preparatory_from: day(),
    preparatory_time: z
      .string()
      .trim()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'i18n:form.invalid'),
    general_at: damascusDateTime(),
    general_town: town(),
    general_place: longText(300),
    consultative_at: damascusDateTime(),
    consultative_url: httpUrl(),
  })
  .refine((v) => v.consultative_at > v.general_at, {
    path: ['consultative_at'],
    message: 'i18n:coordination.cycle.order',
  });
export const agendaForm = z.object({
  title: fields.text(200),
  details: longText(LIMITS.agendaDetails),
  duration_minutes: z
    .union([z.literal(''), z.coerce.number().int().min(1).max(600)])
    .optional()
    .transform((v) => (v === '' || v === undefined ? null : v)),
});
export const rsvpForm = z.object({ response: z.enum(['yes', 'no', 'maybe']) });
export const attendanceForm = z.object({
  present: idList(),
  // one row per guest; blank rows are left out
  guest_name: rows(z.string().trim().max(150)),
  guest_org: rows(z.union([z.literal(''), fields.id()])),
});
export const guestForm = z.object({ name: fields.text(150), org: optionalId() });
export const minutesForm = z.object({ minutes_md: longText(LIMITS.minutes) });
export const meetingStatusForm = z.object({ status: z.enum(['scheduled', 'held', 'cancelled']) });
export const decisionReviewForm = z.object({ review_id: optionalId() });
export const actionForm = z.object({
  title: fields.text(300),
  details: longText(2000),
  owner: z
    .string()
    .trim()
    .regex(/^(org|user):\d{1,10}$/, 'i18n:form.invalidChoice'),
  due_on: optionalDay(),
  sharing: z.enum(['org', 'network']),
  decision_id: optionalId(),
});
export const actionStatusForm = z.object({
  status: z.enum(['open', 'in_progress', 'done', 'dropped']),
  /** the page the form was on (the tracker or a meeting); checked as a same-site path */
  back: z.unknown().optional(),
});
export const actionsQuery = z.object({
  status: z.enum(['active', 'open', 'in_progress', 'done', 'dropped', 'all']).catch('active'),
  mine: z.enum(['1', '']).optional().catch(undefined),
});

// ——— plans ———
export const planForm = z.object({
  title: fields.text(200),
  vision: longText(10000),
  mission: longText(10000),
  goals: longText(20000),
  objectives: longText(20000),
  activities: longText(20000),
  note: longText(500),
  file: z.any().optional(),
});
export const planVersionForm = planForm.omit({ title: true });
export const reviewOpenForm = z.object({
  version_id: fields.id(),
  reviewers: idList(),
  include_board: fields.checkbox(),
  meeting_id: optionalId(),
});
export const commentForm = z.object({
  section: z.enum(['vision', 'mission', 'goals', 'objectives', 'activities', 'document', 'general']),
  body: fields.text(LIMITS.comment),
  parent_id: optionalId(),
});
export const closeReviewForm = z.object({ closing_note: longText(4000) });
export const decisionToActionForm = z.object({
  decision_id: fields.id(),
  title: fields.text(300),
  due_on: optionalDay(),
});

// ——— licensing ———
export const councilForm = z.object({
  name_ar: fields.text(150),
  name_en: longText(150),
  town_pcode: town(),
  contact_name: longText(150),
  // the same rules as an organization's own phone and e-mail
  contact_phone: organizationForm.shape.phone,
  contact_email: organizationForm.shape.email,
  notes: longText(2000),
});
export const licenceNewForm = z.object({
  org_id: fields.id(),
  council_id: fields.id(),
  documents: longText(2000),
});
export const licenceForm = z.object({
  status: z.enum(['not_started', 'preparing', 'applied', 'visit_scheduled', 'licensed', 'renewal_due', 'refused']),
  applied_on: optionalDay(),
  visit_on: optionalDay(),
  licensed_on: optionalDay(),
  expires_on: optionalDay(),
  notes: longText(4000),
});
export const licenceDocForm = z.object({ name: fields.text(200), submitted_on: optionalDay() });
export const licenceDocSubmitForm = z.object({ doc_id: fields.id(), submitted_on: optionalDay() });
export const visitForm = z.object({
  visit_on: day(),
  who_went: longText(300),
  met_whom: longText(300),
  outcome: longText(LIMITS.visitOutcome),
  next_step: longText(1000),
});

// ——— lessons ———
export const lessonForm = needingDetails(
  z.object({
    subject: z.enum(['meeting', 'visit', 'project', 'other']),
    meeting_id: optionalId(),
    visit_id: optionalId(),
    project_label: longText(200),
    title: fields.text(200),
    what_happened: longText(10000),
    what_worked: longText(10000),
    what_to_change: longText(10000),
    lang: z.enum(['ar', 'en']),
    sharing: z.enum(['private', 'network']),
  }),
  [
    ['subject', 'meeting', 'meeting_id'],
    ['subject', 'visit', 'visit_id'],
  ],
);
