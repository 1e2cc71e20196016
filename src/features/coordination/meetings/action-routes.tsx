// Action items: made at a meeting by its managers (its organizations and expected people may own
// them), corrected or removed by the same people, their status kept by their owners; the tracker.
import type { z } from 'zod';
import { action, form, FormErrors, page, type AnyCtx } from '../../../core/http/route.js';
import { safeLocalPath } from '../../../core/http/forms.js';
import type { FormState } from '../../../core/views/forms.js';
import { localized } from '../../../core/i18n/localized.js';
import { coord, viewerOf } from '../context.js';
import { actionForm, actionStatusForm, actionsQuery, emptyForm } from '../schemas.js';
import { expectedPeople, getDecision, listActionsFor, listDecisions, type Meeting } from './queries.js';
import { createAction, deleteAction, setActionStatus, updateAction } from './actions.js';
import { actionResource, actionToEdit, actionToUpdate, forManagers } from './loaders.js';
import { actionRows, meetingPage, ownerChoices } from './page.js';
import { assignedNotice } from './notices.js';
import { ActionEditPage, ActionsPage } from './views/tracker.js';

/** The owner and decision of an action item at this meeting, checked; refused → FormErrors. */
async function resolveAction(c: AnyCtx, m: Meeting, data: z.infer<typeof actionForm>) {
  const [kind, rawId] = data.owner.split(':') as ['org' | 'user', string];
  const ownerId = Number(rawId);
  const refuse = (field: string): never => {
    throw new FormErrors({ [field]: c.t('form.invalidChoice') });
  };
  let owner: { org: number | null; user: number | null };
  if (kind === 'org') {
    const allowed = new Set([...(m.host_org_id ? [m.host_org_id] : []), ...m.inviteeOrgIds]);
    owner = allowed.has(ownerId) ? { org: ownerId, user: null } : refuse('owner');
  } else {
    const person = (await expectedPeople(c.db, m)).find((p) => p.user_id === ownerId) ?? refuse('owner');
    owner = { org: person.org_id, user: ownerId };
  }
  const decision =
    data.decision_id === null ? null : ((await getDecision(c.db, m.id, data.decision_id)) ?? refuse('decision_id'));
  return {
    title: data.title,
    details: data.details,
    owner_org_id: owner.org,
    owner_user_id: owner.user,
    due_on: data.due_on,
    sharing: data.sharing,
    decision_id: decision?.id ?? null,
    review_id: decision?.review_id ?? null,
  };
}

type Editing = Awaited<ReturnType<typeof actionToEdit>>;

/**
 * What an action item may become: at its meeting, what a new one may (owners, decisions); one
 * the organization made from a plan review keeps its owner, sharing and decision.
 */
async function editChoices(c: AnyCtx, e: Editing) {
  const a = e.a;
  if (e.meeting) {
    const m = e.meeting.m;
    return { meeting: m, owners: await ownerChoices(c, m), decisions: await listDecisions(c.db, m.id) };
  }
  const decision = a.meeting_id && a.decision_id ? await getDecision(c.db, a.meeting_id, a.decision_id) : undefined;
  const org = { value: `org:${a.owner_org_id}`, label: localized(a, 'org_name', c.locale) };
  return { meeting: null, owners: [org], decisions: decision ? [decision] : [] };
}

async function editPage(c: AnyCtx, e: Editing, state: FormState | null = null) {
  const { owners, decisions } = await editChoices(c, e);
  const a = e.a;
  const owner = a.owner_user_id !== null ? `user:${a.owner_user_id}` : `org:${a.owner_org_id}`;
  return (
    <ActionEditPage
      action={a}
      values={{ ...a, owner, decision_id: a.decision_id === null ? '' : String(a.decision_id) }}
      owners={owners}
      decisions={decisions}
      back={a.meeting_id ? `/meetings/${a.meeting_id}#action-${a.id}` : '/actions'}
      state={state}
    />
  );
}

const access = 'member' as const;
const target = (a: { id: number; owner_org_id: number | null }, details?: Record<string, unknown>) => ({
  targetType: 'action',
  targetId: a.id,
  organizationId: a.owner_org_id,
  details,
});

export const actionRoutes = [
  form('/meetings/:id/actions', {
    ...forManagers,
    schema: actionForm,
    show: meetingPage,
    async save(c, l, data) {
      const input = { ...(await resolveAction(c, l.m, data)), meeting_id: l.m.id };
      const id = await createAction(c.db, l.ctx.network.id, input, c.user.id, c.now);
      await c.audit('coordination.action.created', target({ id, owner_org_id: input.owner_org_id }));
      await assignedNotice(c, { id, ...input });
      return `/meetings/${l.m.id}#action-${id}`;
    },
  }),

  page('/actions', {
    access,
    query: actionsQuery,
    async render(c) {
      const ctx = await coord(c);
      const { status } = c.query;
      const mine = c.query.mine === '1';
      const filter = { status: status === 'all' ? undefined : status, mine };
      const list = await listActionsFor(c.db, ctx.network.id, viewerOf(ctx), filter);
      const rows = actionRows(ctx, list, c.now).filter((a) => ctx.can('view', actionResource(a)));
      return <ActionsPage actions={rows} status={status} mine={mine} />;
    },
  }),

  action('/actions/:id/status', {
    access,
    load: actionToUpdate,
    schema: actionStatusForm,
    async run(c, a, data) {
      await setActionStatus(c.db, a.id, data.status, c.now);
      const back = safeLocalPath(typeof data.back === 'string' ? data.back : '/actions', '/actions');
      return { to: `${back}#action-${a.id}`, flash: 'common.saved' };
    },
  }),

  form('/actions/:id/edit', {
    access,
    get: true,
    load: actionToEdit,
    schema: actionForm,
    show: editPage,
    async save(c, e, data) {
      const a = e.a;
      const kept = { owner_org_id: a.owner_org_id, owner_user_id: a.owner_user_id, sharing: a.sharing };
      const values = e.meeting
        ? await resolveAction(c, e.meeting.m, data)
        : {
            ...kept,
            title: data.title,
            details: data.details,
            due_on: data.due_on,
            decision_id: a.decision_id,
            review_id: a.review_id,
          };
      await updateAction(c.db, a.id, e.ctx.network.id, values, c.now);
      await c.audit('coordination.action.updated', target(a));
      await assignedNotice(c, { id: a.id, ...values }, a);
      return a.meeting_id ? `/meetings/${a.meeting_id}#action-${a.id}` : `/actions#action-${a.id}`;
    },
  }),

  action('/actions/:id/delete', {
    access,
    load: actionToEdit,
    schema: emptyForm,
    async run(c, e) {
      await deleteAction(c.db, e.a.id, e.ctx.network.id);
      await c.audit('coordination.action.deleted', target(e.a, { title: e.a.title }));
      return { to: e.a.meeting_id ? `/meetings/${e.a.meeting_id}` : '/actions', flash: 'common.deleted' };
    },
  }),
];
