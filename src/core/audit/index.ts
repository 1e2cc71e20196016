// Append-only audit log: logins, failures, denials, admin actions, exports, emergency access.
// No personal data beyond the acting account id and a truncated IP.
import type { Db } from '../db/index.js';

/** IPv4 → /24, IPv6 → /48: enough to see a pattern, not enough to find a person. */
export function truncateIp(ip: string | undefined | null): string | null {
  if (!ip) return null;
  const v4 = ip.replace(/^::ffff:/, '');
  if (/^\d+\.\d+\.\d+\.\d+$/.test(v4)) return v4.split('.').slice(0, 3).join('.') + '.0/24';
  if (ip.includes(':')) {
    const parts = ip.split(':').filter((p, i, all) => p !== '' || i === 0 || i === all.length - 1);
    return parts.slice(0, 3).join(':') + '::/48';
  }
  return null;
}

export type AuditEntry = {
  actorUserId: number | null;
  action: string;
  targetType?: string;
  targetId?: string | number;
  organizationId?: number | null;
  ip?: string | null;
  details?: Record<string, unknown>;
};

export async function audit(db: Db, now: Date, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: now.toISOString(),
      actor_user_id: entry.actorUserId,
      action: entry.action,
      target_type: entry.targetType ?? null,
      target_id: entry.targetId == null ? null : String(entry.targetId),
      organization_id: entry.organizationId ?? null,
      ip_prefix: truncateIp(entry.ip),
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}

export type AuditFilter = {
  action?: string;
  actorUserId?: number;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
};

export async function listAudit(db: Db, f: AuditFilter) {
  let q = db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_user_id')
    .select([
      'audit_log.id',
      'audit_log.at',
      'audit_log.action',
      'audit_log.target_type',
      'audit_log.target_id',
      'audit_log.organization_id',
      'audit_log.ip_prefix',
      'audit_log.details',
      'users.username as actor_username',
    ]);
  if (f.action) q = q.where('audit_log.action', 'like', `${f.action.replace(/[%_]/g, '')}%`);
  if (f.actorUserId) q = q.where('audit_log.actor_user_id', '=', f.actorUserId);
  if (f.from) q = q.where('audit_log.at', '>=', f.from);
  if (f.to) q = q.where('audit_log.at', '<=', f.to);
  return q.orderBy('audit_log.id', 'desc').limit(f.limit).offset(f.offset).execute();
}
