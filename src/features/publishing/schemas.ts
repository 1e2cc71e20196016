// Form and query schemas of the publishing feature.
import { z } from 'zod';
import { fields } from '../../core/http/forms.js';
import { MARKDOWN_MAX_CHARS } from '../../core/text/markdown.js';
import { COLLECTIONS, KINDS, RESOURCE_TYPES, TOPICS } from './queries.js';

const pcodeList = fields.pcodes({ max: 30, message: 'i18n:publishing.form.badTown' });
const topicList = fields.list(z.enum(TOPICS));
const optionalId = fields.blankOr(fields.id());

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .union([z.literal(''), z.enum(values)])
    .optional()
    .transform((v) => (v ? v : null));

export const itemForm = z.object({
  organization_id: optionalId,
  lang: z.enum(['ar', 'en']),
  title: fields.text(200),
  summary: z.string().trim().max(600).default(''),
  body: z.string().max(MARKDOWN_MAX_CHARS).default(''),
  byline: z.string().trim().max(200).default(''),
  byline_pseudonym: fields.checkbox(),
  towns: pcodeList,
  topics: topicList,
  collection: optionalEnum(COLLECTIONS),
  resource_type: optionalEnum(RESOURCE_TYPES),
  page_key: z
    .union([
      z.literal(''),
      z
        .string()
        .trim()
        .regex(/^[a-z][a-z0-9-]{1,40}$/, 'i18n:publishing.form.badPageKey'),
    ])
    .optional()
    .transform((v) => v || null),
  translation_of: optionalId,
  local_issue_id: optionalId,
  activity_date: z
    .union([z.literal(''), z.iso.date()])
    .optional()
    .transform((v) => v || null),
  cover: z.any().optional(),
  cover_alt: z.string().trim().max(300).default(''),
  file: z.any().optional(),
  file_pages: fields.blankOr(z.coerce.number().int().min(1).max(5000)),
  external_url: z
    .union([z.literal(''), z.url({ protocol: /^https?$/ }).max(500)])
    .optional()
    .transform((v) => v || null),
});
export type ItemFormData = z.infer<typeof itemForm>;

export const newItemQuery = z.object({
  kind: z.enum(KINDS).catch('activity'),
  org: z.coerce.number().int().positive().optional().catch(undefined),
});

export const submitForm = z.object({ comment: z.string().trim().max(2000).optional() });
export const publishForm = z.object({
  publish_at: z
    .union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'i18n:publishing.form.badDateTime')])
    .optional()
    .transform((v) => v || null),
});
export const returnForm = z.object({ comment: fields.text(2000) });
export const featureForm = z.object({ featured: z.enum(['0', '1']) });
export const unpublishForm = z.object({ comment: z.string().trim().max(2000).optional() });

/** Listing and search filters: a bad value is ignored (the unfiltered page), never an error. */
export const listQuery = z.object({
  town: fields.pcode().optional().catch(undefined),
  org: fields.id().optional().catch(undefined),
  topic: z.enum(TOPICS).optional().catch(undefined),
  // the items' language: `lang` would switch the interface and remember it for a year
  content: z.enum(['ar', 'en']).optional().catch(undefined),
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  type: z.enum(RESOURCE_TYPES).optional().catch(undefined),
  collection: z.enum(COLLECTIONS).optional().catch(undefined),
  page: fields.page(),
});
export type ListQuery = z.infer<typeof listQuery>;
