// Who may do what in the forum. Pure functions of the actor and the resource; deny by default.
// Sanctions (silence, suspension) and trust limits are state in the database, checked by the
// routes through posts/trust.ts after these rules pass. The loaders at the end fetch a row by
// the path's id and ask these rules, or answer 404.
import { definePolicy, type ActionOf } from '../../core/auth/authorize.js';
import { hasNetworkRole, holdsStaffRole, type Actor } from '../../core/auth/actor.js';
import { notFound, type AnyCtx } from '../../core/http/route.js';
import { DAY } from '../../core/time.js';
import type { CategoryVisibility, PostStatus, TopicCreators, TopicStatus } from './tables.js';
import { defaultNetworkId, getCategory, getTopic, type CategoryRow, type TopicWithCategory } from './topics/queries.js';
import { getPost, type PostWithTopic } from './posts/queries.js';

/** Posts may be deleted by their author this long after writing them. */
export const AUTHOR_DELETE_WINDOW_MS = DAY;

export type CategoryResource = {
  type: 'forumCategory';
  id: number;
  networkId: number;
  visibility: CategoryVisibility;
  topicCreators: TopicCreators;
};

export type TopicResource = {
  type: 'forumTopic';
  id: number;
  networkId: number;
  visibility: CategoryVisibility;
  status: TopicStatus;
  locked: boolean;
  authorId: number | null;
};

export type PostResource = {
  type: 'forumPost';
  id: number;
  networkId: number;
  visibility: CategoryVisibility;
  topicStatus: TopicStatus;
  topicLocked: boolean;
  topicAuthorId: number | null;
  status: PostStatus;
  authorId: number | null;
  createdAt: string;
  /** the request's clock, for the author's deletion window */
  now: Date;
};

export function isForumModerator(actor: Actor, networkId?: number): boolean {
  return hasNetworkRole(actor, 'moderator', networkId);
}

/** Reading a category: public to all, members-only to anyone signed in, staff to anyone holding an org or network role. */
export function canSeeVisibility(actor: Actor, visibility: CategoryVisibility): boolean {
  switch (visibility) {
    case 'public':
      return true;
    case 'members':
      return actor.user !== null;
    case 'staff':
      return actor.user !== null && holdsStaffRole(actor);
    default:
      return false;
  }
}

/** The category visibilities an actor may read, for queries and search. */
export function visibleLevels(actor: Actor): CategoryVisibility[] {
  return (['public', 'members', 'staff'] as const).filter((v) => canSeeVisibility(actor, v));
}

const isAuthor = (actor: Actor, authorId: number | null) => actor.user !== null && authorId === actor.user.id;

export function categoryPolicy(actor: Actor, action: string, c: CategoryResource): boolean {
  const view = canSeeVisibility(actor, c.visibility);
  const mod = isForumModerator(actor, c.networkId);
  switch (action) {
    case 'view':
      return view;
    case 'createTopic':
      if (!view || !actor.user) return false;
      if (c.topicCreators === 'members') return true;
      if (c.topicCreators === 'staff') return holdsStaffRole(actor);
      return mod;
    case 'subscribe':
      return view && actor.user !== null;
    case 'manage':
      return mod;
    default:
      return false;
  }
}

export function topicPolicy(actor: Actor, action: string, t: TopicResource): boolean {
  if (!canSeeVisibility(actor, t.visibility)) return false;
  const mod = isForumModerator(actor, t.networkId);
  const own = isAuthor(actor, t.authorId);
  const view =
    t.status === 'visible' ||
    ((t.status === 'hidden' || t.status === 'pending') && (own || mod)) ||
    (mod && t.status !== 'merged');
  switch (action) {
    case 'view':
      return view;
    case 'reply':
      return view && actor.user !== null && t.status === 'visible' && (!t.locked || mod);
    case 'subscribe':
      return view && actor.user !== null;
    case 'moderate':
      return mod;
    default:
      return false;
  }
}

export function postPolicy(actor: Actor, action: string, p: PostResource): boolean {
  const topic: TopicResource = {
    type: 'forumTopic',
    id: 0,
    networkId: p.networkId,
    visibility: p.visibility,
    status: p.topicStatus,
    locked: p.topicLocked,
    authorId: p.topicAuthorId,
  };
  if (!topicPolicy(actor, 'view', topic)) return false;
  const mod = isForumModerator(actor, p.networkId);
  const own = isAuthor(actor, p.authorId);
  switch (action) {
    case 'view':
      // The place of the post in its topic (permalinks); its content is `readContent`.
      return p.status === 'visible' || p.status === 'deleted' || own || mod;
    case 'readContent':
      return p.status === 'visible' || ((p.status === 'hidden' || p.status === 'pending') && (own || mod));
    case 'edit':
      return own && (p.status === 'visible' || p.status === 'pending') && (!p.topicLocked || mod);
    case 'delete':
      if (p.status === 'deleted') return false;
      if (mod) return true;
      return own && p.now.getTime() - Date.parse(p.createdAt) <= AUTHOR_DELETE_WINDOW_MS;
    case 'flag':
      return actor.user !== null && !own && p.status === 'visible' && p.topicStatus === 'visible';
    case 'quote':
      return p.status === 'visible' && topicPolicy(actor, 'reply', topic);
    case 'moderate':
      return mod;
    default:
      return false;
  }
}

