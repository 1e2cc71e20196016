// What the worker and the page script agree on: the cache's name and the headers each kept page
// carries (the Cache API is the whole store: no IndexedDB is needed for a list of pages).

/** Pages kept on the phone, by path and query. Never versioned: a new worker keeps them. */
export const PAGES = 'wasl-offline-pages';
/** x-kind: 'visit' (kept for VISIT_DAYS), 'saved' (until removed), or 'pack:<pcode>'. */
export const KIND = 'x-kind';
export const SAVED = 'x-saved';
export const TITLE = 'x-title';
export const SIZE = 'x-size';
export const LANG = 'x-lang';
export const VISIT_DAYS = 7;
export const QUOTA = 20 * 1024 * 1024;
