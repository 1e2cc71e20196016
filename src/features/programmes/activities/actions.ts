// Writes of the activities area that reach beyond its tables: private photos through the core
// media store (stored, and deleted with their files), and publishing an activity as a report
// submitted to the editors.
import fs from 'node:fs/promises';
import { isSet } from '../../../core/db/helpers.js';
import { localized } from '../../../core/i18n/localized.js';
import { FormErrors, type MemberCtx } from '../../../core/http/route.js';
import { uploadErrorMessage, type UploadedFile } from '../../../core/media/index.js';
import { PUBLIC_THRESHOLD } from '../../../core/stats/suppression.js';
import { publishFromFeature } from '../../publishing/actions.js';
import { buildIndicators, reportFigures, type Cell, type PublishedFigures } from '../indicators/report.js';
import type { ProjectRow } from '../projects/queries.js';
import { townNames } from '../common/queries.js';
import { day, named } from '../common/views.js';
import { addActivityPhoto, markActivityPublished, removeActivityPhoto, type ActivityRow } from './queries.js';

/** Files from a multipart field that may hold one file, several, or nothing. */
export function filesOf(value: unknown): UploadedFile[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.filter(
    (f): f is UploadedFile => !!f && typeof f === 'object' && Buffer.isBuffer((f as UploadedFile).data),
  );
}

/**
 * Stores photos as private images of the organization (metadata stripped by the core); `link`
 * attaches each one as it is stored. A file the store refuses stops there, with its message beside
 * the photos field.
 */
export async function storePhotos(
  c: MemberCtx,
  files: UploadedFile[],
  organizationId: number,
  link?: (mediaId: string) => Promise<void>,
): Promise<string[]> {
  const saved: string[] = [];
  for (const file of files) {
    const r = await c.wasl.media.save(
      c.db,
      file,
      { userId: c.user.id, organizationId, isPublic: false, imagesOnly: true },
      c.now,
    );
    if (!r.ok) throw new FormErrors({ photos: uploadErrorMessage(c.i18n, r.error) });
    await link?.(r.media.id);
    saved.push(r.media.id);
  }
  return saved;
}

/**
 * Deletes an activity's photos for good: the link, the stored files and their record (they are
 * private to the member and no other page uses them).
 */
export async function deletePhotos(c: MemberCtx, activityId: number, photos: ActivityRow['photos']) {
  for (const photo of photos) {
    await removeActivityPhoto(c.db, activityId, photo.id);
    for (const file of Object.values(photo.variants)) {
      const full = c.wasl.media.filePath(photo.id, file);
      if (full) await fs.rm(full, { force: true });
    }
    await c.db.deleteFrom('media').where('id', '=', photo.id).where('is_public', '=', 0).execute();
  }
}

export async function linkPhotos(c: MemberCtx, activityId: number, mediaIds: string[]) {
  for (const mediaId of mediaIds) await addActivityPhoto(c.db, activityId, mediaId, c.now);
}

/**
 * Submits the activity to the editors as an activity report: the summary and the participant
 * figures — never notes or photos — naming the project only when the project is public. The
 * figures are protected with every other public figure (one release, indicators/report.ts), with
 * true labels, and kept as printed so later releases protect around them.
 */
export async function publishActivity(c: MemberCtx, a: ActivityRow, p: ProjectRow) {
  // Already submitted: the report (and the figures it printed) stays as it is.
  if (a.published_item_id) return;
  const { t, locale } = c.i18n;
  const release = await buildIndicators(
    c.db,
    { networkId: p.network_id, projectId: null, publicOnly: true, reportActivity: a.id },
    PUBLIC_THRESHOLD,
  );
  const figures = release.activityReport!;
  const fig = (f: Cell) =>
    f.disclosure === 'shown'
      ? c.i18n.number(f.value)
      : f.disclosure === 'small'
        ? t('stats.small', { threshold: PUBLIC_THRESHOLD })
        : t('stats.withheld');
  const hidden = reportFigures.map((k) => figures[k].disclosure);
  const towns = await townNames(c.db, [a.town_pcode]);
  const lines = [
    a.summary,
    '',
    `- ${t('programmes.activity.kind')}: ${t(`programmes.kind.${a.kind}` as never)}`,
    `- ${t('programmes.activity.date')}: ${day(c.i18n, a.held_on)}`,
    `- ${t('programmes.activity.town')}: ${named(locale, towns.get(a.town_pcode), a.town_pcode)}`,
    `- ${t('programmes.ind.participants')}: ${fig(figures.total)} (${t('programmes.gender.f')}: ${fig(figures.f)}${t('programmes.listSeparator')}${t('programmes.gender.m')}: ${fig(figures.m)})`,
    // A project that is not public is not named: the report may be published.
    ...(isSet(p.is_public) ? [`- ${t('programmes.report.project')}: ${localized(p, 'name', locale)}`] : []),
    // the one-line rule, as under every table that hides figures
    ...(hidden.includes('small')
      ? ['', t('stats.note.small', { threshold: PUBLIC_THRESHOLD, max: PUBLIC_THRESHOLD - 1 })]
      : []),
    ...(hidden.includes('withheld') ? ['', t('stats.note.withheld')] : []),
  ];
  const published: PublishedFigures = {
    counts: Object.fromEntries(a.counts.map((n) => [`${n.gender}|${n.age_band}`, n.count])),
    shown: { f: figures.f.disclosure, m: figures.m.disclosure, total: figures.total.disclosure },
  };
  const result = await publishFromFeature(
    c.wasl,
    {
      kind: 'activity',
      organizationId: a.organization_id,
      title: a.title,
      summary: a.summary.slice(0, 600),
      body: lines.join('\n'),
      lang: locale === 'en' ? 'en' : 'ar',
      towns: [a.town_pcode],
      projectId: p.id,
      authorUserId: c.user.id,
      source: { feature: 'programmes', id: `activity:${a.id}` },
    },
    c.now,
  );
  await markActivityPublished(c.db, a.id, result.id, result.url, published);
  await c.audit('programmes.activity.published', {
    targetType: 'programme_activity',
    targetId: a.id,
    organizationId: a.organization_id,
  });
}
