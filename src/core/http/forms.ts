// Form parsing: a zod schema per form; unknown fields are dropped by `strictForm` except the
// CSRF token and the `*.dir` fields browsers send for dirname. Errors are returned as
// translated messages keyed by field, for the form to show beside each input.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Translator } from '../i18n/index.js';

const ignorable = (key: string) => key === '_csrf' || key.endsWith('.dir');

export type FormResult<T> =
  | { ok: true; data: T; raw: Record<string, unknown> }
  | { ok: false; errors: Record<string, string>; raw: Record<string, unknown> };

/** Parses a form body. Fields the schema does not know are an error, not silently ignored. */
export function parseForm<S extends z.ZodObject>(schema: S, body: unknown, i18n: Translator): FormResult<z.infer<S>> {
  const raw: Record<string, unknown> = {};
  if (body && typeof body === 'object') {
    for (const [k, v] of Object.entries(body as Record<string, unknown>)) if (!ignorable(k)) raw[k] = v;
  }
  const parsed = schema.strict().safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data as z.infer<S>, raw };
  return { ok: false, errors: zodErrors(parsed.error, i18n), raw };
}

export function zodErrors(error: z.ZodError, i18n: Translator): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.code === 'unrecognized_keys' ? '_form' : String(issue.path[0] ?? '_form');
    if (errors[key]) continue;
    errors[key] = issueMessage(issue, i18n);
  }
  return errors;
}

function issueMessage(issue: z.core.$ZodIssue, i18n: Translator): string {
  const { t } = i18n;
  if (issue.message && issue.message.startsWith('i18n:')) return t(issue.message.slice(5) as never);
  switch (issue.code) {
    case 'too_small':
      return Number(issue.minimum) <= 1 && issue.origin === 'string'
        ? t('form.required')
        : issue.origin === 'string'
          ? t('form.tooShort', { min: Number(issue.minimum) })
          : t('form.tooSmall', { min: Number(issue.minimum) });
    case 'too_big':
      return issue.origin === 'string'
        ? t('form.tooLong', { max: Number(issue.maximum) })
        : t('form.tooBig', { max: Number(issue.maximum) });
    case 'invalid_format':
      return issue.format === 'email' ? t('form.invalidEmail') : t('form.invalid');
    case 'invalid_value':
      return t('form.invalidChoice');
    case 'unrecognized_keys':
      return t('form.unknownFields');
    case 'invalid_type':
      return issue.input === undefined ? t('form.required') : t('form.invalid');
    default:
      return t('form.invalid');
  }
}

/** POST → 303 → GET: the browser never re-submits on reload. */
export function seeOther(reply: FastifyReply, url: string): FastifyReply {
  return reply.code(303).header('location', safeLocalPath(url)).send();
}

/**
 * Only same-site paths may be redirect targets (no //evil.example, no scheme, no control
 * characters). Anything outside printable ASCII is percent-encoded, as a Location header needs.
 */
export function safeLocalPath(url: string | undefined | null, fallback = '/'): string {
  if (!url || typeof url !== 'string') return fallback;
  if (!url.startsWith('/') || url.startsWith('//') || url.startsWith('/\\') || /[\x00-\x1f\x7f]/.test(url))
    return fallback;
  try {
    return url.replace(/[^\x21-\x7e]/gu, (c) => encodeURIComponent(c));
  } catch {
    return fallback; // a lone surrogate cannot be encoded
  }
}

const PCODE = /^C\d{4,6}$/;
const ARABIC_DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/g;

/** ٠١٢٣ and ۰۱۲۳ as 0123: people type either, the database keeps one. */
export function westernDigits(s: string): string {
  return s.replace(ARABIC_DIGITS, (d) => {
    const c = d.charCodeAt(0);
    return String(c >= 0x06f0 ? c - 0x06f0 : c - 0x0660);
  });
}

/** An optional field: left empty (or absent) it is null, else it must pass `schema`. */
const blankOr = <T extends z.ZodType>(schema: T) =>
  z
    .union([z.literal(''), schema])
    .optional()
    .transform((v): z.output<T> | null => (v === '' || v === undefined ? null : v));

/** A field sent once, several times or not at all (checkboxes, multi-selects), as a list. */
const list = <T extends z.ZodType>(item: T) =>
  z
    .union([item, z.array(item)])
    .optional()
    .transform((v): z.output<T>[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

/** A calendar day, 'YYYY-MM-DD', that exists (no 30 February). */
const date = () =>
  z
    .string()
    .trim()
    .pipe(z.iso.date({ message: 'i18n:form.invalidDate' }));

/** Common field shapes. */
export const fields = {
  blankOr,
  list,
  date,
  optionalDate: () => blankOr(date()),
  /** A phone number as people write it: digits, spaces, + ( ) -; empty is null. */
  phone: () =>
    z
      .string()
      .trim()
      .max(30)
      .regex(/^[+\d\s()-]*$/, 'i18n:form.invalidPhone')
      .optional()
      .transform((v) => v || null),
  optionalEmail: () => blankOr(z.email().max(254)),
  optionalUrl: () => blankOr(z.url({ protocol: /^https?$/ }).max(300)),
  /** One town by P-code (C1594), any case. */
  pcode: (message = 'i18n:form.badTown') => z.string().trim().toUpperCase().regex(PCODE, message),
  /** Towns by P-code, separated by spaces or commas (Arabic too): at most `max`, at least `min`. */
  pcodes: ({ max, min = 0, message = 'i18n:form.badTown' }: { max: number; min?: number; message?: string }) =>
    z
      .string()
      .max(2000)
      .optional()
      .transform((v) =>
        (v ?? '')
          .split(/[\s,،]+/)
          .map((t) => t.trim().toUpperCase())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().regex(PCODE, message)).min(min).max(max)),
  /** A count as people type it (Arabic-Indic digits, thousands separators); empty is null. */
  count: (max = 1_000_000) =>
    z
      .string()
      .trim()
      .transform((t) => westernDigits(t).replace(/[,٬\s]/g, ''))
      .pipe(z.string().regex(/^\d{0,9}$/, 'i18n:form.invalidNumber'))
      .transform((t) => (t === '' ? null : Number(t)))
      .pipe(z.number().int().min(0).max(max).nullable()),
  text: (max: number) => z.string().trim().min(1).max(max),
  optionalText: (max: number) =>
    z
      .string()
      .trim()
      .max(max)
      .optional()
      .transform((v) => (v ? v : null)),
  checkbox: () =>
    z
      .union([z.literal('on'), z.literal('1'), z.literal('')])
      .optional()
      .transform((v) => v === 'on' || v === '1'),
  id: () =>
    z.coerce
      .number()
      .int()
      .positive()
      .max(2 ** 31 - 1),
  page: () => z.coerce.number().int().min(1).max(10_000).catch(1),
};
