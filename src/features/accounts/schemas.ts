import { z } from 'zod';
import { PASSWORD_MAX } from '../../core/auth/passwords.js';

const password = z
  .string()
  .min(1)
  .max(PASSWORD_MAX * 4); // policy (8–128 chars, common) checked separately, with its own message
export const usernameSchema = z
  .string()
  .trim()
  .min(3)
  .max(30)
  .regex(/^[\p{L}\p{N}_.-]+$/u, 'i18n:auth.signup.usernameChars');

/** How the Arabic interface addresses the person: feminine, masculine, or both forms (unknown). */
export const addressAs = z.enum(['f', 'm', 'x']);

export const loginForm = z.object({
  identifier: z.string().trim().min(1).max(254),
  password,
  next: z.string().max(500).optional(),
});

export const twoFactorForm = z.object({
  code: z.string().trim().max(40).optional(),
  recovery: z.string().trim().max(40).optional(),
  next: z.string().max(500).optional(),
});

export const signupForm = z.object({
  username: usernameSchema,
  display_name: z.string().trim().min(2).max(40),
  email: z
    .union([z.literal(''), z.email().max(254)])
    .optional()
    .transform((v) => (v ? v : null)),
  password,
  password_confirm: z.string().max(PASSWORD_MAX * 4),
  address_as: addressAs.default('x'),
});

export const profileForm = z.object({
  display_name: z.string().trim().min(2).max(40),
  locale: z.enum(['ar', 'en']),
  digits: z.enum(['latn', 'arab']),
  address_as: addressAs,
});

export const passwordChangeForm = z.object({
  current_password: password,
  new_password: password,
  new_password_confirm: z.string().max(PASSWORD_MAX * 4),
});

/** A new address; the route asks for the password first when the last proof is old (`fresh`). */
export const emailChangeForm = z.object({ email: z.email().max(254) });

export const totpEnableForm = z.object({ code: z.string().trim().min(1).max(20) });
export const totpDisableForm = z.object({ current_password: password, code: z.string().trim().min(1).max(20) });
export const resetRequestForm = z.object({ email: z.email().max(254) });
export const resetSetForm = z.object({
  new_password: password,
  new_password_confirm: z.string().max(PASSWORD_MAX * 4),
});
export const deleteForm = z.object({ current_password: password, confirm: z.literal('on') });
export const inviteAcceptForm = z.object({
  username: usernameSchema,
  display_name: z.string().trim().min(2).max(40),
  password,
  password_confirm: z.string().max(PASSWORD_MAX * 4),
});
