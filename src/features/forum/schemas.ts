// Form and query schemas of the forum. Unknown fields are refused by the form kit.
import { z } from 'zod';
import { fields } from '../../core/http/forms.js';

export const TITLE_MAX = 200;
/** A post's text at most (stated on the form): a long post, far below an article's 100,000. */
export const BODY_MAX = 10_000;

const title = z.string().trim().min(5, 'i18n:forum.form.titleTooShort').max(TITLE_MAX);
const body = z.string().trim().min(2, 'i18n:forum.form.bodyTooShort').max(BODY_MAX);

export const topicForm = z.object({ title, body });
export const replyForm = z.object({ body });
export const editForm = z.object({ title: title.optional(), body });

export const flagReasons = ['personal_info', 'abuse', 'spam', 'off_topic'] as const;
export const flagForm = z.object({
  reason: z.enum(flagReasons),
  note: z.string().trim().max(500).optional().default(''),
});

export const deleteForm = z.object({ confirm: z.literal('on', 'i18n:forum.form.confirmRequired') });

export const subscribeForm = z.object({ subscribe: z.enum(['on', 'off']) });

export const postModerations = ['hide', 'restore', 'delete', 'approve', 'reject', 'dismiss'] as const;
export type PostModeration = (typeof postModerations)[number];
export const postModerationForm = z.object({
  action: z.enum(postModerations),
  reason: z.string().trim().max(300).optional().default(''),
  next: z.string().max(300).optional(),
});

export const topicModerationForm = z.object({
  action: z.enum(['hide', 'restore', 'lock', 'unlock', 'pin', 'unpin']),
  reason: z.string().trim().max(300).optional().default(''),
});

export const moveForm = z.object({
  category_id: fields.id(),
  reason: z.string().trim().max(300).optional().default(''),
});
export const mergeForm = z.object({
  into_topic_id: fields.id(),
  reason: z.string().trim().max(300).optional().default(''),
});
export const splitForm = z.object({
  post_ids: z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : [v]).map(Number))
    .pipe(z.array(z.number().int().positive()).min(1, 'i18n:forum.split.choosePosts').max(500)),
  title,
  category_id: fields.id(),
  reason: z.string().trim().max(300).optional().default(''),
});

export const sanctionDurations = ['1', '3', '7', '30', '365'] as const;
export const sanctionForm = z.object({
  kind: z.enum(['silence', 'suspend', 'lift']),
  days: z.enum(sanctionDurations).optional().default('7'),
  reason: z.string().trim().min(3, 'i18n:forum.sanction.reasonRequired').max(300),
});

const optionalName = z.string().trim().max(80).optional().default('');

/** Arabic names are required; English ones are optional (English pages then show the Arabic). */
export const categoryForm = z.object({
  name_ar: fields.text(80),
  name_en: optionalName,
  description_ar: z.string().trim().max(500).optional().default(''),
  description_en: z.string().trim().max(500).optional().default(''),
  visibility: z.enum(['public', 'members', 'staff']),
  topic_creators: z.enum(['members', 'staff', 'moderators']),
  approval: z.enum(['none', 'new']),
  position: z.coerce.number().int().min(0).max(1000).catch(0),
});

export type CategoryInput = z.infer<typeof categoryForm>;

export const settingsForm = z.object({ digest: z.enum(['off', 'daily', 'weekly']) });

export const searchQuery = z.object({
  q: z.string().trim().max(200).catch(''),
  category: z.coerce.number().int().positive().optional().catch(undefined),
  page: fields.page(),
});

export const pageQuery = z.object({ page: fields.page() });

/** "Mark as read" on a topic page: up to the last post of that page. */
export const markReadForm = z.object({ page: fields.page() });

export const emptyForm = z.object({});
