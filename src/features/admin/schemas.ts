import { z } from 'zod';

export const inviteForm = z
  .object({
    email: z.email().max(254),
    role: z.enum(['networkAdmin', 'networkEditor', 'moderator', 'orgAdmin', 'orgStaff']),
    organization_id: z
      .string()
      .optional()
      .transform((v) => (v ? Number(v) : null))
      .pipe(z.number().int().positive().nullable()),
  })
  .refine((v) => !(v.role === 'orgAdmin' || v.role === 'orgStaff') || v.organization_id !== null, {
    path: ['organization_id'],
    message: 'i18n:admin.invite.needsOrganization',
  });

export const auditFilter = z.object({
  action: z.string().trim().max(60).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

/** An exact user name or e-mail address. */
export const peopleQuery = z.object({ q: z.string().trim().max(254).optional().catch(undefined) });

export const resetForm = z.object({ reason: z.string().trim().min(5).max(300) });
