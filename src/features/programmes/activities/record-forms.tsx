// The routes every member's record in a project has (an activity, a visit): the "new" page, the
// form it posts, the edit form and the delete for the organizing member's staff. Both keep to the
// person's organizations among the project's members; towns are typed by name. Each change is
// audited as `programmes.<activity|visit>.<created|edited|deleted>`.
import type { FunctionComponent } from 'preact';
import type { z } from 'zod';
import { localized } from '../../../core/i18n/localized.js';
import { form, notFound, page, type AnyCtx, type Ctx, type RouteDef } from '../../../core/http/route.js';
import type { FormState } from '../../../core/views/forms.js';
import { damascusDay } from '../../../core/time.js';
import { project, projectResource } from '../permissions.js';
import type { ProjectRow } from '../projects/queries.js';
import { checkMemberForm, projectChoices } from '../common/choices.js';
import { townText } from '../common/queries.js';
import { removal, target } from '../common/routes.js';
import type { RecordForm } from './views.js';

type Row = { id: number; organization_id: number; town_pcode: string };
type Found<R> = { record: R; project: ProjectRow; choices: Awaited<ReturnType<typeof projectChoices>> };

export function recordForms<R extends Row, S extends z.ZodObject>(
  kind: 'activities' | 'visits',
  opts: {
    FormPage: FunctionComponent<RecordForm>;
    load: (need: 'own') => (c: AnyCtx) => Promise<{ record: R; project: ProjectRow }>;
    schema: S;
    /** the date field a new record starts with today's date in */
    dateField: string;
    values: (row: R) => Record<string, unknown>;
    /** writes the record (`id` null: a new one) and answers its id */
    save: (c: Ctx<'orgStaff'>, id: number | null, project: ProjectRow, data: z.output<S>) => Promise<number>;
    /** after a new record is saved (telling those it concerns) */
    created?: (c: AnyCtx, project: ProjectRow, id: number, data: z.output<S>) => Promise<void>;
    /** why the record cannot be deleted now, or null */
    blocked?: (c: AnyCtx, record: R) => string | null;
    remove: (c: Ctx<'orgStaff'>, record: R) => Promise<unknown>;
  },
): RouteDef[][] {
  const one = kind === 'activities' ? 'activity' : 'visit';
  /** A new record in project `:id`: the person's organization must take part in it. */
  const contributing = async (c: AnyCtx) => {
    const p = await project('contribute')(c);
    return { project: p, choices: await projectChoices(c, p) };
  };
  /** One's own record: the organization must still take part in the project. */
  const own = async (c: AnyCtx): Promise<Found<R>> => {
    const found = await opts.load('own')(c);
    if (!c.can('contribute', projectResource(found.project))) notFound();
    return { ...found, choices: await projectChoices(c, found.project) };
  };
  const { FormPage } = opts;
  const newPage = (
    c: AnyCtx,
    l: Omit<Found<R>, 'record'>,
    values: Record<string, unknown>,
    state: FormState | null,
  ) => (
    <FormPage
      action={`/projects/${l.project.id}/${kind}`}
      isNew
      projectName={localized(l.project, 'name', c.locale)}
      values={values}
      state={state}
      {...l.choices}
    />
  );
  const editPage = async (c: AnyCtx, l: Found<R>, state: FormState | null) => (
    <FormPage
      action={`/programmes/${kind}/${l.record.id}/edit`}
      isNew={false}
      projectName={localized(l.project, 'name', c.locale)}
      values={{ ...opts.values(l.record), town_pcode: await townText(c.db, c.locale, l.record.town_pcode) }}
      state={state}
      removal={{ action: `/programmes/${kind}/${l.record.id}/delete`, blocked: opts.blocked?.(c, l.record) ?? null }}
      {...l.choices}
    />
  );
  const audit = (l: { record: R; project: ProjectRow }) =>
    target(one, l.record.id, l.record.organization_id, { project: l.project.id });
  const done = (id: number) => `/programmes/${kind}/${id}`;
  return [
    [
      page(`/projects/:id/${kind}/new`, {
        access: 'orgStaff',
        load: contributing,
        render: (c, l) =>
          newPage(c, l, { [opts.dateField]: damascusDay(c.now), organization_id: l.choices.mine[0] }, null),
      }),
    ],
    form(`/projects/:id/${kind}`, {
      access: 'orgStaff',
      load: contributing,
      schema: opts.schema,
      show: (c, l, state) => newPage(c, l, {}, state),
      check: (c, l, data) => checkMemberForm(c, l.choices, data as { organization_id: number }),
      async save(c, l, data) {
        const id = await opts.save(c, null, l.project, data);
        const organizationId = (data as { organization_id: number }).organization_id;
        await c.audit(`programmes.${one}.created`, target(one, id, organizationId, { project: l.project.id }));
        await opts.created?.(c, l.project, id, data);
        return done(id);
      },
    }),
    form(`/programmes/${kind}/:id/edit`, {
      access: 'orgStaff',
      get: true,
      load: own,
      schema: opts.schema,
      show: editPage,
      check: (c, l, data) => checkMemberForm(c, l.choices, data as { organization_id: number }),
      async save(c, l, data) {
        await opts.save(c, l.record.id, l.project, data);
        await c.audit(`programmes.${one}.edited`, audit(l));
        return done(l.record.id);
      },
    }),
    removal(`/programmes/${kind}/:id/delete`, {
      access: 'orgStaff',
      load: own,
      show: editPage,
      blocked: (c, l) => opts.blocked?.(c, l.record) ?? null,
      remove: (c, l) => opts.remove(c as Ctx<'orgStaff'>, l.record),
      audit: (l) => ({ kind: one, target: audit(l) }),
      next: (l) => `/projects/${l.project.id}/internal#${kind}`,
    }),
  ];
}
