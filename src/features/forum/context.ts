// What several forum routes need from a request: the forum's own navigation (the review link), the
// site's address for quotes and links, and refusals that answer with another status than the form
// kit's 400.
import type { FastifyReply } from 'fastify';
import type { VNode } from 'preact';
import { FormErrors, type AnyCtx } from '../../core/http/route.js';
import type { WaslServices } from '../../core/services.js';
import type { FormState } from '../../core/views/forms.js';
import { isForumModerator } from './permissions.js';

/** The props of ForumNav and the clock, for every page with the forum's navigation. */
export type Chrome = { moderator: boolean; now: Date };

export function chrome(c: AnyCtx): Chrome {
  return { moderator: isForumModerator(c.actor), now: c.now };
}

/** BASE_URL without a trailing slash. */
export function siteBase(wasl: Pick<WaslServices, 'config'>): string {
  return wasl.config.baseUrl.replace(/\/+$/, '');
}

export const baseUrl = (c: AnyCtx) => siteBase(c.wasl);

/**
 * Refuses a submitted form with a message at its top and another status than 400: 403 for a
 * sanction, 429 for a limit (with Retry-After, in seconds). The page comes back through the
 * route's `show`, which answers with `formStatus`. (For the lead: a `status` on FormErrors.)
 */
export function refuse(c: AnyCtx, status: number, message: string, retryAfter?: number): never {
  c.reply.code(status);
  if (retryAfter !== undefined) c.reply.header('retry-after', String(retryAfter));
  throw new FormErrors({ _form: message });
}

/**
 * A form's page: the kit answers 200, or 400 after a refused submission; a refusal with another
 * status (`refuse`) is rendered here with that status.
 */
export function showForm(c: AnyCtx, page: VNode, state: FormState | null): VNode | FastifyReply {
  const status = c.reply.statusCode;
  return state && status > 400 ? c.render(page, status) : page;
}
