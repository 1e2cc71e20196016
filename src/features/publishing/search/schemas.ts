// The query string of /search. The items' language is `content` (ar|en): `lang` is the interface's
// own parameter (the app switches the interface and keeps the choice in a cookie), so an old link
// with `lang=en` changes the interface only and never filters the results.
import { z } from 'zod';
import { listQuery } from '../schemas.js';

export const siteSearchQuery = listQuery.omit({ type: true, collection: true }).extend({
  q: z.string().trim().max(200).optional().catch(undefined),
  /** a publishing kind's segment, 'publications' (all of them), or another source's kind */
  kind: z
    .string()
    .regex(/^[a-z][a-z-]{0,39}$/)
    .optional()
    .catch(undefined),
});
export type SiteSearchQuery = z.infer<typeof siteSearchQuery>;
