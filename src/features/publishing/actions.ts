// What other features call to put something on the public site. Programmes publishes an activity
// as an activity report; coordination publishes lessons learned to the resources library. Either
// way the item enters the editorial workflow as *submitted*: a network editor still reads it and
// publishes, schedules or returns it.
import type { WaslServices } from '../../core/services.js';
import { findBySource, itemPath } from './queries.js';
import { createItem } from './workspace/actions.js';

const PCODE = /^C\d{4,6}$/;

export type PublishFromFeatureInput = {
  kind: 'activity' | 'resource';
  collection?: 'lessons-learned' | null;
  organizationId: number;
  title: string;
  summary: string;
  /** Markdown (rendered through markdown.ts, like everything else) */
  body: string;
  lang: 'ar' | 'en';
  /** P-codes; anything that is not one is dropped */
  towns: string[];
  projectId?: number | null;
  authorUserId: number | null;
  /** The record in the calling feature; a second call for the same source returns the first item. */
  source: { feature: string; id: string };
};

/**
 * Creates a submitted item for the organization and returns its id and public URL (which answers
 * 404 until an editor publishes it). Idempotent on `source`: calling again for the same record
 * returns the existing item unchanged, whatever its status.
 */
export async function publishFromFeature(
  wasl: WaslServices,
  input: PublishFromFeatureInput,
  now: Date,
): Promise<{ id: number; url: string }> {
  const { db } = wasl;
  const existing = await findBySource(db, input.source.feature, input.source.id);
  if (existing) return { id: existing.id, url: itemPath(existing) };
  const org = await db
    .selectFrom('organizations')
    .select(['id', 'network_id'])
    .where('id', '=', input.organizationId)
    .executeTakeFirst();
  if (!org) throw new Error(`publishFromFeature: no organization ${input.organizationId}`);
  const title = input.title.trim().slice(0, 200);
  if (!title) throw new Error('publishFromFeature: a title is required');
  const towns = [...new Set(input.towns.map((t) => t.trim().toUpperCase()).filter((t) => PCODE.test(t)))];
  const id = await createItem(
    db,
    org.network_id,
    {
      kind: input.kind,
      organizationId: org.id,
      lang: input.lang,
      title,
      summary: input.summary.trim().slice(0, 600),
      body: input.body,
      byline: '',
      bylinePseudonym: false,
      towns,
      topics: [],
      collection: input.kind === 'resource' ? (input.collection ?? null) : null,
      resourceType: input.kind === 'resource' ? 'report' : null,
      pageKey: null,
      translationOf: null,
      localIssueId: null,
      projectId: input.projectId ?? null,
      activityDate: null,
      coverAlt: '',
      filePages: null,
      externalUrl: null,
    },
    input.authorUserId,
    now,
    { status: 'submitted', source: { feature: input.source.feature, id: input.source.id } },
  );
  return { id, url: itemPath({ id, kind: input.kind, title }) };
}
