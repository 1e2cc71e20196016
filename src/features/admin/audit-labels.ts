// The audit log in the reader's words: every action the code writes has a label in both languages
// (messages/audit.*.json, `admin.auditAction.<action>`; audit-labels.test.ts finds every action in
// the source and fails on one without a label), so the admin never reads a raw `account.deleted`.
import type { Translator } from '../../core/i18n/index.js';

export const AUDIT_LABEL_PREFIX = 'admin.auditAction.';

/** The action's label; an action written by code newer than the catalog shows as itself. */
export function auditActionLabel(i18n: Translator, action: string): string {
  const key = `${AUDIT_LABEL_PREFIX}${action}`;
  const label = i18n.t(key as never);
  return label === key ? action : label;
}

/** The reason an admin stated (a reset two-step), if the entry carries one. */
export function auditReason(details: string): string | null {
  try {
    const reason = (JSON.parse(details) as { reason?: unknown }).reason;
    return typeof reason === 'string' && reason ? reason : null;
  } catch {
    return null;
  }
}
