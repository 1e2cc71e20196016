// Visitors' feedback and reports of wrong information: stored anonymously (what was typed, nothing
// else), moderated, then shown to the providing organization, which marks reports dealt with.
import crypto from 'node:crypto';
import type { Db } from '../../../core/db/index.js';
import type { WaslServices } from '../../../core/services.js';
import { DAY } from '../../../core/time.js';

/**
 * Counts feedback per visitor without storing who: a daily hash of the address, never the address
 * (10 a day), and at most 200 a day per service.
 */
export async function withinFeedbackLimit(wasl: WaslServices, ip: string, serviceId: string, now: Date) {
  const day = now.toISOString().slice(0, 10);
  const key = crypto.createHash('sha256').update(`${ip}|${day}|svc-feedback`).digest('hex').slice(0, 32);
  const perVisitor = await wasl.limiter.hit(`svcfb:${key}`, 10, DAY, now);
  const perService = await wasl.limiter.hit(`svcfb-s:${serviceId}`, 200, DAY, now);
  return perVisitor.allowed && perService.allowed;
}

export async function submitFeedback(
  db: Db,
  serviceId: string,
  entry: {
    kind: 'feedback' | 'report';
    got_service?: string | null;
    rating?: number | null;
    wrong_field?: string | null;
    comment: string;
  },
  now: Date,
): Promise<void> {
  await db
    .insertInto('svc_feedback')
    .values({
      service_id: serviceId,
      kind: entry.kind,
      got_service: entry.got_service ?? null,
      rating: entry.rating ?? null,
      wrong_field: entry.wrong_field ?? null,
      comment: entry.comment,
      status: 'pending',
      created_at: now.toISOString(),
      moderated_at: null,
      moderated_by: null,
      resolved_at: null,
    })
    .execute();
}

export async function moderateFeedback(
  db: Db,
  id: number,
  decision: 'approve' | 'reject',
  moderatorId: number,
  now: Date,
): Promise<boolean> {
  const res = await db
    .updateTable('svc_feedback')
    .set({
      status: decision === 'approve' ? 'approved' : 'rejected',
      moderated_at: now.toISOString(),
      moderated_by: moderatorId,
    })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

export async function resolveReport(db: Db, id: number, svcOrgId: string, now: Date): Promise<boolean> {
  const ours = db.selectFrom('svc_services').select('id').where('organization_id', '=', svcOrgId);
  const res = await db
    .updateTable('svc_feedback')
    .set({ resolved_at: now.toISOString() })
    .where('id', '=', id)
    .where('status', '=', 'approved')
    .where('service_id', 'in', ours)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}
