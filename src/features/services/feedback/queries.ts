// What visitors said about services: the moderators' queue, and what the moderators let through
// to the organization that provides the service.
import type { Db } from '../../../core/db/index.js';

function feedbackWithService(db: Db) {
  return db
    .selectFrom('svc_feedback as f')
    .innerJoin('svc_services as s', 's.id', 'f.service_id')
    .select([
      'f.id',
      'f.kind',
      'f.got_service',
      'f.rating',
      'f.wrong_field',
      'f.comment',
      'f.created_at',
      'f.resolved_at',
      's.id as service_id',
      's.name_ar',
      's.name_en',
    ]);
}

export type FeedbackRow = Awaited<ReturnType<typeof pendingFeedback>>[number];

/** Feedback and reports waiting for a moderator, oldest first. */
export async function pendingFeedback(db: Db) {
  return feedbackWithService(db)
    .where('f.status', '=', 'pending')
    .orderBy('f.created_at')
    .orderBy('f.id')
    .limit(200)
    .execute();
}

/** What the moderators approved about an organization's services, newest first. */
export async function approvedFeedbackForOrganization(db: Db, svcOrgId: string) {
  return feedbackWithService(db)
    .where('s.organization_id', '=', svcOrgId)
    .where('f.status', '=', 'approved')
    .orderBy('f.created_at', 'desc')
    .limit(100)
    .execute();
}
