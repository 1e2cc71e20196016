// What the routes of every programmes area share: deleting a record (asked twice on the page; the
// server says why when it cannot be done, and logs it like the creation), the audit entry of a
// member's record, and telling a member's staff that work waits for them.
import type { VNode } from 'preact';
import type { AccessLevel } from '../../../core/auth/access.js';
import { form, FormErrors, type AnyCtx, type RouteDef } from '../../../core/http/route.js';
import { notify } from '../../../core/notify/index.js';
import type { FormState } from '../../../core/views/forms.js';
import { emptyForm } from '../schemas.js';
import { staffOf } from './queries.js';

/** An audit entry's target: what was changed, and for which member (never names or notes). */
export const target = (
  type: string,
  id: number,
  organizationId?: number | null,
  details?: Record<string, unknown>,
) => ({
  targetType: `programme_${type}`,
  targetId: id,
  organizationId: organizationId ?? null,
  ...(details ? { details } : {}),
});

/**
 * POST `path`: deletes what `load` found, unless `blocked` gives the reason it must stay (shown
 * at the top of the page, 409, nothing changed); audited as `programmes.<kind>.deleted`.
 */
export function removal<L>(
  path: string,
  opts: {
    access: AccessLevel;
    /** GET shows `show` too: a page that asks first (where a button cannot sit) */
    get?: boolean;
    load: (c: AnyCtx) => Promise<L>;
    /** the page the delete button is on, with the refusal */
    show: (c: AnyCtx, loaded: L, state: FormState | null) => VNode | Promise<VNode>;
    blocked?: (c: AnyCtx, loaded: L) => string | null | Promise<string | null>;
    remove: (c: AnyCtx, loaded: L) => Promise<unknown>;
    audit: (loaded: L) => { kind: string; target: ReturnType<typeof target> };
    next: (loaded: L) => string;
  },
): RouteDef[] {
  return form(path, {
    access: opts.access,
    get: opts.get,
    load: opts.load,
    schema: emptyForm,
    show: opts.show,
    async check(c, loaded) {
      const why = opts.blocked ? await opts.blocked(c, loaded) : null;
      if (why) throw new FormErrors({ _form: why }, { status: 409 });
    },
    async save(c, loaded) {
      await opts.remove(c, loaded);
      const { kind, target: t } = opts.audit(loaded);
      await c.audit(`programmes.${kind}.deleted`, t);
      return { to: opts.next(loaded), flash: 'common.deleted' };
    },
  });
}

/** Tells the staff of these members (not the person acting) that something waits for them. */
export async function tellStaff(
  c: AnyCtx,
  type: `programmes.${string}`,
  organizationIds: number[],
  params: Record<string, string | number>,
  url: string,
): Promise<void> {
  await notify(c.wasl, {
    users: await staffOf(c.db, organizationIds),
    type,
    params,
    url,
    now: c.now,
    actorId: c.user?.id ?? null,
  });
}
