// Activities (with private notes and photos, published as reports on request) and advocacy visits
// with their recommendations, recorded by participating members for their own organization.
import fs from 'node:fs';
import { localized } from '../../../core/i18n/localized.js';
import { action, endpoint, form, notFound, page, type AnyCtx } from '../../../core/http/route.js';
import type { FormState } from '../../../core/views/forms.js';
import { damascusDay } from '../../../core/time.js';
import type { ProjectRow } from '../projects/queries.js';
import { activity, orgRecord, visit } from '../permissions.js';
import { activityForm, countsFrom, followupForm, photosForm, recommendationForm, visitForm } from '../schemas.js';
import { organizationNames, townNames } from '../shared/queries.js';
import { filesOf, linkPhotos, publishActivity, storePhotos } from './actions.js';
import {
  addActivityPhoto,
  addRecommendation,
  followUpRecommendation,
  getRecommendation,
  saveActivity,
  saveVisit,
  type ActivityRow,
  type VisitRow,
} from './queries.js';
import { recordForms } from './record-forms.js';
import { ActivityFormPage, ActivityPage, VisitFormPage, VisitPage } from './views.js';

type Found<R> = { record: R; project: ProjectRow; isOwn: boolean };

async function activityPage(c: AnyCtx, { record: a, project: p, isOwn }: Found<ActivityRow>, state: FormState | null) {
  const [orgs, towns] = await Promise.all([
    organizationNames(c.db, [a.organization_id]),
    townNames(c.db, [a.town_pcode]),
  ]);
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

async function visitPage(c: AnyCtx, { record: v, project: p, isOwn }: Found<VisitRow>, state: FormState | null) {
  const [orgs, towns] = await Promise.all([
    organizationNames(c.db, [v.organization_id]),
    townNames(c.db, [v.town_pcode]),
  ]);
  return (
    <VisitPage
      visit={{ ...v, notes: isOwn ? v.notes : '' }}
      projectName={localized(p, 'name', c.locale)}
      orgs={orgs}
      towns={towns}
      isOwn={isOwn}
      today={damascusDay(c.now)}
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
    show: (c, found, state) => activityPage(c, found, state),
    check: (c, _found, data) =>
      filesOf(data.photos).length ? undefined : { photos: c.t('programmes.activity.noFile') },
    async save(c, { record: a }, data) {
      await storePhotos(c, filesOf(data.photos), a.organization_id, (mediaId) =>
        addActivityPhoto(c.db, a.id, mediaId, c.now),
      );
      return `/programmes/activities/${a.id}`;
    },
  }),

  // Private photos: the organizing member's staff only.
  endpoint('GET', '/programmes/activities/:id/photos/:media/:file', {
    access: 'orgStaff',
    load: activity('own'),
    handle(c, { record: a }) {
      const { media, file } = c.params;
      const photo = a.photos.find((p) => p.id === media);
      const full = c.wasl.media.filePath(media, file);
      if (!photo || !full || !Object.values(photo.variants).includes(file) || !fs.existsSync(full)) notFound();
      return c.reply
        .header('cache-control', 'private, no-store')
        .header('content-disposition', 'inline')
        .type('image/webp')
        .send(fs.createReadStream(full));
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

  ...recordForms('visits', {
    FormPage: VisitFormPage,
    load: visit,
    schema: visitForm,
    dateField: 'visited_on',
    values: (v) => v,
    save: (c, id, p, data) => saveVisit(c.db, id, p.id, data, c.user.id, c.now),
  }),

  page('/programmes/visits/:id', {
    access: 'member',
    load: visit('view'),
    render: (c, found) => visitPage(c, found, null),
  }),

  form('/programmes/visits/:id/recommendations', {
    access: 'orgStaff',
    load: visit('own'),
    schema: recommendationForm,
    show: (c, found, state) => visitPage(c, found, state),
    async save(c, { record: v }, data) {
      await addRecommendation(c.db, v.id, data, c.now);
      return `/programmes/visits/${v.id}`;
    },
  }),

  form('/programmes/recommendations/:id/follow-up', {
    access: 'orgStaff',
    async load(c) {
      const rec = (await getRecommendation(c.db, c.id('id'))) ?? notFound();
      if (!c.can('edit', orgRecord(rec.organization_id))) notFound();
      return { rec, ...(await visit.byId(c, rec.visit_id, 'own')) };
    },
    schema: followupForm,
    show: (c, found, state) => visitPage(c, found, state),
    async save(c, { rec }, data) {
      await followUpRecommendation(c.db, rec.id, data, c.user.id, c.now);
      return `/programmes/visits/${rec.visit_id}#rec-${rec.id}`;
    },
  }),
];
