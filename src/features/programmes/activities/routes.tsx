// Activities (with private notes and photos, published as reports on request), recorded, corrected
// and deleted by participating members for their own organization. Advocacy visits are in
// visit-routes.tsx.
import fs from 'node:fs';
import { localized } from '../../../core/i18n/localized.js';
import { action, endpoint, form, notFound, page, type AnyCtx } from '../../../core/http/route.js';
import type { FormState } from '../../../core/views/forms.js';
import type { ProjectRow } from '../projects/queries.js';
import { activity } from '../permissions.js';
import { activityForm, countsFrom, emptyForm, photosForm } from '../schemas.js';
import { recordNames } from '../common/queries.js';
import { target, tellStaff } from '../common/routes.js';
import { deletePhotos, filesOf, linkPhotos, publishActivity, storePhotos } from './actions.js';
import { addActivityPhoto, deleteActivity, saveActivity, type ActivityRow } from './queries.js';
import { recordForms } from './record-forms.js';
import { visitRoutes } from './visit-routes.js';
import { ActivityFormPage, ActivityPage } from './views.js';

type Found = { record: ActivityRow; project: ProjectRow; isOwn: boolean };

async function activityPage(c: AnyCtx, { record: a, project: p, isOwn }: Found, state: FormState | null) {
  const [orgs, towns] = await recordNames(c.db, a);
  return (
    <ActivityPage
      activity={{ ...a, notes: isOwn ? a.notes : '', photos: isOwn ? a.photos : [] }}
      projectName={localized(p, 'name', c.locale)}
      orgs={orgs}
      towns={towns}
      isOwn={isOwn}
      state={state}
    />
  );
}

/** The grid's fields of a saved activity: n_<gender>_<age band>. */
function activityValues(a: ActivityRow): Record<string, unknown> {
  const values: Record<string, unknown> = { ...a };
  for (const cnt of a.counts) values[`n_${cnt.gender}_${cnt.age_band}`] = cnt.count;
  return values;
}

/** An activity's photo (`:media`), for the organizing member's staff. */
async function ownPhoto(c: AnyCtx) {
  const found = await activity('own')(c);
  const photo = found.record.photos.find((p) => p.id === c.params.media) ?? notFound();
  return { ...found, photo };
}

export const activityRoutes = [
  ...recordForms('activities', {
    FormPage: ActivityFormPage,
    load: activity,
    schema: activityForm,
    dateField: 'held_on',
    values: activityValues,
    async save(c, id, p, data) {
      const photos = id === null ? await storePhotos(c, filesOf(data.photos), data.organization_id) : [];
      const saved = await saveActivity(c.db, id, p.id, { ...data, counts: countsFrom(data) }, c.user.id, c.now);
      await linkPhotos(c, saved, photos);
      return saved;
    },
    // The coordinating member's staff are told of what other members record in their project.
    async created(c, p, id, data) {
      if (data.organization_id !== p.coordinator_org_id)
        await tellStaff(
          c,
          'programmes.activityRecorded',
          [p.coordinator_org_id],
          { title: data.title, project: p.name_ar },
          `/programmes/activities/${id}`,
        );
    },
    // A report sent to the editors is theirs now: the activity it came from stays.
    blocked: (c, a) => (a.published_item_id ? c.t('programmes.activity.cannotDelete') : null),
    async remove(c, a) {
      await deletePhotos(c, a.id, a.photos);
      await deleteActivity(c.db, a.id);
    },
  }),

  page('/programmes/activities/:id', {
    access: 'member',
    load: activity('view'),
    render: (c, found) => activityPage(c, found, null),
  }),

  form('/programmes/activities/:id/photos', {
    access: 'orgStaff',
    load: activity('own'),
    schema: photosForm,
    show: activityPage,
    check: (c, _found, data) =>
      filesOf(data.photos).length ? undefined : { photos: c.t('programmes.activity.noFile') },
    async save(c, { record: a }, data) {
      await storePhotos(c, filesOf(data.photos), a.organization_id, (mediaId) =>
        addActivityPhoto(c.db, a.id, mediaId, c.now),
      );
      await c.audit('programmes.activity.edited', target('activity', a.id, a.organization_id, { photos: 'added' }));
      return `/programmes/activities/${a.id}`;
    },
  }),

  // Private photos: the organizing member's staff only.
  endpoint('GET', '/programmes/activities/:id/photos/:media/:file', {
    access: 'orgStaff',
    load: ownPhoto,
    handle(c, { photo }) {
      const { media, file } = c.params;
      const full = c.wasl.media.filePath(media, file);
      if (!full || !Object.values(photo.variants).includes(file) || !fs.existsSync(full)) notFound();
      return c.reply
        .header('cache-control', 'private, no-store')
        .header('content-disposition', 'inline')
        .type('image/webp')
        .send(fs.createReadStream(full));
    },
  }),

  form('/programmes/activities/:id/photos/:media/delete', {
    access: 'orgStaff',
    load: ownPhoto,
    schema: emptyForm,
    show: activityPage,
    async save(c, { record: a, photo }) {
      await deletePhotos(c, a.id, [photo]);
      await c.audit('programmes.activity.edited', target('activity', a.id, a.organization_id, { photos: 'deleted' }));
      return { to: `/programmes/activities/${a.id}`, flash: 'common.deleted' };
    },
  }),

  action('/programmes/activities/:id/publish', {
    access: 'orgStaff',
    load: activity('own'),
    async run(c, { record: a, project: p }) {
      await publishActivity(c, a, p);
      return { to: `/programmes/activities/${a.id}`, flash: 'programmes.activity.submitted' };
    },
  }),

  ...visitRoutes,
];
