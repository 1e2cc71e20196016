import { z } from 'zod';
import { fields } from '../../core/http/forms.js';

export const fieldsOfWork = [
  'civic-participation',
  'women',
  'youth',
  'legal-aid',
  'documentation',
  'psychosocial',
  'education',
  'health',
  'livelihoods',
  'protection',
  'elections',
  'local-governance',
] as const;

/** At most this many towns on a profile. */
export const MAX_TOWNS = 100;

/**
 * An organization's profile. Arabic is required, English optional (English pages fall back to the
 * Arabic name). Towns: those already on the profile are checkboxes (`towns`, P-codes), new ones are
 * typed by name in `towns_add` and resolved in the route (core/towns/picker.ts).
 */
export const organizationForm = z.object({
  name_ar: fields.text(120),
  name_en: z.string().trim().max(120).default(''),
  description_ar: z.string().trim().max(4000).default(''),
  description_en: z.string().trim().max(4000).default(''),
  fields: fields.list(z.enum(fieldsOfWork)),
  phone: fields.phone(),
  email: fields.optionalEmail(),
  website: fields.optionalUrl(),
  towns: fields.list(fields.pcode('i18n:organizations.form.badTown')),
  towns_add: z.string().max(2000).default(''),
  logo: z.any().optional(),
});

export const staffInviteForm = z.object({
  email: z.email().max(254),
  role: z.enum(['orgAdmin', 'orgStaff']),
});

export const staffRoleForm = z.object({ role: z.enum(['orgAdmin', 'orgStaff']) });
export const staffRemoveForm = z.object({});
export const staffResetForm = z.object({ reason: z.string().trim().min(5).max(300) });
/** Step down as admin and stay (`stay`), or leave; `successor`: another admin named on the way out. */
export const staffLeaveForm = z.object({
  successor: fields.blankOr(fields.id()),
  then: z.enum(['stay', 'leave']),
});
