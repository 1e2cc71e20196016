// Publishing's part of the cross-organization isolation property (src/testing/isolation.ts): A's and
// B's items at every stage of the workflow. The rule: an organization's draft is its own; from
// submission on, the network's editors see and edit it too; once published, everyone reads it and
// only editors change it.
import { rowState, who, type IsolationWorld, type Probe } from '../../../testing/isolation.js';
import { createItem, publishItem, returnItem, submitItem } from '../workspace/actions.js';
import { itemFormFields, itemInput } from './fixtures.js';

/** An activity in C1564 whose body is a keyword (searched for, so the search page's echo of the query is not the marker). */
const isoInput = (organizationId: number, title: string, keyword: string) =>
  itemInput(organizationId, { title, body: keyword, towns: ['C1564'], activityDate: '2026-06-20' });

export async function publishingProbes(w: IsolationWorld): Promise<Probe[]> {
  const db = w.t.handle.db;
  const now = w.t.clock.now;
  const editors = who.is('editor', 'netAdmin');
  async function item(org: 'A' | 'B', stage: 'draft' | 'submitted' | 'returned' | 'published') {
    const orgId = org === 'A' ? w.orgA : w.orgB;
    const marker = `ISOPUB${stage.toUpperCase()}${org}`;
    const keyword = `kw${stage}${org}`.toLowerCase();
    const author = w.users[org === 'A' ? 'staffA' : 'staffB'];
    const id = await createItem(db, w.net, isoInput(orgId, `نشاط ${marker}`, keyword), author, now);
    if (stage !== 'draft') await submitItem(db, id, w.users[org === 'A' ? 'adminA' : 'adminB'], now);
    if (stage === 'returned') await returnItem(db, id, w.users.editor, 'أكملوا التفاصيل', now);
    if (stage === 'published') await publishItem(db, id, w.users.editor, now);
    return { id, orgId, marker, keyword };
  }

  const probes: Probe[] = [];
  for (const org of ['A', 'B'] as const) {
    for (const stage of ['draft', 'submitted', 'returned', 'published'] as const) {
      const { id, orgId, marker, keyword } = await item(org, stage);
      const staff = who.staffOf(org);
      const workflowReaders = stage === 'draft' ? staff : who.any(staff, editors);
      const edit = {
        writers: stage === 'draft' || stage === 'returned' ? workflowReaders : editors,
        send: (client: import('../../../testing/app.js').Client, n: number) =>
          client.post(
            `/publishing/items/${id}/edit`,
            itemFormFields(orgId, {
              title: `نشاط ${marker}`,
              summary: '',
              body: `${keyword} ${n}`,
              towns: 'C1564',
              topics: [],
            }),
          ),
        state: rowState(db, 'pub_items', ['body', 'status'], id),
      };
      // The workspace page of the item (its workflow, comments, history).
      probes.push({
        name: `publishing: ${org}'s ${stage} item (workspace)`,
        marker,
        readers: workflowReaders,
        pages: [`/publishing/items/${id}`],
        lists: ['/publishing'],
        write: edit,
      });
      probes.push({
        name: `publishing: ${org}'s ${stage} item (edit form)`,
        marker,
        readers: edit.writers,
        pages: [`/publishing/items/${id}/edit`],
      });
      // Its public page, listings and search.
      probes.push({
        name: `publishing: ${org}'s ${stage} item (public)`,
        marker,
        readers: stage === 'published' ? who.everyone : workflowReaders,
        pages: [`/activities/${id}`],
        lists: [
          '/activities',
          `/search?q=${keyword}`,
          `/organizations/${orgId}`,
          '/towns/C1564',
          '/feeds/activities.xml',
        ],
      });
    }
  }
  return probes;
}
