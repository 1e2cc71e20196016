// Isolation probes of workspaces: items of every sharing, documents with their files and the
// export, people and titles, emergency access, leaving the network.
import { rowsOf } from '../../../../core/db/rows.js';
import { who } from '../../../../testing/isolation.js';
import type { Kit, Rule, Write } from './kit.js';
import { createItem, setSharing } from '../../workspace/actions.js';
import { idFrom, PDF, postMultipart } from '../test-helpers.js';

export async function workspaceProbes(k: Kit): Promise<void> {
  const {
    t,
    db,
    users,
    c,
    net,
    orgA,
    orgB,
    orgC,
    now,
    mk,
    probes,
    staffA,
    staffB,
    staffC,
    orgIdOf,
    authorOf,
    expectOk,
    count,
    columnsOf,
  } = k;
  // ——— workspace items ———
  /** The pages that list workspace items: each person's own workspace (/workspace), what is
   * shared with them, C's workspace as the network admin sees it under the grant, and the owner's
   * public profile. */
  const workspaceLists = (owner: number) => [
    '/workspace',
    '/workspace/shared',
    `/workspace/${orgC}`,
    `/organizations/${owner}`,
  ];
  const itemState = (id: number) => async () =>
    (await db.selectFrom('coord_items').select(['title', 'body', 'sharing']).where('id', '=', id).executeTakeFirst()) ??
    null;
  const editItem = (id: number, title: string, keyword: string, writers: Rule): Write => ({
    writers,
    send: (client, n) => client.post(`/workspace/items/${id}/edit`, { title, body: `${keyword} ${n}` }),
    state: itemState(id),
  });

  type Sharing = 'private' | 'orgs' | 'network' | 'public';
  const notes: [org: 'A' | 'B' | 'C', sharing: Sharing, sharedWith: number[], readers: Rule, label: string][] = [
    ['A', 'private', [], staffA, "A's private note (A's emergency grant has expired)"],
    ['A', 'orgs', [orgB], who.any(staffA, staffB), "A's note shared with B"],
    ['A', 'network', [], who.network, "A's note shared with the network"],
    ['A', 'public', [], who.everyone, "A's public note"],
    ['B', 'private', [], staffB, "B's private note (no grant ever)"],
    ['B', 'orgs', [orgA], who.any(staffA, staffB), "B's note shared with A"],
    ['C', 'private', [], who.any(staffC, who.is('netAdmin')), "C's private note under a running emergency grant"],
  ];
  for (const [org, sharing, sharedWith, readers, label] of notes) {
    const marker = mk(`NOTE${sharing.toUpperCase()}${org}`);
    const keyword = `kwnote${sharing}${org}`.toLowerCase();
    const title = `ملاحظة ${marker}`;
    const id = await createItem(db, orgIdOf[org], { kind: 'note', title, body: keyword, userId: authorOf[org] }, now);
    await setSharing(db, id, orgIdOf[org], net, sharing, sharedWith, now);
    probes.push({
      name: `coordination: ${label}`,
      marker,
      readers,
      // A private item is also listed on its workspace page, which is just as private.
      pages:
        sharing === 'private' ? [`/workspace/items/${id}`, `/workspace/${orgIdOf[org]}`] : [`/workspace/items/${id}`],
      lists: workspaceLists(orgIdOf[org]),
      write: editItem(id, title, keyword, who.staffOf(org)),
    });
  }

  // Sharing itself is a change only the owner's staff make: network for a moment, then back to B only.
  {
    const marker = mk('NOTESHAREDA');
    const id = await createItem(
      db,
      orgA,
      { kind: 'note', title: `ملاحظة ${marker}`, body: '', userId: users.staffA },
      now,
    );
    await setSharing(db, id, orgA, net, 'orgs', [orgB], now);
    probes.push({
      name: "coordination: A's note shared with B (sharing changes)",
      marker,
      readers: who.any(staffA, staffB),
      pages: [`/workspace/items/${id}`],
      lists: workspaceLists(orgA),
      write: {
        writers: staffA,
        send: async (client) => {
          const first = await client.post(`/workspace/items/${id}/sharing`, { sharing: 'network' });
          if (first.statusCode !== 303) return first;
          return client.post(`/workspace/items/${id}/sharing`, { sharing: 'orgs', orgs: [String(orgB)] });
        },
        // The two changes leave the item as it was; the audit log keeps each of them.
        state: async () => ({
          item: await itemState(id)(),
          changes: Number(
            (
              await db
                .selectFrom('audit_log')
                .select((eb) => eb.fn.countAll<number>().as('n'))
                .where('action', '=', 'coordination.item.sharing')
                .where('target_id', '=', String(id))
                .executeTakeFirstOrThrow()
            ).n,
          ),
        }),
      },
    });
  }

  // ——— documents, their versions and files, and the organization's export ———
  const documents: [org: 'A' | 'B', sharing: Sharing, sharedWith: number[], readers: Rule][] = [
    ['A', 'private', [], staffA],
    ['A', 'orgs', [orgB], who.any(staffA, staffB)],
    ['A', 'network', [], who.network],
    ['A', 'public', [], who.everyone],
    ['B', 'orgs', [orgA], who.any(staffA, staffB)],
  ];
  for (const [org, sharing, sharedWith, readers] of documents) {
    const code = `${sharing.toUpperCase()}${org}`;
    const marker = mk(`DOC${code}`);
    const fileMarker = mk(`FILE${code}`);
    const nameMarker = mk(`FNAME${code}`);
    const orgId = orgIdOf[org];
    const uploader = org === 'A' ? c.adminA : c.adminB;
    const res = expectOk(
      await postMultipart(
        t,
        uploader,
        `/workspace/${orgId}/documents`,
        { title: `وثيقة ${marker}`, body: '', note: '' },
        { file: { filename: `${nameMarker}.pdf`, data: PDF(`${fileMarker} v1`) } },
      ),
      'document upload',
    );
    const id = idFrom(res.headers.location);
    expectOk(
      await postMultipart(
        t,
        uploader,
        `/workspace/items/${id}/versions`,
        { note: '' },
        { file: { filename: `${nameMarker}-2.pdf`, data: PDF(`${fileMarker} v2`) } },
      ),
      'document version',
    );
    await setSharing(db, id, orgId, net, sharing, sharedWith, now);
    const versions = await rowsOf(db, 'coord_document_versions', { item_id: id }, ['version']);
    const countVersions = async () => count('coord_document_versions', 'item_id', id);
    probes.push({
      name: `coordination: ${org}'s ${sharing} document`,
      marker,
      readers,
      pages: [`/workspace/items/${id}`],
      lists: workspaceLists(orgId),
      // A new version is a change of the document: the owner's staff only.
      write:
        sharing === 'orgs'
          ? {
              writers: who.staffOf(org),
              send: (client, n) =>
                postMultipart(
                  t,
                  client,
                  `/workspace/items/${id}/versions`,
                  { note: `n${n}` },
                  { file: { filename: `v${n}.pdf`, data: PDF(`version ${n}`) } },
                ),
              state: countVersions,
            }
          : undefined,
    });
    probes.push({
      name: `coordination: ${org}'s ${sharing} document (its files)`,
      marker: fileMarker,
      readers,
      pages: versions.map((v) => `/workspace/items/${id}/versions/${v.id}/file`),
    });
    if (sharing === 'orgs') {
      // The export holds exactly the organization's own rows and files — not what others shared
      // with it. (The zip is compressed; its file names are not.)
      const others = [orgA, orgB, orgC].filter((o) => o !== orgId);
      probes.push({
        name: `coordination: ${org}'s export (a document it shared)`,
        marker: nameMarker,
        readers: who.adminOf(org),
        pages: [`/workspace/${orgId}/export`],
        lists: others.map((o) => `/workspace/${o}/export`),
      });
    }
  }

  // ——— people and their titles; emergency access ———
  probes.push({
    name: "coordination: A's workspace people (titles)",
    marker: mk('TITLEA'),
    readers: staffA,
    pages: [`/workspace/${orgA}`],
    lists: workspaceLists(orgA),
    write: {
      writers: who.adminOf('A'),
      send: (client, n) =>
        client.post(`/workspace/${orgA}/people`, {
          user_id: String(users.staffA),
          title: `${mk('TITLEA')} ${n}`,
        }),
      state: async () =>
        (await db
          .selectFrom('coord_member_roles')
          .select(['title', 'is_executive_director', 'is_representative'])
          .where('organization_id', '=', orgA)
          .where('user_id', '=', users.staffA)
          .executeTakeFirst()) ?? null,
    },
  });
  probes.push({
    name: "coordination: C's workspace under a running emergency grant (opening one: network admins)",
    marker: mk('TITLEC'),
    readers: who.any(staffC, who.is('netAdmin')),
    pages: [`/workspace/${orgC}`],
    lists: ['/workspace', `/workspace/${orgA}`, `/workspace/${orgB}`],
    write: {
      writers: who.is('netAdmin'),
      send: (client, n) =>
        client.post(`/workspace/${orgC}/emergency`, {
          reason: `The office is unreachable and the files are needed (${n}).`,
          hours: '1',
        }),
      state: async () => count('coord_emergency_access', 'organization_id', orgC),
    },
  });
  // Leaving the network is B's admins' decision (asked for, then withdrawn at once here).
  probes.push({
    name: "coordination: B's departure (its admins only)",
    marker: mk('NOTEPRIVATEB'),
    readers: staffB,
    pages: [`/workspace/${orgB}`],
    write: {
      writers: who.adminOf('B'),
      send: async (client) => {
        // The name as it is now (other features' probes edit the profile).
        const org = await db
          .selectFrom('organizations')
          .select('name_en')
          .where('id', '=', orgB)
          .executeTakeFirstOrThrow();
        const res = await client.post(`/workspace/${orgB}/leave`, { confirm_name: org.name_en.trim() });
        if (res.statusCode !== 303) return res;
        return client.post(`/workspace/${orgB}/leave/cancel`, {});
      },
      state: () => columnsOf('coord_departures', ['id', 'cancelled_at'], 'organization_id', orgB, 'id'),
    },
  });
}
