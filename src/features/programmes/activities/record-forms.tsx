// The three form routes every member's record in a project has (an activity, a visit): the "new"
// page, the form it posts, and the edit form for the organizing member's staff. Both kinds keep to
// the person's organizations among the project's members and to the offered towns.
import type { FunctionComponent } from 'preact';
import type { z } from 'zod';
import { localized } from '../../../core/i18n/localized.js';
import { form, notFound, page, type AnyCtx, type Ctx, type RouteDef } from '../../../core/http/route.js';
import { damascusDay } from '../../../core/time.js';
import { project, projectResource } from '../permissions.js';
import type { ProjectRow } from '../projects/queries.js';
import { offChoices, projectChoices } from '../shared/choices.js';
import type { RecordForm } from './views.js';

type Where = { organization_id: number; town_pcode: string };

export function recordForms<R extends { id: number }, S extends z.ZodObject>(
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
  },
): RouteDef[][] {
  /** A new record in project `:id`: the person's organization must take part in it. */
  const contributing = async (c: AnyCtx) => {
    const p = await project('contribute')(c);
    return { project: p, choices: await projectChoices(c, p) };
  };
  /** Editing one's own record: the organization must still take part in the project. */
  const editing = async (c: AnyCtx) => {
    const found = await opts.load('own')(c);
    if (!c.can('contribute', projectResource(found.project))) notFound();
    return { ...found, choices: await projectChoices(c, found.project) };
  };
  const { FormPage } = opts;
  const check = (c: AnyCtx, l: { choices: Awaited<ReturnType<typeof projectChoices>> }, data: z.output<S>) =>
    offChoices(c, l.choices, data as unknown as Where);
  const done = (id: number) => `/programmes/${kind}/${id}`;
  return [
    [
      page(`/projects/:id/${kind}/new`, {
        access: 'orgStaff',
        load: contributing,
        render: (c, { project: p, choices }) => (
          <FormPage
            action={`/projects/${p.id}/${kind}`}
            isNew
            projectName={localized(p, 'name', c.locale)}
            values={{ [opts.dateField]: damascusDay(c.now), organization_id: choices.mine[0] }}
            state={null}
            {...choices}
          />
        ),
      }),
    ],
    form(`/projects/:id/${kind}`, {
      access: 'orgStaff',
      load: contributing,
      schema: opts.schema,
      show: (c, { project: p, choices }, state) => (
        <FormPage
          action={`/projects/${p.id}/${kind}`}
          isNew
          projectName={localized(p, 'name', c.locale)}
          values={{}}
          state={state}
          {...choices}
        />
      ),
      check,
      save: async (c, l, data) => done(await opts.save(c, null, l.project, data)),
    }),
    form(`/programmes/${kind}/:id/edit`, {
      access: 'orgStaff',
      get: true,
      load: editing,
      schema: opts.schema,
      show: (c, { record, project: p, choices }, state) => (
        <FormPage
          action={`/programmes/${kind}/${record.id}/edit`}
          isNew={false}
          projectName={localized(p, 'name', c.locale)}
          values={opts.values(record)}
          state={state}
          {...choices}
        />
      ),
      check,
      save: async (c, l, data) => done(await opts.save(c, l.record.id, l.project, data)),
    }),
  ];
}
