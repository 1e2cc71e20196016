// An organization's export: a zip of JSON files and its stored files, holding exactly what the
// organization owns in coordination — nothing of another organization (shares and reviewers are
// given as ids, attendance of hosted meetings is limited to its own people).
import fs from 'node:fs/promises';
import { strToU8, type Zippable } from 'fflate';
import { STORED, zipOffThread } from '../../../core/downloads/zip.js';
import type { WaslServices } from '../../../core/services.js';
import { privateFile } from '../files.js';
import { listPeople } from './queries.js';
import { ids } from '../../../core/db/rows.js';
import { rowsWhere } from '../records.js';

const json = (v: unknown) => strToU8(JSON.stringify(v, null, 2));
const safeName = (s: string) => s.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 80) || 'file';

async function readMedia(wasl: WaslServices, mediaId: string): Promise<Uint8Array | null> {
  const file = await privateFile(wasl, mediaId);
  if (!file) return null;
  try {
    return new Uint8Array(await fs.readFile(file.path));
  } catch {
    return null;
  }
}

export async function buildExport(wasl: WaslServices, orgId: number, now: Date): Promise<Uint8Array> {
  const { db } = wasl;
  const files: Zippable = {};
  const org = await db
    .selectFrom('organizations')
    .select([
      'id',
      'name_ar',
      'name_en',
      'description_ar',
      'description_en',
      'fields_of_work',
      'phone',
      'email',
      'website',
      'status',
      'created_at',
      'updated_at',
    ])
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow();
  const people = (await listPeople(db, orgId)).map((p) => ({
    user_id: p.id,
    display_name: p.display_name,
    role: p.role,
    title: p.title,
    is_executive_director: p.is_executive_director,
    is_representative: p.is_representative,
  }));
  const ownPeople = new Set(people.map((p) => p.user_id));

  // workspace
  const own = { organization_id: orgId };
  const items = await rowsWhere(db, 'coord_items', own);
  const shares = await rowsWhere(db, 'coord_item_shares', { item_id: ids(items) });
  const versions = await rowsWhere(db, 'coord_document_versions', own, ['item_id', 'version']);
  const versionFiles: Record<number, string> = {};
  for (const v of versions) {
    const data = await readMedia(wasl, v.media_id);
    if (!data) continue;
    const name = `workspace/files/${v.item_id}-v${v.version}-${safeName(v.filename)}`;
    files[name] = [data, STORED]; // photos, PDFs and office files are compressed already
    versionFiles[v.id] = name;
  }

  // plans and reviews
  const plans = await rowsWhere(db, 'coord_plans', own);
  const planVersions = await rowsWhere(db, 'coord_plan_versions', own, ['plan_id', 'version']);
  const planFiles: Record<number, string> = {};
  const seenMedia = new Map<string, string>();
  for (const v of planVersions) {
    if (!v.media_id) continue;
    const known = seenMedia.get(v.media_id);
    if (known) {
      planFiles[v.id] = known;
      continue;
    }
    const data = await readMedia(wasl, v.media_id);
    if (!data) continue;
    const name = `plans/files/${v.plan_id}-v${v.version}-${safeName(v.filename ?? 'plan')}`;
    files[name] = [data, STORED]; // photos, PDFs and office files are compressed already
    planFiles[v.id] = name;
    seenMedia.set(v.media_id, name);
  }
  const reviews = await rowsWhere(db, 'coord_reviews', own);
  const reviewers = await rowsWhere(db, 'coord_review_reviewers', { review_id: ids(reviews) });
  const comments = await db
    .selectFrom('coord_review_comments')
    .select(['id', 'review_id', 'section', 'parent_id', 'author_user_id', 'body', 'created_at'])
    .where('organization_id', '=', orgId)
    .execute();

  // licensing
  const licences = await db
    .selectFrom('coord_licences')
    .innerJoin('coord_councils', 'coord_councils.id', 'coord_licences.council_id')
    .selectAll('coord_licences')
    .select(['coord_councils.name_ar as council_name_ar', 'coord_councils.name_en as council_name_en'])
    .where('coord_licences.organization_id', '=', orgId)
    .execute();
  const licenceDocs = await rowsWhere(db, 'coord_licence_documents', own);
  const visits = await rowsWhere(db, 'coord_licence_visits', own);

  // lessons, actions, hosted meetings, emergency log
  const lessons = await rowsWhere(db, 'coord_lessons', own);
  const actions = await db
    .selectFrom('coord_actions')
    .select([
      'id',
      'meeting_id',
      'title',
      'details',
      'owner_user_id',
      'due_on',
      'status',
      'sharing',
      'created_at',
      'updated_at',
    ])
    .where('owner_org_id', '=', orgId)
    .execute();
  const meetings = await db
    .selectFrom('coord_meetings')
    .select([
      'id',
      'kind',
      'title',
      'description',
      'starts_at',
      'ends_at',
      'place_kind',
      'town_pcode',
      'place_detail',
      'online_url',
      'visibility',
      'public_summary',
      'minutes_md',
      'status',
    ])
    .where('host_org_id', '=', orgId)
    .execute();
  const meetingIds = ids(meetings);
  const [agenda, decisions, attendance] = await Promise.all([
    rowsWhere(db, 'coord_agenda_items', { meeting_id: meetingIds }),
    rowsWhere(db, 'coord_decisions', { meeting_id: meetingIds }),
    meetingIds.length
      ? db
          .selectFrom('coord_attendance')
          .select(['meeting_id', 'user_id', 'name', 'present'])
          .where('meeting_id', 'in', meetingIds)
          .where('organization_id', '=', orgId)
          .execute()
      : [],
  ]);
  const emergency = await db
    .selectFrom('coord_emergency_access')
    .select(['id', 'user_id', 'reason', 'started_at', 'expires_at', 'revoked_at', 'acknowledged_at'])
    .where('organization_id', '=', orgId)
    .execute();

  files['organization.json'] = json({ exportedAt: now.toISOString(), organization: org, people });
  files['workspace/items.json'] = json(
    items.map((i) => ({
      ...i,
      sharedWithOrganizationIds: shares.filter((s) => s.item_id === i.id).map((s) => s.organization_id),
      versions: versions
        .filter((v) => v.item_id === i.id)
        .map((v) => ({
          version: v.version,
          filename: v.filename,
          mime: v.mime,
          bytes: v.bytes,
          note: v.note,
          created_at: v.created_at,
          file: versionFiles[v.id] ?? null,
        })),
    })),
  );
  files['plans/plans.json'] = json(
    plans.map((p) => ({
      ...p,
      versions: planVersions
        .filter((v) => v.plan_id === p.id)
        .map(({ media_id: _m, ...v }) => ({ ...v, file: planFiles[v.id] ?? null })),
      reviews: reviews
        .filter((r) => r.plan_id === p.id)
        .map((r) => ({
          ...r,
          reviewerUserIds: reviewers.filter((x) => x.review_id === r.id).map((x) => x.user_id),
          comments: comments
            .filter((c) => c.review_id === r.id)
            .map((c) => ({
              ...c,
              author_user_id: c.author_user_id !== null && ownPeople.has(c.author_user_id) ? c.author_user_id : null,
              by: c.author_user_id !== null && ownPeople.has(c.author_user_id) ? 'organization' : 'reviewer',
            })),
        })),
    })),
  );
  files['licensing.json'] = json(
    licences.map((l) => ({
      ...l,
      documents: licenceDocs.filter((d) => d.licence_id === l.id),
      visits: visits.filter((v) => v.licence_id === l.id),
    })),
  );
  files['lessons.json'] = json(lessons);
  files['actions.json'] = json(actions);
  files['meetings.json'] = json(
    meetings.map((m) => ({
      ...m,
      agenda: agenda.filter((a) => a.meeting_id === m.id),
      decisions: decisions.filter((d) => d.meeting_id === m.id),
      attendance: attendance.filter((a) => a.meeting_id === m.id),
    })),
  );
  files['emergency-access.json'] = json(emergency);
  return zipOffThread(files, { level: 6, mtime: now });
}
