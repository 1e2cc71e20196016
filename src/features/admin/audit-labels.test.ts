// Every action the code writes to the audit log has a label in both languages, so the admin reads
// "Account deleted" rather than `account.deleted`; the log page shows the label and a stated reason.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AUDIT_LABEL_PREFIX, auditReason } from './audit-labels.js';
import { findAuditActions } from './testing/audit-actions.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const src = path.resolve(here, '../..');
const catalog = (locale: string) =>
  JSON.parse(fs.readFileSync(path.join(here, 'messages', `audit.${locale}.json`), 'utf8')) as Record<string, string>;

describe('audit log labels', () => {
  it('finds every action the code writes, and each has a label in Arabic and English', () => {
    const { actions, unresolved } = findAuditActions(src);
    expect(unresolved).toEqual([]);
    expect(actions).toContain('account.deleted');
    expect(actions).toContain('organization.staff.removed');
    for (const locale of ['ar', 'en']) {
      const labels = catalog(locale);
      const missing = [...actions].filter((a) => !labels[`${AUDIT_LABEL_PREFIX}${a}`]);
      expect(missing, locale).toEqual([]);
    }
  });

  it('reads the reason an admin stated, and nothing from other details', () => {
    expect(auditReason(JSON.stringify({ reason: 'lost phone' }))).toBe('lost phone');
    expect(auditReason(JSON.stringify({ role: 'orgStaff' }))).toBeNull();
    expect(auditReason('not json')).toBeNull();
  });
});
