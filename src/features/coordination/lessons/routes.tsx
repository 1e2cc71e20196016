// Lessons learned: private to the organization by default, shareable with the network, and
// publishable to the resources library (as a submission an editor reviews).
import { action, form, FormErrors, notFound, page, parseId, type AnyCtx } from '../../../core/http/route.js';
import type { FormState } from '../../../core/views/forms.js';
import { publishFromFeature } from '../../publishing/actions.js';
import { coord, type CoordContext } from '../context.js';
import { isNetworkMember, type LessonResource } from '../permissions.js';
import { emptyForm, lessonForm } from '../schemas.js';
import { meetingsFor } from '../meetings/loaders.js';
import { listOwnVisits } from '../licensing/queries.js';
import { getLesson, listLessonsFor, organizationTowns, type Lesson } from './queries.js';
import { deleteLesson, lessonBody, markPublished, saveLesson } from './actions.js';
import { LessonFormPage, LessonPage, LessonsPage } from './views.js';

const resource = (l: Lesson): LessonResource => ({
  type: 'coord.lesson',
  orgId: l.organization_id,
  networkId: l.network_id,
  sharing: l.sharing,
  published: l.published_id !== null,
});

/** What a lesson may be about: past meetings its writer took part in, the organization's own visits. */
async function choices(c: AnyCtx, ctx: CoordContext, orgId: number) {
  const [meetings, visits] = await Promise.all([meetingsFor(c, ctx, {}, 'attend'), listOwnVisits(c.db, orgId)]);
  const now = c.now.toISOString();
  return { meetings: meetings.filter((m) => m.starts_at <= now).reverse(), visits };
}

/** The meeting and the visit must be ones the organization may refer to. */
async function checkRefs(
  c: AnyCtx,
  ctx: CoordContext,
  orgId: number,
  data: { meeting_id: number | null; visit_id: number | null },
) {
  const ch = await choices(c, ctx, orgId);
  return {
    meeting_id:
      data.meeting_id !== null && !ch.meetings.some((m) => m.id === data.meeting_id)
        ? c.t('form.invalidChoice')
        : undefined,
    visit_id:
      data.visit_id !== null && !ch.visits.some((v) => v.id === data.visit_id) ? c.t('form.invalidChoice') : undefined,
  };
}

/** A lesson its viewer may see; 'edit' and 'publish' as the policy says. */
const lesson = (act: 'view' | 'edit' | 'publish') => async (c: AnyCtx) => {
  const ctx = await coord(c);
  const l = (await getLesson(c.db, c.id('id'))) ?? notFound();
  if (l.network_id !== ctx.network.id || !ctx.can('view', resource(l)) || !ctx.can(act, resource(l))) notFound();
  return { ctx, l };
};
type LoadedLesson = Awaited<ReturnType<ReturnType<typeof lesson>>>;

function lessonPage(_c: AnyCtx, { ctx, l }: LoadedLesson, state: FormState | null = null) {
  return (
    <LessonPage
      l={l}
      canEdit={ctx.can('edit', resource(l))}
      canPublish={ctx.can('publish', resource(l))}
      state={state}
    />
  );
}

/** The organization a new lesson is written for: one's first. */
async function writer(c: AnyCtx) {
  const ctx = await coord(c);
  return ctx.orgIds.length ? { ctx, orgId: ctx.orgIds[0]! } : notFound();
}

const access = 'member' as const;

export const lessonRoutes = [
  page('/lessons', {
    access,
    async render(c) {
      const ctx = await coord(c);
      const all = await listLessonsFor(c.db, ctx.network.id, ctx.orgIds, isNetworkMember(ctx.actor, ctx.network.id));
      const lessons = all.filter((l) => ctx.can('view', resource(l)));
      return <LessonsPage lessons={lessons} canCreate={ctx.orgIds.length > 0} />;
    },
  }),

  form('/lessons/new', {
    access,
    get: true,
    load: writer,
    schema: lessonForm,
    async show(c, { ctx, orgId }, state) {
      // From a meeting's or a visit's page: the lesson is about it.
      const values: Record<string, unknown> = {};
      if (parseId(c.query.meeting)) Object.assign(values, { subject: 'meeting', meeting_id: c.query.meeting });
      if (parseId(c.query.visit)) Object.assign(values, { subject: 'visit', visit_id: c.query.visit });
      const ch = await choices(c, ctx, orgId);
      return <LessonFormPage action="/lessons/new" isNew values={values} state={state} {...ch} />;
    },
    check: (c, { ctx, orgId }, data) => checkRefs(c, ctx, orgId, data),
    async save(c, { orgId }, data) {
      return `/lessons/${await saveLesson(c.db, orgId, null, data, c.user.id, c.now)}`;
    },
  }),

  page('/lessons/:id', { access, load: lesson('view'), render: (c, x) => lessonPage(c, x) }),

  form('/lessons/:id/edit', {
    access,
    get: true,
    load: lesson('edit'),
    schema: lessonForm,
    async show(c, { ctx, l }, state) {
      const ch = await choices(c, ctx, l.organization_id);
      return <LessonFormPage action={`/lessons/${l.id}/edit`} isNew={false} values={l} state={state} {...ch} />;
    },
    check: (c, { ctx, l }, data) => checkRefs(c, ctx, l.organization_id, data),
    async save(c, { l }, data) {
      await saveLesson(c.db, l.organization_id, l.id, data, c.user.id, c.now);
      return `/lessons/${l.id}`;
    },
  }),

  form('/lessons/:id/publish', {
    access,
    load: lesson('publish'),
    schema: emptyForm,
    show: lessonPage,
    async save(c, { l }) {
      const tr = c.wasl.i18n.translator(l.lang, { digits: c.i18n.digits });
      const body = lessonBody(l, {
        happened: tr.t('coordination.lesson.whatHappened'),
        worked: tr.t('coordination.lesson.whatWorked'),
        change: tr.t('coordination.lesson.whatToChange'),
      });
      if (!body) throw new FormErrors({ _form: c.t('coordination.lesson.emptyBody') });
      const published = await publishFromFeature(
        c.wasl,
        {
          kind: 'resource',
          collection: 'lessons-learned',
          organizationId: l.organization_id,
          title: l.title,
          summary: (l.what_to_change || l.what_worked || l.what_happened).slice(0, 300),
          body,
          lang: l.lang,
          towns: await organizationTowns(c.db, l.organization_id),
          projectId: null,
          authorUserId: c.user.id,
          source: { feature: 'coordination', id: `lesson:${l.id}` },
        },
        c.now,
      );
      await markPublished(c.db, l.id, l.organization_id, published, c.now);
      await c.audit('coordination.lesson.submitted', {
        targetType: 'lesson',
        targetId: l.id,
        organizationId: l.organization_id,
        details: { resourceId: published.id },
      });
      return { to: `/lessons/${l.id}`, flash: 'coordination.lesson.submittedFlash' };
    },
  }),

  action('/lessons/:id/delete', {
    access,
    load: async (c) => {
      const x = await lesson('edit')(c);
      return x.l.published_id ? notFound() : x;
    },
    schema: emptyForm,
    async run(c, { l }) {
      await deleteLesson(c.db, l.id, l.organization_id);
      return { to: '/lessons', flash: 'common.deleted' };
    },
  }),
];
