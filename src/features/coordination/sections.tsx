// Blocks coordination adds to pages it does not own (the manifest's `sections`): an
// organization's profile lists the workspace items it made public; the home page tells an
// organization's admins, wherever they arrive, that a network admin used emergency access to
// their workspace.
import type { Section } from '../../core/views/sections.js';
import { parseId } from '../../core/http/route.js';
import { listPublicItems, unacknowledgedEmergencies } from './workspace/queries.js';

export const coordinationSections: Section[] = [
  {
    slot: 'home',
    order: 1,
    async load(req) {
      const adminOf = [...req.actor.orgRoles].filter(([, role]) => role === 'orgAdmin').map(([id]) => id);
      if (!adminOf.length) return null;
      const db = req.server.wasl.db;
      const pending: number[] = [];
      for (const orgId of adminOf) if ((await unacknowledgedEmergencies(db, orgId)).length) pending.push(orgId);
      if (!pending.length) return null;
      const { t } = req.i18n;
      return (
        <section class="notice--warn" role="alert">
          <p>{t('coordination.emergency.noticeTitle')}</p>
          <ul>
            {pending.map((id) => (
              <li>
                <a href={`/workspace/${id}`}>{t('coordination.emergency.noticeLink')}</a>
              </li>
            ))}
          </ul>
        </section>
      );
    },
  },
  {
    slot: 'organization',
    order: 60,
    async load(req, key) {
      const orgId = parseId(key);
      if (!orgId) return null;
      const items = await listPublicItems(req.server.wasl.db, orgId);
      if (!items.length) return null;
      const { t } = req.i18n;
      return (
        <section>
          <h2>{t('coordination.workspace.publicItems')}</h2>
          <ul>
            {items.map((i) => (
              <li>
                <a href={`/workspace/items/${i.id}`}>
                  <span dir="auto">{i.title}</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      );
    },
  },
];