export function categoryResource(c: {
  id: number;
  network_id: number;
  visibility: CategoryVisibility;
  topic_creators: TopicCreators;
}): CategoryResource {
  return {
    type: 'forumCategory',
    id: c.id,
    networkId: c.network_id,
    visibility: c.visibility,
    topicCreators: c.topic_creators,
  };
}

export function topicResource(t: {
  id: number;
  network_id: number;
  visibility: CategoryVisibility;
  status: TopicStatus;
  locked: number;
  author_id: number | null;
}): TopicResource {
  return {
    type: 'forumTopic',
    id: t.id,
    networkId: t.network_id,
    visibility: t.visibility,
    status: t.status,
    locked: t.locked === 1,
    authorId: t.author_id,
  };
}

export function postResource(
  topic: TopicResource,
  p: { id: number; status: PostStatus; author_id: number | null; created_at: string },
  now: Date,
): PostResource {
  return {
    type: 'forumPost',
    id: p.id,
    networkId: topic.networkId,
    visibility: topic.visibility,
    topicStatus: topic.status,
    topicLocked: topic.locked,
    topicAuthorId: topic.authorId,
    status: p.status,
    authorId: p.author_id,
    createdAt: p.created_at,
    now,
  };
}

/** This feature's policies, installed by the app from the manifest. */
export const forumPolicies = [
  definePolicy('forumCategory', categoryPolicy),
  definePolicy('forumTopic', topicPolicy),
  definePolicy('forumPost', postPolicy),
];

declare module '../../core/auth/authorize.js' {
  interface Policies {
    forumCategory: { resource: CategoryResource; action: 'view' | 'createTopic' | 'subscribe' | 'manage' };
    forumTopic: { resource: TopicResource; action: 'view' | 'reply' | 'subscribe' | 'moderate' };
    forumPost: {
      resource: PostResource;
      action: 'view' | 'readContent' | 'edit' | 'delete' | 'flag' | 'quote' | 'moderate';
    };
  }
}

// ——— loaders: the path's object, or 404 ———

/** The network the forum serves. */
export async function forumNetwork(c: AnyCtx): Promise<number> {
  return (await defaultNetworkId(c.db)) ?? notFound();
}

/** The forum's network, for its moderators only. */
export async function moderatedNetwork(c: AnyCtx): Promise<number> {
  const id = await forumNetwork(c);
  if (!isForumModerator(c.actor, id)) notFound();
  return id;
}

/** `category('manage')`: a category the person may read and do this with. */
export function category(action: ActionOf<CategoryResource> = 'view') {
  return async (c: AnyCtx): Promise<CategoryRow> => {
    const row = (await getCategory(c.db, c.id('id'))) ?? notFound();
    const res = categoryResource(row);
    if (!c.can('view', res) || !c.can(action, res)) notFound();
    return row;
  };
}

export type LoadedTopic = { topic: TopicWithCategory; res: TopicResource };

/** A topic the person may read; a merged one counts as readable where it was (its page redirects). */
export async function topic(c: AnyCtx): Promise<LoadedTopic> {
  const row = (await getTopic(c.db, c.id('id'))) ?? notFound();
  const res = topicResource(row);
  if (!c.can('view', row.status === 'merged' ? { ...res, status: 'visible' } : res)) notFound();
  return { topic: row, res };
}

/** A topic one may write in or follow: not merged away, and (with an action) allowed. */
export function liveTopic(action?: 'subscribe') {
  return async (c: AnyCtx): Promise<LoadedTopic> => {
    const found = await topic(c);
    if (found.topic.status === 'merged' || (action && !c.can(action, found.res))) notFound();
    return found;
  };
}

/** A topic its moderators may still act on (neither merged nor deleted). */
export async function managedTopic(c: AnyCtx): Promise<LoadedTopic> {
  const found = await topic(c);
  if (!c.can('moderate', found.res) || found.topic.status === 'merged' || found.topic.status === 'deleted') notFound();
  return found;
}

export type LoadedPost = { post: PostWithTopic; topicRes: TopicResource; res: PostResource };

/** `post('edit')`: a post the person may do this with. */
export function post(action: ActionOf<PostResource>) {
  return async (c: AnyCtx): Promise<LoadedPost> => {
    const row = (await getPost(c.db, c.id('id'))) ?? notFound();
    const topicRes = topicResource({
      id: row.topic_id,
      network_id: row.network_id,
      visibility: row.visibility,
      status: row.topic_status,
      locked: row.topic_locked,
      author_id: row.topic_author_id,
    });
    const res = postResource(topicRes, row, c.now);
    if (!c.can(action, res)) notFound();
    return { post: row, topicRes, res };
  };
}
