// The checks before a member's words go up, for the routes: their standing (trust level and any
// sanction) and the limits that come with it. A refusal shows the form again with when posting is
// possible again (403 for a sanction, 429 with Retry-After for a limit, 400 otherwise). Every check
// reads the text without parsing it: a refused request never pays for rendering.
import { holdsStaffRole } from '../../../core/auth/actor.js';
import type { AnyCtx, MemberCtx } from '../../../core/http/route.js';
import { baseUrl, refuse } from '../context.js';
import { bodyHash, countLinks } from './text.js';
import {
  checkPostingAllowed,
  memberStanding,
  refusalMessage,
  secondsUntil,
  type PostingRefusal,
  type Standing,
} from './trust.js';

/** The trust level and sanctions of the person asking (signed in). */
export function standingOf(c: AnyCtx, userId: number): Promise<Standing> {
  return memberStanding(c.db, userId, c.now, holdsStaffRole(c.actor));
}

export function refusePosting(c: MemberCtx, refusal: PostingRefusal): never {
  const r = refusalMessage(c.i18n, refusal, c.now);
  const retryAfter = r.status === 429 && 'until' in refusal ? secondsUntil(refusal.until, c.now) : undefined;
  return refuse(c, r.status, r.message, retryAfter);
}

/** The member's standing if they may post this body now; otherwise the form comes back refused. */
export async function allowedToPost(c: MemberCtx, body: string): Promise<Standing> {
  const standing = await standingOf(c, c.user.id);
  const refusal = await checkPostingAllowed(
    c.db,
    c.user.id,
    standing,
    { linkCount: countLinks(body, baseUrl(c)), bodyHash: bodyHash(body) },
    c.now,
  );
  if (refusal) refusePosting(c, refusal);
  return standing;
}

/** New members' posts wait for a moderator where the category asks for it. */
export function newPostStatus(approval: string, standing: Standing): 'visible' | 'pending' {
  return approval === 'new' && standing.level === 0 ? 'pending' : 'visible';
}
