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
  .pipe(z.array(z.string().regex(/^C\d{4,6}$/, 'i18n:organizations.form.badTown')).max(100));

const fieldList = z
  .union([z.enum(fieldsOfWork), z.array(z.enum(fieldsOfWork))])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

export const organizationForm = z.object({
  name_ar: fields.text(120),
  name_en: fields.text(120),
  description_ar: z.string().trim().max(4000).default(''),
  description_en: z.string().trim().max(4000).default(''),
  fields: fieldList,
  phone: z
    .string()
    .trim()
    .max(30)
    .regex(/^[+\d\s()-]*$/, 'i18n:form.invalidPhone')
    .optional()
    .transform((v) => v || null),
  email: z
    .union([z.literal(''), z.email().max(254)])
    .optional()
    .transform((v) => v || null),
  website: z
    .union([z.literal(''), z.url({ protocol: /^https?$/ }).max(300)])
    .optional()
    .transform((v) => v || null),
  towns: pcodeList,
  logo: z.any().optional(),
});

export const staffInviteForm = z.object({
  email: z.email().max(254),
  role: z.enum(['orgAdmin', 'orgStaff']),
});

export const staffRemoveForm = z.object({ user_id: fields.id() });
