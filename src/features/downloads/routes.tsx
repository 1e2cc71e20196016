// /downloads/:id: a file that took too long to build while its owner waited (core/downloads).
// The page refreshes itself until the file is ready, then offers it; the owner may remove it at
// once. Anyone else's download, or one that has expired, is a 404.
import { action, endpoint, notFound, page, type MemberCtx } from '../../core/http/route.js';
import { downloadFile, getDownload, removeDownload, sendFile } from '../../core/downloads/index.js';
import { DownloadPage } from './views.js';

const own = async (c: MemberCtx) => (await getDownload(c.db, c.id('id'), c.user.id, c.now)) ?? notFound();

export const downloadRoutes = [
  page('/downloads/:id', {
    access: 'member',
    load: own,
    render: (c, d) => {
      c.reply.header('cache-control', 'private, no-store');
      return <DownloadPage download={d} />;
    },
  }),

  endpoint('GET', '/downloads/:id/file', {
    access: 'member',
    async handle(c) {
      const file = (await downloadFile(c.db, c.id('id'), c.user.id, c.now)) ?? notFound();
      return sendFile(c, file);
    },
  }),

  action('/downloads/:id/remove', {
    access: 'member',
    load: own,
    async run(c, d) {
      await removeDownload(c.db, d.id, c.user.id);
      return { to: d.backTo, flash: 'downloads.removed' };
    },
  }),
];
