// Row types of the forum feature's tables. Timestamps are ISO-8601 strings; flags 0/1.
import type { Generated } from 'kysely';

/** Who can read a category: anyone, signed-in members, or people holding an org or network role. */
export type CategoryVisibility = 'public' | 'members' | 'staff';
/** Who can start topics in a category (anyone who can read it may reply). */
export type TopicCreators = 'members' | 'staff' | 'moderators';
/** 'new': posts by members at trust level 0 wait for a moderator in this category. */
export type ApprovalPolicy = 'none' | 'new';

export type TopicStatus = 'visible' | 'hidden' | 'pending' | 'deleted' | 'merged';
export type PostStatus = 'visible' | 'hidden' | 'pending' | 'deleted';
export type FlagReason = 'personal_info' | 'abuse' | 'spam' | 'off_topic';

export interface ForumCategoriesTable {
  id: Generated<number>;
  network_id: number;
  name_ar: string;
  name_en: string;
  description_ar: string;
  description_en: string;
  visibility: CategoryVisibility;
  topic_creators: TopicCreators;
  approval: ApprovalPolicy;
  position: number;
  created_at: string;
  updated_at: string;
}

export interface ForumTopicsTable {
  id: Generated<number>;
  category_id: number;
  /** null once the author deleted their account ("deleted member") */
  author_id: number | null;
  title: string;
  status: TopicStatus;
  /** why it is hidden: 'flags' (automatic, until reviewed) or 'moderator' */
  hidden_reason: string | null;
  locked: number;
  pinned: number;
  /** set when merged into another topic: its URL redirects there */
  merged_into: number | null;
  /** the topic's first post */
  first_post_id: number | null;
  /** visible posts, first post included */
  post_count: number;
  last_post_id: number | null;
  last_post_at: string;
  created_at: string;
  updated_at: string;
}

export interface ForumPostsTable {
  id: Generated<number>;
  topic_id: number;
  author_id: number | null;
  /** Markdown as written */
  body: string;
  /** sanitized HTML rendered from `body` when written (mentions and quotes resolved) */
  body_html: string;
  /** the Markdown renderer's version that wrote `body_html`; another (or null) is redone by a job */
  body_html_version: number | null;
  /** sha256 of the normalized body, for duplicate detection */
  body_hash: string;
  status: PostStatus;
  hidden_reason: string | null;
  /** number of links in the body (trust limits) */
  link_count: number;
  edit_count: number;
  created_at: string;
  edited_at: string | null;
  deleted_at: string | null;
}

export interface ForumRevisionsTable {
  id: Generated<number>;
  post_id: number;
  /** the title before this edit, for a topic's first post; null otherwise */
  title: string | null;
  /** the body before this edit */
  body: string;
  /** its rendering (null for versions kept before renderings were), and the renderer's version */
  body_html: string | null;
  body_html_version: number | null;
  /** when this version was written (the post's creation or its previous edit) */
  written_at: string;
  replaced_at: string;
}

export interface ForumFlagsTable {
  id: Generated<number>;
  post_id: number;
  /** never shown to anyone, not even moderators; kept to stop repeat flags */
  flagger_id: number | null;
  reason: FlagReason;
  note: string;
  /** 1 if the flagger was trusted when flagging (only those count toward automatic hiding) */
  trusted: number;
  created_at: string;
  resolved_at: string | null;
  /** 'upheld' or 'dismissed' */
  resolution: string | null;
}

export interface ForumModLogTable {
  id: Generated<number>;
  network_id: number;
  at: string;
  action: string;
  /** always 'moderator' in public; the acting account is in the core audit log only */
  actor_role: string;
  topic_id: number | null;
  post_id: number | null;
  category_id: number | null;
  /** the member a sanction applies to (their public display name is shown) */
  subject_user_id: number | null;
  reason: string;
  /** JSON: duration, from/to category, etc. */
  details: string;
}

export interface ForumSanctionsTable {
  user_id: number;
  silenced_until: string | null;
  suspended_until: string | null;
  reason: string;
  updated_at: string;
}

export interface ForumReadsTable {
  user_id: number;
  topic_id: number;
  last_read_post_id: number;
  read_at: string;
}

export interface ForumSubscriptionsTable {
  user_id: number;
  /** 'topic' or 'category' */
  target_type: string;
  target_id: number;
  created_at: string;
}

export interface ForumSettingsTable {
  user_id: number;
  /** 'off' | 'daily' | 'weekly' */
  digest: string;
  last_digest_at: string | null;
  updated_at: string;
}

export interface ForumTables {
  forum_categories: ForumCategoriesTable;
  forum_topics: ForumTopicsTable;
  forum_posts: ForumPostsTable;
  forum_revisions: ForumRevisionsTable;
  forum_flags: ForumFlagsTable;
  forum_mod_log: ForumModLogTable;
  forum_sanctions: ForumSanctionsTable;
  forum_reads: ForumReadsTable;
  forum_subscriptions: ForumSubscriptionsTable;
  forum_settings: ForumSettingsTable;
}

// The feature's tables join the one Database type (the core names no feature).
declare module '../../core/db/schema.js' {
  interface Database extends ForumTables {}
}
