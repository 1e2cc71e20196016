// Row types of the publishing feature's tables. Timestamps are ISO-8601 strings; flags 0/1.
import type { Generated } from 'kysely';

export type ItemKind = 'activity' | 'news' | 'opinion' | 'local_issue' | 'resource' | 'page';
export type ItemStatus = 'draft' | 'submitted' | 'returned' | 'scheduled' | 'published' | 'unpublished';

/** An item's text: what each revision keeps as it stood. */
export interface PubText {
  title: string;
  summary: string;
  /** Markdown, rendered once when saved (markdown.ts) */
  body: string;
  /** `body` as sanitized HTML, and the renderer's version that wrote it (another, or null, is redone) */
  body_html: string | null;
  body_html_version: number | null;
  /** as printed: the authors' names, or a pseudonym */
  byline: string;
}

export interface PubItemsTable extends PubText {
  id: Generated<number>;
  network_id: number;
  /** null: the network's own item (news, static pages) */
  organization_id: number | null;
  kind: ItemKind;
  /** resources only: 'lessons-learned' or null */
  collection: string | null;
  /** resources only: guide, toolkit, report, leaflet, template, policy-paper */
  resource_type: string | null;
  /** static pages only: the key in /pages/:key (about, contact, join, …) */
  page_key: string | null;
  status: ItemStatus;
  lang: 'ar' | 'en';
  /** the item this one translates (the other language's version), if any */
  translation_of: number | null;
  /** 1 when the byline is a pseudonym (opinion articles; an editor approves it by publishing) */
  byline_pseudonym: number;
  /** a local-issue dossier this item belongs to */
  local_issue_id: number | null;
  project_id: number | null;
  /** activities: the day it took place (YYYY-MM-DD); a future day makes it an upcoming public event */
  activity_date: string | null;
  /** an image in core media: private until the item is published (then public media), private again when unpublished */
  cover_media_id: string | null;
  cover_alt: string;
  /** resources: an uploaded file (private media, served by /resources/:id/download) or a link */
  file_media_id: string | null;
  file_pages: number | null;
  external_url: string | null;
  featured: number;
  /** when a scheduled item goes public */
  publish_at: string | null;
  /** the last (re)publication; null before the first */
  published_at: string | null;
  first_published_at: string | null;
  return_comment: string | null;
  /** another feature that created the item (programmes, coordination) and its id there */
  source_feature: string | null;
  source_id: string | null;
  created_by: number | null;
  updated_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface PubItemTownsTable {
  item_id: number;
  town_pcode: string;
}

export interface PubItemTopicsTable {
  item_id: number;
  topic: string;
}

export interface PubRevisionsTable extends PubText {
  id: Generated<number>;
  item_id: number;
  /** 1, 2, 3 … per item */
  number: number;
  edited_by: number | null;
  edited_at: string;
}

export interface PubEventsTable {
  id: Generated<number>;
  item_id: number;
  /** created, edited, submitted, returned, scheduled, published, unpublished, featured, unfeatured */
  action: string;
  actor_user_id: number | null;
  comment: string | null;
  at: string;
}

export interface PublishingTables {
  pub_items: PubItemsTable;
  pub_item_towns: PubItemTownsTable;
  pub_item_topics: PubItemTopicsTable;
  pub_revisions: PubRevisionsTable;
  pub_events: PubEventsTable;
}

// The feature's tables join the one Database type (the core names no feature).
declare module '../../core/db/schema.js' {
  interface Database extends PublishingTables {}
}
