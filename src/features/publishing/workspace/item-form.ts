// The item form between the page and the database: what the fields show for a saved item, the
// checks that need the database, the uploads, and the input the writes take.
import type { MemberCtx } from '../../../core/http/route.js';
import { uploadErrorMessage, type UploadedFile } from '../../../core/media/index.js';
import { existingTownCodes } from '../../organizations/queries.js';
import { asItem } from '../permissions.js';
import { getItem, live, type ItemCard, type ItemRow } from '../queries.js';
import type { ItemFormData } from '../schemas.js';
import type { ItemKind } from '../tables.js';
import type { ItemInput } from './actions.js';
import { networkOfOrganization } from './queries.js';

/** What the form's fields show for a saved item. */
export function editValues(item: ItemRow, card: ItemCard): Record<string, unknown> {
  return {
    organization_id: item.organization_id ?? '',
    lang: item.lang,
    title: item.title,
    summary: item.summary,
    body: item.body,
    byline: item.byline,
    byline_pseudonym: item.byline_pseudonym,
    towns: card.towns.map((t) => t.pcode).join(', '),
    topics: card.topics,
    collection: item.collection ?? '',
    resource_type: item.resource_type ?? '',
    page_key: item.page_key ?? '',
    translation_of: item.translation_of ?? '',
    local_issue_id: item.local_issue_id ?? '',
    activity_date: item.activity_date ?? '',
    cover_alt: item.cover_alt,
    file_pages: item.file_pages ?? '',
    external_url: item.external_url ?? '',
  };
}

export function toInput(kind: ItemKind, d: ItemFormData, projectId: number | null): ItemInput {
  return {
    kind,
    organizationId: d.organization_id,
    lang: d.lang,
    title: d.title,
    summary: d.summary,
    body: d.body.replace(/\r\n/g, '\n'),
    byline: d.byline,
    bylinePseudonym: kind === 'opinion' && d.byline_pseudonym,
    towns: d.towns,
    topics: d.topics,
    collection: d.collection,
    resourceType: kind === 'resource' ? (d.resource_type ?? 'guide') : null,
    pageKey: d.page_key,
    translationOf: d.translation_of,
    localIssueId: d.local_issue_id,
    projectId,
    activityDate: d.activity_date,
    coverAlt: d.cover_alt,
    filePages: d.file_pages,
    externalUrl: d.external_url,
  };
}

/** Checks that need the database; field errors (none when all is well). */
export async function checkItem(
  c: MemberCtx,
  net: number,
  kind: ItemKind,
  d: ItemFormData,
  selfId: number | null,
): Promise<Record<string, string>> {
  const { db, t } = c;
  const errors: Record<string, string> = {};
  const canCreateThere = c.can('create', {
    type: 'publishingNew',
    networkId: net,
    organizationId: d.organization_id,
    kind,
  });
  if (!canCreateThere) errors.organization_id = t('publishing.form.badOrganization');
  if (d.organization_id !== null && (await networkOfOrganization(db, d.organization_id)) !== net)
    errors.organization_id = t('publishing.form.badOrganization');
  if (d.towns.length) {
    const known = await existingTownCodes(db, d.towns);
    const unknown = d.towns.filter((p) => !known.has(p));
    if (unknown.length) errors.towns = t('publishing.form.unknownTowns', { codes: unknown.join(', ') });
  }
  if (kind === 'page' && !d.page_key) errors.page_key = t('form.required');
  if (kind === 'opinion' && d.byline_pseudonym && !d.byline) errors.byline = t('publishing.form.pseudonymNeedsName');
  if (d.translation_of !== null) {
    const row = await getItem(db, d.translation_of);
    const other = row && live(row, c.now);
    if (!other || other.id === selfId || other.network_id !== net || !c.can('view', asItem(other)))
      errors.translation_of = t('publishing.form.badTranslation');
  }
  if (d.local_issue_id !== null) {
    const row = await getItem(db, d.local_issue_id);
    const issue = row && live(row, c.now);
    if (!issue || issue.kind !== 'local_issue' || issue.status !== 'published' || issue.network_id !== net)
      errors.local_issue_id = t('form.invalidChoice');
  }
  return errors;
}

/** Stores an uploaded cover (public) and file (private); their media ids, or field errors. */
export async function saveUploads(c: MemberCtx, d: ItemFormData, organizationId: number | null) {
  const out: { cover?: string; file?: string; errors: Record<string, string> } = { errors: {} };
  const { media } = c.wasl;
  const uploaded = (f: unknown): f is UploadedFile => !!f && typeof f === 'object' && !!(f as UploadedFile).data;
  if (uploaded(d.cover)) {
    const saved = await media.save(
      c.db,
      d.cover,
      { userId: c.user.id, organizationId, isPublic: true, imagesOnly: true },
      c.now,
    );
    if (saved.ok) out.cover = saved.media.id;
    else out.errors.cover = uploadErrorMessage(c.i18n, saved.error);
  }
  if (uploaded(d.file)) {
    const saved = await media.save(c.db, d.file, { userId: c.user.id, organizationId, isPublic: false }, c.now);
    if (saved.ok && saved.media.mime.startsWith('image/')) out.errors.file = c.t('publishing.form.fileNotImage');
    else if (saved.ok) out.file = saved.media.id;
    else out.errors.file = uploadErrorMessage(c.i18n, saved.error);
  }
  return out;
}
