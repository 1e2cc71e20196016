// Blocks coordination adds to pages it does not own: an organization's profile lists the
// workspace items it made public.
import { registerSection } from '../../core/views/sections.js';
import { parseId } from './context.js';
import { listPublicItems } from './workspace.js';

let registered = false;

export function registerCoordinationSections() {
  if (registered) return;
  registered = true;
  registerSection({
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
  });
}
