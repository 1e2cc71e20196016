import { z } from 'zod';
import { fields } from '../../core/http/forms.js';

/** The list: a page, and all or only what is not read yet. */
export const listQuery = z.object({ page: fields.page(), show: z.enum(['all', 'unread']).catch('all') });

/** Where a "mark as read" button goes back to: the list it was on, or the start page. */
export const readForm = z.object({ back: z.string().max(200).optional() });

export const channelValue = z.enum(['now', 'digest', 'off']);
